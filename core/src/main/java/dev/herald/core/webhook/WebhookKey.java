package dev.herald.core.webhook;

import dev.herald.core.common.NotConfiguredException;
import dev.herald.core.config.Settings;
import java.util.Base64;

/**
 * The server's key for webhook secrets, {@value #SETTING}: the base64 of 32 random bytes. Read when
 * used, so that every node reads the same setting the same way; its problems are told with the
 * setting's name, never as a server error.
 */
public final class WebhookKey {

  /** The setting that holds the key. */
  public static final String SETTING = "herald.webhooks.secret-key";

  private WebhookKey() {}

  /**
   * The key's box.
   *
   * @throws NotConfiguredException when the setting is missing or is not 32 bytes in base64
   */
  static SecretBox box() {
    var value = Settings.get(SETTING);
    if (value.isEmpty()) {
      throw new NotConfiguredException(
          "Inbound webhooks need the setting "
              + named()
              + ": the base64 of 32 random bytes (openssl rand -base64 32)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.get());
    } catch (IllegalArgumentException e) {
      key = new byte[0];
    }
    if (key.length != SecretBox.KEY_BYTES) {
      throw new NotConfiguredException(
          "The setting "
              + named()
              + " is not the base64 of 32 bytes (openssl rand -base64 32 makes one)");
    }
    return new SecretBox(key);
  }

  /** The setting with its environment variable, as the messages name it. */
  static String named() {
    return SETTING + " (" + Settings.environmentName(SETTING) + ")";
  }
}
