package dev.herald.core.notification;

import java.util.Map;

/**
 * How far a notification's deliveries got.
 *
 * @param recipients the members its scope resolved to ({@code null} until dispatched)
 * @param delivered deliveries that succeeded
 * @param failed deliveries that failed for good
 * @param pending deliveries still to be made
 * @param byChannel the same three numbers per channel
 */
public record Counters(
    Integer recipients,
    long delivered,
    long failed,
    long pending,
    Map<String, ChannelCounters> byChannel) {

  /** The delivery counts of one channel. */
  public record ChannelCounters(long delivered, long failed, long pending) {}
}
