package dev.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for Herald's JSON API, acting with one bearer token. */
final class Api {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI base;
  private final String token;

  Api(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** The same server, another token ({@code null} for none). */
  Api as(String otherToken) {
    return new Api(base, otherToken);
  }

  URI base() {
    return base;
  }

  String token() {
    return token;
  }

  Reply get(String path) {
    return send("GET", path, null, Map.of());
  }

  Reply delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  Reply post(String path, String json) {
    return send("POST", path, json, Map.of("Content-Type", "application/json"));
  }

  Reply put(String path) {
    return send("PUT", path, null, Map.of());
  }

  Reply patch(String path, String json) {
    return send("PATCH", path, json, Map.of("Content-Type", "application/json"));
  }

  Reply send(String method, String path, String body, Map<String, String> headers) {
    var request =
        HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  record Reply(int status, java.net.http.HttpHeaders headers, String body) {

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      } catch (RuntimeException e) {
        throw new AssertionError("Not a JSON object (" + status + "): " + body, e);
      }
    }

    JsonArray items() {
      return json().getJsonArray("items");
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Quotes a string for JSON. */
  static String q(String text) {
    return Json.createValue(text).toString();
  }

  static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }
}
