/**
 * The durable queue: dispatching due notifications into inbox items and deliveries with set-based
 * SQL, and delivery workers that claim leased batches and hand them to the providers.
 *
 * <p>The queue works on plain JDBC connections given by a {@link
 * dev.herald.core.delivery.Transactor}, so the same code runs inside the container (JTA) and in
 * tests that race two nodes on one database.
 */
package dev.herald.core.delivery;
