/**
 * Herald's background work inside the container: the bootstrap at start-up, the dispatcher, the
 * delivery workers and the inbox relay, all on the container's managed scheduled executor so that
 * they start and stop with the application on any server.
 */
package dev.herald.core.runtime;
