package dev.herald.provider.apns;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.handler.codec.http2.Http2Headers;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * pushy's real mock APNs server on 127.0.0.1 and a free port, over TLS. A device token's first
 * characters script the answer ({@link #script}); every accepted notification is recorded by token.
 */
final class MockApns implements AutoCloseable {

  static final Instant GONE_SINCE = Instant.parse("2026-01-01T00:00:00Z");

  /** What the server accepted: headers as text and payload, by device token. */
  final Map<String, Received> accepted = new ConcurrentHashMap<>();

  /** A topic the server refuses, as APNs refuses a topic the credentials do not cover. */
  static final String DISALLOWED_TOPIC = "dev.herald.disallowed";

  /** Connections the server has accepted (TLS handshakes done). */
  final AtomicInteger connections = new AtomicInteger();

  /** Subjects of the client certificates seen during TLS handshakes. */
  final Set<String> clientCertificates = ConcurrentHashMap.newKeySet();

  record Received(Map<String, String> headers, String payload) {}

  private final NioEventLoopGroup group = new NioEventLoopGroup(1);
  private final MockApnsServer server;
  final int port;

  MockApns(TestKeys keys, boolean trustClientCertificate) throws Exception {
    var builder =
        new MockApnsServerBuilder()
            .setServerCredentials(
                keys.serverCertificate().toFile(), keys.serverKey().toFile(), null)
            .setEventLoopGroup(group)
            .setHandlerFactory(this::handler)
            .setListener(new Recorder());
    if (trustClientCertificate) {
      builder.setTrustedClientCertificateChain(keys.clientCertificate().toFile());
    }
    server = builder.build();
    port = server.start(0).get();
  }

  MockApns(TestKeys keys) throws Exception {
    this(keys, false);
  }

  /**
   * Settings of a provider with token authentication that trusts this server's certificate and
   * connects to {@code port}; a mutable map, for a test's overrides.
   */
  static Map<String, String> providerSettings(TestKeys keys, int port) {
    var settings = new HashMap<String, String>();
    settings.put("topic", "dev.herald.test");
    settings.put("signing-key", keys.signingKey().toString());
    settings.put("key-id", "KEYID12345");
    settings.put("team-id", "TEAMID1234");
    settings.put("host", "127.0.0.1");
    settings.put("port", Integer.toString(port));
    settings.put("trusted-certificate", keys.serverCertificate().toString());
    return settings;
  }

  private PushNotificationHandler handler(SSLSession session) {
    connections.incrementAndGet();
    try {
      for (var certificate : session.getPeerCertificates()) {
        clientCertificates.add(((X509Certificate) certificate).getSubjectX500Principal().getName());
      }
    } catch (SSLPeerUnverifiedException e) {
      // token authentication: no client certificate
    }
    return (headers, payload) -> {
      if (DISALLOWED_TOPIC.equals(String.valueOf(headers.get("apns-topic")))) {
        throw new RejectedNotificationException(RejectionReason.TOPIC_DISALLOWED);
      }
      script(token(headers));
    };
  }

  /**
   * Tokens whose first characters say how the server answers; any other token is accepted, except
   * the provider's connection check, which is no device's token.
   */
  private static void script(String token) throws RejectedNotificationException {
    if (token.equals(ConnectionCheck.TOKEN)) {
      throw new RejectedNotificationException(RejectionReason.BAD_DEVICE_TOKEN);
    }
    if (token.startsWith("dead")) {
      throw new UnregisteredDeviceTokenException(GONE_SINCE);
    }
    var reason =
        switch (token.substring(0, Math.min(4, token.length()))) {
          case "bad0" -> RejectionReason.BAD_DEVICE_TOKEN;
          case "topc" -> RejectionReason.DEVICE_TOKEN_NOT_FOR_TOPIC;
          case "c429" -> RejectionReason.TOO_MANY_REQUESTS;
          case "c500" -> RejectionReason.INTERNAL_SERVER_ERROR;
          case "c503" -> RejectionReason.SERVICE_UNAVAILABLE;
          case "shut" -> RejectionReason.SHUTDOWN;
          case "big0" -> RejectionReason.PAYLOAD_TOO_LARGE;
          default -> null;
        };
    if (reason != null) {
      throw new RejectedNotificationException(reason);
    }
  }

  private static String token(Http2Headers headers) {
    return headers.path().toString().substring("/3/device/".length());
  }

  private final class Recorder implements MockApnsServerListener {
    @Override
    public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
      var copy = new HashMap<String, String>();
      headers.forEach(h -> copy.put(h.getKey().toString(), h.getValue().toString()));
      accepted.put(token(headers), new Received(copy, payload.toString(StandardCharsets.UTF_8)));
    }

    @Override
    public void handlePushNotificationRejected(
        Http2Headers headers, ByteBuf payload, RejectionReason reason, Instant timestamp) {}
  }

  @Override
  public void close() {
    server.shutdown().join();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }
}
