package dev.herald.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads Herald's settings: a system property {@code herald.foo.bar} wins; then, where the server
 * has MicroProfile Config, its sources in their order (the environment variable {@code
 * HERALD_FOO_BAR}, the application's {@code META-INF/microprofile-config.properties}, the server's
 * own), so that a host application sets Herald's switches where it sets its own; without it, the
 * environment variable. Nothing else in Herald reads the environment.
 */
public final class Settings {

  private Settings() {}

  /** The value of a setting such as {@code herald.region}, if set and not blank. */
  public static Optional<String> get(String key) {
    var value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      value = configured(key).orElseGet(() -> System.getenv(environmentName(key)));
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static Optional<String> configured(String key) {
    try {
      return MicroProfileConfig.value(key);
    } catch (LinkageError e) {
      return Optional.empty(); // a server without the MicroProfile Config API
    }
  }

  public static String get(String key, String defaultValue) {
    return get(key).orElse(defaultValue);
  }

  public static int getInt(String key, int defaultValue) {
    return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
  }

  /** {@code true} or {@code false}, in any case; anything else stops the start with its name. */
  public static boolean getBoolean(String key, boolean defaultValue) {
    return get(key)
        .map(
            v -> {
              if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
              }
              throw new IllegalStateException(
                  "Setting " + key + " is neither true nor false: " + v);
            })
        .orElse(defaultValue);
  }

  /** A duration in milliseconds. */
  public static Duration getMillis(String key, long defaultMillis) {
    return Duration.ofMillis(
        get(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultMillis));
  }

  /** {@code herald.provider.apns.key-id} becomes {@code HERALD_PROVIDER_APNS_KEY_ID}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static <T> T parse(String key, String value, java.util.function.Function<String, T> f) {
    try {
      return f.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("Setting " + key + " is not a number: " + value, e);
    }
  }
}
