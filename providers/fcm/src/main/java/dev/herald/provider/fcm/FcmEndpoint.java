package dev.herald.provider.fcm;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * Where FCM requests go. firebase-admin hard-codes Google's host and has no endpoint setting; its
 * one public hook is the HTTP transport, so another endpoint gets a transport whose connections
 * keep each request's path and open to the configured base URL instead.
 */
final class FcmEndpoint {

  static final String DEFAULT = "https://fcm.googleapis.com";

  private final URI base;

  private FcmEndpoint(URI base) {
    this.base = base;
  }

  static FcmEndpoint parse(String text) {
    var trimmed = text.strip().replaceAll("/+$", "");
    try {
      var uri = URI.create(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return new FcmEndpoint(uri);
      }
    } catch (IllegalArgumentException e) {
      // reported below, with the setting's name
    }
    throw new IllegalArgumentException(
        "endpoint must be an http(s) base URL such as " + DEFAULT + ", not: " + text);
  }

  boolean isDefault() {
    return base.toString().equals(DEFAULT);
  }

  /**
   * The transport for a non-default endpoint, HTTP/1.1 over the JDK's connections. Google's own
   * endpoint keeps firebase-admin's default transport instead (HTTP/2, pooled connections). The JDK
   * keeps at most {@code http.maxConnections} (default 5) idle connections per host, so with more
   * threads than that most requests open a new connection: measured on loopback, 20,000 messages
   * opened 3,700 to 9,600 connections by default and 16 to 100 (one per thread) with {@code
   * -Dhttp.maxConnections=200}. That is a JVM-wide option, so it is the operator's call.
   */
  HttpTransport transport() {
    return new NetHttpTransport.Builder()
        .setConnectionFactory(
            url -> (HttpURLConnection) URI.create(base + url.getFile()).toURL().openConnection())
        .build();
  }
}
