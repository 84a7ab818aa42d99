package dev.herald.api.caller;

import dev.herald.api.auth.AnyToken;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.core.member.MemberService;
import dev.herald.core.organization.OrganizationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v2.0/tool/me}: the organization, member and role of the token that asks. A token
 * names no organization by itself; the console signs in with a token alone and learns here which
 * organization's paths to call.
 */
@RequestScoped
@Path("/v2.0/tool/me")
@Produces(MediaType.APPLICATION_JSON)
@AnyToken
@Tag(name = "caller", description = "Who a token is")
@SecurityRequirement(name = "bearer")
public class CallerResource {

  @Inject CurrentCaller caller;
  @Inject OrganizationService organizations;
  @Inject MemberService members;

  /** The caller as the API shows it. */
  @JsonbPropertyOrder({
    "organizationId",
    "organizationName",
    "memberId",
    "email",
    "name",
    "role",
    "systemAdmin"
  })
  public record CallerResponse(
      String organizationId,
      String organizationName,
      String memberId,
      String email,
      String name,
      String role,
      boolean systemAdmin) {}

  @GET
  @Operation(
      summary = "Who the token is",
      description = "Its organization, member and role; any valid token.")
  public CallerResponse get() {
    var c = caller.get();
    var organization = organizations.get(c.organizationId());
    var member = members.get(c.organizationId(), c.memberId());
    return new CallerResponse(
        organization.id(),
        organization.name(),
        member.id().toString(),
        member.email(),
        member.name(),
        c.role().name(),
        c.systemAdmin());
  }
}
