package dev.herald.api.token;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.core.auth.Role;
import dev.herald.core.auth.TokenService;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.Timestamps;
import dev.herald.core.member.MemberService;
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
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Personal access tokens: {@code …/tokens}. The secret is shown once, at creation. System
 * administrators' tokens ({@code "systemAdmin": true}) are issued, listed and revoked only by
 * system administrators.
 */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
@Tag(name = "tokens", description = "Personal access tokens")
@SecurityRequirement(name = "bearer")
public class TokenResource {

  @Inject TokenService tokens;
  @Inject MemberService members;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Issue a personal access token",
      description =
          "The secret (`token`) is shown once, here. `systemAdmin` only from a system"
              + " administrator.")
  @RequestBody(ref = "Token")
  @APIResponse(
      responseCode = "201",
      description = "Issued; the secret is in `token`",
      content = @Content(schema = @Schema(implementation = TokenResponse.class)))
  public Response create(String body) {
    var json = JsonBody.object(body);
    var memberText = JsonBody.string(json, "memberId");
    if (memberText == null) {
      throw JsonBody.invalid("memberId", "is required");
    }
    var member = members.get(organizationId, JsonBody.uuid("memberId", memberText));
    var role = role(JsonBody.string(json, "role"));
    var expiresText = JsonBody.string(json, "expiresAt");
    var expiresAt = expiresText == null ? null : Timestamps.parse("expiresAt", expiresText);
    var name = JsonBody.string(json, "name");
    if (name != null && name.length() > 200) {
      throw JsonBody.invalid("name", "must be at most 200 characters");
    }
    var systemAdmin = Boolean.TRUE.equals(JsonBody.bool(json, "systemAdmin"));
    var issued =
        tokens.issue(
            caller.get(),
            organizationId,
            member.id(),
            role,
            systemAdmin,
            name,
            expiresAt,
            JsonBody.integer(json, "sendsPerMinute"));
    return Response.created(
            uri.getAbsolutePathBuilder().path(issued.token().id().toString()).build())
        .entity(TokenResponse.of(issued.token(), issued.secret()))
        .build();
  }

  @GET
  @Operation(summary = "List tokens: prefix and metadata only")
  public PageResponse<TokenResponse> list() {
    return PageResponse.all(
        tokens.list(caller.get(), organizationId).stream()
            .map(t -> TokenResponse.of(t, null))
            .toList());
  }

  @DELETE
  @Path("{tokenId}")
  @Operation(summary = "Revoke a token")
  @APIResponse(responseCode = "204", description = "Done")
  public Response revoke(@PathParam("tokenId") String tokenId) {
    tokens.revoke(caller.get(), organizationId, JsonBody.pathId(tokenId, "Token"));
    return Response.noContent().build();
  }

  private static Role role(String text) {
    if (text == null) {
      throw JsonBody.invalid("role", "is required: ADMIN, SENDER or MEMBER");
    }
    try {
      return Role.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(
          "role must be ADMIN, SENDER or MEMBER",
          java.util.List.of(
              new InvalidRequestException.FieldError("role", "must be ADMIN, SENDER or MEMBER")));
    }
  }
}
