package dev.herald.api.common;

import dev.herald.core.notification.NewNotification;
import dev.herald.core.notification.Notifications;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;

/**
 * How every sending endpoint answers a request with an {@code Idempotency-Key} (ADR 0012): the
 * first request's answer, kept with the key, again for every repeat, marked with {@value
 * #REPLAYED}. A request whose key another request took while both were in flight loses the race on
 * the key's row and gets the winner's answer once it is committed.
 */
public final class IdempotentSending {

  /** The header on a repeated request's answer, as other HTTP APIs name it. */
  public static final String REPLAYED = "Idempotent-Replayed";

  private IdempotentSending() {}

  /**
   * Sends, or on losing the race for the request's key, replays. Either way the answer is the kept
   * one when the request has a key.
   */
  public static Notifications.Sent send(
      NewNotification request,
      Supplier<Notifications.Sent> send,
      Supplier<Notifications.Sent> replay) {
    try {
      return send.get();
    } catch (RuntimeException e) {
      if (request.idempotencyKey() != null && ErrorMapper.isConstraintViolation(e)) {
        return replay.get();
      }
      throw e;
    }
  }

  /**
   * A 201 with the answer kept for the key (or {@code fresh} without a key), marked if replayed.
   */
  public static Response created(
      Notifications.Sent sent, URI location, MediaType type, Supplier<Object> fresh) {
    var response =
        Response.created(location)
            .type(type)
            .entity(sent.firstAnswer() != null ? sent.firstAnswer() : fresh.get());
    if (sent.replayed()) {
      response.header(REPLAYED, "true");
    }
    return response.build();
  }
}
