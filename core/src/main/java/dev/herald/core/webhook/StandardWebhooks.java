package dev.herald.core.webhook;

import dev.herald.core.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as Standard Webhooks defines them (www.standardwebhooks.com): the secret is {@code
 * whsec_} and the base64 of its key; a request carries {@code webhook-id}, {@code
 * webhook-timestamp} (Unix seconds) and {@code webhook-signature}, a space-separated list of {@code
 * v1,<base64 of HMAC-SHA256(key, id + "." + timestamp + "." + body)>}.
 */
final class StandardWebhooks {

  /** How far a request's timestamp may be from now, either way, before it is refused. */
  static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** What every secret starts with. */
  static final String SECRET_PREFIX = "whsec_";

  /** The key's length in bytes (the standard asks for 24 to 64). */
  static final int KEY_BYTES = 32;

  private static final String VERSION = "v1,";

  private StandardWebhooks() {}

  static byte[] newKey() {
    return Secrets.randomBytes(KEY_BYTES);
  }

  /** The secret as it is shown to the webhook's owner. */
  static String secret(byte[] key) {
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** One signature, {@code v1,…}, as a sender computes it. */
  static String sign(byte[] key, String id, String timestamp, byte[] body) {
    return VERSION + Base64.getEncoder().encodeToString(mac(key, id, timestamp, body));
  }

  /**
   * Whether a request is signed by one of the keys and sent within the tolerance of {@code now}.
   * Which check failed is not told: the caller learns nothing from a refusal.
   */
  static boolean verify(
      List<byte[]> keys, String id, String timestamp, String signatures, byte[] body, Instant now) {
    if (keys.isEmpty()
        || id == null
        || id.isEmpty()
        || signatures == null
        || !fresh(timestamp, now)) {
      return false;
    }
    var matched = false;
    for (var key : keys) {
      var expected = mac(key, id, timestamp, body);
      for (var signature : signatures.split(" ")) {
        if (!signature.startsWith(VERSION)) {
          continue; // another version or scheme: not ours to judge
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(signature.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
          continue;
        }
        // constant time; every signature is compared, so timing tells nothing about which one
        matched |= MessageDigest.isEqual(expected, given);
      }
    }
    return matched;
  }

  /** A whole number of seconds within the tolerance of now. */
  private static boolean fresh(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 12) {
      return false;
    }
    for (int i = 0; i < timestamp.length(); i++) {
      if (timestamp.charAt(i) < '0' || timestamp.charAt(i) > '9') {
        return false;
      }
    }
    var sent = Long.parseLong(timestamp);
    return Math.abs(sent - now.getEpochSecond()) <= TOLERANCE.toSeconds();
  }

  private static byte[] mac(byte[] key, String id, String timestamp, byte[] body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
