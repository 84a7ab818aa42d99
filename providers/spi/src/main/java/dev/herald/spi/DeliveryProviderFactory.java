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

  /**
   * The channels this provider can deliver. Push deliveries are routed by the device's platform:
   * {@code ios} for iOS devices, {@code android} for Android devices. {@code email} delivers to the
   * member's e-mail address. Any other name is a channel of its own (e.g. {@code sms} or {@code
   * webhook}) that senders may ask for in a notification's {@code channels}; its deliveries carry
   * the member's e-mail address as {@link Delivery#address()}.
   */
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
