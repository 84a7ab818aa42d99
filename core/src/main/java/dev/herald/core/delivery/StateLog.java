package dev.herald.core.delivery;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The INFO lines for the state changes the delivery core makes, one per change and none per
 * delivery, logged after the change has committed. The API's changes (accepted, cancelled) go to
 * the same logger, so that {@code dev.herald.notifications} is a notification's whole story.
 */
final class StateLog {

  private static final Logger LOG = Logger.getLogger("dev.herald.notifications");

  private StateLog() {}

  static boolean enabled() {
    return LOG.isLoggable(Level.INFO);
  }

  /** The first chunk of a notification's recipients has been written. */
  static void processing(UUID id, FanOut.Chunk chunk) {
    LOG.info(
        () ->
            "Notification "
                + id
                + " PROCESSING: "
                + chunk.members()
                + (chunk.members() == 1 ? " recipient" : " recipients")
                + (chunk.step() == FanOut.Step.MORE ? " in its first chunk" : "")
                + ", deliveries: "
                + chunk.tally().describe());
  }

  /** A notification reached its final state after its deliveries. */
  static void finished(UUID id, String state, long delivered, long failed, String byChannel) {
    LOG.info(
        () ->
            "Notification "
                + id
                + " "
                + state
                + ": "
                + delivered
                + " delivered, "
                + failed
                + " failed"
                + (byChannel.isEmpty() ? "" : " (delivered/failed by channel: " + byChannel + ")"));
  }

  /** A notification whose recipients could not be resolved was set aside. */
  static void setAside(UUID id, String why) {
    LOG.info(() -> "Notification " + id + " FAILED: " + why);
  }
}
