/** Integration keys, the Push API's credentials: {@code …/integration-keys}. */
package dev.herald.api.integration;
