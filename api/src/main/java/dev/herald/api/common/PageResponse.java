package dev.herald.api.common;

import dev.herald.core.common.Page;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {"items": [...], "nextCursor": "…" | null}}. */
@JsonbPropertyOrder({"items", "nextCursor"})
public record PageResponse<T>(List<T> items, @JsonbNillable String nextCursor) {

  public static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
    return new PageResponse<>(page.items().stream().map(mapper).toList(), page.nextCursor());
  }

  public static <T> PageResponse<T> all(List<T> items) {
    return new PageResponse<>(items, null);
  }
}
