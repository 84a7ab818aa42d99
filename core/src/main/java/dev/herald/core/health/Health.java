package dev.herald.core.health;

import dev.herald.core.config.Settings;
import dev.herald.core.delivery.Providers;
import dev.herald.core.runtime.HeraldRuntime;
import dev.herald.core.runtime.Lifecycle;
import dev.herald.core.schema.FlywayIntegrator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The checks behind {@code /v2.0/health/live} and {@code /v2.0/health/ready}. Alive: the node
 * answers and is not stopping. Ready: its database answers with a schema at least as new as this
 * node's migrations, its background work runs (or is off by setting), and no delivery provider that
 * was configured failed to start.
 */
@ApplicationScoped
public class Health {

  private static final Logger LOG = Logger.getLogger(Health.class.getName());

  @Inject SchemaProbe schema;
  @Inject HeraldRuntime runtime;
  @Inject Providers providers;

  public List<HealthCheck> liveness() {
    return List.of(
        Lifecycle.isStopping()
            ? new HealthCheck("node", false, "stopping")
            : new HealthCheck("node", true, "answering"));
  }

  public List<HealthCheck> readiness() {
    return List.of(database(), background(), deliveryProviders());
  }

  private HealthCheck database() {
    Optional<String> version;
    try {
      version = schema.version();
    } catch (RuntimeException e) {
      // Probes repeat every few seconds through an outage: the cause is for debugging only.
      LOG.log(Level.FINE, "Readiness: the database did not answer", e);
      return new HealthCheck("database", false, "not reachable");
    }
    if (version.isEmpty()) {
      return new HealthCheck("database", false, "no schema: Herald's migrations have not run");
    }
    var found = MigrationVersion.fromVersion(version.get());
    var needed = FlywayIntegrator.newestVersion().map(MigrationVersion::fromVersion);
    if (needed.isPresent() && found.compareTo(needed.get()) < 0) {
      return new HealthCheck(
          "database",
          false,
          "schema version " + found + ", this node needs " + needed.get() + " (not migrated)");
    }
    var newer = needed.isPresent() && found.compareTo(needed.get()) > 0;
    return new HealthCheck(
        "database",
        true,
        "schema version "
            + found
            + (newer ? " (newer than this node's " + needed.get() + ")" : ""));
  }

  private HealthCheck background() {
    var problem = runtime.backgroundProblem();
    if (problem.isPresent()) {
      return new HealthCheck("background", false, problem.get());
    }
    return new HealthCheck(
        "background",
        true,
        Settings.getBoolean(HeraldRuntime.ENABLED, true)
            ? "running"
            : "off (" + HeraldRuntime.ENABLED + "=false)");
  }

  /** Down only for a provider that was configured and failed: one left unconfigured is off. */
  private HealthCheck deliveryProviders() {
    var registry = providers.registry();
    return new HealthCheck("providers", registry.failed().isEmpty(), registry.summary());
  }
}
