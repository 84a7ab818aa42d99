package dev.herald.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream on a background thread into a queue of events. */
final class SseClient implements AutoCloseable {

  /** One event: its id, name and data. */
  record Event(String id, String name, String data) {}

  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);
  private final Stream<String> lines;
  private final Thread reader;

  SseClient(URI uri, String token, String lastEventId) throws Exception {
    var request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    var response =
        HttpClient.newHttpClient()
            .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
            .get(15, TimeUnit.SECONDS);
    if (response.statusCode() != 200) {
      throw new AssertionError("Stream answered " + response.statusCode());
    }
    lines = response.body();
    reader = new Thread(this::read, "sse-client");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    String id = null;
    String name = null;
    var data = new StringBuilder();
    try {
      for (var it = lines.iterator(); it.hasNext(); ) {
        var line = it.next();
        if (line.isEmpty()) {
          if (data.length() > 0) {
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (RuntimeException e) {
      // the stream was closed
    } finally {
      ended.countDown();
    }
  }

  /** Whether the stream has ended. */
  boolean ended() {
    return ended.getCount() == 0;
  }

  /** Whether the server ended the stream within the timeout. */
  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event if one arrives within the timeout, else {@code null}. */
  Event poll(Duration timeout) throws InterruptedException {
    return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next event, or an AssertionError after the timeout. */
  Event next(Duration timeout) throws InterruptedException {
    var event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("No event within " + timeout);
    }
    return event;
  }

  @Override
  public void close() {
    lines.close();
    reader.interrupt();
  }
}
