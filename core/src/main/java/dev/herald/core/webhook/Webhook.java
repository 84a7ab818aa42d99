package dev.herald.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An inbound webhook of an organization. Its signing secret is kept sealed with the server's key
 * ({@link SecretBox}); after a rotation the previous one is kept too, until it expires.
 */
@Entity
@Table(name = "webhook")
public class Webhook {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(length = 200)
  private String name;

  @Column(nullable = false, length = 200)
  private String secret;

  @Column(name = "previous_secret", length = 200)
  private String previousSecret;

  @Column(name = "previous_secret_expires_at")
  private Instant previousSecretExpiresAt;

  /** The webhook's own send limit per minute; {@code null}: the installation's. */
  @Column(name = "sends_per_minute")
  private Integer sendsPerMinute;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 320)
  private String createdBy;

  @Column(name = "rotated_at")
  private Instant rotatedAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected Webhook() {}

  Webhook(
      UUID id,
      String organizationId,
      String name,
      String sealedSecret,
      Integer sendsPerMinute,
      Instant createdAt,
      String createdBy) {
    this.id = id;
    this.organizationId = organizationId;
    this.name = name;
    this.secret = sealedSecret;
    this.sendsPerMinute = sendsPerMinute;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
  }

  /** The sealed secrets that sign valid requests now: the current one, and the previous one. */
  List<String> sealedSecrets(Instant now) {
    var secrets = new ArrayList<String>();
    secrets.add(secret);
    if (previousSecret != null
        && previousSecretExpiresAt != null
        && previousSecretExpiresAt.isAfter(now)) {
      secrets.add(previousSecret);
    }
    return secrets;
  }

  /** The newest sealed secret, to check at start-up that the server's key opens it. */
  String sealedSecret() {
    return secret;
  }

  /** A new secret; the current one stays valid until {@code previousValidUntil}. */
  void rotate(String sealedSecret, Instant now, Instant previousValidUntil) {
    previousSecret = secret;
    previousSecretExpiresAt = previousValidUntil;
    secret = sealedSecret;
    rotatedAt = now;
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

  public Integer sendsPerMinute() {
    return sendsPerMinute;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant rotatedAt() {
    return rotatedAt;
  }

  /** Until when the secret before the last rotation still signs valid requests, if it does. */
  public Instant previousSecretExpiresAt() {
    return previousSecretExpiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  /** The name a notification it sent records as its sender and route: {@code webhook:<id>}. */
  public String principal() {
    return "webhook:" + id;
  }
}
