package dev.herald.core.runtime;

import dev.herald.core.config.Settings;
import dev.herald.core.delivery.BatchSender;
import dev.herald.core.delivery.DeliveryQueue;
import dev.herald.core.delivery.Dispatcher;
import dev.herald.core.delivery.Providers;
import dev.herald.core.delivery.RetryPolicy;
import dev.herald.core.inbox.InboxRelay;
import dev.herald.core.notification.NotificationAccepted;
import dev.herald.core.organization.Bootstrap;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts Herald's background work when the application starts and stops it when it stops. Every
 * node runs the same loops; the queue's SKIP LOCKED claims keep their work apart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeraldRuntime {

  private static final Logger LOG = Logger.getLogger(HeraldRuntime.class.getName());
  private static final int DISPATCH_BATCH = 10;

  private volatile ManagedScheduledExecutorService executor;

  @Inject Bootstrap bootstrap;
  @Inject JtaTransactor transactor;
  @Inject InboxRelay relay;
  @Inject Providers providers;

  private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<ScheduledFuture<?>> loops = new ArrayList<>();
  private final AtomicBoolean dispatching = new AtomicBoolean();
  private volatile boolean stopped;
  private Dispatcher dispatcher;
  private DeliveryQueue queue;
  private BatchSender sender;
  private Duration renewEvery;
  private ScheduledExecutorService renewals;
  private ScheduledExecutorService liveInbox;
  private final Thread shutdownHook = new Thread(this::drain, "herald-stopping");
  private ExecutorService workers;

  /**
   * Starts the background work. A start-up singleton rather than a CDI start-up observer: only here
   * does every server give library-jar beans their naming environment (persistence contexts,
   * datasources) this early.
   */
  @PostConstruct
  void start() {
    executor = ContainerExecutor.get();
    bootstrap.run();
    var clock = Clock.systemUTC();
    var lease = Settings.getMillis("herald.queue.lease-ms", 120_000);
    dispatcher =
        new Dispatcher(
            transactor, clock, lease, Settings.getInt("herald.dispatch.max-attempts", 10));
    var retry =
        new RetryPolicy(
            Settings.getMillis("herald.retry.base-ms", 1_000),
            Settings.getMillis("herald.retry.cap-ms", 300_000),
            Settings.getMillis("herald.retry.budget-ms", Duration.ofHours(24).toMillis()));
    queue = new DeliveryQueue(transactor, clock, node, lease, retry);
    // A batch in flight keeps its lease: renewed three times per lease, so only a node that died
    // (or lost the database for a whole lease) lets another node send it again.
    renewEvery = lease.dividedBy(3);
    sender = new BatchSender(Settings.getMillis("herald.queue.send-timeout-ms", 60_000));
    var live = providers.registry().live();
    var pollMillis = Settings.getInt("herald.queue.poll-ms", 100);
    loops.add(every(pollMillis, this::dispatch));
    // The live inbox has a thread of its own too: a burst keeps the container's scheduler busy
    // dispatching, and live streams of other organizations must not wait for it.
    liveInbox = Executors.newSingleThreadScheduledExecutor(ContainerExecutor.threads());
    var inboxPoll = Settings.getInt("herald.inbox.poll-ms", 250);
    loops.add(
        liveInbox.scheduleWithFixedDelay(
            () -> guarded(relay::poll), inboxPoll, inboxPoll, TimeUnit.MILLISECONDS));
    loops.add(every(5_000, queue::completeAll));
    // Sends may block for as long as a provider takes: they run on threads of their own, one
    // batch per channel at a time, so a slow service never holds up dispatching or other channels.
    workers = Executors.newFixedThreadPool(Math.max(1, live.size()), ContainerExecutor.threads());
    // Lease renewals have a thread of their own: the container's small scheduler may be busy
    // dispatching a burst for longer than a lease.
    renewals = Executors.newSingleThreadScheduledExecutor(ContainerExecutor.threads());
    live.forEach(
        (channel, provider) -> {
          var busy = new AtomicBoolean();
          loops.add(every(pollMillis, () -> startDelivering(channel, provider, busy)));
        });
    // On SIGTERM, refuse new requests at once and finish what is in flight (see stop()).
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    LOG.info(() -> "Herald started on " + node + "; live channels: inapp " + live.keySet());
  }

  /** Dispatches a notification as soon as the transaction that accepted it commits. */
  public void onAccepted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationAccepted event) {
    if (!stopped && executor != null && !event.startAt().isAfter(Instant.now())) {
      executor.execute(this::dispatch);
    }
  }

  private void dispatch() {
    if (stopped || !dispatching.compareAndSet(false, true)) {
      return;
    }
    try {
      int dispatched;
      do {
        dispatched = dispatcher.dispatchDue(DISPATCH_BATCH).size();
        if (dispatched > 0) {
          relay.poll();
        }
      } while (dispatched == DISPATCH_BATCH && !stopped);
    } finally {
      dispatching.set(false);
    }
  }

  private void startDelivering(String channel, DeliveryProvider provider, AtomicBoolean busy) {
    if (!stopped && busy.compareAndSet(false, true)) {
      workers.execute(
          () -> {
            try {
              guarded(() -> deliver(channel, provider));
            } finally {
              busy.set(false);
            }
          });
    }
  }

  private void deliver(String channel, DeliveryProvider provider) {
    while (!stopped) {
      var batch = queue.claim(channel, provider.maxBatchSize());
      if (batch.isEmpty()) {
        return;
      }
      var renewal =
          renewals.scheduleAtFixedRate(
              () -> guarded(() -> queue.renew(batch)),
              renewEvery.toMillis(),
              renewEvery.toMillis(),
              TimeUnit.MILLISECONDS);
      List<DeliveryResult> results;
      try {
        results = sender.send(provider, batch.deliveries(), Instant.now());
      } finally {
        renewal.cancel(false);
      }
      queue.complete(queue.record(batch, results));
    }
  }

  private ScheduledFuture<?> every(long millis, Runnable task) {
    return executor.scheduleWithFixedDelay(
        () -> guarded(task), millis, millis, TimeUnit.MILLISECONDS);
  }

  /** A failing round is logged and the loop goes on: the next round retries from the database. */
  private void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      if (!stopped) {
        LOG.log(Level.WARNING, "Background work failed; retrying on the next round", e);
      }
    }
  }

  /**
   * Stops taking work and waits, within the shutdown grace, for the batches in flight to be sent
   * and their outcomes recorded, so that a graceful stop repeats nothing; the API answers 503
   * meanwhile. Runs when the application is undeployed, and from a JVM shutdown hook: on SIGTERM,
   * Payara Micro tears the server down without undeploying the application first.
   */
  @PreDestroy
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running
    }
    drain();
  }

  private void drain() {
    Lifecycle.markStopping();
    stopped = true;
    loops.forEach(f -> f.cancel(false));
    if (workers == null) {
      return;
    }
    workers.shutdown();
    var grace = Settings.getMillis("herald.shutdown.grace-ms", 30_000);
    try {
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warning(
            "Deliveries still in flight after the shutdown grace; their leases will expire and"
                + " another node retries them");
      }
      renewals.shutdown();
      liveInbox.shutdown();
      var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (dispatching.get() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
