package dev.herald.spi;

import java.util.List;
import java.util.Set;

/**
 * Creates the {@link DeliveryProvider} for one kind of delivery service. Found by {@link
 * java.util.ServiceLoader} with the thread context class loader; created once per application.
 *
 * @since 0.1
 */
public interface DeliveryProviderFactory {

  /**
   * The provider's id, used in configuration keys ({@code herald.provider.<id>.<property>}), e.g.
   * {@code apns}.
   */
  String id();

  /** The channels this provider can deliver, e.g. {@code push} or {@code email}. */
  Set<String> channels();

  /** The settings this provider reads; Herald documents them and checks the required ones. */
  List<ConfigProperty> configProperties();

  /**
   * Creates a configured provider.
   *
   * @throws IllegalArgumentException with a message naming the offending setting when the
   *     configuration is invalid
   */
  DeliveryProvider create(ProviderConfig config);

  /** Breaks ties when two factories deliver the same channel: the higher order wins. */
  default int order() {
    return 0;
  }
}
