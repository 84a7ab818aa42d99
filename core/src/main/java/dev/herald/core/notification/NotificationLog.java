package dev.herald.core.notification;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.interceptor.Interceptor;
import java.util.logging.Logger;

/**
 * Logs the state changes the API makes (accepted, cancelled), one INFO line each, after the
 * transaction commits: a notification whose transaction rolled back was never accepted. The
 * delivery core logs the changes it makes in the same form (see {@code dev.herald.core.delivery}).
 */
@ApplicationScoped
class NotificationLog {

  /** The delivery core's state lines use this logger too: one name to filter on. */
  private static final Logger LOG = Logger.getLogger("dev.herald.notifications");

  /** Before the dispatcher is told (its observer has the default priority). */
  void accepted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS)
          @Priority(Interceptor.Priority.PLATFORM_BEFORE)
          NotificationAccepted n) {
    LOG.info(
        () ->
            "Notification "
                + n.notificationId()
                + " "
                + n.state()
                + (n.state() == NotificationState.SCHEDULED ? " for " + n.startAt() : "")
                + ": "
                + n.scope()
                + " in organization "
                + n.organizationId()
                + " on "
                + String.join(", ", n.channels())
                + ", via "
                + n.sentVia());
  }

  void cancelled(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationCancelled n) {
    LOG.info(
        () ->
            "Notification "
                + n.notificationId()
                + " CANCELLED in organization "
                + n.organizationId()
                + " by "
                + n.cancelledBy());
  }
}
