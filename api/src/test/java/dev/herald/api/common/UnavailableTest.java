package dev.herald.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** Which errors are a database outage (503 with Retry-After) rather than a bug (500). */
class UnavailableTest {

  @Test
  void aCommitOnAConnectionTheDatabaseTerminatedIsAnOutage() {
    // What Payara throws when PostgreSQL restarts during a commit (DatabaseRestartIT).
    var commit = new SystemException();
    commit.initCause(new XAException("LocalTransactionException: FATAL: terminating connection"));
    assertThat(
            Unavailable.isDatabaseOutage(
                new TransactionalException("encountered exception during commit", commit)))
        .isTrue();
  }

  @Test
  void aLostConnectionIsAnOutageAndAConstraintViolationIsNot() {
    assertThat(Unavailable.isDatabaseOutage(new SQLException("gone", "08006"))).isTrue();
    assertThat(Unavailable.isDatabaseOutage(new SQLException("shutdown", "57P01"))).isTrue();
    assertThat(Unavailable.isDatabaseOutage(new SQLException("duplicate", "23505"))).isFalse();
    assertThat(Unavailable.isDatabaseOutage(new IllegalStateException("bug"))).isFalse();
  }
}
