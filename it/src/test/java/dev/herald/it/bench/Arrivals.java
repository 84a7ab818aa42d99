package dev.herald.it.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Every push the mock servers receive, counted where it lands. The title says which phase sent it
 * ({@link #BROADCAST}, {@link #CEILING}, {@link #HOL} followed by a sequence number, {@link #API});
 * the token says which device. Broadcast pushes are counted per device, so that a lost or repeated
 * one is seen; the others only per phase and platform.
 */
final class Arrivals {

  static final String BROADCAST = "Bench broadcast";
  static final String CEILING = "Bench ceiling";
  static final String HOL = "Bench hol ";
  static final String API = "Bench api";

  enum Platform {
    IOS,
    ANDROID
  }

  enum Phase {
    BROADCAST,
    CEILING,
    HOL,
    API,
    OTHER
  }

  private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]*)\"");

  /** When pushes of one phase reached one platform: how many, the first and the last. */
  static final class Tally {
    private final LongAdder received = new LongAdder();
    private final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    private void add(long nanos) {
      received.increment();
      first.accumulateAndGet(nanos, Math::min);
      last.accumulateAndGet(nanos, Math::max);
    }

    long received() {
      return received.sum();
    }

    /** {@code System.nanoTime()} of the first arrival; {@code Long.MAX_VALUE} before it. */
    long first() {
      return first.get();
    }

    long last() {
      return last.get();
    }
  }

  private final Devices devices;
  private final AtomicIntegerArray broadcastPerDevice;
  private final AtomicLongArray broadcastFirstAt;
  private final ConcurrentLinkedQueue<Repeat> repeats = new ConcurrentLinkedQueue<>();
  private final Map<Platform, AtomicInteger> broadcastDistinct = new EnumMap<>(Platform.class);
  private final Map<Platform, AtomicLong> broadcastCompleteAt = new EnumMap<>(Platform.class);
  private final Map<Platform, Map<Phase, Tally>> tallies = new EnumMap<>(Platform.class);
  private final Map<Integer, Long> holArrivals = new ConcurrentHashMap<>();

  Arrivals(Devices devices) {
    this.devices = devices;
    this.broadcastPerDevice = new AtomicIntegerArray(devices.count());
    this.broadcastFirstAt = new AtomicLongArray(devices.count());
    for (var platform : Platform.values()) {
      broadcastDistinct.put(platform, new AtomicInteger());
      broadcastCompleteAt.put(platform, new AtomicLong());
      var byPhase = new EnumMap<Phase, Tally>(Phase.class);
      for (var phase : Phase.values()) {
        byPhase.put(phase, new Tally());
      }
      tallies.put(platform, byPhase);
    }
  }

  /** A push received by a mock server: its platform, device index (-1: unknown) and body. */
  void received(Platform platform, int index, String body, long nanos) {
    var matcher = TITLE.matcher(body);
    var title = matcher.find() ? matcher.group(1) : "";
    var phase = phaseOf(title);
    tallies.get(platform).get(phase).add(nanos);
    if (phase == Phase.BROADCAST && index >= 0 && index < devices.count()) {
      var copies = broadcastPerDevice.incrementAndGet(index);
      if (copies == 1) {
        broadcastFirstAt.set(index, nanos);
        if (broadcastDistinct.get(platform).incrementAndGet() == expected(platform)) {
          broadcastCompleteAt.get(platform).set(nanos);
        }
      } else {
        repeats.add(new Repeat(platform, broadcastFirstAt.get(index), nanos));
      }
    } else if (phase == Phase.HOL) {
      holArrivals.putIfAbsent(Integer.parseInt(title.substring(HOL.length())), nanos);
    }
  }

  private static Phase phaseOf(String title) {
    if (title.equals(BROADCAST)) {
      return Phase.BROADCAST;
    }
    if (title.equals(CEILING)) {
      return Phase.CEILING;
    }
    if (title.equals(API)) {
      return Phase.API;
    }
    return title.matches(HOL + "\\d+") ? Phase.HOL : Phase.OTHER;
  }

  Tally tally(Platform platform, Phase phase) {
    return tallies.get(platform).get(phase);
  }

  long received(Phase phase) {
    return tally(Platform.IOS, phase).received() + tally(Platform.ANDROID, phase).received();
  }

  int expected(Platform platform) {
    return platform == Platform.IOS ? devices.iosCount() : devices.androidCount();
  }

  /** Devices that received the broadcast at least once. */
  int broadcastDistinct(Platform platform) {
    return broadcastDistinct.get(platform).get();
  }

  /** When the last device of a platform got its first broadcast push; 0 while some wait. */
  long broadcastCompleteAt(Platform platform) {
    return broadcastCompleteAt.get(platform).get();
  }

  boolean broadcastComplete() {
    return broadcastDistinct(Platform.IOS) == expected(Platform.IOS)
        && broadcastDistinct(Platform.ANDROID) == expected(Platform.ANDROID);
  }

  /**
   * Waits until every device has the broadcast, or {@code timeout}, or until {@code sender} is no
   * longer alive (a node that died delivers nothing more); says whether every device has it.
   */
  boolean awaitBroadcast(Duration timeout, BooleanSupplier sender) {
    var deadline = System.nanoTime() + timeout.toNanos();
    while (!broadcastComplete() && System.nanoTime() < deadline && sender.getAsBoolean()) {
      Pause.millis(20);
    }
    return broadcastComplete();
  }

  /** Broadcast pushes beyond the first per device. */
  long broadcastDuplicates() {
    return received(Phase.BROADCAST)
        - broadcastDistinct(Platform.IOS)
        - broadcastDistinct(Platform.ANDROID);
  }

  /**
   * A broadcast push that reached a device again: when its first copy arrived and when this one did
   * ({@code System.nanoTime()}). The first copy is 0 when the second overtook it being recorded.
   */
  record Repeat(Platform platform, long first, long again) {}

  /** Every repeated broadcast push, in no particular order. */
  List<Repeat> repeats() {
    return List.copyOf(repeats);
  }

  /** When the head-of-line notification {@code sequence} reached its provider, if it did. */
  Long holArrival(int sequence) {
    return holArrivals.get(sequence);
  }
}
