package dev.herald.core.device;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * A push token of one member's device. Within an organization a token belongs to at most one member
 * at a time; another organization registering the same token has a row of its own.
 */
@Entity
public class Device {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(name = "member_id", nullable = false)
  private UUID memberId;

  @Column(nullable = false, length = 16)
  private String platform;

  @Column(nullable = false, length = 512)
  private String token;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "deactivated_at")
  private Instant deactivatedAt;

  protected Device() {}

  Device(String organizationId, UUID memberId, Platform platform, String token, Instant now) {
    this.id = UUID.randomUUID();
    this.platform = platform.wireName();
    this.token = token;
    this.organizationId = organizationId;
    moveTo(memberId, now);
  }

  /**
   * Re-registration within the organization: the token now belongs to this member and is active
   * again. A device never changes organization.
   */
  void moveTo(UUID memberId, Instant now) {
    this.memberId = memberId;
    this.active = true;
    this.registeredAt = now;
    this.deactivatedAt = null;
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

  public Platform platform() {
    return Platform.fromWire(platform);
  }

  public String token() {
    return token;
  }

  public boolean active() {
    return active;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
