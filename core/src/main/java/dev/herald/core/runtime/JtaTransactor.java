package dev.herald.core.runtime;

import dev.herald.core.delivery.Transactor;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs queue work in a new JTA transaction on Herald's datasource, found by its documented JNDI
 * name {@value #DATASOURCE}.
 */
@ApplicationScoped
public class JtaTransactor implements Transactor {

  /** The JNDI name of the datasource Herald uses; a host application binds its own there. */
  public static final String DATASOURCE = "java:app/jdbc/herald";

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T inTransaction(Work<T> work) {
    try (var connection = dataSource.getConnection()) {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new QueueStorageException(e);
    }
  }

  /** A database failure inside queue work; the transaction rolls back and the work is retried. */
  static final class QueueStorageException extends RuntimeException {
    QueueStorageException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
