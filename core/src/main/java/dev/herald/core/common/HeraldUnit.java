package dev.herald.core.common;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The {@code EntityManager} of the persistence unit that holds Herald's entities, which every
 * service of core injects. The application produces it, naming its unit: Herald's WAR for its unit
 * {@code herald}, a host for its own (docs/adr/0011):
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class HeraldStorage {
 *   @Produces @HeraldUnit @PersistenceContext(unitName = "shop") EntityManager heraldUnit;
 * }
 * }</pre>
 *
 * <p>Core declares no persistence context of its own: the servers check every declared one against
 * the application's units when it deploys, so a name fixed in core would fail every host whose unit
 * is named otherwise.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER, TYPE})
public @interface HeraldUnit {}
