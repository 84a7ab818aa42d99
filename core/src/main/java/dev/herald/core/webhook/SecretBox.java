package dev.herald.core.webhook;

import dev.herald.core.common.Secrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts webhook secrets at rest with AES-256-GCM under the server's key. Each value has a fresh
 * 96-bit nonce, and is bound to its row by the associated data (the webhook's id), so that a stored
 * value copied to another row does not decrypt there.
 */
final class SecretBox {

  /** The key's length in bytes: AES-256. */
  static final int KEY_BYTES = 32;

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;

  SecretBox(byte[] key) {
    if (key.length != KEY_BYTES) {
      throw new IllegalArgumentException("The key must be " + KEY_BYTES + " bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** The nonce followed by the ciphertext and its tag, in base64. */
  String seal(byte[] plain, String boundTo) {
    var nonce = Secrets.randomBytes(NONCE_BYTES);
    try {
      var cipher = cipher(Cipher.ENCRYPT_MODE, nonce, boundTo);
      var sealed = cipher.doFinal(plain);
      var out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /**
   * The plain bytes of a sealed value.
   *
   * @throws IllegalArgumentException when the value was not sealed with this key for this row
   */
  byte[] open(String sealed, String boundTo) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(sealed);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Not a sealed value", e);
    }
    if (bytes.length <= NONCE_BYTES) {
      throw new IllegalArgumentException("Not a sealed value");
    }
    try {
      var cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), boundTo);
      return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // AEADBadTagException: another key, another row, or altered
      throw new IllegalArgumentException("The value does not open with this key", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String boundTo) throws GeneralSecurityException {
    var cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
