package dev.herald.api.auth;

import dev.herald.core.auth.Role;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an organization-scoped resource method (on the method or its class). A
 * resource under {@code /v2.0/tool/organizations/{organizationId}} without it is refused to all.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allowed {
  Role[] value();
}
