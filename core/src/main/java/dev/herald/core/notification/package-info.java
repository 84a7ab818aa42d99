/**
 * Notifications: accepting them, resolving who they are for, and their life cycle from SCHEDULED or
 * QUEUED to a final state.
 */
package dev.herald.core.notification;
