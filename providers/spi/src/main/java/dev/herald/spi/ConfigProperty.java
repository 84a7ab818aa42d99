package dev.herald.spi;

import java.util.Objects;

/**
 * One setting a provider reads, described as data so Herald can document and check it.
 *
 * @param name the property name; the full key is {@code herald.provider.<id>.<name>}
 * @param required whether the provider cannot work without it
 * @param secret whether the value must never be logged
 * @param defaultValue the value used when none is set, or {@code null}
 * @param help one sentence for the operator
 * @since 0.1
 */
public record ConfigProperty(
    String name, boolean required, boolean secret, String defaultValue, String help) {

  public ConfigProperty {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
  }
}
