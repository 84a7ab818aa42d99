package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClientBuilder;
import dev.herald.spi.ProviderConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * Where the APNs client connects and which server certificates it trusts.
 *
 * @param trusted the certificates to trust instead of the JDK's, or {@code null} for the JDK's
 */
record Endpoint(String host, int port, X509Certificate[] trusted) {

  static Endpoint of(ProviderConfig config) {
    var server = config.get("server").orElse("production");
    var serverHost =
        switch (server) {
          case "production" -> ApnsClientBuilder.PRODUCTION_APNS_HOST;
          case "development" -> ApnsClientBuilder.DEVELOPMENT_APNS_HOST;
          default ->
              throw new IllegalArgumentException(
                  "server must be production or development, not '" + server + "'");
        };
    var port = ApnsProviderFactory.positive(config, "port", ApnsClientBuilder.DEFAULT_APNS_PORT);
    if (port > 65_535) {
      throw new IllegalArgumentException("port must be at most 65535, not " + port);
    }
    return new Endpoint(
        config.get("host").orElse(serverHost),
        port,
        config.get("trusted-certificate").map(Endpoint::certificates).orElse(null));
  }

  private static X509Certificate[] certificates(String path) {
    try (InputStream in = Files.newInputStream(Path.of(path))) {
      var certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toArray(X509Certificate[]::new);
      if (certificates.length == 0) {
        throw new IllegalArgumentException("trusted-certificate holds no certificate: " + path);
      }
      return certificates;
    } catch (IOException | CertificateException e) {
      throw new IllegalArgumentException(
          "trusted-certificate could not be read as PEM certificates: " + path + " (" + e + ")", e);
    }
  }
}
