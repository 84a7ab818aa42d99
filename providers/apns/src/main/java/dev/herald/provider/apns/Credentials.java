package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import dev.herald.spi.ProviderConfig;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;

/**
 * How the APNs client proves who it is: token authentication (a .p8 signing key, its key id and the
 * team id) or a .p12 push certificate. Exactly one of the two must be configured: a mix is refused
 * rather than guessed at, since the operator meant one of them.
 */
final class Credentials {

  private static final List<String> TOKEN = List.of("team-id", "key-id", "signing-key");
  private static final List<String> CERTIFICATE = List.of("certificate", "certificate-password");

  private Credentials() {}

  static void apply(ProviderConfig config, ApnsClientBuilder builder) {
    var token = present(config, TOKEN);
    var certificate = present(config, CERTIFICATE);
    if (!token.isEmpty() && !certificate.isEmpty()) {
      throw new IllegalArgumentException(
          "Set token authentication (team-id, key-id, signing-key) or certificate"
              + " authentication (certificate, certificate-password), not both: found "
              + String.join(", ", token)
              + " and "
              + String.join(", ", certificate));
    }
    if (token.isEmpty() && certificate.isEmpty()) {
      throw new IllegalArgumentException(
          "Set team-id, key-id and signing-key (token authentication) or certificate"
              + " (certificate authentication); neither is set");
    }
    if (certificate.isEmpty()) {
      signingKey(config, builder);
    } else {
      certificate(config, builder);
    }
  }

  private static void signingKey(ProviderConfig config, ApnsClientBuilder builder) {
    var missing = TOKEN.stream().filter(name -> config.get(name).isEmpty()).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "Token authentication needs team-id, key-id and signing-key; missing: "
              + String.join(", ", missing));
    }
    var path = config.require("signing-key");
    var file = readable("signing-key", path);
    try {
      builder.setSigningKey(
          ApnsSigningKey.loadFromPkcs8File(
              file, config.require("team-id"), config.require("key-id")));
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          "signing-key could not be read as an APNs .p8 key: " + path + " (" + e + ")", e);
    }
  }

  private static void certificate(ProviderConfig config, ApnsClientBuilder builder) {
    var path = config.require("certificate");
    var file = readable("certificate", path);
    try {
      builder.setClientCredentials(file, config.get("certificate-password").orElse(""));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "certificate could not be read as a .p12 file with certificate-password: "
              + path
              + " ("
              + e
              + ")",
          e);
    }
  }

  private static File readable(String setting, String path) {
    var file = new File(path);
    if (!file.isFile() || !file.canRead()) {
      throw new IllegalArgumentException(setting + " names no readable file: " + path);
    }
    return file;
  }

  private static List<String> present(ProviderConfig config, List<String> names) {
    return names.stream().filter(name -> config.get(name).isPresent()).toList();
  }
}
