package dev.herald.api.integration;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.core.auth.Role;
import dev.herald.core.integration.IntegrationKeys;
import dev.herald.core.organization.OrganizationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Push API's credentials: {@code …/integration-keys}. A key is shown once, at creation, with
 * the organization's company id; revoked keys stay listed, marked {@code revokedAt}.
 */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/integration-keys")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
@Tag(name = "integration keys", description = "The Push API v2's credentials")
@SecurityRequirement(name = "bearer")
public class IntegrationKeyResource {

  @Inject IntegrationKeys keys;
  @Inject OrganizationService organizations;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Create an integration key",
      description = "The key is shown once, here, with the organization's `companyId`.")
  @RequestBody(ref = "Credential")
  @APIResponse(
      responseCode = "201",
      description = "Created; the key is in `integrationKey`",
      content = @Content(schema = @Schema(implementation = IntegrationKeyResponse.class)))
  public Response create(String body) {
    var json = body == null || body.isBlank() ? null : JsonBody.object(body);
    var issued =
        keys.issue(
            organizationId,
            caller.get().principal(),
            json == null ? null : JsonBody.string(json, "name"),
            json == null ? null : JsonBody.integer(json, "sendsPerMinute"));
    return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id().toString()).build())
        .entity(IntegrationKeyResponse.of(issued.key(), issued.companyId(), issued.secret()))
        .build();
  }

  @GET
  @Operation(summary = "List integration keys: prefix and metadata only")
  public PageResponse<IntegrationKeyResponse> list() {
    var companyId = organizations.get(organizationId).companyId();
    return PageResponse.all(
        keys.list(organizationId).stream()
            .map(k -> IntegrationKeyResponse.of(k, companyId, null))
            .toList());
  }

  @DELETE
  @Path("{keyId}")
  @Operation(summary = "Revoke an integration key")
  @APIResponse(responseCode = "204", description = "Done")
  public Response revoke(@PathParam("keyId") String keyId) {
    keys.revoke(organizationId, JsonBody.pathId(keyId, "Integration key"));
    return Response.noContent().build();
  }
}
