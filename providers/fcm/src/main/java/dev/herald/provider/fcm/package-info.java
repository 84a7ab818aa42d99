/**
 * Push to Android devices through Firebase Cloud Messaging (HTTP v1), with the firebase-admin
 * client. Only {@link dev.herald.provider.fcm.FcmProviderFactory} is public: Herald finds it with
 * {@link java.util.ServiceLoader}.
 */
package dev.herald.provider.fcm;
