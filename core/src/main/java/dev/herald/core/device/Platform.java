package dev.herald.core.device;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The push platforms Herald registers devices for. */
public enum Platform {
  IOS,
  ANDROID;

  /** The name used in the API and the database: {@code ios}, {@code android}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Platform> parse(String text) {
    return Arrays.stream(values()).filter(p -> p.wireName().equalsIgnoreCase(text)).findFirst();
  }

  static Platform fromWire(String text) {
    return parse(text).orElseThrow();
  }
}
