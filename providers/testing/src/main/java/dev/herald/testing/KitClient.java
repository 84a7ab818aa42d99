package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Reads and clears the record of a server through the kit's endpoint. */
final class KitClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final URI endpoint;

  KitClient(URI base) {
    var root = base.toString().endsWith("/") ? base : URI.create(base + "/");
    this.endpoint = root.resolve(KitResource.PATH);
  }

  List<RecordedDelivery> fetch() {
    var body = call(HttpRequest.newBuilder(endpoint).GET(), 200);
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readArray().stream()
          .map(value -> RecordedDelivery.fromJson((JsonObject) value))
          .toList();
    }
  }

  void clear() {
    call(HttpRequest.newBuilder(endpoint).DELETE(), 204);
  }

  private String call(HttpRequest.Builder request, int expected) {
    try {
      var response =
          http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new AssertionError(
            "Herald's test kit answered "
                + response.statusCode()
                + " at "
                + endpoint
                + " (is herald-testing in the deployment?): "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException("Herald's test kit could not be reached at " + endpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while reading Herald's test kit", e);
    }
  }
}
