package dev.herald.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult.Delivered;
import dev.herald.spi.ProviderConfig;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider opens its connections when it starts and logs whether APNs took its credentials and
 * topic, against pushy's real mock server through the factory, as the WAR creates it.
 */
class ConnectionCheckTest {

  @TempDir static Path dir;
  private static TestKeys keys;

  private final Logger logger = Logger.getLogger(ConnectionCheck.class.getName());
  private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
  private final Handler recorder =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private MockApns apns;
  private DeliveryProvider provider;

  @BeforeAll
  static void createKeys() throws Exception {
    keys = TestKeys.create(dir);
  }

  @BeforeEach
  void start() throws Exception {
    logger.addHandler(recorder);
    apns = new MockApns(keys);
  }

  @AfterEach
  void stop() throws Exception {
    logger.removeHandler(recorder);
    if (provider != null) {
      provider.close();
    }
    apns.close();
  }

  @Test
  void theProviderOpensEveryConnectionWhenItStartsAndNoDeviceReceivesAnything() throws Exception {
    provider = provider(Map.of("connections", "3"), apns.port);

    var record = awaitLogRecord();

    assertThat(record.getLevel()).isEqualTo(Level.INFO);
    assertThat(record.getMessage())
        .as("three shared, one for the lane")
        .contains("4 connection(s) open")
        .contains("credentials and topic were accepted");
    assertThat(apns.connections).hasValue(4);
    assertThat(apns.accepted).isEmpty();
  }

  @Test
  void theFirstPushesUseTheConnectionsOpenedAtStart() throws Exception {
    provider = provider(Map.of("connections", "2"), apns.port);
    awaitLogRecord();

    var results =
        provider
            .send(List.of(ApnsProviderTest.delivery("ab0001"), ApnsProviderTest.delivery("ab0002")))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);

    assertThat(results).allMatch(r -> r instanceof Delivered);
    var ahead =
        provider
            .sendAhead(List.of(ApnsProviderTest.delivery("ab0003")))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    assertThat(ahead).allMatch(r -> r instanceof Delivered);
    assertThat(apns.connections).as("two shared, one for the lane").hasValue(3);
  }

  @Test
  void aTopicApnsRefusesIsNamedInTheLogAtStart() throws Exception {
    provider = provider(Map.of("topic", MockApns.DISALLOWED_TOPIC), apns.port);

    var record = awaitLogRecord();

    assertThat(record.getLevel()).isEqualTo(Level.WARNING);
    assertThat(record.getMessage())
        .contains("APNs refused the connection check at start: TopicDisallowed (HTTP 400)");
  }

  @Test
  void anApnsThatCannotBeReachedIsNamedInTheLogAtStart() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    provider = provider(Map.of(), closedPort);

    var record = awaitLogRecord();

    assertThat(record.getLevel()).isEqualTo(Level.WARNING);
    assertThat(record.getMessage()).contains("APNs: could not connect at start");
  }

  @Test
  void aProviderClosedBeforeItsCheckEndedLogsNoWarning() throws Exception {
    logger.setLevel(Level.FINE);
    try {
      provider = provider(Map.of(), apns.port);
      provider.close();
      provider = null;

      var record = awaitLogRecord();

      assertThat(record.getLevel()).isEqualTo(Level.FINE);
    } finally {
      logger.setLevel(null);
    }
  }

  @Test
  void withConnectAtStartFalseNothingConnectsBeforeTheFirstPush() throws Exception {
    provider = provider(Map.of("connect-at-start", "false"), apns.port);

    // the class warm-up runs first and then the check would; give both time to happen
    Thread.sleep(3_000);

    assertThat(apns.connections).hasValue(0);
    assertThat(logged).isEmpty();
  }

  private LogRecord awaitLogRecord() throws InterruptedException {
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (logged.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(logged).as("the connection check's log line").hasSize(1);
    return logged.get(0);
  }

  private static DeliveryProvider provider(Map<String, String> overrides, int port) {
    var settings = MockApns.providerSettings(keys, port);
    settings.putAll(overrides);
    return new ApnsProviderFactory().create(ProviderConfig.of(settings));
  }
}
