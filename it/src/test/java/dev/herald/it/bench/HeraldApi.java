package dev.herald.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The few API calls the benchmark makes, as an organization's administrator would: set-up, sending
 * notifications and reading one back. Notifications go out as built by {@link #broadcast} and
 * {@link #toOne}, push and in-app, the title telling {@link Arrivals} which phase sent them.
 */
final class HeraldApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final String token;

  /** The organization's API root, e.g. {@code v2.0/tool/organizations/bench/}. */
  private final String organization;

  private HeraldApi(URI base, String token, String organization) {
    this.base = base;
    this.token = token;
    this.organization = organization;
  }

  /** An answer and when it arrived ({@code System.nanoTime()}). */
  record Answer(int status, String body, long nanos) {

    JsonObject json() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readObject();
      }
    }
  }

  /**
   * Creates the organization with the system administrator's token, then an administrator member
   * and an ADMIN token for it: the benchmark sends as an organization's administrator does.
   */
  static HeraldApi organization(URI base, String systemToken, String id) {
    var system = new HeraldApi(base, systemToken, "v2.0/tool/organizations/" + id + "/");
    system.expect(
        201,
        system.post(
            "v2.0/tool/organizations",
            Json.createObjectBuilder().add("id", id).add("name", "Benchmark").build().toString()));
    var admin =
        system
            .expect(
                201,
                system.post(
                    system.organization + "members",
                    "{\"email\":\"admin@bench.example\",\"name\":\"Benchmark admin\"}"))
            .getString("id");
    var issued =
        system.expect(
            201,
            system.post(
                system.organization + "tokens",
                "{\"memberId\":\"" + admin + "\",\"role\":\"ADMIN\",\"name\":\"benchmark\"}"));
    return new HeraldApi(base, issued.getString("token"), system.organization);
  }

  /** An ORG notification: every member, push and in-app. */
  static String broadcast() {
    return notification("ORG", Arrivals.BROADCAST, null);
  }

  /** A USR notification to one member, push and in-app. */
  static String toOne(String title, String email) {
    return notification("USR", title, email);
  }

  private static String notification(String scope, String title, String email) {
    var json =
        Json.createObjectBuilder()
            .add(
                "content",
                Json.createObjectBuilder().add("title", title).add("text", "Herald benchmark"))
            .add("scope", scope)
            .add("channels", Json.createArrayBuilder().add("push").add("inapp"));
    if (email != null) {
      json.add("emails", Json.createArrayBuilder().add(email));
    }
    return json.build().toString();
  }

  /** The request that sends a notification, for callers that send it themselves. */
  HttpRequest notificationRequest(String json, Duration timeout) {
    return HttpRequest.newBuilder(base.resolve(organization + "notifications"))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  Answer sendNotification(String json) {
    return send(notificationRequest(json, TIMEOUT));
  }

  Answer notification(String id) {
    return send(
        HttpRequest.newBuilder(base.resolve(organization + "notifications/" + id))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .build());
  }

  private Answer post(String path, String json) {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A call whose failure ends the benchmark: set-up, not a measurement. */
  JsonObject expect(int status, Answer answer) {
    if (answer.status() != status) {
      throw new IllegalStateException(
          "Expected HTTP " + status + ", got " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  private Answer send(HttpRequest request) {
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), System.nanoTime());
    } catch (IOException e) {
      return new Answer(0, e.toString(), System.nanoTime());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Benchmark interrupted", e);
    }
  }
}
