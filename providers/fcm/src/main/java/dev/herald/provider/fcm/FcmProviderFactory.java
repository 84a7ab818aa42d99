package dev.herald.provider.fcm;

import com.google.firebase.FirebaseApp;
import com.google.firebase.FirebaseOptions;
import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Delivers the {@code android} channel through Firebase Cloud Messaging (HTTP v1), authenticated
 * with a service account. Each provider is a firebase-admin app of its own, with its own threads
 * and connections, released by {@link DeliveryProvider#close()}.
 *
 * @since 0.1
 */
public final class FcmProviderFactory implements DeliveryProviderFactory {

  static final int DEFAULT_MAX_IN_FLIGHT = 500;

  /**
   * At most this many requests are under way at once (one thread each); the rest of the messages in
   * flight wait in line. firebase-admin's own pool has 100 threads, and one HTTP/2 connection to
   * FCM carries 100 concurrent streams.
   */
  static final int MAX_THREADS = 100;

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** How long a send waits for a free slot, and for FCM's answer to one message. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

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
        new ConfigProperty(
            "project-id",
            true,
            false,
            null,
            "The Firebase project id, as shown in the Firebase console's project settings."),
        new ConfigProperty(
            "service-account-file",
            false,
            false,
            null,
            "Path of the service account's JSON key file (Firebase console, Project settings,"
                + " Service accounts, Generate new private key). Required unless access-token is"
                + " set."),
        new ConfigProperty(
            "access-token",
            false,
            true,
            null,
            "A fixed OAuth 2 access token sent instead of one obtained with a service account;"
                + " for tests and for proxies that authenticate to Google themselves. Never"
                + " refreshed."),
        new ConfigProperty(
            "endpoint",
            false,
            false,
            FcmEndpoint.DEFAULT,
            "Base URL FCM requests go to; requests keep their /v1/projects/... path. Change it"
                + " only for a proxy or a test server: other endpoints are reached over HTTP/1.1"
                + " with the JDK's connections, which keep only http.maxConnections (JVM option,"
                + " default 5) idle per host, so raise that to about 100 for throughput."),
        new ConfigProperty(
            "max-in-flight",
            false,
            false,
            String.valueOf(DEFAULT_MAX_IN_FLIGHT),
            "Most messages handed to FCM and not yet answered; a send waits for a free slot."
                + " Up to "
                + MAX_THREADS
                + " of them are sent at once, each on a thread of its own."));
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    return create(config, PATIENCE);
  }

  /** All settings are checked before any thread or connection exists. */
  DeliveryProvider create(ProviderConfig config, Duration patience) {
    var projectId = config.require("project-id");
    var credentials = FcmCredentials.from(config);
    var endpoint = FcmEndpoint.parse(config.get("endpoint").orElse(FcmEndpoint.DEFAULT));
    var maxInFlight = positive(config, "max-in-flight", DEFAULT_MAX_IN_FLIGHT);
    var name = "herald-fcm-" + UUID.randomUUID();
    var options =
        FirebaseOptions.builder()
            .setProjectId(projectId)
            .setCredentials(credentials)
            .setThreadManager(new FcmThreads(Math.min(maxInFlight, MAX_THREADS), name))
            // firebase-admin's defaults are 0: wait forever. No write timeout: google-http-client
            // enforces one with a new thread per request (googleapis/google-http-java-client#1375),
            // which cost a thread start per message; the provider's patience bounds a stuck send.
            .setConnectTimeout((int) CONNECT_TIMEOUT.toMillis())
            .setReadTimeout((int) READ_TIMEOUT.toMillis());
    if (!endpoint.isDefault()) {
      options.setHttpTransport(endpoint.transport());
    }
    var built = options.build();
    try {
      return new FcmProvider(FirebaseApp.initializeApp(built, name), maxInFlight, patience);
    } catch (RuntimeException e) {
      shutdown(built);
      throw e;
    }
  }

  private static void shutdown(FirebaseOptions options) {
    try {
      options.getHttpTransport().shutdown();
    } catch (IOException e) {
      // the start-up failure is what matters
    }
  }

  private static int positive(ProviderConfig config, String setting, int defaultValue) {
    var text = config.get(setting);
    try {
      var value = text.map(String::strip).map(Integer::parseInt).orElse(defaultValue);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the setting's name
    }
    throw new IllegalArgumentException(
        setting + " must be a positive whole number, not: " + text.orElse(""));
  }
}
