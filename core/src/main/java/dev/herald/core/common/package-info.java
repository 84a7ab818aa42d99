/** Small shared pieces of core: errors, paging, time. */
package dev.herald.core.common;
