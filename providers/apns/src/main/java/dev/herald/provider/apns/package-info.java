/**
 * Push to iOS devices through the Apple Push Notification service, with pushy over HTTP/2. Only
 * {@link dev.herald.provider.apns.ApnsProviderFactory} is public: Herald finds it with {@link
 * java.util.ServiceLoader}.
 *
 * <p>Each delivery becomes one alert notification whose payload carries the title and text under
 * {@code aps.alert}, and the deep link ({@code notificationId}, {@code jigId}, {@code screen},
 * {@code inputs} as a JSON object) as top-level keys. APNs' answer maps to a result: accepted is
 * delivered (with the apns-id), a dead token ({@code Unregistered}, {@code BadDeviceToken}, {@code
 * DeviceTokenNotForTopic}) an invalid recipient, 429/500/503 or a failed connection a retry, and
 * any other rejection permanent.
 */
package dev.herald.provider.apns;
