package dev.herald.api.inbox;

import dev.herald.api.common.JsonWriter;
import dev.herald.core.config.Settings;
import dev.herald.core.inbox.InboxFeed;
import dev.herald.core.inbox.InboxItem;
import dev.herald.core.inbox.InboxService;
import dev.herald.core.inbox.LateCommits;
import dev.herald.core.inbox.RecentItem;
import dev.herald.core.inbox.StreamTokens;
import dev.herald.core.runtime.ContainerExecutor;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * This node's open inbox streams (ADR 0007). Each stream replays what its client missed, then
 * receives new items from the {@link InboxFeed}. Every few seconds one query finds the streams
 * whose token was revoked, expired or lost its member, on whichever node that happened, and ends
 * them; a token may hold a few streams on a node, and opening one more ends its oldest. A comment
 * every 15 seconds keeps proxies from closing a stream and finds streams whose client went away.
 *
 * <p>Events are written on threads of their own, never on the thread that publishes them: a client
 * that stops reading blocks the write to it once the connection's buffers are full, and the relay
 * publishes to every stream of the node from the dispatcher's thread too. Such a client's live
 * events wait in memory, so a stream whose unwritten live events pass {@code
 * herald.inbox.max-unsent-kib} is ended; its client resumes with {@code Last-Event-ID}.
 */
@ApplicationScoped
public class InboxStreams {

  private static final Logger LOG = Logger.getLogger(InboxStreams.class.getName());
  private static final int REPLAY_MAX = 1_000;
  private static final long HEARTBEAT_MILLIS = 15_000;

  @Inject InboxFeed feed;
  @Inject InboxService inbox;
  @Inject StreamTokens tokens;

  private final int maxPerToken = Settings.getInt("herald.inbox.max-streams-per-token", 5);
  private final long maxUnsentBytes =
      Settings.getInt("herald.inbox.max-unsent-kib", 4_096) * 1_024L;
  private final long checkMillis =
      Settings.getMillis("herald.inbox.token-check-ms", 2_000).toMillis();

  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong opened = new AtomicLong();
  private final List<ScheduledFuture<?>> background = new ArrayList<>();
  private ScheduledExecutorService upkeep;
  private ExecutorService writers;

  @PostConstruct
  void startWriters() {
    // As many threads as streams blocked on their clients at once, each until its write fails.
    writers = Executors.newCachedThreadPool(ContainerExecutor.threads());
  }

