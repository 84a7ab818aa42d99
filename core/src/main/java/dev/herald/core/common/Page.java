package dev.herald.core.common;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, newest or first items first, with the opaque cursor of the next page.
 *
 * @param items the items of this page
 * @param nextCursor the cursor to pass for the next page, or {@code null} on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {

  /** The page size used when the caller gives none. */
  public static final int DEFAULT_LIMIT = 50;

  /** The largest page size a caller may ask for. */
  public static final int MAX_LIMIT = 500;

  /**
   * Builds a page from {@code limit + 1} fetched rows: the extra row only tells that there is a
   * next page, whose cursor is made from the last item shown.
   */
  public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursorOf) {
    if (fetched.size() <= limit) {
      return new Page<>(List.copyOf(fetched), null);
    }
    var items = List.copyOf(fetched.subList(0, limit));
    return new Page<>(items, cursorOf.apply(items.get(limit - 1)));
  }

  /** Checks a requested page size: {@code null} means the default. */
  public static int limit(String requested) {
    if (requested == null || requested.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      var limit = Integer.parseInt(requested.trim());
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidRequestException("limit must be a number between 1 and " + MAX_LIMIT);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextCursor);
  }
}
