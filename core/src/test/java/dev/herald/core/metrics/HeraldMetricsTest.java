package dev.herald.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.delivery.Providers;
import dev.herald.core.inbox.InboxFeed;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The registry and the queue depth a scrape reads, without a server. */
class HeraldMetricsTest {

  private final AtomicInteger reads = new AtomicInteger();
  private volatile List<QueueDepth.Row> rows = List.of();
  private volatile RuntimeException failure;

  private HeraldMetrics metrics;

  @AfterEach
  void tearDown() {
    System.clearProperty(HeraldMetrics.ENABLED);
    if (metrics != null) {
      metrics.close();
    }
  }

  @Test
  void theQueueDepthIsReadOnScrapeAtMostOnceASecondAndAStateWithNothingReadsZero()
      throws Exception {
    rows = List.of(new QueueDepth.Row("email", "waiting", 3));
    metrics = started();

    var text = metrics.scrape();
    metrics.scrape();

    assertThat(reads).hasValue(1);
    assertThat(text)
        .contains("herald_queue_depth{channel=\"email\",state=\"waiting\"} 3.0")
        .contains("herald_queue_depth{channel=\"email\",state=\"retrying\"} 0.0")
        .contains("herald_queue_depth{channel=\"email\",state=\"in_flight\"} 0.0")
        .contains("herald_inbox_streams 0.0")
        .contains("jvm_memory_used_bytes");

    rows = List.of();
    Thread.sleep(1_100);
    assertThat(metrics.scrape())
        .as("an emptied queue reads 0")
        .contains("herald_queue_depth{channel=\"email\",state=\"waiting\"} 0.0");
    assertThat(reads).hasValue(2);
  }

  @Test
  void whileTheDatabaseDoesNotAnswerTheQueueDepthIsAbsentRatherThanStale() throws Exception {
    rows = List.of(new QueueDepth.Row("ios", "retrying", 7));
    metrics = started();
    assertThat(metrics.scrape()).contains("herald_queue_depth{channel=\"ios\",state=\"retrying\"}");

    failure = new IllegalStateException("connection refused");
    Thread.sleep(1_100);

    assertThat(metrics.scrape()).doesNotContain("herald_queue_depth{");
  }

  @Test
  void liveStreamsAreCounted() throws Exception {
    metrics = started();
    var a = metrics.feed.subscribe(UUID.randomUUID(), item -> {});
    var b = metrics.feed.subscribe(UUID.randomUUID(), item -> {});
    assertThat(metrics.scrape()).contains("herald_inbox_streams 2.0");
    a.close();
    b.close();
    assertThat(metrics.scrape()).contains("herald_inbox_streams 0.0");
  }

  @Test
  void offMeansNoEndpointNoMetersAndNoQuery() {
    System.setProperty(HeraldMetrics.ENABLED, "false");
    metrics = started();

    assertThat(metrics.enabled()).isFalse();
    var counter = metrics.registry().counter("herald.test");
    counter.increment();
    assertThat(counter.count()).as("a meter that goes nowhere").isZero();
    assertThatThrownBy(metrics::scrape).hasMessageContaining("herald.metrics.enabled=false");
    assertThat(reads).hasValue(0);
  }

  private HeraldMetrics started() {
    var started = new HeraldMetrics();
    started.queueDepth =
        new QueueDepth() {
          @Override
          public List<Row> read() {
            reads.incrementAndGet();
            if (failure != null) {
              throw failure;
            }
            return rows;
          }
        };
    started.feed = new InboxFeed();
    started.providers = new Providers();
    started.start();
    return started;
  }
}
