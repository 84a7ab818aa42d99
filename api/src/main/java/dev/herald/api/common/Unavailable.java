package dev.herald.api.common;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * The answer while Herald cannot do its work for a while — the database is unreachable or
 * restarting, or this node is shutting down: 503 with {@code Retry-After}, so that a client retries
 * rather than treating it as a failure. Mostly nothing was accepted, so retrying repeats nothing;
 * when the connection broke during the commit itself, the outcome is unknown, and a client that
 * sends an {@code Idempotency-Key} gets the original answer on its retry.
 */
final class Unavailable {

  private static final String RETRY_AFTER_SECONDS = "5";

  /** SQLSTATE classes of a lost or refused connection, an administrator's shutdown, no capacity. */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("08", "57", "53");

  private Unavailable() {}

  static Response response(String message) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .type(MediaType.APPLICATION_JSON)
        .entity(ErrorResponse.of(message))
        .build();
  }

  /** Whether an error means the database could not be reached, rather than a bug. */
  static boolean isDatabaseOutage(Throwable error) {
    for (var current = error; current != null; current = next(current)) {
      if (current instanceof SQLTransientConnectionException
          || current instanceof SQLNonTransientConnectionException
          || current instanceof ConnectException
          // The container's pool failing to hand out a connection.
          || current instanceof ResourceException
          // The transaction manager failing to commit on a connection that broke meanwhile;
          // Payara keeps the driver's error only in the message.
          || current instanceof XAException
          || current instanceof SystemException) {
        return true;
      }
      if (current instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().length() >= 2
          && UNAVAILABLE_STATES.contains(sql.getSQLState().substring(0, 2))) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable error) {
    if (error instanceof SQLException sql && sql.getNextException() != null) {
      return sql.getNextException();
    }
    return error.getCause() == error ? null : error.getCause();
  }
}
