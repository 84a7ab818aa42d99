package dev.herald.core.delivery;

import dev.herald.spi.Delivery;
import java.time.Instant;
import java.util.List;

/**
 * Deliveries leased to this node, with what recording their outcomes needs, loaded with the claim
 * so that recording reads nothing back.
 */
public final class ClaimedBatch {

  /**
   * One leased delivery: its attempt number and when it was first due, for the retry budget, and
   * when its notification was accepted, for the end-to-end latency.
   */
  record Leased(Delivery delivery, int attempt, Instant firstDueAt, Instant createdAt) {}

  private final List<Leased> leased;

  ClaimedBatch(List<Leased> leased) {
    this.leased = List.copyOf(leased);
  }

  /** The deliveries, in the order the provider gets them and answers for them. */
  public List<Delivery> deliveries() {
    return leased.stream().map(Leased::delivery).toList();
  }

  public boolean isEmpty() {
    return leased.isEmpty();
  }

  public int size() {
    return leased.size();
  }

  List<Leased> leased() {
    return leased;
  }
}
