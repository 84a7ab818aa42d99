/** The one place that reads Herald's settings. */
package dev.herald.core.config;
