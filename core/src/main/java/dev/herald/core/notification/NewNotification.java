package dev.herald.core.notification;

import dev.herald.core.common.InvalidRequestException.FieldError;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A notification as a sender asked for it, already in Herald's types. Java callers build one with
 * {@link #toMembers(String...)}, {@link #toSolution}, {@link #toGroups} or {@link
 * #toOrganization()}; {@link Notifications#send} checks it.
 *
 * @param scope who it is for
 * @param emails the recipients of a USR notification
 * @param groups the groups of an SLN_GRP notification
 * @param solutionId the solution of an SLN or SLN_GRP notification
 * @param title the title, required
 * @param text the text under the title, required
 * @param jigId the deep-link target, optional
 * @param screen the deep-link screen, {@code jig} when not given
 * @param inputs the deep-link inputs as the text of a JSON object, {@code {}} when not given
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

  /** A notification to members of the organization by e-mail address (scope {@code USR}). */
  public static Builder toMembers(String... emails) {
    return toMembers(Arrays.asList(emails));
  }

  /** A notification to members of the organization by e-mail address (scope {@code USR}). */
  public static Builder toMembers(Collection<String> emails) {
    return new Builder(Scope.USR, List.copyOf(emails), List.of(), null);
  }

  /** A notification to every member of a solution (scope {@code SLN}). */
  public static Builder toSolution(UUID solutionId) {
    return new Builder(Scope.SLN, List.of(), List.of(), solutionId);
  }

  /** A notification to the members of some groups of a solution (scope {@code SLN_GRP}). */
  public static Builder toGroups(UUID solutionId, String... groups) {
    return new Builder(Scope.SLN_GRP, List.of(), List.of(groups), solutionId);
  }

  /** A notification to every member of the organization (scope {@code ORG}). */
  public static Builder toOrganization() {
    return new Builder(Scope.ORG, List.of(), List.of(), null);
  }

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

  /**
   * What makes two requests the same for an idempotency key: every field but the key, with the
   * channels in name order, and where the request came from ({@code route}: the same body sent to
   * two APIs gets two different answers), as a SHA-256 in hex.
   */
  String fingerprint(String route) {
    var fields = Builder.JSON.createArrayBuilder().add(route).add(String.valueOf(scope));
    emails.forEach(fields::add);
    fields.add("|");
    groups.forEach(fields::add);
    fields.add("|");
    channels.stream().sorted().forEach(fields::add);
    fields
        .add(String.valueOf(solutionId))
        .add(String.valueOf(title))
        .add(String.valueOf(text))
        .add(String.valueOf(jigId))
        .add(screen)
        .add(inputs)
        .add(String.valueOf(description))
        .add(String.valueOf(startAt))
        .add(String.valueOf(ttlSeconds))
        .add(sound)
        .add(String.valueOf(badge));
    try {
      var digest =
          MessageDigest.getInstance("SHA-256")
              .digest(fields.build().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
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

  /**
   * Builds a {@link NewNotification} from Java: the recipients come from the factory method, the
   * rest from the setters, each optional except the title and the text. Nothing is checked before
   * {@link Notifications#send}, which reports every problem at once.
   */
  public static final class Builder {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Scope scope;
    private final List<String> emails;
    private final List<String> groups;
    private final UUID solutionId;
    private String title;
    private String text;
    private String jigId;
    private String screen;
    private String inputs;
    private String description;
    private Instant startAt;
    private Set<String> channels;
    private Integer ttlSeconds;
    private boolean sound;
    private Integer badge;
    private String idempotencyKey;

    private Builder(Scope scope, List<String> emails, List<String> groups, UUID solutionId) {
      this.scope = scope;
      this.emails = emails;
      this.groups = groups;
      this.solutionId = solutionId;
    }

    /** The title, required. */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** The text under the title, required. */
    public Builder text(String text) {
      this.text = text;
      return this;
    }

    /** Opens a jig when tapped, on its default screen, without inputs. */
    public Builder deepLink(String jigId) {
      return deepLink(jigId, Map.of());
    }

    /**
     * Opens a jig when tapped, with inputs: each value a string, number, boolean, list or map, as
     * JSON-P writes them.
     */
    public Builder deepLink(String jigId, Map<String, ?> inputs) {
      this.jigId = jigId;
      @SuppressWarnings("unchecked")
      var values = (Map<String, Object>) inputs;
      this.inputs = JSON.createObjectBuilder(values).build().toString();
      return this;
    }

    /** The jig's screen to open; {@code jig} when not given. */
    public Builder screen(String screen) {
      this.screen = screen;
      return this;
    }

    /** A note for the senders, never shown to recipients. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Sends it at that time rather than now. */
    public Builder startAt(Instant startAt) {
      this.startAt = startAt;
      return this;
    }

    /**
     * How to deliver it, e.g. {@code push}, {@code email}, {@code inapp}; push and in-app when not
     * given.
     */
    public Builder channels(String... channels) {
      this.channels = Set.of(channels);
      return this;
    }

    /** After how long an undelivered push is dropped and the inbox item disappears. */
    public Builder timeToLive(Duration ttl) {
      this.ttlSeconds = (int) Math.min(ttl.toSeconds(), Integer.MAX_VALUE);
      return this;
    }

    /** Whether devices play a sound. */
    public Builder sound(boolean sound) {
      this.sound = sound;
      return this;
    }

    /** The badge number devices show. */
    public Builder badge(int badge) {
      this.badge = badge;
      return this;
    }

    /** Makes a repeated send return the first notification sent with the same key. */
    public Builder idempotencyKey(String idempotencyKey) {
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    public NewNotification build() {
      return new NewNotification(
          scope,
          emails,
          groups,
          solutionId,
          title,
          text,
          jigId,
          screen,
          inputs,
          description,
          startAt,
          channels,
          ttlSeconds,
          sound,
          badge,
          idempotencyKey);
    }
  }
}
