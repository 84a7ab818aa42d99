/**
 * Push to Android devices through Firebase Cloud Messaging (HTTP v1) with Google's firebase-admin
 * client. Only {@link dev.herald.provider.fcm.FcmProviderFactory} is public: Herald finds it with
 * {@link java.util.ServiceLoader} and configures it from {@code herald.provider.fcm.*} settings.
 */
package dev.herald.provider.fcm;
