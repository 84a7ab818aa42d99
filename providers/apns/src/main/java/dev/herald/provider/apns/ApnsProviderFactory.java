package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Set;

/**
 * The APNs provider: channel {@code ios}. Token authentication (a .p8 signing key with its key id
 * and team id) or a .p12 certificate; one long-lived HTTP/2 client per installation.
 *
 * @since 0.1
 */
public final class ApnsProviderFactory implements DeliveryProviderFactory {

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
            "topic", true, false, null, "The app's bundle id, e.g. com.example.app."),
        new ConfigProperty(
            "signing-key",
            false,
            false,
            null,
            "Path of the .p8 signing key (token authentication)."),
        new ConfigProperty("key-id", false, false, null, "The signing key's Key ID."),
        new ConfigProperty("team-id", false, false, null, "The Apple Developer Team ID."),
        new ConfigProperty(
            "certificate",
            false,
            false,
            null,
            "Path of a .p12 push certificate, instead of token authentication."),
        new ConfigProperty("certificate-password", false, true, null, "The .p12 file's password."),
        new ConfigProperty(
            "server", false, false, "production", "production or development (sandbox) APNs."),
        new ConfigProperty("host", false, false, null, "Another APNs host, e.g. a test server."),
        new ConfigProperty("port", false, false, "443", "The APNs port."),
        new ConfigProperty(
            "trusted-certificate",
            false,
            false,
            null,
            "PEM certificate chain to trust instead of the JDK's, e.g. a test server's."),
        new ConfigProperty("connections", false, false, "2", "HTTP/2 connections to APNs."),
        new ConfigProperty(
            "max-in-flight", false, false, "1000", "Notifications sent but not yet answered."));
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    var topic = config.require("topic");
    var connections = positive(config, "connections", 2);
    var maxInFlight = positive(config, "max-in-flight", 1000);
    var group = new NioEventLoopGroup(connections);
    try {
      var builder =
          new ApnsClientBuilder()
              .setApnsServer(host(config), positive(config, "port", 443))
              .setConcurrentConnections(connections)
              .setEventLoopGroup(group);
      authenticate(builder, config);
      var trusted = config.get("trusted-certificate");
      if (trusted.isPresent()) {
        builder.setTrustedServerCertificateChain(readable("trusted-certificate", trusted.get()));
      }
      return new ApnsProvider(builder.build(), group, topic, maxInFlight);
    } catch (IOException | GeneralSecurityException e) {
      group.shutdownGracefully();
      throw new IllegalArgumentException(
          "APNs credentials could not be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  private static void authenticate(ApnsClientBuilder builder, ProviderConfig config)
      throws IOException, GeneralSecurityException {
    var signingKey = config.get("signing-key");
    var certificate = config.get("certificate");
    if (signingKey.isPresent() == certificate.isPresent()) {
      throw new IllegalArgumentException(
          "Set either signing-key (with key-id and team-id) or certificate, not "
              + (signingKey.isPresent() ? "both" : "neither"));
    }
    if (signingKey.isPresent()) {
      builder.setSigningKey(
          ApnsSigningKey.loadFromPkcs8File(
              readable("signing-key", signingKey.get()),
              config.require("team-id"),
              config.require("key-id")));
    } else {
      builder.setClientCredentials(
          readable("certificate", certificate.get()),
          config.get("certificate-password").orElse(""));
    }
  }

  private static String host(ProviderConfig config) {
    var host = config.get("host");
    if (host.isPresent()) {
      return host.get();
    }
    return switch (config.get("server").orElse("production")) {
      case "production" -> ApnsClientBuilder.PRODUCTION_APNS_HOST;
      case "development" -> ApnsClientBuilder.DEVELOPMENT_APNS_HOST;
      default -> throw new IllegalArgumentException("server must be production or development");
    };
  }

  private static File readable(String setting, String path) {
    var file = new File(path);
    if (!file.canRead()) {
      throw new IllegalArgumentException(setting + " names a file that cannot be read: " + path);
    }
    return file;
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
