package dev.herald.core.delivery;

import dev.herald.core.schema.FlywayIntegrator;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A freshly migrated database for one test class: PostgreSQL in its own schema when {@code
 * herald.test.db.url} names one (as CI does), else an in-memory H2 database.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /** Whether the tests run on PostgreSQL (CI's second stage) rather than H2. */
  public static boolean postgres() {
    return System.getProperty("herald.test.db.url", "").startsWith("jdbc:postgresql:");
  }

  public static DataSource create() throws SQLException {
    var url = System.getProperty("herald.test.db.url", "");
    DataSource dataSource;
    if (url.startsWith("jdbc:postgresql:")) {
      var schema = "unit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      var user = System.getProperty("herald.test.db.user");
      var password = System.getProperty("herald.test.db.password");
      try (var c = DriverManager.getConnection(url, user, password);
          var s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      var pg = new PGSimpleDataSource();
      pg.setUrl(url);
      pg.setUser(user);
      pg.setPassword(password);
      pg.setCurrentSchema(schema);
      dataSource = pg;
    } else {
      var h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      dataSource = h2;
    }
    FlywayIntegrator.migrate(dataSource);
    return dataSource;
  }

  /** Plain JDBC transactions, standing in for the container's JTA ones. */
  public static Transactor transactor(DataSource dataSource) {
    return new Transactor() {
      @Override
      public <T> T inTransaction(Work<T> work) {
        try (var c = dataSource.getConnection()) {
          c.setAutoCommit(false);
          try {
            var result = work.apply(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }
}
