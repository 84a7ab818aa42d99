package dev.herald.it.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A fake FCM v1 endpoint ({@code POST /v1/projects/<id>/messages:send}) on loopback: HTTP/1.1 on
 * the JDK's HttpServer, answering every message as sent and counting it in {@link Arrivals}. Its
 * handlers run on a pool of their own (the server's default is its single dispatcher thread), and
 * the JVM runs with {@code -Dsun.net.httpserver.nodelay=true} (see it/pom.xml), without which it is
 * Nagle-bound at half speed.
 */
final class FcmFake implements AutoCloseable {

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]*)\"");

  final int port;
  private final HttpServer server;
  private final ExecutorService handlers;

  private FcmFake(HttpServer server, ExecutorService handlers) {
    this.port = server.getAddress().getPort();
    this.server = server;
    this.handlers = handlers;
  }

  static FcmFake start(Arrivals arrivals) throws IOException {
    var server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    var handlers = Executors.newFixedThreadPool(16);
    var ids = new AtomicLong();
    server.setExecutor(handlers);
    server.createContext(
        "/v1/",
        exchange -> {
          try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var token = TOKEN.matcher(body);
            arrivals.received(
                Arrivals.Platform.ANDROID,
                token.find() ? Devices.ofAndroidToken(token.group(1)) : -1,
                body,
                System.nanoTime());
            var answer =
                "{\"name\":\"projects/herald-bench/messages/%d\"}"
                    .formatted(ids.incrementAndGet())
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
          }
        });
    server.start();
    return new FcmFake(server, handlers);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
    try {
      handlers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
