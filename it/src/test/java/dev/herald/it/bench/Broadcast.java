package dev.herald.it.bench;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The broadcast phase: one ORG notification to every member, with {@link HeadOfLine} sending beside
 * it until the last device has its push. Then the API is asked, every 250 ms, until none of the
 * notification's deliveries is pending: that is when Herald knows what the receivers already know.
 * It is not asked before, so that its counters (a GROUP BY over every delivery today) do not load
 * the database while the pushes are being sent.
 */
final class Broadcast {

  /**
   * What happened, as {@code System.nanoTime()} values.
   *
   * @param accepted when the 201 arrived
   * @param complete whether every device received the push before the timeout
   * @param terminal when the API first showed nothing pending; 0 if it did not in time
   * @param counters the notification's counters then, as the API showed them
   * @param cpu CPU seconds from just before the POST to {@code terminal}
   */
  record Result(
      long accepted, boolean complete, long terminal, JsonObject counters, ProcSampler.Cpu cpu) {}

  private Broadcast() {}

  static Result run(
      HeraldApi api,
      Arrivals arrivals,
      ProcSampler sampler,
      HeadOfLine headOfLine,
      Duration timeout,
      BooleanSupplier nodeAlive) {
    var before = sampler.snapshot();
    var deadline = System.nanoTime() + timeout.toNanos();
    var answer = api.sendNotification(HeraldApi.broadcast());
    var id = api.expect(201, answer).getString("notificationId");
    headOfLine.start();
    var complete = arrivals.awaitBroadcast(timeout, nodeAlive);
    headOfLine.stop();
    long terminal = 0;
    JsonObject counters = null;
    while (complete && System.nanoTime() < deadline) {
      var read = api.notification(id);
      counters = api.expect(200, read).getJsonObject("counters");
      if (counters != null && counters.getJsonNumber("pending").longValue() == 0) {
        terminal = read.nanos();
        break;
      }
      Pause.millis(250);
    }
    var cpu = sampler.snapshot().minus(before);
    return new Result(answer.nanos(), complete, terminal, counters, cpu);
  }
}
