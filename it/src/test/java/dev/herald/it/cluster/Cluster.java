package dev.herald.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Herald nodes of one test on one PostgreSQL schema, their providers pointed at the test's {@link
 * Receivers}. Closing it ends every node it started, whatever state the test left them in.
 */
final class Cluster implements AutoCloseable {

  /** The system administrator's token every node is started with. */
  static final String TOKEN = "fault-bootstrap-token";

  /** Payara Micro's start and deployment under a loaded 2-core machine, with margin. */
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  final Path dir;
  private final List<String> settings;
  private final List<HeraldNode> nodes = new ArrayList<>();

  /**
   * @param name the test's name: its schema and its directory under {@code target/cluster}
   * @param extra settings of this test, as JVM options
   */
  Cluster(String name, TestDatabase database, Receivers receivers, List<String> extra) {
    dir = Path.of("target", "cluster", name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var url = database.freshSchema("fault_" + name.toLowerCase());
    settings = new ArrayList<>();
    // C1 only: Payara Micro starts with half the CPU time, which matters on a 2-core machine.
    settings.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC"));
    settings.addAll(
        List.of(
            "-Dherald.db.url=" + url,
            "-Dherald.db.user=" + database.user(),
            "-Dherald.db.password=" + database.password(),
            "-Dherald.bootstrap.token=" + TOKEN,
            // A killed node's deliveries come back after 10 s instead of minutes. Not shorter: a
            // loaded 2-core machine can take seconds to send a batch of 100 mails, and timings
            // tied to the lease (renewals, send timeouts) must not be what the tests measure.
            "-Dherald.queue.lease-ms=10000",
            "-Dherald.retry.base-ms=200",
            "-Dherald.retry.cap-ms=2000",
            // Today's attempt count must not end retries before an outage ends; the time budget
            // that replaces it defaults to hours.
            "-Dherald.retry.max-attempts=1000",
            // The clients send as fast as the nodes take it, with one token: an installation's
            // send limit (SendLimitIT's subject) is not what these tests are about.
            "-Dherald.limit.sends-per-minute=0"));
    settings.addAll(receivers.providerSettings());
    settings.addAll(extra);
  }

  /**
   * Starts {@code count} nodes and waits until each answers. The first starts alone: it migrates
   * the empty schema and bootstraps the system administrator; the others then start together.
   */
  List<HeraldNode> start(int count) {
    var started = new ArrayList<HeraldNode>();
    started.add(startNode());
    var rest = new ArrayList<CompletableFuture<HeraldNode>>();
    for (int i = 1; i < count; i++) {
      rest.add(CompletableFuture.supplyAsync(this::startNode));
    }
    rest.forEach(f -> started.add(f.join()));
    return started;
  }

  /** Starts one more node and waits until it answers. */
  HeraldNode startNode() {
    HeraldNode node;
    synchronized (nodes) {
      node = HeraldNode.start("node" + (nodes.size() + 1), dir, settings);
      nodes.add(node);
    }
    var started = System.nanoTime();
    node.awaitReady(TOKEN, START_TIMEOUT);
    System.out.printf(
        "[fault] %s ready in %d s%n",
        node, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return node;
  }

  @Override
  public void close() {
    synchronized (nodes) {
      nodes.forEach(HeraldNode::close);
    }
  }
}
