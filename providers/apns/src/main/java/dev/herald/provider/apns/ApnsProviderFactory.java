package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Delivers the {@code ios} channel through the Apple Push Notification service. Authenticates with
 * a token signing key (.p8, key id, team id) or with a .p12 push certificate, and keeps one
 * long-lived HTTP/2 client per provider.
 *
 * @since 0.1
 */
public final class ApnsProviderFactory implements DeliveryProviderFactory {

  /** How long a send waits for a free slot, and for APNs to answer one notification. */
  static final Duration PATIENCE = Duration.ofSeconds(20);

  @Override
  public String id() {
    return "apns";
  }

  @Override
  public Set<String> channels() {
    return Set.of("ios");
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        new ConfigProperty(
            "topic", true, false, null, "The app's bundle id, e.g. com.example.app (apns-topic)."),
        new ConfigProperty(
            "team-id",
            false,
            false,
            null,
            "Token authentication: the 10-character Team ID of the Apple developer account."),
        new ConfigProperty(
            "key-id",
            false,
            false,
            null,
            "Token authentication: the 10-character Key ID of the APNs signing key."),
        new ConfigProperty(
            "signing-key",
            false,
            false,
            null,
            "Token authentication: path of the APNs signing key file (AuthKey_<key-id>.p8). Use"
                + " either team-id, key-id and signing-key, or certificate."),
        new ConfigProperty(
            "certificate",
            false,
            false,
            null,
            "Certificate authentication: path of the APNs push certificate and key as a .p12"
                + " file, instead of token authentication."),
        new ConfigProperty(
            "certificate-password",
            false,
            true,
            null,
            "Certificate authentication: the password of the .p12 file."),
        new ConfigProperty(
            "server",
            false,
            false,
            "production",
            "Which APNs to use: production, or development for apps signed for development."),
        new ConfigProperty(
            "host",
            false,
            false,
            null,
            "Overrides the APNs host chosen by server, e.g. for a proxy or a test server."),
        new ConfigProperty(
            "port", false, false, "443", "The port of the APNs host (443, or Apple's 2197)."),
        new ConfigProperty(
            "trusted-certificate",
            false,
            false,
            null,
            "Path of a PEM file of CA certificates to trust instead of the JDK's, e.g. for a"
                + " test server or a TLS-inspecting proxy."),
        new ConfigProperty(
            "max-in-flight",
            false,
            false,
            "1000",
            "Notifications sent but not yet answered by APNs; further sends wait. Also the"
                + " largest batch."),
        new ConfigProperty(
            "connections",
            false,
            false,
            "2",
            "HTTP/2 connections to APNs, each served by one thread of the provider's own. One"
                + " more connection (and thread) carries only notifications whose whole audience"
                + " fit in one chunk, such as a message to one member, so that they never queue"
                + " behind a broadcast's pushes."),
        new ConfigProperty(
            "connect-at-start",
            false,
            false,
            "true",
            "Open the connections when Herald starts, with one push per connection to a device"
                + " token that cannot exist (APNs answers BadDeviceToken, no device receives"
                + " anything), so that the first pushes do not wait for the TLS handshakes and a"
                + " refused key or topic shows in the log at once; false opens them on the first"
                + " push."));
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    var topic = config.require("topic");
    var maxInFlight = positive(config, "max-in-flight", 1000);
    var connections = positive(config, "connections", 2);
    var endpoint = Endpoint.of(config);
    var connectAtStart = flag(config, "connect-at-start", true);
    var builder =
        new ApnsClientBuilder()
            .setApnsServer(endpoint.host(), endpoint.port())
            .setConcurrentConnections(connections)
            .setConnectionTimeout(Duration.ofSeconds(10))
            .setGracefulShutdownTimeout(PATIENCE);
    var traffic = new ApnsTraffic();
    builder.setMetricsListener(traffic);
    if (endpoint.trusted() != null) {
      builder.setTrustedServerCertificateChain(endpoint.trusted());
    }
    Credentials.apply(config, builder);
    // pushy's default group has one thread; one per connection, the lane's included, lets each
    // carry traffic.
    var group =
        new NioEventLoopGroup(connections + 1, new DefaultThreadFactory("herald-apns", true));
    try {
      builder.setEventLoopGroup(group);
      var client = builder.build();
      // The lane's batches (one member's messages) go on a connection of their own, not behind a
      // broadcast's streams on the shared ones.
      var laneClient = builder.setConcurrentConnections(1).build();
      var provider = new ApnsProvider(client, laneClient, group, traffic, topic, maxInFlight);
      var checks =
          new ArrayList<ApnsProvider.Sender>(
              Collections.nCopies(connections, client::sendNotification));
      checks.add(laneClient::sendNotification);
      ClassWarmUp.start(
          ApnsClient.class.getClassLoader(),
          connectAtStart
              ? () -> ConnectionCheck.runAndLog(checks, topic, PATIENCE, provider::closed)
              : () -> {});
      return provider;
    } catch (SSLException | RuntimeException e) {
      group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
      throw new IllegalArgumentException("APNs client could not be set up: " + e.getMessage(), e);
    }
  }

  private static boolean flag(ProviderConfig config, String setting, boolean defaultValue) {
    var text = config.get(setting).map(String::trim).orElse(String.valueOf(defaultValue));
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new IllegalArgumentException(
              setting + " must be true or false, not '" + text + "'");
    };
  }

  static int positive(ProviderConfig config, String setting, int defaultValue) {
    var text = config.get(setting);
    try {
      var value = text.map(String::trim).map(Integer::parseInt).orElse(defaultValue);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the setting's name
    }
    throw new IllegalArgumentException(
        setting + " must be a positive whole number, not '" + text.orElse("") + "'");
  }
}
