package dev.herald.core.notification;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A message to deliver to the members its scope resolves to. */
@Entity
public class Notification {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(nullable = false, length = 16)
  private String scope;

  @Column(name = "solution_id")
  private UUID solutionId;

  @Column(nullable = false, length = 24)
  private String state;

  /** Wide enough for {@link NewNotification#MAX_TITLE} code points counted in UTF-16 units. */
  @Column(nullable = false, length = 2 * NewNotification.MAX_TITLE)
  private String title;

  @Column(name = "body", nullable = false, length = 2 * NewNotification.MAX_TEXT)
  private String text;

  @Column(name = "jig_id", length = 200)
  private String jigId;

  @Column(nullable = false, length = 200)
  private String screen;

  /** The deep-link inputs as a JSON object text. */
  @Column(nullable = false, length = 65536)
  private String inputs;

  @Column(length = 1000)
  private String description;

  /**
   * The e-mails of a USR notification accepted before migration V3, comma-separated; later ones are
   * in {@link #givenEmails}.
   */
  @Column(length = 65536)
  private String emails;

  /** The e-mails a USR notification named, as the caller wrote them and in the caller's order. */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "notification_email", joinColumns = @JoinColumn(name = "notification_id"))
  @OrderColumn(name = "ordinal")
  @Column(name = "email", nullable = false, length = 320)
  private List<String> givenEmails = new ArrayList<>();

  /** The groups an SLN_GRP notification named, comma-separated. */
  @Column(name = "group_names", length = 65536)
  private String groupNames;

  /** The channels, comma-separated wire names. */
  @Column(nullable = false, length = 200)
  private String channels;

  @Column(name = "ttl_seconds")
  private Integer ttlSeconds;

  @Column(nullable = false)
  private boolean sound;

  private Integer badge;

  @Column(name = "idempotency_key", length = 200)
  private String idempotencyKey;

  /** The route of the request that sent it: {@code notifications}, {@code push-api-v2}, … */
  @Column(name = "sent_via", length = 100)
  private String sentVia;

  @Column(name = "start_at", nullable = false)
  private Instant startAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 320)
  private String createdBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by", nullable = false, length = 320)
  private String updatedBy;

  @Column(name = "dispatched_at")
  private Instant dispatchedAt;

  /** How many members the scope resolved to; known once dispatched. */
  @Column(name = "recipient_count")
  private Integer recipientCount;

  /** Written by the dispatcher only: how often resolving the recipients was tried. */
  @Column(name = "dispatch_attempts", insertable = false, updatable = false)
  private int dispatchAttempts;

  /** Written by the dispatcher only: why the last attempt to resolve the recipients failed. */
  @Column(name = "last_error", length = 1000, insertable = false, updatable = false)
  private String lastError;

  protected Notification() {}

  Notification(
      NewNotification request,
      String organizationId,
      String createdBy,
      String sentVia,
      Instant now) {
    this.id = UUID.randomUUID();
    this.sentVia = sentVia;
    this.organizationId = organizationId;
    this.scope = request.scope().name();
    this.solutionId = request.solutionId();
    this.title = request.title();
    this.text = request.text();
    this.jigId = request.jigId();
    this.screen = request.screen();
    this.inputs = request.inputs();
    this.description = request.description();
    this.givenEmails = new ArrayList<>(request.emails());
    this.groupNames = request.groups().isEmpty() ? null : String.join(",", request.groups());
    this.channels = String.join(",", Channels.ordered(request.channels()));
    this.ttlSeconds = request.ttlSeconds();
    this.sound = request.sound();
    this.badge = request.badge();
    this.idempotencyKey = request.idempotencyKey();
    this.startAt = request.startAt() == null ? now : request.startAt();
    this.state =
        (startAt.isAfter(now) ? NotificationState.SCHEDULED : NotificationState.QUEUED).name();
    this.createdAt = now;
    this.createdBy = createdBy;
    this.updatedAt = now;
    this.updatedBy = createdBy;
  }

  void cancel(String by, Instant now) {
    this.state = NotificationState.CANCELLED.name();
    this.updatedAt = now;
    this.updatedBy = by;
  }

  public UUID id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public Scope scope() {
    return Scope.valueOf(scope);
  }

  public UUID solutionId() {
    return solutionId;
  }

  public NotificationState state() {
    return NotificationState.valueOf(state);
  }

  public String title() {
    return title;
  }

  public String text() {
    return text;
  }

  public String jigId() {
    return jigId;
  }

  public String screen() {
    return screen;
  }

  public String inputs() {
    return inputs;
  }

  public String description() {
    return description;
  }

  public List<String> emails() {
    return givenEmails.isEmpty() ? split(emails) : List.copyOf(givenEmails);
  }

  public List<String> groups() {
    return split(groupNames);
  }

  public List<String> channels() {
    return split(channels);
  }

  public Integer ttlSeconds() {
    return ttlSeconds;
  }

  public boolean sound() {
    return sound;
  }

  public Integer badge() {
    return badge;
  }

  public Instant startAt() {
    return startAt;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  /**
   * Which API sent it: {@code notifications} (the REST API), {@code push-api-v2}, {@code
   * webhook:<id>} or {@code java}; {@code null} for notifications sent before Herald kept it.
   */
  public String sentVia() {
    return sentVia;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String updatedBy() {
    return updatedBy;
  }

  public Instant dispatchedAt() {
    return dispatchedAt;
  }

  public Integer recipientCount() {
    return recipientCount;
  }

  public int dispatchAttempts() {
    return dispatchAttempts;
  }

  /** Why dispatching failed, for a notification set aside as FAILED; else {@code null}. */
  public String lastError() {
    return lastError;
  }

  private static List<String> split(String joined) {
    return joined == null ? List.of() : Arrays.asList(joined.split(","));
  }
}
