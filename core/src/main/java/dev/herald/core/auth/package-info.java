/** Personal access tokens, roles, and who is calling. */
package dev.herald.core.auth;
