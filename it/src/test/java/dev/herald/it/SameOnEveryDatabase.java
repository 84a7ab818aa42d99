package dev.herald.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A suite whose outcome does not depend on the database (the console, the test kit, start-up
 * switches): {@code .ci/run}'s PostgreSQL stage leaves it out, its H2 and WildFly stages run it.
 * Keeps the whole of {@code .ci/run} well under an hour.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@DisabledIfSystemProperty(
    named = "herald.test.db.url",
    matches = "jdbc:postgresql:.*",
    disabledReason = "the same on every database: the H2 and WildFly stages run it")
@interface SameOnEveryDatabase {}
