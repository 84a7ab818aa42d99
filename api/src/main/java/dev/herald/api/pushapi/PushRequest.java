package dev.herald.api.pushapi;

import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Push API request, typed, once JSON or XML was read into its fields' texts. Types are checked
 * here, once for both formats; whether the user exists and the key is the company's is checked
 * later.
 */
record PushRequest(
    String userId,
    String userEmail,
    String userExternalId,
    String title,
    String body,
    boolean sound,
    Integer expirySecs,
    int companyId,
    String integrationKey) {

  /** What the field errors of a missing value are coded, as ServiceStack's validators do. */
  static final String NOT_EMPTY = "NotEmpty";

  /** Reads the fields' texts (absent or nil: not in the map); refuses wrong types and gaps. */
  static PushRequest of(Map<PushField, String> fields) {
    var errors = new ArrayList<ResponseError>();
    var userId = text(fields, PushField.USER_ID, errors);
    var userEmail = text(fields, PushField.USER_EMAIL, errors);
    var userExternalId = text(fields, PushField.USER_EXTERNAL_ID, errors);
    if (userId == null && userEmail == null && userExternalId == null) {
      errors.add(
          new ResponseError(
              NOT_EMPTY,
              PushField.USER_ID.documented(),
              "At least one of UserId, UserEmail or UserExternalId is required"));
    }
    var title = text(fields, PushField.TITLE, errors);
    var body = text(fields, PushField.BODY, errors);
    if (title == null && body == null) {
      errors.add(
          new ResponseError(
              NOT_EMPTY, PushField.BODY.documented(), "A Title or a Body is required"));
    }
    var sound = bool(fields, PushField.SOUND, errors);
    var expirySecs = integer(fields, PushField.EXPIRY_SECS, errors);
    if (expirySecs != null && expirySecs < 0) {
      errors.add(
          new ResponseError(
              "GreaterThanOrEqual", PushField.EXPIRY_SECS.documented(), "Must not be negative"));
    }
    var before = errors.size();
    var companyId = integer(fields, PushField.COMPANY_ID, errors);
    if (companyId == null && errors.size() == before) {
      errors.add(required(PushField.COMPANY_ID));
    }
    var integrationKey = text(fields, PushField.INTEGRATION_KEY, errors);
    if (integrationKey == null) {
      errors.add(required(PushField.INTEGRATION_KEY));
    }
    if (!errors.isEmpty()) {
      throw PushRefusal.invalid(errors);
    }
    return new PushRequest(
        userId,
        userEmail,
        userExternalId,
        title,
        body,
        Boolean.TRUE.equals(sound),
        expirySecs == null || expirySecs == 0 ? null : expirySecs,
        companyId,
        integrationKey);
  }

  private static ResponseError required(PushField field) {
    return new ResponseError(NOT_EMPTY, field.documented(), "Is required");
  }

  /** A text; empty or blank is the same as absent, as the documented sample sends {@code ""}. */
  private static String text(
      Map<PushField, String> fields, PushField field, List<ResponseError> errors) {
    var value = fields.get(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.indexOf('\u0000') >= 0) {
      errors.add(
          new ResponseError("Invalid", field.documented(), "Must not contain the NUL character"));
      return null;
    }
    return value.strip();
  }

  /** {@code true} or {@code false} in any case, or {@code 1} / {@code 0} as XML Schema allows. */
  private static Boolean bool(
      Map<PushField, String> fields, PushField field, List<ResponseError> errors) {
    var value = fields.get(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> {
        errors.add(new ResponseError("Invalid", field.documented(), "Must be true or false"));
        yield null;
      }
    };
  }

  private static Integer integer(
      Map<PushField, String> fields, PushField field, List<ResponseError> errors) {
    var value = fields.get(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    var text = value.strip();
    if (text.length() > 11 || !text.matches("[+-]?\\d+")) {
      errors.add(
          new ResponseError(
              "Invalid",
              field.documented(),
              "Must be a whole number from -2147483648 to 2147483647"));
      return null;
    }
    var number = Long.parseLong(text);
    if (number != (int) number) {
      errors.add(
          new ResponseError(
              "Invalid",
              field.documented(),
              "Must be a whole number from -2147483648 to 2147483647"));
      return null;
    }
    return (int) number;
  }
}
