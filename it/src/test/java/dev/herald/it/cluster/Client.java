package dev.herald.it.cluster;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Herald's API over HTTP as an outside client sees it: a status, or the way the call failed. */
final class Client {

  /** A call that takes longer than this is a failure (a hang), not a slow success. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String token;

  Client(String token) {
    this.token = token;
  }

  /**
   * The answer to one call. {@code status} is 0 when there was none; {@code failure} then says why:
   * {@code refused}, {@code timeout} or the I/O error.
   */
  record Reply(int status, String retryAfter, String body, String failure, long millis) {

    boolean accepted() {
      return status >= 200 && status < 300;
    }

    /**
     * What a client saw, for the figures: {@code 201}, {@code 503+Retry-After}, {@code refused}.
     */
    String outcome() {
      if (status == 0) {
        return failure;
      }
      if (status == 503) {
        return retryAfter == null ? "503-no-Retry-After" : "503+Retry-After";
      }
      // Herald answers every error with {"message": …}; anything else is the server's own page.
      return status >= 500 && !body.startsWith("{") ? status + "-server-page" : "" + status;
    }

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }
  }

  Reply post(URI base, String path, String json, String idempotencyKey) {
    var request =
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request.build());
  }

  Reply get(URI base, String path) {
    return send(
        HttpRequest.newBuilder(base.resolve(path.substring(1)))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .build());
  }

  /** A call that must succeed: setup, not the subject of a test. */
  JsonObject expect(int status, Reply reply) {
    if (reply.status() != status) {
      throw new AssertionError(
          "Expected " + status + ", got " + reply.outcome() + " " + reply.body());
    }
    return reply.json();
  }

  Client as(String otherToken) {
    return new Client(otherToken);
  }

  private static Reply send(HttpRequest request) {
    var started = System.nanoTime();
    try {
      var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body(),
          null,
          elapsed(started));
    } catch (ConnectException e) {
      return new Reply(0, null, null, "refused", elapsed(started));
    } catch (HttpTimeoutException e) {
      return new Reply(0, null, null, "timeout", elapsed(started));
    } catch (IOException e) {
      return new Reply(0, null, null, "io:" + e.getClass().getSimpleName(), elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, null, null, "interrupted", elapsed(started));
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
