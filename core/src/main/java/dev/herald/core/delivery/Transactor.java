package dev.herald.core.delivery;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs a piece of JDBC work in its own transaction that commits when the work returns normally. */
public interface Transactor {

  /** Work on one connection; the transaction is the transactor's business, not the work's. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  <T> T inTransaction(Work<T> work);
}
