package dev.herald.api.pushapi;

import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a DataContract-style XML Push API request into its fields' texts: any root element, its
 * children matched by local name (in any case, as JSON names are) in any order, whatever their
 * namespace; {@code i:nil="true"} is absent; unknown elements are ignored.
 *
 * <p>Hostile XML is refused before it can do anything: a document with a DTD is refused at the DTD,
 * so no entity is declared, no external DTD or entity is fetched and nothing expands; the parser is
 * the JDK's own (not whichever the server provides), with DTDs and external entities off as a
 * second line; nesting is bounded, and the body's size is bounded before it gets here.
 */
final class PushXml {

  /** Deeper than any request needs (two levels), shallow enough to be harmless. */
  static final int MAX_DEPTH = 16;

  private static final String INSTANCE_NAMESPACE = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

  private static final XMLInputFactory FACTORY = factory();

  private PushXml() {}

  private static XMLInputFactory factory() {
    var factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("External entities are not allowed");
        });
    return factory;
  }

  static Map<PushField, String> read(String body) {
    XMLStreamReader reader;
    try {
      reader = FACTORY.createXMLStreamReader(new StringReader(body));
    } catch (XMLStreamException e) {
      throw notXml(e);
    }
    try {
      return fields(reader);
    } catch (XMLStreamException e) {
      throw notXml(e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException e) {
        // nothing is held open for a string
      }
    }
  }

  private static Map<PushField, String> fields(XMLStreamReader reader) throws XMLStreamException {
    var fields = new EnumMap<PushField, String>(PushField.class);
    var seen = EnumSet.noneOf(PushField.class);
    var errors = new ArrayList<ResponseError>();
    var depth = 0;
    var rootSeen = false;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.DTD ->
            throw PushRefusal.badRequest("The request body has a DTD; DTDs are not allowed");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw PushRefusal.badRequest("The request body uses entities; they are not allowed");
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth == 1) {
            rootSeen = true;
          } else {
            var field = PushField.named(reader.getLocalName());
            if (field.isPresent()) {
              var name = field.get().documented();
              var text = value(reader, name);
              if (!seen.add(field.get())) {
                errors.add(new ResponseError("Invalid", name, "Is given twice"));
              } else if (text != null) {
                fields.put(field.get(), text);
              }
            } else {
              skip(reader, depth);
            }
            depth--;
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        default -> {}
      }
    }
    if (!rootSeen) {
      throw PushRefusal.badRequest("The request body is empty; send JSON or XML");
    }
    if (!errors.isEmpty()) {
      throw PushRefusal.invalid(List.copyOf(errors));
    }
    return fields;
  }

  /** A field's text, {@code null} if it is nil; the reader ends on the field's end tag. */
  private static String value(XMLStreamReader reader, String name) throws XMLStreamException {
    var nil = "true".equals(reader.getAttributeValue(INSTANCE_NAMESPACE, "nil"));
    var text = new StringBuilder();
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
            text.append(reader.getText());
        case XMLStreamConstants.START_ELEMENT ->
            throw PushRefusal.invalid(
                List.of(new ResponseError("Invalid", name, "Must be a value, not elements")));
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw PushRefusal.badRequest("The request body uses entities; they are not allowed");
        case XMLStreamConstants.END_ELEMENT -> {
          return nil ? null : text.toString();
        }
        default -> {}
      }
    }
  }

  /** Skips an unknown element, bounding how deep it nests; ends on its end tag. */
  private static void skip(XMLStreamReader reader, int depth) throws XMLStreamException {
    var level = depth;
    while (level >= depth) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (++level > MAX_DEPTH) {
            throw PushRefusal.badRequest(
                "The request body is nested deeper than " + MAX_DEPTH + " levels");
          }
        }
        case XMLStreamConstants.END_ELEMENT -> level--;
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw PushRefusal.badRequest("The request body uses entities; they are not allowed");
        default -> {}
      }
    }
  }

  private static PushRefusal notXml(XMLStreamException e) {
    var location = e.getLocation();
    return PushRefusal.badRequest(
        "The request body is not well-formed XML"
            + (location == null
                ? ""
                : " (line "
                    + location.getLineNumber()
                    + ", column "
                    + location.getColumnNumber()
                    + ")"));
  }
}
