package dev.herald.core.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ways a notification reaches a member. */
public enum Channel {
  /** OS push to every active device of the member (APNs, FCM). */
  PUSH,
  /** The in-app inbox, live over Server-Sent Events. */
  INAPP,
  /** E-mail to the member's address. */
  EMAIL;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Channel> parse(String text) {
    return Arrays.stream(values()).filter(c -> c.wireName().equalsIgnoreCase(text)).findFirst();
  }
}
