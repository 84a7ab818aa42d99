package dev.herald.core.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Changes to one notification's delivery counts per channel ({@code delivery_tally}), written in
 * the transaction that changes the deliveries, so that completion and the API's counters read a few
 * rows instead of counting every delivery. Channels are saved in name order, so that two
 * transactions updating the same notification's rows lock them in the same order.
 */
final class Tally {

  private final UUID notificationId;
  private final Map<String, long[]> changes = new TreeMap<>();

  Tally(UUID notificationId) {
    this.notificationId = notificationId;
  }

  void pending(String channel, long n) {
    change(channel, n, 0, 0);
  }

  void delivered(String channel, long n) {
    change(channel, 0, n, 0);
  }

  /** A pending delivery that reached {@code state} (DELIVERED or FAILED). */
  void settled(String channel, String state) {
    change(channel, -1, state.equals("DELIVERED") ? 1 : 0, state.equals("FAILED") ? 1 : 0);
  }

  /** The rows counted, by channel, e.g. {@code "inapp 2, ios 1"}; "none" when there are none. */
  String describe() {
    var parts = new StringJoiner(", ");
    parts.setEmptyValue("none");
    changes.forEach((channel, c) -> parts.add(channel + " " + (c[0] + c[1] + c[2])));
    return parts.toString();
  }

  private void change(String channel, long pending, long delivered, long failed) {
    var counts = changes.computeIfAbsent(channel, k -> new long[3]);
    counts[0] += pending;
    counts[1] += delivered;
    counts[2] += failed;
  }

  /** Adds the changes to the notification's rows, creating those that do not exist yet. */
  void save(Connection c) throws SQLException {
    for (var change : changes.entrySet()) {
      var counts = change.getValue();
      if (counts[0] == 0 && counts[1] == 0 && counts[2] == 0) {
        continue;
      }
      var updated =
          Sql.update(
              c,
              "UPDATE delivery_tally SET pending = pending + ?, delivered = delivered + ?,"
                  + " failed = failed + ? WHERE notification_id = ? AND channel = ?",
              counts[0],
              counts[1],
              counts[2],
              notificationId,
              change.getKey());
      if (updated == 0) {
        // Only a fan-out chunk creates rows, with the notification's row locked: no race.
        Sql.update(
            c,
            "INSERT INTO delivery_tally (notification_id, channel, pending, delivered, failed)"
                + " VALUES (?, ?, ?, ?, ?)",
            notificationId,
            change.getKey(),
            counts[0],
            counts[1],
            counts[2]);
      }
    }
  }
}
