/**
 * The durable queue: dispatching due notifications into inbox items and deliveries with set-based
 * SQL, and delivery workers that claim leased batches and hand them to the providers.
 *
 * <p>The queue works on plain JDBC connections given by a {@link
 * dev.herald.core.delivery.Transactor}: in the container, the persistence unit's connection inside
 * a new JTA transaction ({@code JtaTransactor}); in unit tests, plain JDBC transactions that race
 * two nodes on one database. Every step is one real database transaction that commits whole or not
 * at all.
 */
package dev.herald.core.delivery;
