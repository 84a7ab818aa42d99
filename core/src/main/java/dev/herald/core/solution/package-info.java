/** Solutions (apps) of an organization, the members assigned to them, and their named groups. */
package dev.herald.core.solution;
