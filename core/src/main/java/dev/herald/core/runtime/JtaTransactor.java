package dev.herald.core.runtime;

import dev.herald.core.common.HeraldUnit;
import dev.herald.core.delivery.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import org.hibernate.JDBCException;
import org.hibernate.Session;

/**
 * Runs queue work in a new JTA transaction on the connection of the persistence unit that holds
 * Herald's entities ({@link dev.herald.core.common.HeraldUnit}).
 *
 * <p>Why the persistence unit's connection and not one taken from the datasource: on Payara a
 * connection looked up from {@code java:app/jdbc/herald} by application code is handed out in
 * auto-commit mode even inside a JTA transaction, so every statement commits on its own and a
 * {@code SELECT … FOR UPDATE SKIP LOCKED} claim releases its row locks at once (two nodes then
 * claimed the same notifications). The persistence unit's connection is enlisted in the transaction
 * on every server: statements run in one database transaction that commits or rolls back with the
 * JTA transaction. {@code JtaTransactorIT} proves it on the real WAR.
 */
@ApplicationScoped
public class JtaTransactor implements Transactor {

  @Inject @HeraldUnit EntityManager em;

  @Override
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public <T> T inTransaction(Work<T> work) {
    try {
      return em.unwrap(Session.class).doReturningWork(work::apply);
    } catch (JDBCException e) {
      throw new QueueStorageException(e.getSQLException());
    }
  }

  /** A database failure inside queue work; the transaction rolls back and the work is retried. */
  static final class QueueStorageException extends RuntimeException {
    QueueStorageException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
