package dev.herald.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the recording provider received, for the whole application: the provider is created by
 * Herald through {@link java.util.ServiceLoader} and the tests reach it through {@link
 * Deliveries#recorded()}, so the one place both can find is a static one.
 */
final class Recorder {

  static final Recorder SHARED = new Recorder();

  private final List<RecordedDelivery> deliveries = new CopyOnWriteArrayList<>();

  void add(RecordedDelivery delivery) {
    deliveries.add(delivery);
  }

  List<RecordedDelivery> all() {
    return List.copyOf(deliveries);
  }

  void clear() {
    deliveries.clear();
  }
}