  /**
   * Runs a write or a close on a writer thread; once stopping, leaves the sink to the container.
   */
  private void onWriter(Runnable task) {
    try {
      writers.execute(task);
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "Inbox streams are stopping; a write was dropped", e);
    }
  }

  /**
   * Opens a stream for the member a token acts for. Items already visible are not new to it; with
   * {@code lastEventId} it first replays what the client missed.
   */
  void open(UUID tokenId, UUID memberId, SseEventSink sink, Sse sse, Long lastEventId) {
    var stream = new Stream(tokenId, memberId, sink, sse, opened.incrementAndGet());
    var oldest = register(stream);
    if (oldest != null) {
      oldest.end(
          "This token opened more than "
              + maxPerToken
              + " streams on this server; its oldest stream was closed");
    }
    try {
      stream.attach(feed.subscribe(memberId, stream::offer));
      var visible = inbox.visibleAtOpen(memberId);
      var replay =
          lastEventId == null
              ? List.<InboxItem>of()
              : inbox.since(memberId, lastEventId, REPLAY_MAX);
      stream.start(visible, replay);
    } catch (RuntimeException e) {
      stream.discard();
      throw e;
    }
    startBackground();
  }

  /** Adds the stream and returns the token's oldest stream if the token now holds too many. */
  private synchronized Stream register(Stream stream) {
    open.add(stream);
    if (stream.tokenId == null) {
      return null;
    }
    var same =
        open.stream()
            .filter(s -> stream.tokenId.equals(s.tokenId))
            .sorted(Comparator.comparingLong(s -> s.number))
            .toList();
    return same.size() > maxPerToken ? same.get(0) : null;
  }

  private synchronized void startBackground() {
    if (background.isEmpty()) {
      // Its own scheduler, not the container's: WildFly refuses managed scheduled tasks with a
      // stack trace once it suspends for shutdown.
      upkeep = Executors.newSingleThreadScheduledExecutor(ContainerExecutor.threads());
      background.add(
          upkeep.scheduleWithFixedDelay(
              () -> guarded(this::beat),
              HEARTBEAT_MILLIS,
              HEARTBEAT_MILLIS,
              TimeUnit.MILLISECONDS));
      background.add(
          upkeep.scheduleWithFixedDelay(
              () -> guarded(this::checkTokens), checkMillis, checkMillis, TimeUnit.MILLISECONDS));
    }
  }

  /** A task that throws is never run again by the scheduler: log and go on. */
  private static void guarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Inbox stream upkeep failed; retrying on the next round", e);
    }
  }

  private void beat() {
    open.forEach(Stream::ping);
  }

  /** Ends the streams whose token may no longer be used: one query for all of them. */
  void checkTokens() {
    var ids =
        open.stream().map(s -> s.tokenId).filter(Objects::nonNull).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return;
    }
    var usable = tokens.usable(ids);
    open.stream()
        .filter(s -> s.tokenId != null && !usable.contains(s.tokenId))
        .forEach(s -> s.end("Unauthorized"));
  }

  /**
   * Stops feeding the streams when the application stops. The sinks themselves are left to the
   * container, which closes the connections: closing a sink here waits for its client, and RESTEasy
   * would wait for ever while the server shuts down.
   */
  @PreDestroy
  synchronized void stopAll() {
    background.forEach(f -> f.cancel(false));
    background.clear();
    if (upkeep != null) {
      upkeep.shutdown();
    }
    open.forEach(Stream::unsubscribe);
    open.clear();
    writers.shutdownNow();
  }

  /**
   * One client's stream. Sends are serialised because sinks are not safe for concurrent use. Live
   * items that arrive while the stream opens are held until the replay is out, so the client sees
   * ids in order; each item is sent once.
   */
  private final class Stream {
    final UUID tokenId;
    final long number;
    private final UUID memberId;
    private final SseEventSink sink;
    private final Sse sse;

    /** Items sent or known to the client already, with their dispatch time, for de-duplication. */
    private final Map<Long, Instant> sent = new HashMap<>();

    /** Live items that arrived while opening; {@code null} once the stream has started. */
    private List<InboxItem> held = new ArrayList<>();

    private boolean ended;
    private volatile AutoCloseable subscription;

    /** Characters of live events handed to {@link #write} and not written yet. */
    private final AtomicLong unsent = new AtomicLong();

    /** The last write: each event is sent when the one before it is written. */
    private CompletionStage<?> writes = CompletableFuture.completedFuture(null);

    Stream(UUID tokenId, UUID memberId, SseEventSink sink, Sse sse, long number) {
      this.tokenId = tokenId;
      this.memberId = memberId;
      this.sink = sink;
      this.sse = sse;
      this.number = number;
    }

    /** Keeps the feed subscription, or drops it at once if the stream ended meanwhile. */
    synchronized void attach(AutoCloseable feedSubscription) {
      subscription = feedSubscription;
      if (ended) {
        unsubscribe();
      }
    }

    synchronized void offer(InboxItem item) {
      if (ended) {
        return;
      }
      if (held != null) {
        held.add(item);
      } else {
        send(item);
      }
    }

    /** Sends the headers, the replay, then what arrived meanwhile that the client cannot have. */
    synchronized void start(List<RecentItem> visible, List<InboxItem> replay) {
      if (ended) {
        held = null;
        return;
      }
      // A first comment sends the response headers: the client knows it is subscribed. It is
      // written here, on the request's thread: RESTEasy answers 204 and closes the sink of a
      // resource method that returns before anything was sent.
      writes = sink.send(sse.newEventBuilder().comment("ready").build());
      writes.whenComplete(this::failed);
      replay.forEach(this::send);
      visible.forEach(r -> sent.putIfAbsent(r.id(), r.createdAt()));
      var arrived = held;
      held = null;
      arrived.sort(Comparator.comparingLong(InboxItem::id));
      arrived.forEach(this::send);
    }

    private void send(InboxItem item) {
      if (ended || sent.putIfAbsent(item.id(), item.createdAt()) != null) {
        return;
      }
      if (sink.isClosed()) {
        end(null);
        return;
      }
      var data = JsonWriter.toJson(InboxItemResponse.of(item));
      var event =
          sse.newEventBuilder()
              .id(Long.toString(item.id()))
              .name("notification")
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(String.class, data)
              .build();
      if (held != null) {
        // the replay: at most REPLAY_MAX items, written as fast as the client reads them
        write(event, 0);
        return;
      }
      write(event, data.length());
      if (unsent.get() > maxUnsentBytes) {
        end(
            "This stream fell more than "
                + maxUnsentBytes / 1_024
                + " KiB of events behind; resume it with Last-Event-ID");
      }
    }

    /**
     * Sends an event on a writer thread once the previous one is written. RESTEasy on WildFly lost
     * a stream when events were sent while an earlier write was still pending (a burst of 1,500
     * items ended it at 1,326).
     */
    private void write(OutboundSseEvent event, long size) {
      unsent.addAndGet(size);
      writes = writes.thenComposeAsync(written -> sink.send(event), InboxStreams.this::onWriter);
      writes.whenComplete(
          (written, error) -> {
            unsent.addAndGet(-size);
            failed(written, error);
          });
    }

    synchronized void ping() {
      if (ended || held != null) {
        return;
      }
      if (sink.isClosed()) {
        end(null);
        return;
      }
      // The relay publishes an item once, and only within the late-commit window: an entry older
      // than twice the window can no longer come back.
      var forget = Instant.now().minus(LateCommits.window().multipliedBy(2));
      sent.values().removeIf(at -> at.isBefore(forget));
      comment("keep-alive");
    }

    private void comment(String text) {
      write(sse.newEventBuilder().comment(text).build(), 0);
    }

    private void failed(Object ignored, Throwable error) {
      if (error != null) {
        end(null);
      }
    }

    /**
     * Ends the stream: the client went away ({@code reason} null), or the server ends it and says
     * why in a last {@code event: closed}.
     */
    synchronized void end(String reason) {
      if (ended) {
        return;
      }
      ended = true;
      unsubscribe();
      open.remove(this);
      var last = writes;
      if (reason != null) {
        var closed =
            sse.newEventBuilder()
                .name("closed")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, JsonWriter.toJson(Map.of("message", reason)))
                .build();
        last = last.thenComposeAsync(written -> sink.send(closed), InboxStreams.this::onWriter);
      }
      // Closing writes the response's end, which waits for a client that stopped reading too.
      last.whenCompleteAsync((written, error) -> close(), InboxStreams.this::onWriter);
    }

    private void close() {
      try {
        if (!sink.isClosed()) {
          sink.close();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Closing an inbox stream failed", e);
      }
    }

    /** Forgets a stream that failed to open; its request answers with the error. */
    synchronized void discard() {
      ended = true;
      unsubscribe();
      open.remove(this);
    }

    void unsubscribe() {
      try {
        if (subscription != null) {
          subscription.close();
        }
      } catch (Exception e) {
        LOG.log(Level.FINE, "Unsubscribing an inbox stream failed", e);
      }
    }

    @Override
    public String toString() {
      return "stream " + number + " of member " + memberId;
    }
  }
}
