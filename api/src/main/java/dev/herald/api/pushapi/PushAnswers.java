package dev.herald.api.pushapi;

import jakarta.json.Json;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The Push API's answers as ServiceStack writes them: a {@code PushResponse} with the
 * notification's id, or with a {@code ResponseStatus}. In XML, DataContract style: ServiceStack's
 * namespace, the XMLSchema-instance prefix declared, elements in alphabetical order.
 */
final class PushAnswers {

  static final String NAMESPACE = "http://schemas.servicestack.net/types";

  private static final XMLOutputFactory XML = XMLOutputFactory.newDefaultFactory();

  private PushAnswers() {}

  static String accepted(String notificationId, PushFormat format) {
    return format == PushFormat.JSON
        ? Json.createObjectBuilder().add("NotificationId", notificationId).build().toString()
        : xml(w -> element(w, "NotificationId", notificationId));
  }

  static String refused(ResponseStatus status, PushFormat format) {
    return format == PushFormat.JSON ? json(status) : xml(w -> responseStatus(w, status));
  }

  private static String json(ResponseStatus status) {
    var errors = Json.createArrayBuilder();
    for (var error : status.errors()) {
      errors.add(
          Json.createObjectBuilder()
              .add("ErrorCode", error.errorCode())
              .add("FieldName", error.fieldName())
              .add("Message", error.message()));
    }
    return Json.createObjectBuilder()
        .add(
            "ResponseStatus",
            Json.createObjectBuilder()
                .add("ErrorCode", status.errorCode())
                .add("Message", status.message())
                .add("Errors", errors))
        .build()
        .toString();
  }

  private static void responseStatus(XMLStreamWriter w, ResponseStatus status)
      throws XMLStreamException {
    w.writeStartElement("ResponseStatus");
    element(w, "ErrorCode", status.errorCode());
    w.writeStartElement("Errors");
    for (var error : status.errors()) {
      w.writeStartElement("ResponseError");
      element(w, "ErrorCode", error.errorCode());
      element(w, "FieldName", error.fieldName());
      element(w, "Message", error.message());
      w.writeEndElement();
    }
    w.writeEndElement();
    element(w, "Message", status.message());
    w.writeEndElement();
  }

  private interface Content {
    void write(XMLStreamWriter writer) throws XMLStreamException;
  }

  private static String xml(Content content) {
    var out = new StringWriter();
    try {
      var w = XML.createXMLStreamWriter(out);
      w.writeStartDocument("utf-8", "1.0");
      w.writeStartElement("PushResponse");
      w.writeDefaultNamespace(NAMESPACE);
      w.writeNamespace("i", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
      content.write(w);
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Writing XML to a string cannot fail", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter w, String name, String text)
      throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(xmlText(text));
    w.writeEndElement();
  }

  /** XML 1.0 cannot hold most control characters, not even escaped: they become U+FFFD. */
  private static String xmlText(String text) {
    var out = new StringBuilder(text.length());
    text.codePoints()
        .map(
            c ->
                c == 0x9
                        || c == 0xA
                        || c == 0xD
                        || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD)
                        || c >= 0x10000
                    ? c
                    : 0xFFFD)
        .forEach(out::appendCodePoint);
    return out.toString();
  }
}
