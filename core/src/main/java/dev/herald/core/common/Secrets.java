package dev.herald.core.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets Herald hands out once and keeps only as a hash: access tokens and integration keys (and
 * the random bytes of every secret, key and nonce). A secret has 256 random bits, so an unsalted
 * SHA-256 is enough to keep it (nothing to guess), and looking a presented secret up by its hash
 * compares hashes, never secrets.
 */
public final class Secrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A new secret: the prefix that lets a leak scanner recognise it, then 32 random bytes. */
  public static String generate(String prefix) {
    return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
  }

  /** Bytes from the one strong random source Herald uses for secrets, keys and nonces. */
  public static byte[] randomBytes(int count) {
    var bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** The SHA-256 of a secret's UTF-8 bytes, as 64 hex digits: what is stored. */
  public static String hash(String secret) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
