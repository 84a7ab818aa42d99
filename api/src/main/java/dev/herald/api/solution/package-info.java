/** Solutions, their members and groups (ADMIN). */
package dev.herald.api.solution;
