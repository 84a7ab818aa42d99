package dev.herald.it;

import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;

/**
 * The push an APNs provider sends on each connection when it starts (the provider's {@code
 * ConnectionCheck}), to a token that is no device's. The mock APNs servers answer it as APNs does,
 * so that it never counts as a delivery.
 */
public final class ApnsConnectionCheck {

  private static final String TOKEN = "herald-connection-check";

  private ApnsConnectionCheck() {}

  /** Refuses the connection check with {@code BadDeviceToken}; does nothing for other tokens. */
  public static void refuse(String token) throws RejectedNotificationException {
    if (TOKEN.equals(token)) {
      throw new RejectedNotificationException(RejectionReason.BAD_DEVICE_TOKEN);
    }
  }
}
