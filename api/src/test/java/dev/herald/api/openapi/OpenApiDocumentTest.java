package dev.herald.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.HeraldApi;
import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.AnyToken;
import dev.herald.api.auth.SystemAdminOnly;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The document the build generated (herald-openapi.json) describes every resource method of the
 * API, as the application registers them ({@link HeraldApi#classes()}), and nothing else: an
 * endpoint the generator does not see fails here, not in a user's client.
 */
class OpenApiDocumentTest {

  private static final Pattern REGEX_IN_TEMPLATE = Pattern.compile("\\{([^}:]+):[^}]*}");

  /** One resource method: GET, POST, …, its full path template, whether it takes a token. */
  private record Endpoint(String method, String path, boolean tokenRequired, String where) {}

  private final JsonObject document = document();

  @Test
  void everyResourceMethodIsInTheDocumentAndNothingElse() {
    var endpoints = endpoints();
    assertThat(endpoints).hasSizeGreaterThan(40);

    var expected = new TreeSet<String>();
    endpoints.forEach(e -> expected.add(e.method() + " " + e.path()));
    var documented = new TreeSet<String>();
    var paths = document.getJsonObject("paths");
    for (var path : paths.keySet()) {
      for (var method : paths.getJsonObject(path).keySet()) {
        if (!method.equals("parameters")) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
        }
      }
    }
    assertThat(documented).containsExactlyElementsOf(expected);
  }

  /** The bearer scheme exactly on the methods the auth filter guards; none on the others. */
  @Test
  void theMethodsThatTakeATokenSaySo() {
    assertThat(
            document
                .getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("bearer")
                .getString("scheme"))
        .isEqualTo("bearer");
    for (var endpoint : endpoints()) {
      var security = operation(endpoint).get("security");
      // the tokenless ones say so with an empty list, rather than leaving it unsaid
      assertThat(security)
          .as("security of %s %s (%s)", endpoint.method(), endpoint.path(), endpoint.where())
          .isEqualTo(
              endpoint.tokenRequired()
                  ? Json.createArrayBuilder()
                      .add(Json.createObjectBuilder().add("bearer", JsonValue.EMPTY_JSON_ARRAY))
                      .build()
                  : JsonValue.EMPTY_JSON_ARRAY);
    }
  }

  /** Every method that reads a body says what it reads; every operation has an error answer. */
  @Test
  void bodiesHaveSchemasAndErrorsAreDescribed() {
    for (var endpoint : endpoints()) {
      var operation = operation(endpoint);
      assertThat(operation.getJsonObject("responses").keySet())
          .as("responses of %s %s", endpoint.method(), endpoint.path())
          .contains("default");
      if (operation.containsKey("requestBody")) {
        assertThat(operation.getJsonObject("requestBody").getString("$ref", ""))
            .as("request body of %s %s", endpoint.method(), endpoint.path())
            .startsWith("#/components/requestBodies/");
      }
    }
    var notification =
        document
            .getJsonObject("components")
            .getJsonObject("requestBodies")
            .getJsonObject("Notification")
            .getJsonObject("content")
            .getJsonObject("application/json");
    assertThat(notification.getJsonObject("examples").keySet())
        .containsExactly("USR", "SLN", "SLN_GRP", "ORG");
  }

  /** A hand-written example of a generated schema names only fields the record has. */
  @Test
  void examplesOfAnswersUseTheirSchemasFields() {
    var schemas = document.getJsonObject("components").getJsonObject("schemas");
    var checked = 0;
    for (var name : schemas.keySet()) {
      var schema = schemas.getJsonObject(name);
      if (schema.containsKey("example") && schema.containsKey("properties")) {
        checked++;
        assertThat(schema.getJsonObject("properties").keySet())
            .as("the fields of %s", name)
            .containsAll(schema.getJsonObject("example").keySet());
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  /** Every {@code $ref} names something the document has. */
  @Test
  void everyReferenceResolves() {
    var text = document.toString();
    var matcher = Pattern.compile("\"\\$ref\":\"#/components/([^/\"]+)/([^\"]+)\"").matcher(text);
    var components = document.getJsonObject("components");
    var count = 0;
    while (matcher.find()) {
      count++;
      assertThat(components.getJsonObject(matcher.group(1)))
          .as(matcher.group())
          .isNotNull()
          .containsKey(matcher.group(2));
    }
    assertThat(count).isPositive();
  }

  private JsonObject operation(Endpoint endpoint) {
    return document
        .getJsonObject("paths")
        .getJsonObject(endpoint.path())
        .getJsonObject(endpoint.method().toLowerCase(Locale.ROOT));
  }

  private static JsonObject document() {
    try (var in = OpenApiResource.class.getResourceAsStream(OpenApiResource.JSON_FILE);
        var reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The resource methods of every resource class the application registers, sub-resources too. */
  private static List<Endpoint> endpoints() {
    var endpoints = new ArrayList<Endpoint>();
    for (var type : HeraldApi.classes()) {
      var path = type.getAnnotation(Path.class);
      if (path != null) {
        collect(type, path.value(), guarded(type), endpoints);
      }
    }
    return endpoints;
  }

  private static void collect(
      Class<?> type, String base, boolean guarded, List<Endpoint> endpoints) {
    for (var method : type.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      var sub = method.getAnnotation(Path.class);
      var path = sub == null ? base : base + "/" + sub.value();
      var http = httpMethod(method);
      var tokenRequired = guarded || guarded(method);
      if (http != null) {
        endpoints.add(new Endpoint(http, normalized(path), tokenRequired, method.toString()));
      } else if (sub != null) {
        // a sub-resource locator: the returned class's methods continue its path
        collect(method.getReturnType(), path, tokenRequired, endpoints);
      }
    }
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      var http = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (http != null) {
        return http.value();
      }
    }
    return null;
  }

  private static boolean guarded(java.lang.reflect.AnnotatedElement element) {
    return element.isAnnotationPresent(Allowed.class)
        || element.isAnnotationPresent(SystemAdminOnly.class)
        || element.isAnnotationPresent(AnyToken.class);
  }

  /** One leading slash, none doubled or trailing, no regular expressions in the templates. */
  private static String normalized(String path) {
    var result = ("/" + path).replaceAll("/+", "/");
    if (result.length() > 1 && result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return REGEX_IN_TEMPLATE.matcher(result).replaceAll("{$1}");
  }
}
