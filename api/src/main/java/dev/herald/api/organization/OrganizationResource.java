package dev.herald.api.organization;

import dev.herald.api.auth.SystemAdminOnly;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.core.common.Timestamps;
import dev.herald.core.organization.Organization;
import dev.herald.core.organization.OrganizationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

/** Organizations: {@code /v2.0/tool/organizations}, for system administrators only. */
@RequestScoped
@Path("/v2.0/tool/organizations")
@Produces(MediaType.APPLICATION_JSON)
@SystemAdminOnly
@Tag(name = "organizations", description = "For system administrators only")
@SecurityRequirement(name = "bearer")
public class OrganizationResource {

  @Inject OrganizationService organizations;
  @Context UriInfo uri;

  /** An organization as the API shows it. */
  @JsonbPropertyOrder({"id", "name", "companyId", "createdAt"})
  public record OrganizationResponse(String id, String name, int companyId, String createdAt) {
    static OrganizationResponse of(Organization o) {
      return new OrganizationResponse(
          o.id(), o.name(), o.companyId(), Timestamps.format(o.createdAt()));
    }
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Create an organization")
  @RequestBody(ref = "Organization")
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its path",
      content = @Content(schema = @Schema(implementation = OrganizationResponse.class)))
  public Response create(String body) {
    var json = JsonBody.object(body);
    var name = JsonBody.string(json, "name");
    if (name == null || name.isBlank()) {
      throw JsonBody.invalid("name", "is required");
    }
    if (name.length() > 200) {
      throw JsonBody.invalid("name", "must be at most 200 characters");
    }
    var organization = organizations.create(JsonBody.string(json, "id"), name);
    return Response.created(uri.getAbsolutePathBuilder().path(organization.id()).build())
        .entity(OrganizationResponse.of(organization))
        .build();
  }

  @GET
  @Operation(summary = "List the organizations")
  public PageResponse<OrganizationResponse> list() {
    return PageResponse.all(organizations.list().stream().map(OrganizationResponse::of).toList());
  }
}
