package dev.herald.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A suite whose outcome does not depend on the server: the console's pages, which only call the
 * REST API (whose behaviour on WildFly the other suites check). The WildFly stage leaves it out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DisabledIfSystemProperty(
    named = "arquillian.launch",
    matches = "wildfly",
    disabledReason = "the same on every server: the Payara Micro stage runs it")
@interface SameOnEveryServer {}
