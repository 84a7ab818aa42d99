package dev.herald.api.pushapi;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The two formats of the Push API, for requests and answers alike. */
enum PushFormat {
  JSON(MediaType.APPLICATION_JSON_TYPE),
  XML(MediaType.APPLICATION_XML_TYPE);

  private final MediaType mediaType;

  PushFormat(MediaType mediaType) {
    this.mediaType = mediaType;
  }

  MediaType mediaType() {
    return mediaType;
  }

  /**
   * The answer's format: the {@code format} query parameter's, else the first of the accepted media
   * types (best first) that is JSON or XML, else XML. An unknown {@code format} is empty.
   */
  static Optional<PushFormat> ofAnswer(String format, List<MediaType> accepted) {
    if (format != null && !format.isBlank()) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "json" -> Optional.of(JSON);
        case "xml" -> Optional.of(XML);
        default -> Optional.empty();
      };
    }
    for (var type : accepted) {
      var named = named(type);
      if (named.isPresent()) {
        return named;
      }
    }
    return Optional.of(XML);
  }

  /** The request body's format by its Content-Type: none is XML; neither JSON nor XML is empty. */
  static Optional<PushFormat> ofRequest(MediaType contentType) {
    return contentType == null ? Optional.of(XML) : named(contentType);
  }

  private static Optional<PushFormat> named(MediaType type) {
    if (type.isWildcardType() || type.isWildcardSubtype()) {
      return Optional.empty();
    }
    var subtype = type.getSubtype().toLowerCase(Locale.ROOT);
    if (subtype.equals("json") || subtype.endsWith("+json")) {
      return Optional.of(JSON);
    }
    if (subtype.equals("xml") || subtype.endsWith("+xml")) {
      return Optional.of(XML);
    }
    return Optional.empty();
  }
}
