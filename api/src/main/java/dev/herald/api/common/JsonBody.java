package dev.herald.api.common;

import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads request bodies. Resources take the body as text and parse it here, so that every kind of
 * bad JSON gets the same clear 400 on every server, and unknown fields are simply ignored.
 *
 * <p>Nesting depth and number length are checked before the parser sees the text: JSON-P
 * implementations refuse such documents with exceptions of their own kind (or recurse a thousand
 * frames deep), which differ by server and version.
 */
public final class JsonBody {

  /** The deepest nesting of objects and arrays a body may have. */
  public static final int MAX_DEPTH = 64;

  /** The longest number a body may hold, in characters. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** Looking the JSON-P provider up costs more than parsing a small body: do it once. */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

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
    checkShape(text);
    try (var reader = READERS.createReader(new StringReader(text))) {
      return reader.read();
    } catch (JsonException e) {
      throw new InvalidRequestException("The request body is not valid JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new InvalidRequestException("The request body is not valid JSON");
    }
  }

  /** A JSON object Herald wrote itself, e.g. stored {@code inputs}. */
  public static JsonObject stored(String json) {
    try (var reader = READERS.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** Refuses too deep nesting and too long numbers with one pass over the text. */
  private static void checkShape(String text) {
    var depth = 0;
    var numberLength = 0;
    var inString = false;
    for (int i = 0; i < text.length(); i++) {
      var c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
        if (++numberLength > MAX_NUMBER_LENGTH) {
          throw new InvalidRequestException(
              "The request body holds a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        continue;
      }
      numberLength = 0;
      if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > MAX_DEPTH) {
          throw new InvalidRequestException(
              "The request body is nested deeper than " + MAX_DEPTH + " levels");
        }
      } else if (c == '}' || c == ']') {
        depth--;
      }
    }
  }

  /** A string field; {@code null} when absent or JSON null. Numbers and booleans are refused. */
  public static String string(JsonObject object, String field) {
    var value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (value instanceof JsonString s) {
      return text(field, s.getString());
    }
    throw invalid(field, "must be a string");
  }

  /**
   * Text from the caller that Herald may store or look up: PostgreSQL cannot hold the NUL
   * character, so it is refused here rather than by the database.
   */
  public static String text(String field, String value) {
    if (value != null && value.indexOf('\u0000') >= 0) {
      throw invalid(field, "must not contain the NUL character");
    }
    return value;
  }

  /** A caller's value repeated in a message, cut short so that an answer never echoes a body. */
  public static String shown(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
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
      throw invalid(field, "is not a known id: " + shown(text));
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
      return List.of(text(field, s.getString()).split(",")).stream()
          .map(String::trim)
          .filter(e -> !e.isEmpty())
          .toList();
    }
    if (value instanceof JsonArray array) {
      return array.stream()
          .map(
              item -> {
                if (item instanceof JsonString s) {
                  return text(field, s.getString()).trim();
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
