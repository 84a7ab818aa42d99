package dev.herald.core.notification;

import java.util.List;
import java.util.Set;

/**
 * The channels a notification can go out on. Three are built in; a delivery provider may add a
 * channel of its own (e.g. {@code webhook}), which senders name the same way.
 */
public final class Channels {

  /** OS push to every active device of the member (APNs for iOS, FCM for Android). */
  public static final String PUSH = "push";

  /** The in-app inbox, live over Server-Sent Events. */
  public static final String INAPP = "inapp";

  /** E-mail to the member's address. */
  public static final String EMAIL = "email";

  /** What a notification goes out on when the sender does not say. */
  public static final List<String> DEFAULT = List.of(PUSH, INAPP);

  /** The built-in channels, in the order they are listed. */
  public static final List<String> BUILT_IN = List.of(PUSH, INAPP, EMAIL);

  /** The provider channels that deliver push: deliveries are routed by device platform. */
  public static final Set<String> PUSH_ROUTES = Set.of("ios", "android");

  private Channels() {}

  /** Built-in channels first, in their order, then the others by name. */
  static List<String> ordered(Set<String> channels) {
    var ordered = new java.util.ArrayList<String>();
    BUILT_IN.stream().filter(channels::contains).forEach(ordered::add);
    channels.stream().filter(c -> !BUILT_IN.contains(c)).sorted().forEach(ordered::add);
    return ordered;
  }
}
