package dev.herald.core.notification;

/** The life cycle of a notification. */
public enum NotificationState {
  /** Accepted with a start time in the future. */
  SCHEDULED,
  /** Accepted and due; waiting for a dispatcher. */
  QUEUED,
  /** Recipients resolved; deliveries in progress. */
  PROCESSING,
  /** Every delivery succeeded. */
  COMPLETED,
  /** Some deliveries failed for good. */
  PARTIALLY_FAILED,
  /** Every delivery failed for good. */
  FAILED,
  /** Cancelled before it was dispatched. */
  CANCELLED;

  public boolean cancellable() {
    return this == SCHEDULED || this == QUEUED;
  }
}
