/**
 * Push to iOS devices through the Apple Push Notification service, with pushy over HTTP/2. Only
 * {@link dev.herald.provider.apns.ApnsProviderFactory} is public: Herald finds it with {@link
 * java.util.ServiceLoader}.
 */
package dev.herald.provider.apns;
