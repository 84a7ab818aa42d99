package dev.herald.it.hostapp;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.Driver;

/**
 * The shop's H2 database in the server's memory, as a plain {@code DataSource}: H2's own class is
 * also an {@code XADataSource}, which Payara then enlists as XA, and H2's XA support fails there.
 */
public class ShopDataSource implements DataSource {

  private static final String URL = "jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1";

  private String description;
  private PrintWriter logWriter;
  private int loginTimeout;

  @Override
  public Connection getConnection() throws SQLException {
    var login = new Properties();
    login.setProperty("user", "sa");
    login.setProperty("password", "");
    return Driver.load().connect(URL, login);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
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
