/** Members' devices: the APNs and FCM tokens push deliveries go to. */
package dev.herald.core.device;
