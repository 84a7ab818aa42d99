package dev.herald.core.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A personal access token; only its SHA-256 hash and a short recognisable prefix are kept. */
@Entity
@Table(name = "access_token")
public class AccessToken {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(name = "member_id", nullable = false)
  private UUID memberId;

  @Column(nullable = false, length = 16)
  private String role;

  /** A system administrator may create organizations and acts as ADMIN in every one. */
  @Column(name = "system_admin", nullable = false)
  private boolean systemAdmin;

  @Column(length = 200)
  private String name;

  @Column(nullable = false, length = 32)
  private String prefix;

  @Column(name = "token_hash", nullable = false, unique = true, length = 64)
  private String tokenHash;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  /** The token's own send limit per minute; {@code null}: the installation's. */
  @Column(name = "sends_per_minute")
  private Integer sendsPerMinute;

  protected AccessToken() {}

  AccessToken(
      String organizationId,
      UUID memberId,
      Role role,
      boolean systemAdmin,
      String name,
      String prefix,
      String tokenHash,
      Instant createdAt,
      Instant expiresAt,
      Integer sendsPerMinute) {
    this.id = UUID.randomUUID();
    this.organizationId = organizationId;
    this.memberId = memberId;
    this.role = role.name();
    this.systemAdmin = systemAdmin;
    this.name = name;
    this.prefix = prefix;
    this.tokenHash = tokenHash;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.sendsPerMinute = sendsPerMinute;
  }

  boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public UUID id() {
    return id;
  }

  public String organizationId() {
    return organizationId;
  }

  public UUID memberId() {
    return memberId;
  }

  public Role role() {
    return Role.valueOf(role);
  }

  public boolean systemAdmin() {
    return systemAdmin;
  }

  public String name() {
    return name;
  }

  public String prefix() {
    return prefix;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Integer sendsPerMinute() {
    return sendsPerMinute;
  }
}
