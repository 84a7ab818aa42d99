package dev.herald.provider.fcm;

import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import com.google.firebase.messaging.FirebaseMessaging;
import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The FCM provider: channel {@code android}, FCM HTTP v1 with a service account.
 *
 * @since 0.1
 */
public final class FcmProviderFactory implements DeliveryProviderFactory {

  static final String DEFAULT_ENDPOINT = "https://fcm.googleapis.com";

  @Override
  public String id() {
    return "fcm";
  }

  @Override
  public Set<String> channels() {
    return Set.of("android");
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        new ConfigProperty("project-id", true, false, null, "The Firebase project id."),
        new ConfigProperty(
            "service-account-file",
            false,
            false,
            null,
            "Path of the Firebase service-account JSON key (required unless access-token is set)."),
        new ConfigProperty(
            "access-token",
            false,
            true,
            null,
            "A fixed OAuth access token instead of a service account, for proxies and tests."),
        new ConfigProperty(
            "endpoint", false, false, DEFAULT_ENDPOINT, "The FCM base URL, e.g. a test server."),
        new ConfigProperty("threads", false, false, "32", "Requests to FCM under way at once."));
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    var projectId = config.require("project-id");
    var endpoint = endpoint(config.get("endpoint").orElse(DEFAULT_ENDPOINT));
    var threads = positive(config, "threads", 32);
    var threadManager = new FcmThreads(threads);
    var options =
        FirebaseOptions.builder()
            .setProjectId(projectId)
            .setCredentials(credentials(config))
            .setHttpTransport(transport(endpoint))
            .setThreadManager(threadManager)
            .build();
    var app = FirebaseApp.initializeApp(options, "herald-fcm-" + UUID.randomUUID());
    return new FcmProvider(app, FirebaseMessaging.getInstance(app), threads);
  }

  private static GoogleCredentials credentials(ProviderConfig config) {
    var token = config.get("access-token");
    if (token.isPresent()) {
      var farFuture = Date.from(Instant.now().plus(3650, ChronoUnit.DAYS));
      return GoogleCredentials.create(new AccessToken(token.get(), farFuture));
    }
    var file =
        config
            .get("service-account-file")
            .orElseThrow(
                () -> new IllegalArgumentException("Set service-account-file (or access-token)"));
    try (var in = new FileInputStream(file)) {
      return GoogleCredentials.fromStream(in);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "service-account-file could not be read: " + file + " (" + e.getMessage() + ")", e);
    }
  }

  /**
   * firebase-admin has no endpoint setting: requests keep their path and go to the configured base
   * URL instead of Google's host.
   */
  private static NetHttpTransport transport(URI endpoint) {
    if (endpoint.toString().equals(DEFAULT_ENDPOINT)) {
      return new NetHttpTransport();
    }
    return new NetHttpTransport.Builder()
        .setConnectionFactory(
            url ->
                (HttpURLConnection) new URL(endpoint.toString() + url.getFile()).openConnection())
        .build();
  }

  private static URI endpoint(String text) {
    var trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    try {
      var uri = URI.create(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new IllegalArgumentException("endpoint must be an http(s) URL: " + text);
  }

  private static int positive(ProviderConfig config, String setting, int defaultValue) {
    try {
      var value = config.get(setting).map(Integer::parseInt).orElse(defaultValue);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(setting + " must be a positive whole number");
  }
}
