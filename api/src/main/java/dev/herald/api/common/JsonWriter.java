package dev.herald.api.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Writes Herald's responses with JSON-B on every server. WildFly's RESTEasy would otherwise pick
 * Jackson for records, which ignores the JSON-B property order and writes nulls.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class JsonWriter implements MessageBodyWriter<Object> {

  private static final Jsonb JSON = JsonbBuilder.create();

  /** The one JSON-B instance, for the few places that serialise outside a response. */
  public static String toJson(Object value) {
    return JSON.toJson(value);
  }

  @Context Configuration config;
  @Context UriInfo uri;

  @Override
  public boolean isWriteable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType)
        && (type.getPackageName().startsWith("dev.herald.") || Map.class.isAssignableFrom(type))
        && HeraldScope.applies(config, uri);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, Object> headers,
      OutputStream out) {
    JSON.toJson(value, genericType == null ? type : genericType, out);
  }
}
