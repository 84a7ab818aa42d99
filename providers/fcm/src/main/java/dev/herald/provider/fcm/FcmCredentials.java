package dev.herald.provider.fcm;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.herald.spi.ProviderConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** Reads how the provider authenticates to FCM: a service account, or a fixed access token. */
final class FcmCredentials {

  private FcmCredentials() {}

  static GoogleCredentials from(ProviderConfig config) {
    var token = config.get("access-token");
    var file = config.get("service-account-file");
    if (token.isPresent() && file.isPresent()) {
      throw new IllegalArgumentException(
          "Set either service-account-file or access-token, not both");
    }
    if (token.isPresent()) {
      return new FixedToken(token.get());
    }
    return serviceAccount(
        file.orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Missing required setting: service-account-file (or access-token)")));
  }

  /**
   * A token that whoever supplies it (a test, an authenticating proxy) owns. It cannot be
   * refreshed, and says so with an IOException: on a 401 the HTTP client then hands FCM's answer
   * back as it is, where GoogleCredentials.create's token would throw an IllegalStateException that
   * hides it.
   */
  private static final class FixedToken extends GoogleCredentials {

    FixedToken(String token) {
      super(
          GoogleCredentials.newBuilder()
              .setAccessToken(
                  new AccessToken(token, Date.from(Instant.now().plus(3650, ChronoUnit.DAYS)))));
    }

    @Override
    public AccessToken refreshAccessToken() throws IOException {
      throw new IOException("access-token is fixed and cannot be refreshed");
    }
  }

  /** Read up front, so that a wrong path fails at start-up and not on the first notification. */
  private static GoogleCredentials serviceAccount(String file) {
    try (var in = Files.newInputStream(Path.of(file))) {
      return ServiceAccountCredentials.fromStream(in);
    } catch (IOException | InvalidPathException e) {
      throw new IllegalArgumentException(
          "service-account-file is not a readable service-account JSON key: "
              + file
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
