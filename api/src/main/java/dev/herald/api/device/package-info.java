/** The caller's own devices. */
package dev.herald.api.device;
