package dev.herald.it;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outside world of a delivery, on this machine: pushy's mock APNs server over TLS, a fake FCM
 * v1 endpoint that the real firebase-admin client talks to, GreenMail as the SMTP server, and the
 * example web hook's receiver. The container under test is pointed at their ports (see pom.xml).
 */
final class LocalServices implements AutoCloseable {

  /** An APNs device token that the mock APNs server reports as unregistered. */
  static final String DEAD_IOS_TOKEN = "dead0000";

  /** An APNs device token for which the mock APNs server is unavailable once, then accepts. */
  static final String FLAKY_IOS_TOKEN = "b5000001";

  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

  /**
   * One message a fake service received: to whom, the body as text, and APNs's {@code
   * apns-expiration} header (unix seconds; {@code null} elsewhere).
   */
  record Received(String to, String body, String expiration) {

    Received(String to, String body) {
      this(to, body, null);
    }
  }

  final List<Received> apns = new CopyOnWriteArrayList<>();
  final List<Received> fcm = new CopyOnWriteArrayList<>();
  final List<Received> webhook = new CopyOnWriteArrayList<>();
  final GreenMail smtp;
  private final MockApnsServer apnsServer;
  private final HttpServer fcmServer;
  private final HttpServer webhookServer;

  LocalServices() throws Exception {
    apnsServer =
        new MockApnsServerBuilder()
            .setServerCredentials(
                new File("target/test-classes/apns/server-cert.pem"),
                new File("target/test-classes/apns/server-key.pem"),
                null)
            .setHandlerFactory(
                session ->
                    (headers, payload) -> {
                      var token = headers.path().toString().substring("/3/device/".length());
                      ApnsConnectionCheck.refuse(token);
                      if (token.equals(DEAD_IOS_TOKEN)) {
                        throw new UnregisteredDeviceTokenException(Instant.now());
                      }
                      var attempt =
                          attempts
                              .computeIfAbsent(token, t -> new AtomicInteger())
                              .incrementAndGet();
                      if (token.equals(FLAKY_IOS_TOKEN) && attempt == 1) {
                        throw new RejectedNotificationException(
                            RejectionReason.SERVICE_UNAVAILABLE);
                      }
                      var expiration = headers.get("apns-expiration");
                      apns.add(
                          new Received(
                              token,
                              payload.toString(StandardCharsets.UTF_8),
                              expiration == null ? null : expiration.toString()));
                    })
            .build();
    apnsServer.start(port("it.apns.port")).get();
    fcmServer =
        receiver(port("it.fcm.port"), fcm, "{\"name\":\"projects/herald-test/messages/1\"}");
    webhookServer = receiver(port("it.webhook.port"), webhook, "");
    smtp =
        new GreenMail(
            new ServerSetup(port("it.smtp.port"), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  private static HttpServer receiver(int port, List<Received> into, String answer)
      throws IOException {
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/",
        exchange -> {
          var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          into.add(new Received(exchange.getRequestURI().getPath(), body));
          var bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.start();
    return server;
  }

  private static int port(String property) {
    return Integer.parseInt(System.getProperty(property));
  }

  @Override
  public void close() {
    smtp.stop();
    webhookServer.stop(0);
    fcmServer.stop(0);
    apnsServer.shutdown().join();
  }
}
