package dev.herald.api.solution;

import dev.herald.core.common.Timestamps;
import dev.herald.core.solution.SolutionGroup;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A group of a solution. */
@JsonbPropertyOrder({"name", "solutionId", "createdAt"})
public record GroupResponse(String name, String solutionId, String createdAt) {

  static GroupResponse of(SolutionGroup g) {
    return new GroupResponse(g.name(), g.solutionId().toString(), Timestamps.format(g.createdAt()));
  }
}
