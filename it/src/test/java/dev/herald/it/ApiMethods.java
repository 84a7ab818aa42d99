package dev.herald.it;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * The API's resource methods, read by reflection from herald-api's classes: every public method
 * with an HTTP method annotation on a class with {@code @Path}. A new endpoint is attacked by
 * HostileInputIT without being listed anywhere.
 */
final class ApiMethods {

  private static final String PACKAGE = "dev.herald.api";
  private static final Pattern PARAM = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

  /**
   * One resource method.
   *
   * @param method GET, POST, …
   * @param template the path template, e.g. {@code /v2.0/tool/organizations/{organizationId}/…}
   * @param pathParams the template's parameter names, in order
   * @param queryParams the query parameters the method reads
   * @param takesBody whether the method reads a request entity
   * @param eventStream whether it answers with Server-Sent Events
   * @param where the Java method, for messages
   */
  record Endpoint(
      String method,
      String template,
      List<String> pathParams,
      List<String> queryParams,
      boolean takesBody,
      boolean eventStream,
      String where) {

    /**
     * The feature an endpoint belongs to: the first segment after the organization; what an inbound
     * webhook creates is a notification.
     */
    String collection() {
      if (template.startsWith("/v2.0/webhooks/")) {
        return "notifications";
      }
      var marker = "{organizationId}/";
      var at = template.indexOf(marker);
      if (at < 0) {
        return template.endsWith("/organizations") ? "organizations" : template;
      }
      var rest = template.substring(at + marker.length());
      return rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    }
  }

  private ApiMethods() {}

  static List<Endpoint> read() {
    var endpoints = new ArrayList<Endpoint>();
    for (var type : resourceClasses()) {
      var base = type.getAnnotation(Path.class).value();
      for (var method : type.getMethods()) {
        var http = httpMethod(method);
        if (http == null) {
          continue;
        }
        var sub = method.getAnnotation(Path.class);
        var template = join(base, sub == null ? "" : sub.value());
        endpoints.add(
            new Endpoint(
                http,
                template,
                PARAM.matcher(template).results().map(r -> r.group(1)).toList(),
                queryParams(method),
                takesBody(method),
                producesEvents(method, type),
                type.getSimpleName() + "." + method.getName()));
      }
    }
    endpoints.sort(Comparator.comparing(Endpoint::template).thenComparing(Endpoint::method));
    if (endpoints.size() < 10) {
      throw new IllegalStateException("Found only " + endpoints.size() + " resource methods");
    }
    return endpoints;
  }

  private static String join(String base, String sub) {
    var path = ("/" + base + "/" + sub).replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
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

  private static List<String> queryParams(Method method) {
    return Arrays.stream(method.getParameterAnnotations())
        .flatMap(Arrays::stream)
        .filter(a -> a instanceof QueryParam)
        .map(a -> ((QueryParam) a).value())
        .toList();
  }

  /** A parameter without JAX-RS annotations is the entity. */
  private static boolean takesBody(Method method) {
    for (var annotations : method.getParameterAnnotations()) {
      if (Arrays.stream(annotations).noneMatch(ApiMethods::isJaxRs)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isJaxRs(Annotation annotation) {
    return annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs");
  }

  private static boolean producesEvents(Method method, Class<?> type) {
    var produces =
        method.getAnnotation(Produces.class) != null
            ? method.getAnnotation(Produces.class)
            : type.getAnnotation(Produces.class);
    return produces != null
        && Arrays.stream(produces.value())
            .anyMatch(v -> v.startsWith(MediaType.SERVER_SENT_EVENTS));
  }

  /** Every class of herald-api with {@code @Path}, found in its jar or classes directory. */
  private static List<Class<?>> resourceClasses() {
    var names = new ArrayList<String>();
    try {
      var location =
          Paths.get(
              Class.forName(PACKAGE + ".common.JsonBody")
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      if (Files.isDirectory(location)) {
        try (var files = Files.walk(location)) {
          files
              .filter(f -> f.toString().endsWith(".class"))
              .map(f -> location.relativize(f).toString())
              .forEach(names::add);
        }
      } else {
        try (var jar = new JarFile(location.toFile())) {
          jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(names::add);
        }
      }
    } catch (IOException | ReflectiveOperationException | java.net.URISyntaxException e) {
      throw new IllegalStateException("Cannot list herald-api's classes", e);
    }
    var classes = new ArrayList<Class<?>>();
    for (var name : names) {
      var className = name.replace('/', '.').replace('\\', '.').replaceAll("\\.class$", "");
      if (!className.startsWith(PACKAGE) || className.endsWith("package-info")) {
        continue;
      }
      try {
        var type = Class.forName(className, false, ApiMethods.class.getClassLoader());
        if (type.isAnnotationPresent(Path.class) && !Modifier.isAbstract(type.getModifiers())) {
          classes.add(type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Cannot load " + className, e);
      }
    }
    return classes;
  }
}
