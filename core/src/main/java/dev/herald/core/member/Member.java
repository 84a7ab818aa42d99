package dev.herald.core.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** A person in an organization, known by an e-mail address that is unique in it. */
@Entity
public class Member {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(nullable = false, length = 320)
  private String email;

  /** The e-mail in lower case: uniqueness and look-ups ignore case. */
  @Column(name = "email_key", nullable = false, length = 320)
  private String emailKey;

  @Column(length = 200)
  private String name;

  @Column(name = "external_id", length = 200)
  private String externalId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Member() {}

  public Member(String organizationId, String email, String name, String externalId, Instant now) {
    this.id = UUID.randomUUID();
    this.organizationId = organizationId;
    changeEmail(email);
    this.name = name;
    this.externalId = externalId;
    this.createdAt = now;
  }

  /** The case-insensitive key of an e-mail address. */
  public static String emailKey(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  void changeEmail(String email) {
    this.email = email.trim();
    this.emailKey = emailKey(email);
  }

  void rename(String name) {
    this.name = name;
  }

  void changeExternalId(String externalId) {
    this.externalId = externalId;
  }

  public UUID id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public String externalId() {
    return externalId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
