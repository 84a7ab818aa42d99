package dev.herald.core.integration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A Push API credential of an organization; only its SHA-256 hash and a short recognisable prefix
 * are kept.
 */
@Entity
@Table(name = "integration_key")
public class IntegrationKey {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(length = 200)
  private String name;

  @Column(nullable = false, length = 32)
  private String prefix;

  @Column(name = "key_hash", nullable = false, unique = true, length = 64)
  private String keyHash;

  /** The key's own send limit per minute; {@code null}: the installation's. */
  @Column(name = "sends_per_minute")
  private Integer sendsPerMinute;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 320)
  private String createdBy;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected IntegrationKey() {}

  IntegrationKey(
      String organizationId,
      String name,
      String prefix,
      String keyHash,
      Integer sendsPerMinute,
      String createdBy,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.organizationId = organizationId;
    this.name = name;
    this.prefix = prefix;
    this.keyHash = keyHash;
    this.sendsPerMinute = sendsPerMinute;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
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

  public String name() {
    return name;
  }

  /** The first characters of the key, enough to tell keys apart in a list. */
  public String prefix() {
    return prefix;
  }

  String keyHash() {
    return keyHash;
  }

  public Integer sendsPerMinute() {
    return sendsPerMinute;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
