package dev.herald.core.limit;

import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many notifications a credential may send per minute, counted in fixed minutes in the database
 * (ADR 0013). A node takes a credential's quota from the database in blocks (a twentieth of the
 * limit, at most {@value #MAX_BLOCK}) and spends each block in memory, so a busy credential costs
 * one short transaction per block rather than per request, and the nodes together grant no more
 * than the limit (but for a request let through after five contended attempts). A node may refuse
 * while another still holds part of a block: at most a twentieth of the limit per node. The
 * installation's limit is {@value #SETTING}, {@value #DEFAULT_PER_MINUTE} by default; a credential
 * may have a limit of its own.
 */
@ApplicationScoped
public class SendLimits {

  /** The setting that holds the installation's limit. */
  public static final String SETTING = "herald.limit.sends-per-minute";

  /**
   * The installation's limit when the setting is absent: a thousand a second, far above what one
   * integration sends on purpose, low enough to stop one that loops (ADR 0013).
   */
  public static final int DEFAULT_PER_MINUTE = 60_000;

  /** The highest limit a credential may have of its own. */
  public static final int MAX_OWN_PER_MINUTE = 1_000_000;

  /** A block is this part of the limit: a node holds at most a twentieth of it unspent. */
  static final int BLOCKS_PER_LIMIT = 20;

  /** The largest block, so that a refusal elsewhere waits on no more than this much quota. */
  static final int MAX_BLOCK = 100;

  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int OPEN_ATTEMPTS = 5;

  /** The quota this node took and has not spent yet, per credential, for one minute. */
  private record Held(Instant window, AtomicInteger left) {}

  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Object opening = new Object();

  @Inject SendWindows windows;

  /**
   * What is wrong with a credential's own limit as given at its creation; empty when nothing is
   * ({@code null} is "the installation's").
   */
  public static Optional<FieldError> ownLimitProblem(Integer perMinute) {
    return perMinute == null || (perMinute >= 1 && perMinute <= MAX_OWN_PER_MINUTE)
        ? Optional.empty()
        : Optional.of(new FieldError("sendsPerMinute", "must be 1 to " + MAX_OWN_PER_MINUTE));
  }

  /** The installation's limit per minute; 0 when limits are off. */
  public int installationLimit() {
    return Math.max(0, Settings.getInt(SETTING, DEFAULT_PER_MINUTE));
  }

  /**
   * Counts one request of a credential against a limit. Empty when it may go ahead; else how many
   * seconds until the minute ends and it may try again. A limit of 0 or less counts nothing.
   */
  public OptionalLong take(String credential, int perMinute) {
    if (perMinute <= 0) {
      return OptionalLong.empty();
    }
    var now = Instant.now();
    var window = now.truncatedTo(ChronoUnit.MINUTES);
    var mine = held.get(credential);
    if (mine != null
        && mine.window().equals(window)
        && mine.left().getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      return OptionalLong.empty();
    }
    var taken = takeFromDatabase(credential, window, perMinute);
    if (taken == 0) {
      var left = Duration.between(now, window.plus(WINDOW));
      return OptionalLong.of(Math.max(1, (left.toMillis() + 999) / 1000));
    }
    if (taken > 1) {
      keep(credential, window, taken - 1);
    }
    return OptionalLong.empty();
  }

  /** The quota a node takes at once for a limit: 1 for small limits, exact as before. */
  static int block(int perMinute) {
    return Math.max(1, Math.min(MAX_BLOCK, perMinute / BLOCKS_PER_LIMIT));
  }

  /**
   * Takes a block of the minute's quota, or one request's when less than a block is left; 0 when
   * none is left.
   */
  private int takeFromDatabase(String credential, Instant window, int perMinute) {
    var block = block(perMinute);
    // Concurrent first requests of a minute race to open its window: a loser counts on the
    // winner's row once it is there (seen by the next attempt's UPDATE).
    for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
      if (windows.count(credential, window, perMinute, block)) {
        return block;
      }
      if (block > 1 && windows.count(credential, window, perMinute, 1)) {
        return 1;
      }
      var requests = windows.requests(credential, window);
      if (requests.isPresent() && requests.get() >= perMinute) {
        return 0;
      }
      if (requests.isEmpty() && open(credential, window, block)) {
        return block;
      }
    }
    // Still contended after every attempt: the request goes ahead rather than be refused for a
    // limit it may not have reached.
    return 1;
  }

  /**
   * Opens the window unless another request just did. One at a time on this node, the lock held
   * until the opening's own transaction has committed: on PostgreSQL the statement skips a window
   * another node opened, but H2 has no such statement, and two of its MERGEs racing failed one (and
   * Hibernate logged an ERROR for it). Openings are one per credential and minute, so the lock is
   * seldom waited for. Should one still fail, the loser counts on the winner's row.
   */
  private boolean open(String credential, Instant window, int block) {
    synchronized (opening) {
      try {
        return windows.open(credential, window, block);
      } catch (RuntimeException e) {
        return false;
      }
    }
  }

  /** Adds unspent quota to what this node holds for the minute; an older minute's is dropped. */
  private void keep(String credential, Instant window, int quota) {
    held.merge(
        credential,
        new Held(window, new AtomicInteger(quota)),
        (old, fresh) -> {
          if (old.window().equals(window)) {
            old.left().addAndGet(quota);
            return old;
          }
          return fresh;
        });
  }

  /** Forgets the windows that ended before the previous minute; returns how many. */
  public int purge() {
    var current = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    held.values().removeIf(h -> h.window().isBefore(current));
    return windows.deleteBefore(Instant.now().minus(WINDOW.multipliedBy(2)));
  }
}
