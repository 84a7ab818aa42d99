package dev.herald.api.common;

import dev.herald.core.common.InvalidRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads request bodies as text, refusing bytes that are not valid in their charset (UTF-8 unless
 * the Content-Type names another) with a 400. The servers' own readers replace such bytes with
 * U+FFFD, so a broken body would be stored as if it were meant.
 */
@Provider
@Consumes(MediaType.WILDCARD)
public class StrictTextReader implements MessageBodyReader<String> {

  @Context Configuration config;
  @Context UriInfo uri;

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == String.class && HeraldScope.applies(config, uri);
  }

  @Override
  public String readFrom(
      Class<String> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> headers,
      InputStream in) {
    byte[] bytes;
    try {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new WebApplicationException("The request body did not arrive in time", 408);
    }
    return decode(bytes, mediaType);
  }

  /**
   * A body's bytes as text, in the charset its media type names (UTF-8 when none): for a resource
   * that must see the bytes first (a signed webhook); 400 for bytes not valid in it.
   */
  public static String decode(byte[] bytes, MediaType mediaType) {
    try {
      return charset(mediaType)
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRequestException(
          "The request body is not valid " + charset(mediaType).name());
    }
  }

  private static Charset charset(MediaType mediaType) {
    var name =
        mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name.trim());
    } catch (RuntimeException e) {
      throw new WebApplicationException("Unsupported charset in Content-Type; send UTF-8", 415);
    }
  }
}
