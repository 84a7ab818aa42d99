package dev.herald.spi;

import java.util.Map;
import java.util.Optional;

/**
 * The settings of one provider, with the {@code herald.provider.<id>.} prefix removed.
 *
 * @since 0.1
 */
public interface ProviderConfig {

  /** The value of a setting, if set. */
  Optional<String> get(String name);

  /** The value of a required setting. */
  default String require(String name) {
    return get(name)
        .orElseThrow(() -> new IllegalArgumentException("Missing required setting: " + name));
  }

  /** A view over a plain map, convenient in tests. */
  static ProviderConfig of(Map<String, String> values) {
    return name -> Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank());
  }
}
