package dev.herald.core.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** A tenant: every member, solution, token and notification belongs to exactly one. */
@Entity
public class Organization {

  @Id
  @Column(length = 64)
  private String id;

  @Column(nullable = false, length = 200)
  private String name;

  /** The fixed integer id the Push API v2 knows the organization by. */
  @Column(name = "company_id", nullable = false, unique = true)
  private int companyId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Organization() {}

  Organization(String id, String name, int companyId, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.companyId = companyId;
    this.createdAt = createdAt;
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public int companyId() {
    return companyId;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
