package dev.herald.it.probe;

import dev.herald.core.runtime.JtaTransactor;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/** Claims, holds and changes notification rows on the production transactor. */
@RequestScoped
@Path("/test-probe/transactor")
public class TransactorProbeResource {

  @Inject JtaTransactor transactor;

  /**
   * Claims a notification row as the dispatcher does and keeps the transaction open for {@code
   * holdMillis}: {@code claimed}, or {@code skipped} when another transaction holds the row.
   */
  @POST
  @Path("claim")
  public String claim(@QueryParam("id") String id, @QueryParam("holdMillis") long holdMillis) {
    return transactor.inTransaction(
        c -> {
          var claimed = lock(c, UUID.fromString(id));
          try {
            Thread.sleep(holdMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return claimed ? "claimed" : "skipped";
        });
  }

  /** Changes a notification's description, then fails: the change must not survive. */
  @POST
  @Path("change-then-fail")
  public String changeThenFail(@QueryParam("id") String id) {
    try {
      transactor.inTransaction(
          c -> {
            try (var update =
                c.prepareStatement("UPDATE notification SET description = ? WHERE id = ?")) {
              update.setString(1, "changed by a transaction that failed");
              update.setObject(2, UUID.fromString(id));
              update.executeUpdate();
            }
            throw new IllegalStateException("the work fails after its first statement");
          });
    } catch (IllegalStateException e) {
      return "failed";
    }
    return "committed";
  }

  private static boolean lock(Connection c, UUID id) throws SQLException {
    try (var select =
        c.prepareStatement("SELECT id FROM notification WHERE id = ? FOR UPDATE SKIP LOCKED")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }
}
