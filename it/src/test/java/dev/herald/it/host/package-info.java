/**
 * A host application's own JAX-RS application beside Herald's in one WAR, for {@code
 * EmbeddedHostIT}: its resources take uploads larger than Herald's body limit and fail in their own
 * ways, which Herald's providers must leave alone. Never part of the Herald WAR.
 */
package dev.herald.it.host;
