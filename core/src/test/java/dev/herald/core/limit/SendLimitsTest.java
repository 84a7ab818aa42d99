package dev.herald.core.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Quota in blocks: several nodes sharing one count never grant more than the limit together, and a
 * busy credential costs one count per block, not per request. The shared count is an in-memory
 * stand-in for {@code send_window} with its conditional UPDATE; the suites count in the real
 * database ({@code SendLimitIT}, {@code TwoNodesExactlyOnceIT}).
 */
class SendLimitsTest {

  /** One minute's row of one credential, whatever the minute: a test may straddle two. */
  private static final class SharedCount extends SendWindows {
    private Integer requests;
    final AtomicInteger statements = new AtomicInteger();

    @Override
    public synchronized boolean count(String credential, Instant window, int limit, int quota) {
      statements.incrementAndGet();
      if (requests == null || requests + quota > limit) {
        return false;
      }
      requests += quota;
      return true;
    }

    @Override
    public synchronized Optional<Integer> requests(String credential, Instant window) {
      statements.incrementAndGet();
      return Optional.ofNullable(requests);
    }

    @Override
    public synchronized boolean open(String credential, Instant window, int quota) {
      statements.incrementAndGet();
      if (requests != null) {
        return false;
      }
      requests = quota;
      return true;
    }
  }

  @Test
  void threeNodesTogetherGrantTheLimitAndNoMoreWithOneStatementPerBlock() throws Exception {
    var shared = new SharedCount();
    var nodes = new ArrayList<SendLimits>();
    for (int i = 0; i < 3; i++) {
      var node = new SendLimits();
      node.windows = shared;
      nodes.add(node);
    }
    var granted = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(9);
    var work = new ArrayList<Callable<Void>>();
    for (int t = 0; t < 9; t++) {
      var node = nodes.get(t % 3);
      work.add(
          () -> {
            while (node.take("token:busy", 1_000).isEmpty()) {
              granted.incrementAndGet();
            }
            return null;
          });
    }
    try {
      for (var done : pool.invokeAll(work)) {
        done.get();
      }
    } finally {
      pool.shutdownNow();
    }

    var block = SendLimits.block(1_000);
    assertThat(block).isEqualTo(50);
    // at most one block per node is lost should the test straddle a minute
    assertThat(granted.get()).isBetween(1_000 - 3 * block, 1_000);
    assertThat(shared.requests).isEqualTo(1_000);
    assertThat(shared.statements.get()).as("statements for 1,000 requests").isLessThan(150);
  }

  @Test
  void smallLimitsAreCountedOneRequestAtATime() {
    assertThat(SendLimits.block(10)).isEqualTo(1);
    assertThat(SendLimits.block(39)).isEqualTo(1);
    assertThat(SendLimits.block(100_000)).isEqualTo(SendLimits.MAX_BLOCK);
    var shared = new SharedCount();
    var node = new SendLimits();
    node.windows = shared;
    for (int i = 0; i < 10; i++) {
      assertThat(node.take("token:small", 10)).isEmpty();
    }
    assertThat(node.take("token:small", 10)).isPresent();
    assertThat(shared.requests).isEqualTo(10);
  }
}
