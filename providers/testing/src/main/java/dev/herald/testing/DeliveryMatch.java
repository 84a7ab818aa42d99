package dev.herald.testing;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which recorded deliveries a test is after, e.g. {@code pushTo("ann@acme.example").withJigId(
 * "orders").withInput("orderId", "42")}; it describes itself in the words of a failed assertion.
 */
public final class DeliveryMatch {

  private final String description;
  private final Predicate<RecordedDelivery> test;

  private DeliveryMatch(String description, Predicate<RecordedDelivery> test) {
    this.description = description;
    this.test = test;
  }

  /** A push, to either platform, to a member's devices. */
  public static DeliveryMatch pushTo(String memberEmail) {
    return new DeliveryMatch(
        "a push to " + memberEmail, d -> d.isPush() && memberEmail.equalsIgnoreCase(d.recipient()));
  }

  /** An e-mail to a member. */
  public static DeliveryMatch emailTo(String memberEmail) {
    return new DeliveryMatch(
        "an e-mail to " + memberEmail,
        d -> "email".equals(d.channel()) && memberEmail.equalsIgnoreCase(d.recipient()));
  }

  /** Any delivery to a member, push or e-mail. */
  public static DeliveryMatch anythingTo(String memberEmail) {
    return new DeliveryMatch(
        "anything to " + memberEmail, d -> memberEmail.equalsIgnoreCase(d.recipient()));
  }

  /** Any delivery of one notification. */
  public static DeliveryMatch ofNotification(String notificationId) {
    return new DeliveryMatch(
        "a delivery of notification " + notificationId,
        d -> notificationId.equals(d.notificationId()));
  }

  /** Whose deep link opens this jig. */
  public DeliveryMatch withJigId(String jigId) {
    return and("jigId " + jigId, d -> jigId.equals(d.jigId()));
  }

  /** Whose deep link has this input, compared as text. */
  public DeliveryMatch withInput(String key, String value) {
    return and("input " + key + "=" + value, d -> Objects.equals(value, d.inputs().get(key)));
  }

  /** With this title. */
  public DeliveryMatch withTitle(String title) {
    return and("title \"" + title + "\"", d -> title.equals(d.title()));
  }

  private DeliveryMatch and(String more, Predicate<RecordedDelivery> also) {
    var joiner = description.contains(" with ") ? " and " : " with ";
    return new DeliveryMatch(description + joiner + more, test.and(also));
  }

  boolean matches(RecordedDelivery delivery) {
    return test.test(delivery);
  }

  @Override
  public String toString() {
    return description;
  }
}
