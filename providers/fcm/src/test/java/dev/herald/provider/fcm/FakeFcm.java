package dev.herald.provider.fcm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A local endpoint that speaks FCM HTTP v1 ({@code POST /v1/projects/{project}/messages:send}) and
 * an OAuth token endpoint. Each test scripts the answer per device token.
 */
final class FakeFcm implements AutoCloseable {

  /** How the fake answers one message; may block to play a slow service. */
  interface Script {
    Answer answer(String token) throws InterruptedException;
  }

  record Answer(int status, String body, Map<String, String> headers) {

    static Answer ok(String project, String token) {
      return new Answer(
          200, "{\"name\":\"projects/" + project + "/messages/m-" + token + "\"}", Map.of());
    }

    Answer withHeader(String name, String value) {
      var more = new java.util.HashMap<>(headers);
      more.put(name, value);
      return new Answer(status, body, more);
    }
  }

  /** A google.rpc error with an FcmError detail, as FCM sends it; {@code fcmCode} may be null. */
  static Answer error(int status, String grpcStatus, String message, String fcmCode) {
    return error(status, grpcStatus, message, fcmCode, null);
  }

  /** As above, with a BadRequest detail naming {@code badField}. */
  static Answer error(
      int status, String grpcStatus, String message, String fcmCode, String badField) {
    var details = new StringBuilder();
    if (fcmCode != null) {
      details
          .append("{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",")
          .append("\"errorCode\":\"")
          .append(fcmCode)
          .append("\"}");
    }
    if (badField != null) {
      details
          .append(details.length() > 0 ? "," : "")
          .append("{\"@type\":\"type.googleapis.com/google.rpc.BadRequest\",")
          .append("\"fieldViolations\":[{\"field\":\"")
          .append(badField)
          .append("\",\"description\":\"Invalid value\"}]}");
    }
    return new Answer(
        status,
        "{\"error\":{\"code\":"
            + status
            + ",\"status\":\""
            + grpcStatus
            + "\",\"message\":\""
            + message
            + "\",\"details\":["
            + details
            + "]}}",
        Map.of());
  }

  private static final Pattern SEND = Pattern.compile("/v1/projects/([^/]+)/messages:send");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(64);
  private volatile Script script;
  private final Queue<JsonObject> received = new ConcurrentLinkedQueue<>();
  private final Map<String, JsonObject> byToken = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requestsByToken = new ConcurrentHashMap<>();
  private final Queue<String> authorizations = new ConcurrentLinkedQueue<>();
  private final Queue<Map<String, String>> tokenRequests = new ConcurrentLinkedQueue<>();
  private final AtomicInteger current = new AtomicInteger();
  private final AtomicInteger highest = new AtomicInteger();

  FakeFcm() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/v1/", this::send);
    server.createContext("/token", this::token);
    script = token -> Answer.ok("herald-test", token);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  void script(Script script) {
    this.script = script;
  }

  /** Every message received, in arrival order. */
  List<JsonObject> received() {
    return List.copyOf(received);
  }

  /** The last message sent to {@code token}. */
  JsonObject message(String token) {
    return byToken.get(token);
  }

  int requests(String token) {
    var count = requestsByToken.get(token);
    return count == null ? 0 : count.get();
  }

  List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  List<Map<String, String>> tokenRequests() {
    return List.copyOf(tokenRequests);
  }

  /** The most sends that were being answered at the same time. */
  int highestConcurrency() {
    return highest.get();
  }

  private void send(HttpExchange exchange) throws IOException {
    try (exchange) {
      Answer answer;
      var now = current.incrementAndGet();
      highest.accumulateAndGet(now, Math::max);
      try {
        answer = answer(exchange);
      } finally {
        // before the answer goes out: once the client has it, it may send the next request at once
        current.decrementAndGet();
      }
      if (answer != null) {
        respond(exchange, answer);
      }
    }
  }

  /** What to answer a send with, or null when interrupted while preparing it. */
  private Answer answer(HttpExchange exchange) throws IOException {
    var path = SEND.matcher(exchange.getRequestURI().getPath());
    if (!"POST".equals(exchange.getRequestMethod()) || !path.matches()) {
      return error(404, "NOT_FOUND", "no such method", null);
    }
    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    var message = JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("message");
    var token = message.get("token").getAsString();
    received.add(message);
    byToken.put(token, message);
    requestsByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet();
    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    try {
      return script.answer(token);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** An OAuth 2 token endpoint, for service-account credentials. */
  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      var form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var fields = new ConcurrentHashMap<String, String>();
      for (var pair : form.split("&")) {
        var parts = pair.split("=", 2);
        fields.put(
            URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
      }
      tokenRequests.add(fields);
      respond(
          exchange,
          new Answer(
              200,
              "{\"access_token\":\"ya29.from-fake\",\"expires_in\":3600,\"token_type\":\"Bearer\"}",
              Map.of()));
    }
  }

  private static void respond(HttpExchange exchange, Answer answer) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(answer.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
