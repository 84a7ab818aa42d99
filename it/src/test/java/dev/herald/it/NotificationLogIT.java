package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads in the server's log about a notification: one INFO line per state change
 * with its id and counts, nothing per delivery, and no stack trace for a client's mistakes.
 */
class NotificationLogIT extends HeraldIT {

  @Test
  void eachStateChangeIsOneLineWithTheIdAndCounts() throws InterruptedException {
    var org = Organization.create(systemAdmin(), "logs");
    var sender = org.token(org.member("sender@example.com"), "SENDER");
    org.member("ann@example.com");
    org.member("bob@example.com");

    try (var log = ServerLog.capture()) {
      var sent =
          org.send(
              sender,
              "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"USR\",\"emails\":"
                  + "[\"ann@example.com\",\"bob@example.com\"],\"channels\":[\"inapp\"]}");
      var id = sent.getString("notificationId");
      var scheduled =
          org.send(
              sender,
              "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"startAt\":\""
                  + Instant.now().plusSeconds(3600)
                  + "\"}");
      var later = scheduled.getString("notificationId");
      assertThat(sender.delete(org.path + "/notifications/" + later).status()).isEqualTo(200);
      var refused = sender.post(org.path + "/notifications", "{\"scope\":\"NOPE\"}");
      assertThat(refused.status()).isEqualTo(400);

      var lines =
          Eventually.await(
              "the final state's line",
              Duration.ofSeconds(20),
              () -> about(log.lines(), id),
              l -> l.stream().anyMatch(s -> s.contains("COMPLETED")));
      Thread.sleep(500);

      assertThat(about(log.lines(), id))
          .as("the lines about " + id)
          .hasSize(3)
          .satisfiesExactlyInAnyOrder(
              queued ->
                  assertThat(queued)
                      .contains(
                          "Notification "
                              + id
                              + " QUEUED: USR in organization "
                              + org.id
                              + " on inapp, via notifications"),
              processing ->
                  assertThat(processing)
                      .contains(
                          "Notification " + id + " PROCESSING: 2 recipients, deliveries: inapp 2"),
              completed ->
                  assertThat(completed)
                      .contains(
                          "Notification "
                              + id
                              + " COMPLETED: 2 delivered, 0 failed"
                              + " (delivered/failed by channel: inapp 2/0)"));
      assertThat(lines).allSatisfy(l -> assertThat(l).contains("INFO"));
      assertThat(about(log.lines(), later))
          .satisfiesExactly(
              s -> assertThat(s).contains("Notification " + later + " SCHEDULED for "),
              c ->
                  assertThat(c)
                      .contains(
                          "Notification "
                              + later
                              + " CANCELLED in organization "
                              + org.id
                              + " by"));
      assertThat(log.stackFrames()).as("stack traces in the server log").isEmpty();
    }
  }

  /** The log lines that name a notification. */
  private static List<String> about(List<String> lines, String id) {
    return lines.stream().filter(l -> l.contains("Notification " + id)).toList();
  }
}
