package dev.herald.api.notification;

import static dev.herald.api.common.JsonBody.invalid;

import dev.herald.api.common.JsonBody;
import dev.herald.core.common.Timestamps;
import dev.herald.core.notification.NewNotification;
import dev.herald.core.notification.Scope;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a notification request in every shape the Jigx documents use: the content nested under
 * {@code content} or flat at the top level (as the REST function example sends it), {@code inputs}
 * as an object or as a string holding one, {@code emails} as an array or a comma-separated string.
 * Unknown fields ({@code deviceId}, {@code command}, {@code id}, …) are ignored.
 */
final class NotificationRequestReader {

  private NotificationRequestReader() {}

  static NewNotification read(JsonObject body, String idempotencyKey) {
    var content = content(body);
    return new NewNotification(
        scope(JsonBody.string(body, "scope")),
        JsonBody.stringList(body, "emails"),
        JsonBody.stringList(body, "groups"),
        JsonBody.uuid("solutionId", JsonBody.string(body, "solutionId")),
        JsonBody.string(content, "title"),
        JsonBody.string(content, "text"),
        blankToNull(JsonBody.string(content, "jigId")),
        JsonBody.string(content, "screen"),
        inputs(content.get("inputs")),
        JsonBody.string(body, "description"),
        startAt(JsonBody.string(body, "startAt")),
        channels(body),
        JsonBody.integer(body, "ttlSeconds"),
        Boolean.TRUE.equals(JsonBody.bool(body, "sound")),
        JsonBody.integer(body, "badge"),
        blankToNull(idempotencyKey));
  }

  /** The nested content object, or the body itself when the fields are flat. */
  private static JsonObject content(JsonObject body) {
    var content = body.get("content");
    if (content == null || content == JsonValue.NULL) {
      return body;
    }
    if (content instanceof JsonObject object) {
      return object;
    }
    throw invalid("content", "must be an object");
  }

  private static Scope scope(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Scope.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("scope", "must be one of USR, SLN, SLN_GRP, ORG");
    }
  }

  /** Inputs as a JSON object text: an object, or a string holding one. */
  static String inputs(JsonValue value) {
    if (value == null || value == JsonValue.NULL) {
      return "{}";
    }
    if (value instanceof JsonObject object) {
      return object.toString();
    }
    if (value instanceof JsonString text) {
      if (text.getString().isBlank()) {
        return "{}";
      }
      try {
        if (JsonBody.parse(text.getString()) instanceof JsonObject object) {
          return object.toString();
        }
      } catch (RuntimeException e) {
        // reported below
      }
    }
    throw invalid("inputs", "must be a JSON object, or a string holding one");
  }

  private static java.time.Instant startAt(String text) {
    return text == null || text.isBlank() ? null : Timestamps.parse("startAt", text.trim());
  }

  /** Channel names, lower case; which ones exist is core's business. */
  private static Set<String> channels(JsonObject body) {
    var channels = new LinkedHashSet<String>();
    JsonBody.stringList(body, "channels").forEach(c -> channels.add(c.toLowerCase(Locale.ROOT)));
    return channels;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
