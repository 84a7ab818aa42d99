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

/** Organizations: {@code /v2.0/tool/organizations}, for system administrators only. */
@RequestScoped
@Path("/v2.0/tool/organizations")
@Produces(MediaType.APPLICATION_JSON)
@SystemAdminOnly
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
  public PageResponse<OrganizationResponse> list() {
    return PageResponse.all(organizations.list().stream().map(OrganizationResponse::of).toList());
  }
}
