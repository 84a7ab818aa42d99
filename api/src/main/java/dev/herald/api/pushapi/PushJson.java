package dev.herald.api.pushapi;

import dev.herald.api.common.JsonBody;
import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON Push API request into its fields' texts. Names match in any case, as ServiceStack
 * matches them; unknown names are ignored; {@code null} is absent. A value must be a string, a
 * number or a boolean: the field's type is checked by {@link PushRequest}.
 */
final class PushJson {

  private PushJson() {}

  static Map<PushField, String> read(String body) {
    var object = JsonBody.object(body);
    var fields = new EnumMap<PushField, String>(PushField.class);
    var seen = EnumSet.noneOf(PushField.class);
    var errors = new ArrayList<ResponseError>();
    for (var entry : object.entrySet()) {
      var field = PushField.named(entry.getKey());
      if (field.isEmpty()) {
        continue;
      }
      var name = field.get().documented();
      if (!seen.add(field.get())) {
        errors.add(new ResponseError("Invalid", name, "Is given twice"));
        continue;
      }
      var value = entry.getValue();
      if (value instanceof JsonString s) {
        fields.put(field.get(), s.getString());
      } else if (value instanceof JsonNumber
          || value == JsonValue.TRUE
          || value == JsonValue.FALSE) {
        fields.put(field.get(), value.toString());
      } else if (value != JsonValue.NULL) {
        errors.add(new ResponseError("Invalid", name, "Must be a string, a number or a boolean"));
      }
    }
    if (!errors.isEmpty()) {
      throw PushRefusal.invalid(List.copyOf(errors));
    }
    return fields;
  }
}
