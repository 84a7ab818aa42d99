package dev.herald.api.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Puts an {@link AuthFilter} in front of every resource method marked {@link Allowed}, {@link
 * SystemAdminOnly} or {@link AnyToken}, on the method or its class, in whichever JAX-RS application
 * finds Herald's resources: Herald's own or a host's that scans. Other methods, a host's among
 * them, get none.
 */
@Provider
public class AuthFeature implements DynamicFeature {

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    var method = resource.getResourceMethod();
    var type = resource.getResourceClass();
    var allowed =
        Optional.ofNullable(method.getAnnotation(Allowed.class))
            .or(() -> Optional.ofNullable(type.getAnnotation(Allowed.class)));
    var systemAdminOnly =
        method.isAnnotationPresent(SystemAdminOnly.class)
            || type.isAnnotationPresent(SystemAdminOnly.class);
    var anyToken =
        method.isAnnotationPresent(AnyToken.class) || type.isAnnotationPresent(AnyToken.class);
    if (systemAdminOnly) {
      context.register(
          new AuthFilter(null, AuthFilter.Requirement.SYSTEM_ADMIN), Priorities.AUTHENTICATION);
    } else if (anyToken) {
      context.register(
          new AuthFilter(null, AuthFilter.Requirement.ANY_TOKEN), Priorities.AUTHENTICATION);
    } else if (allowed.isPresent()) {
      context.register(
          new AuthFilter(allowed.get().value(), AuthFilter.Requirement.ROLE_IN_ORGANIZATION),
          Priorities.AUTHENTICATION);
    }
  }
}
