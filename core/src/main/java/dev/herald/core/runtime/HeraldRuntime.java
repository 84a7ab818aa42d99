package dev.herald.core.runtime;

import dev.herald.core.config.Settings;
import dev.herald.core.delivery.BatchSender;
import dev.herald.core.delivery.DeliveryMetrics;
import dev.herald.core.delivery.DeliveryQueue;
import dev.herald.core.delivery.Dispatcher;
import dev.herald.core.delivery.Providers;
import dev.herald.core.delivery.RetryPolicy;
import dev.herald.core.inbox.InboxRelay;
import dev.herald.core.limit.SendLimits;
import dev.herald.core.metrics.HeraldMetrics;
import dev.herald.core.notification.IdempotentRequests;
import dev.herald.core.notification.NotificationAccepted;
import dev.herald.core.organization.Bootstrap;
import dev.herald.core.webhook.WebhookKeyCheck;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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

  /**
   * Off, a node answers the API and stores what it accepts but delivers nothing: for a host
   * application's tests, or a node that only takes requests while others deliver.
   */
  public static final String ENABLED = "herald.runtime.enabled";

  private ScheduledExecutorService housekeeping;

  @Inject Bootstrap bootstrap;
  @Inject JtaTransactor transactor;
  @Inject InboxRelay relay;
  @Inject Providers providers;
  @Inject IdempotentRequests idempotentRequests;
  @Inject SendLimits sendLimits;
  @Inject WebhookKeyCheck webhookKey;
  @Inject HeraldMetrics metrics;

  private final String node = "node-" + UUID.randomUUID().toString().substring(0, 8);
  // Read by readiness checks on request threads while start() fills it.
  private final List<ScheduledFuture<?>> loops = new CopyOnWriteArrayList<>();
  private final AtomicBoolean dispatchWanted = new AtomicBoolean();
  private volatile boolean stopped;
  private Dispatcher dispatcher;
  private DeliveryQueue queue;
  private DeliveryWorkers workers;
  private ScheduledExecutorService dispatchThread;
  private ScheduledExecutorService fanOutThread;
  private ScheduledExecutorService liveInbox;
  private final Thread shutdownHook = new Thread(this::drain, "herald-stopping");
  private TermSignal termSignal;
  private boolean drained;

  /**
   * Starts the background work. A start-up singleton rather than a CDI start-up observer: only here
   * does every server give library-jar beans their naming environment (persistence contexts,
   * datasources) this early.
   */
  @PostConstruct
  void start() {
    bootstrap.run();
    // Webhooks in use without the key that opens their secrets: refuse to start, naming it.
    webhookKey.run();
    if (!Settings.getBoolean(ENABLED, true)) {
      LOG.info(() -> "Background work is off (" + ENABLED + "=false): this node delivers nothing");
      return;
    }
    var clock = Clock.systemUTC();
    var lease = Settings.getMillis("herald.queue.lease-ms", 120_000);
    var deliveryMetrics = new DeliveryMetrics(metrics.registry());
    dispatcher =
        new Dispatcher(
            transactor,
            clock,
            lease,
            Settings.getInt("herald.dispatch.max-attempts", 10),
            Settings.getInt("herald.dispatch.chunk-size", 5_000),
            deliveryMetrics);
    var retry =
        new RetryPolicy(
            Settings.getMillis("herald.retry.base-ms", 1_000),
            Settings.getMillis("herald.retry.cap-ms", 300_000),
            Settings.getMillis("herald.retry.budget-ms", Duration.ofHours(24).toMillis()));
    queue = new DeliveryQueue(transactor, clock, node, lease, retry, deliveryMetrics);
    var live = providers.registry().live();
    workers =
        new DeliveryWorkers(
            queue,
            new BatchSender(Settings.getMillis("herald.queue.send-timeout-ms", 60_000)),
            lease,
            live,
            providers.registry().providerIds(),
            deliveryMetrics,
            Settings.getInt("herald.queue.batches-in-flight", 4),
            () -> stopped,
            this::guarded,
            ContainerExecutor.threads());
    var pollMillis = Settings.getInt("herald.queue.poll-ms", 100);
    // Dispatching has threads of its own, not the container's small shared scheduler: one for new
    // notifications' first chunks, one for broadcasts' later chunks, which keep it busy for as long
    // as their fan-out lasts. A notification to one member waits for neither.
    dispatchThread = Executors.newSingleThreadScheduledExecutor(ContainerExecutor.threads());
    fanOutThread = Executors.newSingleThreadScheduledExecutor(ContainerExecutor.threads());
    loops.add(
        dispatchThread.scheduleWithFixedDelay(
            () -> guarded(this::dispatch), pollMillis, pollMillis, TimeUnit.MILLISECONDS));
    loops.add(
        fanOutThread.scheduleWithFixedDelay(
            () -> guarded(this::fanOut), pollMillis, pollMillis, TimeUnit.MILLISECONDS));
    // The live inbox has a thread of its own too: live streams of one organization must not wait
    // for another's burst.
    liveInbox = Executors.newSingleThreadScheduledExecutor(ContainerExecutor.threads());
    var inboxPoll = Settings.getInt("herald.inbox.poll-ms", 250);
    loops.add(
        liveInbox.scheduleWithFixedDelay(
            () -> guarded(relay::poll), inboxPoll, inboxPoll, TimeUnit.MILLISECONDS));
    // Herald's own scheduler for the periodic rounds, not the container's managed one: once WildFly
    // suspends for shutdown it refuses every run of a managed scheduled task with a stack trace.
    housekeeping = Executors.newScheduledThreadPool(2, ContainerExecutor.threads());
    loops.add(every(5_000, queue::completeAll));
    loops.add(every(pollMillis, workers::poll));
    // Expired idempotency keys are gone for the API at once; their rows only take space.
    loops.add(every(600_000, () -> idempotentRequests.purgeExpired(Instant.now())));
    loops.add(every(60_000, sendLimits::purge));
    // On SIGTERM, refuse new requests at once and finish what is in flight (see stop()).
    if (Settings.getBoolean("herald.shutdown.trap-sigterm", true)) {
      termSignal = TermSignal.trap(this::drain);
    }
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    var channels = providers.registry().summary();
    LOG.info(() -> "Herald started on " + node + "; channels " + channels);
  }

  /**
   * What keeps this node's background work from running, or empty when it runs or is off by the
   * {@link #ENABLED} setting (a node that only takes requests is ready without it).
   */
  public Optional<String> backgroundProblem() {
    if (!Settings.getBoolean(ENABLED, true)) {
      return Optional.empty();
    }
    if (stopped) {
      return Optional.of("stopping");
    }
    if (loops.isEmpty()) {
      return Optional.of("not started");
    }
    return loops.stream().anyMatch(ScheduledFuture::isDone)
        ? Optional.of("a background loop has ended")
        : Optional.empty();
  }

  /**
   * Dispatches a notification as soon as the transaction that accepted it commits. Acceptances
   * while a round is waiting to start share it: a burst of requests is not a burst of rounds.
   */
  public void onAccepted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationAccepted event) {
    if (!stopped
        && dispatchThread != null
        && !event.startAt().isAfter(Instant.now())
        && dispatchWanted.compareAndSet(false, true)) {
      dispatchThread.execute(
          () -> {
            dispatchWanted.set(false);
            guarded(this::dispatch);
          });
    }
  }

  /** Leases due notifications and writes their first chunks until nothing more is due. */
  private void dispatch() {
    while (!stopped) {
      var dispatched = dispatcher.dispatchNew(DISPATCH_BATCH);
      if (dispatched.isEmpty()) {
        return;
      }
      published();
      if (dispatcher.holding()) {
        fanOutThread.execute(() -> guarded(this::fanOut));
      }
    }
  }

  /** Rounds of one chunk for every broadcast this node holds, until none is left. */
  private void fanOut() {
    while (!stopped && dispatcher.holding()) {
      if (!dispatcher.dispatchHeld(Set.of()).isEmpty()) {
        published();
      }
    }
  }

  /** Publishes a chunk's inbox items and sends its deliveries now rather than on the next poll. */
  private void published() {
    relay.poll();
    workers.poll();
  }

  private ScheduledFuture<?> every(long millis, Runnable task) {
    return housekeeping.scheduleWithFixedDelay(
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
   * meanwhile. Runs when the application is undeployed; on SIGTERM it has already run, from the
   * trapped signal before any shutdown hook (see {@link TermSignal}), or from a JVM shutdown hook
   * where the signal cannot be trapped.
   */
  @PreDestroy
  void stop() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running
    }
    if (termSignal != null) {
      termSignal.release();
    }
    drain();
  }

  /** Drains once; a second caller (the undeploy after a trapped SIGTERM) waits for the first. */
  private synchronized void drain() {
    if (drained) {
      return;
    }
    drained = true;
    Lifecycle.markStopping();
    stopped = true;
    loops.forEach(f -> f.cancel(false));
    if (workers == null) {
      return;
    }
    housekeeping.shutdown();
    try {
      // Each thread ends its chunk under way; then the broadcasts this node was fanning out go on
      // at once on another node (released after the last chunk that renewed their leases).
      dispatchThread.shutdown();
      dispatchThread.awaitTermination(5, TimeUnit.SECONDS);
      fanOutThread.submit(dispatcher::release).get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      LOG.log(Level.WARNING, "Releasing the notifications being fanned out failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    fanOutThread.shutdown();
    var grace = Settings.getMillis("herald.shutdown.grace-ms", 30_000);
    LOG.info(
        () ->
            "Herald on "
                + node
                + " is stopping: new requests get 503; finishing the batches in flight (up to "
                + grace.toSeconds()
                + " s)");
    var began = System.nanoTime();
    try {
      if (workers.drain(grace)) {
        LOG.info(
            () ->
                "Herald on "
                    + node
                    + " finished its work in flight in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)
                    + " ms");
      } else {
        LOG.warning(
            "Deliveries still in flight after the shutdown grace; their leases will expire and"
                + " another node retries them");
      }
      liveInbox.shutdown();
      fanOutThread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
