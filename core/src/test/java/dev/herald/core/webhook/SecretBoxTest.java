package dev.herald.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.common.NotConfiguredException;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

  private static final byte[] KEY = new byte[32];
  private static final byte[] SECRET = "the webhook's key".getBytes();

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) i;
    }
  }

  @AfterEach
  void clearSetting() {
    System.clearProperty(WebhookKey.SETTING);
  }

  @Test
  void opensWhatItSealedAndStoresNothingOfThePlainSecret() {
    var box = new SecretBox(KEY);
    var sealed = box.seal(SECRET, "row-1");
    assertThat(box.open(sealed, "row-1")).isEqualTo(SECRET);
    assertThat(sealed).doesNotContain(Base64.getEncoder().encodeToString(SECRET));
    assertThat(new String(Base64.getDecoder().decode(sealed))).doesNotContain("webhook");
  }

  @Test
  void sealsTheSameSecretDifferentlyEachTime() {
    var box = new SecretBox(KEY);
    assertThat(box.seal(SECRET, "row-1")).isNotEqualTo(box.seal(SECRET, "row-1"));
  }

  @Test
  void doesNotOpenWithAnotherKeyForAnotherRowOrWhenAltered() {
    var box = new SecretBox(KEY);
    var sealed = box.seal(SECRET, "row-1");
    var otherKey = KEY.clone();
    otherKey[0] = 42;
    assertThatThrownBy(() -> new SecretBox(otherKey).open(sealed, "row-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open(sealed, "row-2"))
        .isInstanceOf(IllegalArgumentException.class);
    var bytes = Base64.getDecoder().decode(sealed);
    bytes[bytes.length - 1] ^= 1;
    var altered = Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> box.open(altered, "row-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open("not base64!", "row-1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open("AAAA", "row-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKeySettingIsNamedWhenMissingOrNotThirtyTwoBytes() {
    assertThatThrownBy(WebhookKey::box)
        .isInstanceOf(NotConfiguredException.class)
        .hasMessageContaining("herald.webhooks.secret-key")
        .hasMessageContaining("HERALD_WEBHOOKS_SECRET_KEY");
    System.setProperty(WebhookKey.SETTING, Base64.getEncoder().encodeToString(new byte[16]));
    assertThatThrownBy(WebhookKey::box)
        .isInstanceOf(NotConfiguredException.class)
        .hasMessageContaining("herald.webhooks.secret-key");
    System.setProperty(WebhookKey.SETTING, "not base64!");
    assertThatThrownBy(WebhookKey::box).isInstanceOf(NotConfiguredException.class);
    System.setProperty(WebhookKey.SETTING, Base64.getEncoder().encodeToString(KEY));
    var sealed = WebhookKey.box().seal(SECRET, "row-1");
    assertThat(new SecretBox(KEY).open(sealed, "row-1")).isEqualTo(SECRET);
  }
}
