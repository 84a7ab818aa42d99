/** Organizations: the tenants of a Herald installation, and the bootstrap of the first one. */
package dev.herald.core.organization;
