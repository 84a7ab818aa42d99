/**
 * Fault tests: real Herald nodes (the built {@code herald.war} on Payara Micro, each a JVM of its
 * own) on one PostgreSQL database, delivering to servers the test runs — GreenMail for SMTP and
 * pushy's mock APNs server — where every delivery is counted by the marker in its title. Nothing is
 * read from Herald's tables: a notification counts as accepted when a node answered 2xx, as
 * delivered when its receiver got it, as lost when it never did and as duplicated when it arrived
 * more than once.
 *
 * <p>{@link dev.herald.it.cluster.Cluster} starts the nodes ({@code --nocluster}, a free port on
 * 127.0.0.1, a fresh schema per test, a 10 s lease, retries from 200 ms capped at 2 s) and always
 * stops them; {@link dev.herald.it.cluster.HeraldNode} can {@code kill -9} one or stop it with
 * SIGTERM; {@link dev.herald.it.cluster.Load} sends from a few threads, alternately to the nodes;
 * {@link dev.herald.it.cluster.Figures} prints one line per test. Node logs are in {@code
 * it/target/cluster/<test>/}. The tests are skipped unless {@code herald.test.db.url} is a
 * PostgreSQL URL.
 */
package dev.herald.it.cluster;
