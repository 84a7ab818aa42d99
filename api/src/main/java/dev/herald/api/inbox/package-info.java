/** The caller's own inbox, and its live Server-Sent Events stream. */
package dev.herald.api.inbox;
