package dev.herald.spi;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One message to one address over one channel.
 *
 * @param id Herald's id of this delivery, stable across retries
 * @param notificationId the notification this delivery belongs to
 * @param channel the channel, e.g. {@code push}
 * @param platform the device platform ({@code ios}, {@code android}) for push, else {@code null}
 * @param address the device token or e-mail address
 * @param title the notification title
 * @param text the notification text
 * @param jigId the deep-link target, or {@code null}
 * @param screen the deep-link screen, {@code jig} by default
 * @param inputs the deep-link inputs as a JSON object text, {@code {}} when there are none
 * @param sound whether the device should play a sound
 * @param badge the badge count to show, or {@code null} to leave it alone
 * @param expiresAt when the message is no longer worth delivering, or {@code null} for never
 * @param priority {@code high} or {@code normal}
 * @param recipient the e-mail address of the member it is for, or {@code null} when not known
 * @since 0.1
 */
public record Delivery(
    long id,
    String notificationId,
    String channel,
    String platform,
    String address,
    String title,
    String text,
    String jigId,
    String screen,
    String inputs,
    boolean sound,
    Integer badge,
    Instant expiresAt,
    String priority,
    String recipient) {

  /**
   * A delivery whose member is not known, e.g. in a provider's own tests; kept so that code written
   * before {@code recipient} was added still compiles.
   */
  public Delivery(
      long id,
      String notificationId,
      String channel,
      String platform,
      String address,
      String title,
      String text,
      String jigId,
      String screen,
      String inputs,
      boolean sound,
      Integer badge,
      Instant expiresAt,
      String priority) {
    this(
        id,
        notificationId,
        channel,
        platform,
        address,
        title,
        text,
        jigId,
        screen,
        inputs,
        sound,
        badge,
        expiresAt,
        priority,
        null);
  }

  public Delivery {
    Objects.requireNonNull(notificationId, "notificationId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(address, "address");
    inputs = inputs == null ? "{}" : inputs;
    screen = screen == null ? "jig" : screen;
    priority = priority == null ? "high" : priority;
  }

  /** The collapse id: repeated deliveries of one notification replace each other on the device. */
  public String collapseId() {
    return notificationId;
  }

  /** The deep link as a flat map of strings, the shape push payloads carry. */
  public Map<String, String> deepLink() {
    var link = new java.util.LinkedHashMap<String, String>();
    link.put("notificationId", notificationId);
    if (jigId != null) {
      link.put("jigId", jigId);
    }
    link.put("screen", screen);
    link.put("inputs", inputs);
    return link;
  }
}
