package dev.herald.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The series the queue's metrics become, as a scraper reads them. */
class DeliveryMetricsTest {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DeliveryMetrics metrics = new DeliveryMetrics(registry);
  private final Instant accepted = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void outcomesAreCountedByChannelAndOnlySuccessesAreTimedFromAcceptance() {
    metrics.settled("email", DeliveryMetrics.Outcome.DELIVERED, accepted, accepted.plusMillis(300));
    metrics.settled("email", DeliveryMetrics.Outcome.RETRIED, accepted, accepted.plusMillis(40));
    metrics.settled(
        "ios", DeliveryMetrics.Outcome.INVALID_RECIPIENT, accepted, accepted.plusSeconds(2));
    metrics.settled(
        "inapp", DeliveryMetrics.Outcome.DELIVERED, 3, accepted, accepted.plusMillis(30));

    var text = registry.scrape();

    assertThat(text)
        .contains("herald_deliveries_total{channel=\"email\",outcome=\"delivered\"} 1.0")
        .contains("herald_deliveries_total{channel=\"email\",outcome=\"retried\"} 1.0")
        .contains("herald_deliveries_total{channel=\"ios\",outcome=\"invalid_recipient\"} 1.0")
        .contains("herald_deliveries_total{channel=\"inapp\",outcome=\"delivered\"} 3.0")
        .contains("herald_delivery_latency_seconds_count{channel=\"email\"} 1")
        .contains("herald_delivery_latency_seconds_count{channel=\"inapp\"} 3")
        .doesNotContain("herald_delivery_latency_seconds_count{channel=\"ios\"}");
    // 300 ms: not within the 250 ms bucket, within the 500 ms one.
    assertThat(text)
        .contains("herald_delivery_latency_seconds_bucket{channel=\"email\",le=\"0.25\"} 0")
        .contains("herald_delivery_latency_seconds_bucket{channel=\"email\",le=\"0.5\"} 1")
        .contains("herald_delivery_latency_seconds_bucket{channel=\"inapp\",le=\"0.05\"} 3")
        .contains("herald_delivery_latency_seconds_bucket{channel=\"email\",le=\"60.0\"} 1");
  }

  @Test
  void aBatchCountsItsAttemptsAndTheProvidersTime() {
    metrics.sent("android", "fcm", 250, Duration.ofMillis(120));
    metrics.sent("android", "fcm", 50, Duration.ofMillis(80));

    var text = registry.scrape();

    assertThat(text)
        .contains("herald_delivery_attempts_total{channel=\"android\"} 300.0")
        .contains("herald_provider_send_seconds_count{channel=\"android\",provider=\"fcm\"} 2")
        .contains("herald_provider_send_seconds_sum{channel=\"android\",provider=\"fcm\"} 0.2");
  }

  @Test
  void nothingIsReportedWhereThereIsNowhereToReport() {
    DeliveryMetrics.NONE.settled(
        "email", DeliveryMetrics.Outcome.DELIVERED, accepted, accepted.plusMillis(1));
    DeliveryMetrics.NONE.sent("email", "email", 1, Duration.ofMillis(1));
  }
}
