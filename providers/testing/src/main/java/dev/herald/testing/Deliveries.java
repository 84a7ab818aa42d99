package dev.herald.testing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the kit recorded, and the assertions on it. In a test that runs in the server (an Arquillian
 * test in the deployment) use {@link #recorded()}; in a client-side test {@link #at(URI)}, which
 * reads the same record over HTTP from the kit's endpoint. Deliveries are made after the
 * notification is accepted, in the background: await what should arrive, and check what should not
 * only after something sent later has arrived.
 *
 * <pre>{@code
 * var sent = Deliveries.recorded().await(
 *     pushTo("ann@acme.example").withJigId("orders").withInput("orderId", "42"),
 *     Duration.ofSeconds(5));
 * }</pre>
 */
public final class Deliveries {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final int SHOWN = 20;

  private final Supplier<List<RecordedDelivery>> source;
  private final Runnable clear;
  private final String where;

  private Deliveries(Supplier<List<RecordedDelivery>> source, Runnable clear, String where) {
    this.source = source;
    this.clear = clear;
    this.where = where;
  }

  /** The record of the server this code runs in. */
  public static Deliveries recorded() {
    return new Deliveries(Recorder.SHARED::all, Recorder.SHARED::clear, "in this server");
  }

  /**
   * The record of a server seen from outside: {@code base} is the application's root, where the
   * kit's endpoint {@code herald-testing/deliveries} is (the same root as Herald's API). Needs a
   * JSON-P implementation (e.g. Parsson) on the test's class path.
   */
  public static Deliveries at(URI base) {
    var client = new KitClient(base);
    return new Deliveries(client::fetch, client::clear, "at " + base);
  }

  /** Everything recorded since the start or the last {@link #clear()}, oldest first. */
  public List<RecordedDelivery> all() {
    return source.get();
  }

  /** Those that match, oldest first. */
  public List<RecordedDelivery> matching(DeliveryMatch match) {
    return all().stream().filter(match::matches).toList();
  }

  /**
   * Waits until a matching delivery is recorded and returns the first; fails with what was recorded
   * instead when none is within {@code within}.
   */
  public RecordedDelivery await(DeliveryMatch match, Duration within) {
    var deadline = System.nanoTime() + within.toNanos();
    while (true) {
      var found = matching(match);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "Expected " + match + " within " + within.toMillis() + " ms; " + describe(all()));
      }
      sleep();
    }
  }

  /** Fails if a matching delivery has been recorded. */
  public void assertNone(DeliveryMatch match) {
    var found = matching(match);
    if (!found.isEmpty()) {
      throw new AssertionError("Expected no " + match + "; " + describe(found));
    }
  }

  /** Forgets everything recorded so far, e.g. before each test. */
  public void clear() {
    clear.run();
  }

  private String describe(List<RecordedDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return "nothing was recorded " + where;
    }
    var shown =
        deliveries.stream()
            .limit(SHOWN)
            .map(RecordedDelivery::toString)
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    var more = deliveries.size() > SHOWN ? "\n  … " + (deliveries.size() - SHOWN) + " more" : "";
    return "recorded " + where + ":" + shown + more;
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a delivery", e);
    }
  }
}
