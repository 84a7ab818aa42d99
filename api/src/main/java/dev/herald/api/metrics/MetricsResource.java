package dev.herald.api.metrics;

import dev.herald.core.common.NotFoundException;
import dev.herald.core.metrics.HeraldMetrics;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v2.0/metrics}: this node's meters in the Prometheus text format. Without a token, as
 * scrapers call it, like the health checks: it tells aggregates only, never an organization, a
 * member or an id (docs/adr/0018). {@code HERALD_METRICS_ENABLED=false} turns it off: 404.
 */
@RequestScoped
@Path("/v2.0/metrics")
@Tag(name = "metrics", description = "Without a token, for Prometheus")
@SecurityRequirements
public class MetricsResource {

  @Inject HeraldMetrics metrics;

  /**
   * The type is set here rather than negotiated: scrapers' {@code Accept} headers vary. It is set
   * as a header rather than as a media type: Jersey wrote a media type's parameters in an order of
   * its own ({@code text/plain;charset=utf-8;version=0.0.4}); now Payara writes it as given, and
   * WildFly without the spaces, which parsers read alike.
   */
  @GET
  @Operation(summary = "This node's meters, in the Prometheus text format (README \"Metrics\")")
  @APIResponse(
      responseCode = "200",
      description = "The meters",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "404", description = "Metrics are off (HERALD_METRICS_ENABLED)")
  public Response scrape() {
    if (!metrics.enabled()) {
      throw new NotFoundException(
          "Metrics are off on this node (" + HeraldMetrics.ENABLED + "=false)");
    }
    return Response.ok(metrics.scrape())
        .header(HttpHeaders.CONTENT_TYPE, HeraldMetrics.CONTENT_TYPE)
        .build();
  }
}
