package dev.herald.api.inbox;

import dev.herald.api.common.JsonWriter;
import dev.herald.core.inbox.InboxFeed;
import dev.herald.core.inbox.InboxItem;
import dev.herald.core.inbox.InboxService;
import dev.herald.core.runtime.ContainerExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This node's open inbox streams. Each stream replays what its client missed, then receives new
 * items from the {@link InboxFeed}; a comment every 15 seconds keeps proxies from closing it and
 * finds streams whose client went away.
 */
@ApplicationScoped
public class InboxStreams {

  private static final Logger LOG = Logger.getLogger(InboxStreams.class.getName());
  private static final int REPLAY_MAX = 1_000;

  @Inject InboxFeed feed;
  @Inject InboxService inbox;

  private volatile ManagedScheduledExecutorService executor;

  private final Set<Stream> open = ConcurrentHashMap.newKeySet();
  private volatile ScheduledFuture<?> heartbeat;

  void open(UUID memberId, SseEventSink sink, Sse sse, Long lastEventId) {
    var stream = new Stream(sink, sse);
    open.add(stream);
    stream.subscription = feed.subscribe(memberId, stream::send);
    // A first comment sends the response headers: the client knows it is subscribed.
    stream.ping();
    if (lastEventId != null) {
      inbox.since(memberId, lastEventId, REPLAY_MAX).forEach(stream::send);
    }
    startHeartbeat();
  }

  private synchronized void startHeartbeat() {
    if (heartbeat == null) {
      executor = ContainerExecutor.get();
      heartbeat = executor.scheduleWithFixedDelay(this::beat, 15, 15, TimeUnit.SECONDS);
    }
  }

  private void beat() {
    open.forEach(Stream::ping);
  }

  /**
   * Stops feeding the streams when the application stops. The sinks themselves are left to the
   * container, which closes the connections: closing a sink here waits for its client, and RESTEasy
   * would wait for ever while the server shuts down.
   */
  @PreDestroy
  void stopAll() {
    if (heartbeat != null) {
      heartbeat.cancel(false);
    }
    open.forEach(Stream::unsubscribe);
    open.clear();
  }

  /** One client's stream; sends are serialised because sinks are not safe for concurrent use. */
  private final class Stream {
    private final SseEventSink sink;
    private final Sse sse;
    private final Set<Long> sent = ConcurrentHashMap.newKeySet();
    private volatile AutoCloseable subscription;

    Stream(SseEventSink sink, Sse sse) {
      this.sink = sink;
      this.sse = sse;
    }

    synchronized void send(InboxItem item) {
      if (sink.isClosed()) {
        close();
        return;
      }
      if (!sent.add(item.id())) {
        return;
      }
      if (sent.size() > 10_000) {
        sent.clear();
        sent.add(item.id());
      }
      var event =
          sse.newEventBuilder()
              .id(Long.toString(item.id()))
              .name("notification")
              .mediaType(MediaType.APPLICATION_JSON_TYPE)
              .data(String.class, JsonWriter.toJson(InboxItemResponse.of(item)))
              .build();
      sink.send(event)
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  close();
                }
              });
    }

    synchronized void ping() {
      if (sink.isClosed()) {
        close();
        return;
      }
      sink.send(sse.newEventBuilder().comment("keep-alive").build())
          .whenComplete(
              (ok, error) -> {
                if (error != null) {
                  close();
                }
              });
    }

    /** Called when the client is gone: a send failed or the sink reports itself closed. */
    void close() {
      unsubscribe();
      open.remove(this);
      try {
        if (!sink.isClosed()) {
          sink.close();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Closing an inbox stream failed", e);
      }
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
  }
}
