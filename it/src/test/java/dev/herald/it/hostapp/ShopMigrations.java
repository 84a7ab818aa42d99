package dev.herald.it.hostapp;

import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The shop's database, and its own migrations, run from their own location into their own history
 * table. The database lives in the server's memory for as long as the server, apart from the one
 * the other suites share; Herald's tables are there too, in the shop's persistence unit.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/shop",
    className = "dev.herald.it.hostapp.ShopDataSource",
    // WildFly refuses a definition without a connection property.
    properties = {"description=the shop's database"})
@ApplicationScoped
public class ShopMigrations {

  @Resource(lookup = "java:app/jdbc/shop")
  DataSource database;

  void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
    Flyway.configure(ShopMigrations.class.getClassLoader())
        .dataSource(database)
        .locations("classpath:db/shop")
        .table("shop_schema_history")
        // Herald's tables are in the same schema: the shop's history starts beside them
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }
}
