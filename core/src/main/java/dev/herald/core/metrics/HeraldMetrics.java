package dev.herald.core.metrics;

import dev.herald.core.config.Settings;
import dev.herald.core.delivery.Providers;
import dev.herald.core.inbox.InboxFeed;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This application's one meter registry (docs/adr/0018): the queue, the API and the live inbox
 * report to it, {@code GET /v2.0/metrics} reads it. One per application, not the JVM's global
 * registry: a host that embeds Herald keeps its own meters apart, and a redeployed Herald starts
 * afresh. With {@link #ENABLED} off, meters go nowhere and nothing is read from the database.
 */
@ApplicationScoped
public class HeraldMetrics {

  private static final Logger LOG = Logger.getLogger(HeraldMetrics.class.getName());

  /** On by default: the endpoint tells no organization's data, only aggregates. */
  public static final String ENABLED = "herald.metrics.enabled";

  /** The Prometheus text exposition format that {@link #scrape} writes. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  /** Scrapes within this long of the last one reuse its queue depth: one query per second. */
  private static final long QUEUE_DEPTH_MAX_AGE_NANOS = 1_000_000_000L;

  @Inject QueueDepth queueDepth;
  @Inject InboxFeed feed;
  @Inject Providers providers;

  private MeterRegistry registry;
  private PrometheusMeterRegistry prometheus;
  private MultiGauge depth;
  private JvmGcMetrics gc;
  private long depthReadAt;
  private boolean depthRead;
  private final java.util.Set<String> channelsSeen = new java.util.TreeSet<>();

  @PostConstruct
  void start() {
    if (!Settings.getBoolean(ENABLED, true)) {
      // A composite without registries: every meter is a no-op.
      registry = new CompositeMeterRegistry();
      return;
    }
    prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry = prometheus;
    Gauge.builder("herald.inbox.streams", feed, InboxFeed::streams)
        .description("Live inbox streams (SSE) open on this node")
        .register(registry);
    depth =
        MultiGauge.builder("herald.queue.depth")
            .description("Deliveries not yet made, by provider channel and where they stand")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
  }

  /** Whether {@code GET /v2.0/metrics} answers. */
  public boolean enabled() {
    return prometheus != null;
  }

  /** Where Herald's meters go: the Prometheus registry, or nowhere when metrics are off. */
  public MeterRegistry registry() {
    return registry;
  }

  /** Every meter in the Prometheus text format, the queue depth read afresh at most each second. */
  public String scrape() {
    if (prometheus == null) {
      throw new IllegalStateException("Metrics are off (" + ENABLED + "=false)");
    }
    refreshQueueDepth();
    return prometheus.scrape();
  }

  private synchronized void refreshQueueDepth() {
    var now = System.nanoTime();
    if (depthRead && now - depthReadAt < QUEUE_DEPTH_MAX_AGE_NANOS) {
      return;
    }
    depthRead = true;
    depthReadAt = now;
    List<QueueDepth.Row> rows;
    try {
      rows = queueDepth.read();
    } catch (RuntimeException e) {
      // Scrapes repeat through an outage: the cause is for debugging only. No rows rather than
      // stale ones: the series are absent while the database does not answer.
      LOG.log(Level.FINE, "Metrics: the queue depth could not be read", e);
      depth.register(List.of(), true);
      return;
    }
    depth.register(withZeros(rows), true);
  }

  /**
   * The rows, and a 0 for each state of every live channel and every channel seen before, so that
   * an empty queue reads 0 rather than vanishing from graphs and alerts.
   */
  private List<MultiGauge.Row<?>> withZeros(List<QueueDepth.Row> rows) {
    channelsSeen.addAll(providers.registry().live().keySet());
    var counts = new java.util.TreeMap<String, Long>();
    for (var row : rows) {
      channelsSeen.add(row.channel());
      counts.put(row.channel() + '\n' + row.state(), row.count());
    }
    var all = new java.util.ArrayList<MultiGauge.Row<?>>();
    for (var channel : channelsSeen) {
      for (var state : QueueDepth.STATES) {
        all.add(
            MultiGauge.Row.of(
                Tags.of("channel", channel, "state", state),
                counts.getOrDefault(channel + '\n' + state, 0L)));
      }
    }
    return all;
  }

  @PreDestroy
  void close() {
    if (gc != null) {
      gc.close(); // it listens to the JVM's collectors, which outlive this application
    }
    registry.close();
  }
}
