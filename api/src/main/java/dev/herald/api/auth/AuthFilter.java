package dev.herald.api.auth;

import dev.herald.api.common.ErrorResponse;
import dev.herald.core.auth.Caller;
import dev.herald.core.auth.TokenService;
import dev.herald.core.organization.OrganizationService;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Arrays;
import java.util.Optional;

/**
 * Authenticates every request to a resource marked {@link Allowed} or {@link SystemAdminOnly}.
 * Every kind of bad token gets the same 401; a token of another organization gets 404, as if the
 * organization did not exist; a role that may not call the method gets 403.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AuthFilter implements ContainerRequestFilter {

  private static final String BEARER = "bearer ";

  @Context ResourceInfo resource;
  @Inject TokenService tokens;
  @Inject OrganizationService organizations;
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    var method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    var allowed =
        Optional.ofNullable(method.getAnnotation(Allowed.class))
            .or(
                () ->
                    Optional.ofNullable(resource.getResourceClass().getAnnotation(Allowed.class)));
    var systemAdminOnly =
        method.isAnnotationPresent(SystemAdminOnly.class)
            || resource.getResourceClass().isAnnotationPresent(SystemAdminOnly.class);
    if (allowed.isEmpty() && !systemAdminOnly) {
      return;
    }
    var caller = authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (caller.isEmpty()) {
      request.abortWith(error(401, "Unauthorized"));
      return;
    }
    current.set(caller.get());
    if (systemAdminOnly) {
      if (!caller.get().systemAdmin()) {
        request.abortWith(error(403, "Only a system administrator may manage organizations"));
      }
      return;
    }
    var organization = request.getUriInfo().getPathParameters().getFirst("organizationId");
    if (organization == null
        || !caller.get().canSee(organization)
        || (caller.get().systemAdmin() && organizations.find(organization).isEmpty())) {
      request.abortWith(error(404, "Organization not found"));
      return;
    }
    var role = caller.get().roleIn(organization);
    if (Arrays.stream(allowed.get().value()).noneMatch(r -> r == role)) {
      request.abortWith(error(403, "This token's role (" + role + ") may not do this"));
    }
  }

  /**
   * Exactly {@code Bearer <secret>} (the scheme in any case, one space). The secret is taken as
   * sent, never trimmed: a control character, a space or anything outside ASCII makes the header
   * malformed, and a value longer than any secret is refused without hashing or looking it up.
   */
  private Optional<Caller> authenticate(String header) {
    if (header == null
        || header.length() <= BEARER.length()
        || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    // The scheme and the token are separated by spaces (RFC 6750: 1*SP); WildFly folds a run of
    // spaces and tabs into one, so both servers accept any run of them there. Nothing else is
    // trimmed: a character after the token makes the token unknown.
    var start = BEARER.length();
    while (start < header.length()
        && (header.charAt(start) == ' ' || header.charAt(start) == '\t')) {
      start++;
    }
    if (header.length() - start > TokenService.MAX_SECRET_LENGTH) {
      return Optional.empty();
    }
    var secret = header.substring(start);
    return TokenService.wellFormed(secret) ? tokens.authenticate(secret) : Optional.empty();
  }

  private static Response error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorResponse.of(message))
        .build();
  }
}
