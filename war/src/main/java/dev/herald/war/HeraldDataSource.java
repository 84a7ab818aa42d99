package dev.herald.war;

import dev.herald.core.config.Settings;
import jakarta.annotation.sql.DataSourceDefinition;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The default datasource, bound at {@code java:app/jdbc/herald}. It reads its URL, user and
 * password when it connects, from {@code herald.db.url} / {@code HERALD_DB_URL} and friends, so the
 * same WAR runs on the embedded H2 file database or on PostgreSQL without a rebuild. Servers differ
 * in how they pass {@code @DataSourceDefinition} properties (WildFly calls {@link
 * #getConnection(String, String)} with the annotation's user), so the settings are applied here.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/herald",
    className = "dev.herald.war.HeraldDataSource",
    // WildFly refuses a definition without a connection property: the default URL is one.
    properties = {"defaultUrl=" + HeraldDataSource.DEFAULT_URL},
    minPoolSize = 2,
    maxPoolSize = 32)
public class HeraldDataSource implements DataSource {

  static final String DEFAULT_URL = "jdbc:h2:file:./data/herald";

  private String defaultUrl = DEFAULT_URL;
  private PrintWriter logWriter;
  private int loginTimeout;

  @Override
  public Connection getConnection() throws SQLException {
    return connect();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return connect();
  }

  /** The database used when {@code HERALD_DB_URL} is not set. */
  public void setDefaultUrl(String defaultUrl) {
    this.defaultUrl = defaultUrl;
  }

  public String getDefaultUrl() {
    return defaultUrl;
  }

  private Connection connect() throws SQLException {
    var url = Settings.get("herald.db.url", defaultUrl);
    var user = Settings.get("herald.db.user", url.startsWith("jdbc:h2:") ? "sa" : null);
    var password = Settings.get("herald.db.password", url.startsWith("jdbc:h2:") ? "" : null);
    loadDriver(url);
    return DriverManager.getConnection(url, user, password);
  }

  /** The WAR's drivers are not always visible to DriverManager's caller check: load them here. */
  private static void loadDriver(String url) throws SQLException {
    var driver =
        url.startsWith("jdbc:postgresql:")
            ? "org.postgresql.Driver"
            : url.startsWith("jdbc:h2:") ? "org.h2.Driver" : null;
    if (driver == null) {
      return;
    }
    try {
      Class.forName(driver, true, HeraldDataSource.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new SQLException("JDBC driver " + driver + " is missing from the WAR", e);
    }
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("Not a wrapper for " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
