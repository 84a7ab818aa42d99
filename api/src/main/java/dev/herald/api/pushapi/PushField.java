package dev.herald.api.pushapi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields of a Push API request, by their documented names. */
enum PushField {
  USER_ID("UserId"),
  USER_EMAIL("UserEmail"),
  USER_EXTERNAL_ID("UserExternalId"),
  TITLE("Title"),
  BODY("Body"),
  SOUND("Sound"),
  EXPIRY_SECS("ExpirySecs"),
  COMPANY_ID("CompanyId"),
  INTEGRATION_KEY("IntegrationKey");

  private static final Map<String, PushField> BY_LOWER_CASE_NAME =
      Arrays.stream(values())
          .collect(
              Collectors.toMap(f -> f.documented.toLowerCase(Locale.ROOT), Function.identity()));

  private final String documented;

  PushField(String documented) {
    this.documented = documented;
  }

  /** The name as the API documents it, and as errors name the field. */
  String documented() {
    return documented;
  }

  /** The field a name stands for, in any case, as ServiceStack matches them; others are ignored. */
  static Optional<PushField> named(String name) {
    return Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.toLowerCase(Locale.ROOT)));
  }
}
