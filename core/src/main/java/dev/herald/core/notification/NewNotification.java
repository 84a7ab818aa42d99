package dev.herald.core.notification;

import dev.herald.core.common.InvalidRequestException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A notification as a sender asked for it, already in Herald's types.
 *
 * @param scope who it is for
 * @param emails the recipients of a USR notification
 * @param groups the groups of an SLN_GRP notification
 * @param solutionId the solution of an SLN or SLN_GRP notification
 * @param title the title, required
 * @param text the text under the title, required
 * @param jigId the deep-link target, optional
 * @param screen the deep-link screen, {@code jig} when not given
 * @param inputs the deep-link inputs as a JSON object text, {@code {}} when not given
 * @param description a note for the senders, never shown to recipients
 * @param startAt when to send it; {@code null} or a past time means now
 * @param channels how to deliver it; push and in-app when not given
 * @param ttlSeconds after how long an undelivered push is dropped and the inbox item disappears
 * @param sound whether devices play a sound
 * @param badge the badge number to show, if any
 * @param idempotencyKey the caller's key that makes a retried request return the first result
 */
public record NewNotification(
    Scope scope,
    List<String> emails,
    List<String> groups,
    UUID solutionId,
    String title,
    String text,
    String jigId,
    String screen,
    String inputs,
    String description,
    Instant startAt,
    Set<String> channels,
    Integer ttlSeconds,
    boolean sound,
    Integer badge,
    String idempotencyKey) {

  /** The longest title, in characters as people count them (an emoji is one). */
  public static final int MAX_TITLE = 500;

  /** The longest text, in characters as people count them. */
  public static final int MAX_TEXT = 4000;

  public static final int MAX_RECIPIENTS = 10_000;

  /** The most groups an SLN_GRP notification may name. */
  public static final int MAX_GROUPS = 100;

  /** The longest {@code inputs}, as JSON text. */
  public static final int MAX_INPUTS = 65_536;

  private static final int MAX_EMAIL = 320;
  private static final int MAX_NAME = 200;

  private static final java.util.regex.Pattern CHANNEL_NAME =
      java.util.regex.Pattern.compile("[a-z][a-z0-9_-]{0,31}");

  public NewNotification {
    emails = emails == null ? List.of() : List.copyOf(emails);
    groups = groups == null ? List.of() : List.copyOf(groups);
    screen = screen == null || screen.isBlank() ? "jig" : screen;
    inputs = inputs == null ? "{}" : inputs;
    channels =
        channels == null || channels.isEmpty()
            ? Set.copyOf(Channels.DEFAULT)
            : Set.copyOf(channels);
  }

  /** What is wrong with this request on its own, before any look-up; empty when nothing is. */
  public List<FieldError> problems() {
    var errors = new ArrayList<FieldError>();
    required("title", title, MAX_TITLE, errors);
    required("text", text, MAX_TEXT, errors);
    optional("jigId", jigId, 200, errors);
    optional("screen", screen, 200, errors);
    optional("description", description, 1000, errors);
    optional("idempotencyKey", idempotencyKey, 200, errors);
    if (inputs.length() > MAX_INPUTS) {
      errors.add(new FieldError("inputs", "must be at most " + MAX_INPUTS + " characters as JSON"));
    }
    if (emails.stream().anyMatch(e -> e.length() > MAX_EMAIL)) {
      errors.add(
          new FieldError("emails", "must hold e-mails of at most " + MAX_EMAIL + " characters"));
    }
    if (groups.size() > MAX_GROUPS) {
      errors.add(new FieldError("groups", "may name at most " + MAX_GROUPS + " groups"));
    } else if (groups.stream().anyMatch(g -> g.length() > MAX_NAME || g.contains(","))) {
      errors.add(
          new FieldError(
              "groups", "must hold group names of at most " + MAX_NAME + " characters, no ','"));
    }
    if (scope == null) {
      errors.add(new FieldError("scope", "is required: one of USR, SLN, SLN_GRP, ORG"));
      return errors;
    }
    switch (scope) {
      case USR -> {
        if (emails.isEmpty()) {
          errors.add(new FieldError("emails", "is required for scope USR"));
        } else if (emails.size() > MAX_RECIPIENTS) {
          errors.add(new FieldError("emails", "may name at most " + MAX_RECIPIENTS + " members"));
        }
      }
      case SLN -> requireSolution(errors);
      case SLN_GRP -> {
        requireSolution(errors);
        if (groups.isEmpty()) {
          errors.add(new FieldError("groups", "is required for scope SLN_GRP"));
        }
      }
      case ORG -> {}
    }
    channels.stream()
        .filter(c -> !CHANNEL_NAME.matcher(c).matches())
        .findFirst()
        .ifPresent(c -> errors.add(new FieldError("channels", "is not a channel name: " + c)));
    if (ttlSeconds != null && ttlSeconds < 1) {
      errors.add(new FieldError("ttlSeconds", "must be at least 1"));
    }
    if (badge != null && badge < 0) {
      errors.add(new FieldError("badge", "must not be negative"));
    }
    return errors;
  }

  private void requireSolution(List<FieldError> errors) {
    if (solutionId == null) {
      errors.add(new FieldError("solutionId", "is required for scope " + scope));
    }
  }

  /** Title and text: counted in code points, as people count characters (an emoji is one). */
  private static void required(String field, String value, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (value.codePointCount(0, value.length()) > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }

  /**
   * The other texts: counted in UTF-16 units, which is never less than code points, so that the
   * value fits its column on H2 (which counts units) and PostgreSQL (which counts code points).
   */
  private static void optional(String field, String value, int max, List<FieldError> errors) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "must be at most " + max + " characters"));
    }
  }
}
