package dev.herald.api.health;

import dev.herald.core.health.Health;
import dev.herald.core.health.HealthCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v2.0/health/live} and {@code /v2.0/health/ready}: 200 when every check passes, else
 * 503, with the checks and how each went. Without a token, as load balancers and orchestrators call
 * them; they tell nothing about any organization.
 */
@RequestScoped
@Path("/v2.0/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "Without a token, for load balancers")
@SecurityRequirements
public class HealthResource {

  @Inject Health health;

  /** The answer: {@code UP} or {@code DOWN}, and each check. */
  @JsonbPropertyOrder({"status", "checks"})
  public record HealthResponse(String status, List<CheckResponse> checks) {}

  /** One check as the answer shows it. */
  @JsonbPropertyOrder({"name", "status", "detail"})
  public record CheckResponse(String name, String status, String detail) {}

  /** Alive: the node answers and is not stopping; a load balancer restarts a node that is not. */
  @GET
  @Path("live")
  @Operation(summary = "Alive: the node answers and is not stopping")
  @APIResponse(
      responseCode = "200",
      description = "Every check passed",
      content = @Content(schema = @Schema(implementation = HealthResponse.class)))
  @APIResponse(
      responseCode = "503",
      description = "A check failed, or the node is stopping",
      content = @Content(schema = @Schema(implementation = HealthResponse.class)))
  public Response live() {
    return answer(health.liveness());
  }

  /** Ready: the node can take requests and deliver; a load balancer sends work only to these. */
  @GET
  @Path("ready")
  @Operation(
      summary = "Ready: the database, the background work and the providers",
      description =
          "The database answers with a schema at least as new as this node's migrations, the"
              + " background work runs, and no configured provider failed to start.")
  @APIResponse(
      responseCode = "200",
      description = "Every check passed",
      content = @Content(schema = @Schema(implementation = HealthResponse.class)))
  @APIResponse(
      responseCode = "503",
      description = "A check failed, or the node is stopping",
      content = @Content(schema = @Schema(implementation = HealthResponse.class)))
  public Response ready() {
    return answer(health.readiness());
  }

  private static Response answer(List<HealthCheck> checks) {
    var up = checks.stream().allMatch(HealthCheck::up);
    var shown =
        checks.stream().map(c -> new CheckResponse(c.name(), status(c.up()), c.detail())).toList();
    return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
        .entity(new HealthResponse(status(up), shown))
        .build();
  }

  private static String status(boolean up) {
    return up ? "UP" : "DOWN";
  }
}
