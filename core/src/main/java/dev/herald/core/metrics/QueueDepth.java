package dev.herald.core.metrics;

import dev.herald.core.common.HeraldUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the deliveries still to be made, by provider channel and by where they stand, in one
 * grouped query over the pending deliveries only (the queue's own index), whichever node holds
 * them: the queue is the database's, not a node's.
 */
@ApplicationScoped
public class QueueDepth {

  /** A scrape must answer quickly, whatever the database does. */
  private static final int TIMEOUT_MS = 2_000;

  /**
   * {@code waiting}: never tried yet; {@code retrying}: tried, due again later; {@code in_flight}:
   * leased to a node that is sending it now.
   */
  private static final String STATE =
      "CASE WHEN lease_owner IS NOT NULL THEN 'in_flight'"
          + " WHEN attempts = 0 THEN 'waiting' ELSE 'retrying' END";

  /** The states of {@link #STATE}. */
  static final List<String> STATES = List.of("waiting", "retrying", "in_flight");

  /** One group: a channel ({@code ios}, {@code email}…), a state, and how many. */
  public record Row(String channel, String state, long count) {}

  @Inject @HeraldUnit EntityManager em;

  /** The pending deliveries by channel and state. Its own transaction: a failure marks no other. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Row> read() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT q.ch, q.st, COUNT(*) FROM (SELECT COALESCE(platform, channel) AS ch, "
                    + STATE
                    + " AS st FROM delivery WHERE state = 'PENDING') q GROUP BY q.ch, q.st")
            .setHint("jakarta.persistence.query.timeout", TIMEOUT_MS)
            .getResultList();
    var result = new ArrayList<Row>(rows.size());
    for (var row : rows) {
      var columns = (Object[]) row;
      result.add(
          new Row(
              String.valueOf(columns[0]),
              String.valueOf(columns[1]),
              ((Number) columns[2]).longValue()));
    }
    return result;
  }
}
