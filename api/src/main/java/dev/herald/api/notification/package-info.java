/** The notifications endpoint, compatible with the Jigx tool API. */
package dev.herald.api.notification;
