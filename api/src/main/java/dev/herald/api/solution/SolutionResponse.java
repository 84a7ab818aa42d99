package dev.herald.api.solution;

import dev.herald.core.common.Timestamps;
import dev.herald.core.solution.Solution;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A solution as the API shows it. */
@JsonbPropertyOrder({"id", "organizationId", "name", "createdAt"})
public record SolutionResponse(String id, String organizationId, String name, String createdAt) {

  static SolutionResponse of(Solution s) {
    return new SolutionResponse(
        s.id().toString(), s.organizationId(), s.name(), Timestamps.format(s.createdAt()));
  }
}
