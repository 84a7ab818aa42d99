package dev.herald.api.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Puts an {@link AuthFilter} in front of every resource method marked {@link Allowed} or {@link
 * SystemAdminOnly}, on the method or its class, in whichever JAX-RS application finds Herald's
 * resources: Herald's own or a host's that scans. Other methods, a host's among them, get none.
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
    if (allowed.isPresent() || systemAdminOnly) {
      context.register(
          new AuthFilter(allowed.map(Allowed::value).orElse(null), systemAdminOnly),
          Priorities.AUTHENTICATION);
    }
  }
}
