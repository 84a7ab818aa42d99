package dev.herald.core.solution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** An app of an organization; members are assigned to it and may be grouped within it. */
@Entity
public class Solution {

  @Id private UUID id;

  @Column(name = "organization_id", nullable = false, length = 64)
  private String organizationId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Solution() {}

  Solution(String organizationId, String name, Instant now) {
    this.id = UUID.randomUUID();
    this.organizationId = organizationId;
    this.name = name;
    this.createdAt = now;
  }

  void rename(String name) {
    this.name = name;
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

  public Instant createdAt() {
    return createdAt;
  }
}
