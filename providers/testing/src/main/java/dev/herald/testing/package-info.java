/**
 * Herald's test kit: deploy it beside Herald in a test deployment, and every push and e-mail is
 * recorded in memory instead of sent; {@link dev.herald.testing.Deliveries} awaits and asserts on
 * what was recorded, in the server or from a client-side test. Never deploy it in production: it
 * answers every delivery itself and its endpoint needs no token.
 */
package dev.herald.testing;
