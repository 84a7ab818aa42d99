package dev.herald.api.common;

import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;

/**
 * Reads request bodies. Resources take the body as text and parse it here, so that every kind of
 * bad JSON gets the same clear 400 on every server, and unknown fields are simply ignored.
 */
public final class JsonBody {

  private JsonBody() {}

  /** The body as a JSON object. */
  public static JsonObject object(String body) {
    var value = parse(body);
    if (!(value instanceof JsonObject object)) {
      throw new InvalidRequestException("The request body must be a JSON object");
    }
    return object;
  }

  /** The body as a JSON array. */
  public static JsonArray array(String body) {
    var value = parse(body);
    if (!(value instanceof JsonArray array)) {
      throw new InvalidRequestException("The request body must be a JSON array");
    }
    return array;
  }

  /** Parses a JSON text, e.g. {@code inputs} sent as a string. */
  public static JsonStructure parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidRequestException("The request body is empty; send a JSON document");
    }
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.read();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidRequestException("The request body is not valid JSON: " + e.getMessage());
    }
  }

  /** A string field; {@code null} when absent or JSON null. Numbers and booleans are refused. */
  public static String string(JsonObject object, String field) {
    var value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s.getString();
    }
    throw invalid(field, "must be a string");
  }

  public static Integer integer(JsonObject object, String field) {
    var value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonNumber n && n.isIntegral()) {
      try {
        return n.intValueExact();
      } catch (ArithmeticException e) {
        throw invalid(field, "is too large");
      }
    }
    throw invalid(field, "must be a whole number");
  }

  public static Boolean bool(JsonObject object, String field) {
    var value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
      return value == JsonValue.TRUE;
    }
    throw invalid(field, "must be true or false");
  }

  public static UUID uuid(String field, String text) {
    if (text == null) {
      return null;
    }
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw invalid(field, "is not a known id: " + text);
    }
  }

  /** An id from the path: one that is not even a UUID names nothing, hence 404. */
  public static UUID pathId(String text, String what) {
    try {
      return UUID.fromString(text.trim());
    } catch (IllegalArgumentException e) {
      throw new dev.herald.core.common.NotFoundException(what + " not found");
    }
  }

  /** A list of strings given as a JSON array or as one comma-separated string. */
  public static List<String> stringList(JsonObject object, String field) {
    var value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (value instanceof JsonString s) {
      return List.of(s.getString().split(",")).stream()
          .map(String::trim)
          .filter(e -> !e.isEmpty())
          .toList();
    }
    if (value instanceof JsonArray array) {
      return array.stream()
          .map(
              item -> {
                if (item instanceof JsonString s) {
                  return s.getString().trim();
                }
                throw invalid(field, "must contain only strings");
              })
          .filter(e -> !e.isEmpty())
          .toList();
    }
    throw invalid(field, "must be an array of strings or a comma-separated string");
  }

  public static InvalidRequestException invalid(String field, String message) {
    return new InvalidRequestException(
        field + " " + message, List.of(new FieldError(field, message)));
  }
}
