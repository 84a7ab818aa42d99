/** The in-app inbox: each member's notifications, read state, and the live feed behind SSE. */
package dev.herald.core.inbox;
