package dev.herald.core.solution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A named group of a solution's members, e.g. {@code customers}. */
@Entity
@Table(name = "solution_group")
public class SolutionGroup {

  @Id private UUID id;

  @Column(name = "solution_id", nullable = false)
  private UUID solutionId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected SolutionGroup() {}

  SolutionGroup(UUID solutionId, String name, Instant now) {
    this.id = UUID.randomUUID();
    this.solutionId = solutionId;
    this.name = name;
    this.createdAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID solutionId() {
    return solutionId;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
