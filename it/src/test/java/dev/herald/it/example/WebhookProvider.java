package dev.herald.it.example;

import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;

/**
 * Posts each delivery as a small JSON document. A 2xx is delivered, a 5xx or an I/O failure is
 * retried later, any other answer is a permanent rejection.
 */
final class WebhookProvider implements DeliveryProvider {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI url;
  private final Semaphore inFlight;

  WebhookProvider(URI url, int maxInFlight) {
    this.url = url;
    this.inFlight = new Semaphore(maxInFlight);
  }

  @Override
  public int maxBatchSize() {
    return 100;
  }

  @Override
  public CompletionStage<List<DeliveryResult>> send(List<Delivery> batch) {
    var results = batch.stream().map(this::post).toList();
    return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
        .thenApply(done -> results.stream().map(CompletableFuture::join).toList());
  }

  private CompletableFuture<DeliveryResult> post(Delivery delivery) {
    inFlight.acquireUninterruptibly();
    var request =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json(delivery)))
            .build();
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .<DeliveryResult>thenApply(
            response -> {
              var status = response.statusCode();
              if (status / 100 == 2) {
                return new DeliveryResult.Delivered(null);
              }
              return status >= 500
                  ? new DeliveryResult.RetryLater(null, "web hook answered " + status)
                  : new DeliveryResult.Rejected("web hook answered " + status);
            })
        .exceptionally(error -> new DeliveryResult.RetryLater(null, error.toString()))
        .whenComplete((result, error) -> inFlight.release());
  }

  /** The document posted; {@code inputs} is already JSON. */
  private static String json(Delivery d) {
    return "{\"deliveryId\":"
        + d.id()
        + ",\"notificationId\":"
        + quote(d.notificationId())
        + ",\"to\":"
        + quote(d.address())
        + ",\"title\":"
        + quote(d.title())
        + ",\"text\":"
        + quote(d.text())
        + ",\"jigId\":"
        + (d.jigId() == null ? "null" : quote(d.jigId()))
        + ",\"inputs\":"
        + d.inputs()
        + "}";
  }

  private static String quote(String text) {
    var quoted = new StringBuilder("\"");
    for (var c : text.toCharArray()) {
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\r' -> quoted.append("\\r");
        case '\t' -> quoted.append("\\t");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }
}
