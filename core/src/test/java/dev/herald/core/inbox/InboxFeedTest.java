package dev.herald.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InboxFeedTest {

  private final InboxFeed feed = new InboxFeed();
  private final UUID member = UUID.randomUUID();

  @Test
  void anItemReachesEveryListenerOfItsMemberOnly() throws Exception {
    var ann = new AtomicInteger();
    var annAgain = new AtomicInteger();
    var bob = new AtomicInteger();
    var a = feed.subscribe(member, item -> ann.incrementAndGet());
    var b = feed.subscribe(member, item -> annAgain.incrementAndGet());
    var c = feed.subscribe(UUID.randomUUID(), item -> bob.incrementAndGet());
    try {
      feed.publish(itemOf(member));
    } finally {
      a.close();
      b.close();
      c.close();
    }
    assertThat(ann).hasValue(1);
    assertThat(annAgain).hasValue(1);
    assertThat(bob).hasValue(0);
    assertThat(feed.hasListeners()).isFalse();
  }

  /**
   * A client reconnecting: its new stream subscribes while the old one, the member's only other
   * listener, unsubscribes. The new listener must be kept whichever goes first.
   */
  @Test
  void aStreamOpeningWhileTheMembersLastOtherStreamClosesKeepsItsListener() throws Exception {
    var barrier = new CyclicBarrier(2);
    for (int round = 0; round < 5_000; round++) {
      var old = feed.subscribe(member, item -> {});
      var received = new AtomicInteger();
      var closer =
          new Thread(
              () -> {
                try {
                  barrier.await();
                  old.close();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      closer.start();
      barrier.await();
      var fresh = feed.subscribe(member, item -> received.incrementAndGet());
      closer.join();
      feed.publish(itemOf(member));
      assertThat(received).as("round %d", round).hasValue(1);
      fresh.close();
    }
  }

  private static InboxItem itemOf(UUID member) {
    return new InboxItem(
        1, member, UUID.randomUUID(), "t", "x", null, null, null, Instant.now(), null);
  }
}
