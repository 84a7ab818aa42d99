package dev.herald.api.auth;

import dev.herald.api.common.ErrorResponse;
import dev.herald.core.auth.Caller;
import dev.herald.core.auth.Role;
import dev.herald.core.auth.TokenService;
import dev.herald.core.organization.OrganizationService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Optional;

/**
 * Authenticates the requests to one resource method marked {@link Allowed}, {@link SystemAdminOnly}
 * or {@link AnyToken}; {@link AuthFeature} registers one per such method. Every kind of bad token
 * gets the same 401; a token of another organization gets 404, as if the organization did not
 * exist; a role that may not call the method gets 403.
 *
 * <p>Not a CDI bean with injected context: one bean would be shared by every JAX-RS application of
 * the WAR, and its injected {@code ResourceInfo} belonged to one of them (a host's application
 * beside Herald's got "not inside a request scope" on every request). The method's requirements
 * come with the instance; the services are looked up once, on first use.
 */
final class AuthFilter implements ContainerRequestFilter {

  private static final String BEARER = "bearer ";

  /** What a method asks of its caller beyond a valid token. */
  enum Requirement {
    /** One of the allowed roles in the organization of the path. */
    ROLE_IN_ORGANIZATION,
    /** A system administrator's token. */
    SYSTEM_ADMIN,
    /** Nothing more: the method answers about the caller itself. */
    ANY_TOKEN
  }

  private final Role[] allowed;
  private final Requirement requirement;
  private volatile Services services;

  /** Herald's beans this filter uses; their proxies may be kept. */
  private record Services(
      TokenService tokens, OrganizationService organizations, CurrentCaller current) {

    static Services lookUp() {
      var cdi = CDI.current();
      return new Services(
          cdi.select(TokenService.class).get(),
          cdi.select(OrganizationService.class).get(),
          cdi.select(CurrentCaller.class).get());
    }
  }

  /**
   * @param allowed the roles that may call the method, for {@link Requirement#ROLE_IN_ORGANIZATION}
   */
  AuthFilter(Role[] allowed, Requirement requirement) {
    this.allowed = allowed == null ? new Role[0] : allowed.clone();
    this.requirement = requirement;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    var beans = services();
    var caller = authenticate(beans.tokens(), request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (caller.isEmpty()) {
      request.abortWith(error(401, "Unauthorized"));
      return;
    }
    beans.current().set(caller.get());
    if (requirement == Requirement.ANY_TOKEN) {
      return;
    }
    if (requirement == Requirement.SYSTEM_ADMIN) {
      if (!caller.get().systemAdmin()) {
        request.abortWith(error(403, "Only a system administrator may manage organizations"));
      }
      return;
    }
    var organization = request.getUriInfo().getPathParameters().getFirst("organizationId");
    if (organization == null
        || !caller.get().canSee(organization)
        || (caller.get().systemAdmin() && beans.organizations().find(organization).isEmpty())) {
      request.abortWith(error(404, "Organization not found"));
      return;
    }
    var role = caller.get().roleIn(organization);
    if (Arrays.stream(allowed).noneMatch(r -> r == role)) {
      request.abortWith(error(403, "This token's role (" + role + ") may not do this"));
    }
  }

  private Services services() {
    var found = services;
    if (found == null) {
      found = Services.lookUp();
      services = found;
    }
    return found;
  }

  /**
   * Exactly {@code Bearer <secret>} (the scheme in any case, one space). The secret is taken as
   * sent, never trimmed: a control character, a space or anything outside ASCII makes the header
   * malformed, and a value longer than any secret is refused without hashing or looking it up.
   */
  private static Optional<Caller> authenticate(TokenService tokens, String header) {
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
