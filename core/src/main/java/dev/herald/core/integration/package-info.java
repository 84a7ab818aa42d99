/** Integration keys: the credentials of the Push API v2, one organization's each. */
package dev.herald.core.integration;
