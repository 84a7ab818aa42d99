package dev.herald.core.schema;

import dev.herald.core.config.Settings;
import dev.herald.core.notification.Notification;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;

/**
 * Migrates the database with Flyway while Hibernate boots the persistence unit that maps Herald's
 * entities (the {@code herald} unit), so the schema is current before Hibernate validates it.
 * Hibernate calls integrators before its schema tooling runs, and every server builds the
 * persistence unit at deploy time, which makes this the one start-up hook that works the same on
 * Payara, WildFly and in a host application. A host that migrates on its own schedule turns this
 * off ({@link #ENABLED}) and calls {@link #migrate} when it chooses.
 */
public final class FlywayIntegrator implements Integrator {

  /** {@code false}: the application runs {@link #migrate} itself, or its operators do. */
  public static final String ENABLED = "herald.migrations.enabled";

  private static final Logger LOG = Logger.getLogger(FlywayIntegrator.class.getName());

  /** The newest migration this application carries, once it has migrated (see readiness). */
  private static volatile String newestVersion;

  @Override
  public void integrate(
      Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor factory) {
    if (metadata.getEntityBinding(Notification.class.getName()) == null) {
      return; // another persistence unit of a host application
    }
    if (!Settings.getBoolean(ENABLED, true)) {
      LOG.info(
          () -> "Herald's migrations are off (" + ENABLED + "=false): the schema must be current");
      return;
    }
    var dataSource =
        factory
            .getServiceRegistry()
            .requireService(ConnectionProvider.class)
            .unwrap(DataSource.class);
    var result = migrate(dataSource);
    LOG.info(() -> "Database schema is at version " + result);
  }

  /** Applies Herald's migrations to a database and returns the resulting schema version. */
  public static String migrate(DataSource dataSource) {
    var flyway =
        Flyway.configure(FlywayIntegrator.class.getClassLoader())
            .dataSource(dataSource)
            .locations(locations(dataSource))
            .table("herald_schema_history")
            // A host's tables may be there first, in the same schema: Herald's history starts
            // empty beside them (version 0) and every migration of Herald's then runs.
            .baselineOnMigrate(true)
            .baselineVersion("0")
            .load();
    flyway.migrate();
    var info = flyway.info();
    // Applied by a newer Herald than this one ("future"): not this application's.
    java.util.Arrays.stream(info.all())
        .filter(m -> m.getVersion() != null && !m.getState().name().startsWith("FUTURE"))
        .reduce((first, second) -> second)
        .ifPresent(m -> newestVersion = m.getVersion().getVersion());
    var current = info.current();
    return current == null ? "empty" : current.getVersion().getVersion();
  }

  /**
   * The version of the newest migration this application carries, known once it has migrated the
   * database in this process; empty when it has not (migrations off, run by the host).
   */
  public static Optional<String> newestVersion() {
    return Optional.ofNullable(newestVersion);
  }

  /**
   * The portable migrations, and on PostgreSQL the few that use what H2 lacks (partial indexes):
   * versions are unique across both locations. Both are Herald's own, outside Flyway's default
   * {@code db/migration}, so that a host application's Flyway never finds Herald's scripts nor
   * Herald's its scripts (Flyway scans a location and everything below it).
   */
  private static String[] locations(DataSource dataSource) {
    try (var connection = dataSource.getConnection()) {
      var product = connection.getMetaData().getDatabaseProductName();
      return product.equalsIgnoreCase("PostgreSQL")
          ? new String[] {"classpath:db/herald/common", "classpath:db/herald/postgresql"}
          : new String[] {"classpath:db/herald/common"};
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate it", e);
    }
  }

  @Override
  public void disintegrate(
      SessionFactoryImplementor factory,
      org.hibernate.service.spi.SessionFactoryServiceRegistry registry) {}
}
