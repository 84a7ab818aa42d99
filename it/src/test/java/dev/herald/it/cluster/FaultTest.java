package dev.herald.it.cluster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the fault tests: they run only on PostgreSQL, and whatever happens in a test, every
 * node and receiving server it started is stopped after it.
 */
abstract class FaultTest {

  /**
   * After every suite without an order (JUnit's default is {@code Integer.MAX_VALUE / 2}): see the
   * class order in it/pom.xml.
   */
  static final int ORDER = Integer.MAX_VALUE / 2 + 1;

  TestDatabase database;

  Receivers receivers;
  Cluster cluster;

  @BeforeEach
  void onlyOnPostgres() {
    var postgres = TestDatabase.postgres();
    assumeTrue(
        postgres.isPresent(),
        "Fault tests run Herald nodes on one shared database and need PostgreSQL:"
            + " run with -Dherald.test.db.url=jdbc:postgresql://… (see .ci/run)");
    assumeTrue(
        Files.exists(Path.of(System.getProperty("it.payara.jar", "target/payara-micro.jar"))),
        "Fault tests start Payara Micro nodes: run them with the payara profile (the default)");
    database = postgres.get();
  }

  /** Starts the receiving servers and prepares (without starting) this test's cluster. */
  Cluster cluster(String name, List<String> extraSettings) throws Exception {
    receivers = new Receivers();
    cluster = new Cluster(name, database, receivers, extraSettings);
    return cluster;
  }

  @AfterEach
  void stopEverything() throws Exception {
    try {
      if (cluster != null) {
        cluster.close();
      }
    } finally {
      if (receivers != null) {
        receivers.close();
      }
    }
  }
}
