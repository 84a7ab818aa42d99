/** Bearer-token authentication and the per-organization role checks of every request. */
package dev.herald.api.auth;
