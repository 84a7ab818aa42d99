/**
 * The delivery-provider SPI: how Herald hands deliveries to a channel such as APNs, FCM or e-mail.
 *
 * <p>A provider jar contains a {@link dev.herald.spi.DeliveryProviderFactory} implementation listed
 * in {@code META-INF/services/dev.herald.spi.DeliveryProviderFactory}. Herald finds it with {@link
 * java.util.ServiceLoader}, configures it from {@code herald.provider.<id>.<property>} settings and
 * sends it batches of {@link dev.herald.spi.Delivery}. Providers never touch Herald's database:
 * they report one {@link dev.herald.spi.DeliveryResult} per delivery and Herald keeps all state.
 *
 * <p>This package depends on the JDK only.
 *
 * @since 0.1
 */
package dev.herald.spi;
