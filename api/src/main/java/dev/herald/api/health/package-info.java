/** The health endpoints for load balancers and orchestrators: alive, and ready to take work. */
package dev.herald.api.health;
