package dev.herald.testing;

import dev.herald.spi.Delivery;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One delivery as the recording provider received it.
 *
 * @param notificationId the notification it belongs to
 * @param channel {@code push} or {@code email}
 * @param platform {@code ios} or {@code android} for a push, else {@code null}
 * @param address the device token or e-mail address it went to
 * @param recipient the e-mail address of the member it was for
 * @param title the notification's title
 * @param text the notification's text
 * @param jigId the deep link's jig, or {@code null}
 * @param screen the deep link's screen
 * @param inputs the deep link's inputs; a value that is not a JSON string is given as JSON text
 * @param recordedAt when the provider received it
 */
public record RecordedDelivery(
    String notificationId,
    String channel,
    String platform,
    String address,
    String recipient,
    String title,
    String text,
    String jigId,
    String screen,
    Map<String, String> inputs,
    Instant recordedAt) {

  public RecordedDelivery {
    inputs = Map.copyOf(inputs);
  }

  static RecordedDelivery of(Delivery delivery, Instant at) {
    return new RecordedDelivery(
        delivery.notificationId(),
        delivery.channel(),
        delivery.platform(),
        delivery.address(),
        delivery.recipient(),
        delivery.title(),
        delivery.text(),
        delivery.jigId(),
        delivery.screen(),
        inputs(delivery.inputs()),
        at);
  }

  /** Whether it is an OS push, to either platform. */
  public boolean isPush() {
    return platform != null;
  }

  private static Map<String, String> inputs(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      var values = new LinkedHashMap<String, String>();
      reader.readObject().forEach((key, value) -> values.put(key, text(value)));
      return values;
    }
  }

  private static String text(JsonValue value) {
    return value instanceof JsonString string ? string.getString() : value.toString();
  }

  /** The shape the kit's endpoint answers with. */
  JsonObject toJson() {
    var inputsJson = Json.createObjectBuilder();
    inputs.forEach(inputsJson::add);
    var json =
        Json.createObjectBuilder()
            .add("notificationId", notificationId)
            .add("channel", channel)
            .add("address", address)
            .add("title", title)
            .add("text", text)
            .add("screen", screen)
            .add("inputs", inputsJson)
            .add("recordedAt", recordedAt.toString());
    addIfPresent(json, "platform", platform);
    addIfPresent(json, "recipient", recipient);
    addIfPresent(json, "jigId", jigId);
    return json.build();
  }

  static RecordedDelivery fromJson(JsonObject json) {
    var inputs = new LinkedHashMap<String, String>();
    json.getJsonObject("inputs").forEach((key, value) -> inputs.put(key, text(value)));
    return new RecordedDelivery(
        json.getString("notificationId"),
        json.getString("channel"),
        json.getString("platform", null),
        json.getString("address"),
        json.getString("recipient", null),
        json.getString("title"),
        json.getString("text"),
        json.getString("jigId", null),
        json.getString("screen"),
        inputs,
        Instant.parse(json.getString("recordedAt")));
  }

  private static void addIfPresent(jakarta.json.JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  @Override
  public String toString() {
    return (isPush() ? platform + " push" : channel)
        + " to "
        + (recipient != null ? recipient : address)
        + " \""
        + title
        + "\""
        + (jigId != null ? " jigId " + jigId : "")
        + (inputs.isEmpty() ? "" : " inputs " + inputs);
  }
}
