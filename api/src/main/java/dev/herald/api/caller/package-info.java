/** Who a token is: what the console shows after signing in. */
package dev.herald.api.caller;
