/** Whether this node is alive and ready to take work: the checks behind the health endpoints. */
package dev.herald.core.health;
