/** Organizations, for system administrators. */
package dev.herald.api.organization;
