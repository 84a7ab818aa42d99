package dev.herald.core.delivery;

import dev.herald.core.config.Settings;
import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The delivery providers found on the class path, configured and chosen per channel. A channel
 * whose provider is not configured is disabled with one log line; its deliveries wait.
 */
public final class ProviderRegistry implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ProviderRegistry.class.getName());

  private final Map<String, DeliveryProvider> byChannel;
  private final Map<String, String> providerIds;
  private final Map<String, String> failedChannels;
  private final Set<String> unconfiguredChannels;

  private ProviderRegistry(
      Map<String, DeliveryProvider> byChannel,
      Map<String, String> providerIds,
      Map<String, String> failedChannels,
      Set<String> unconfiguredChannels) {
    this.byChannel = byChannel;
    this.providerIds = providerIds;
    this.failedChannels = failedChannels;
    this.unconfiguredChannels = unconfiguredChannels;
  }

  /** Finds the factories visible to the thread context class loader and creates the providers. */
  public static ProviderRegistry load() {
    var factories = new ArrayList<DeliveryProviderFactory>();
    ServiceLoader.load(
            DeliveryProviderFactory.class, Thread.currentThread().getContextClassLoader())
        .forEach(factories::add);
    return create(factories);
  }

  static ProviderRegistry create(List<DeliveryProviderFactory> factories) {
    if (factories.isEmpty()) {
      LOG.info("No delivery providers found: only the in-app channel delivers");
    }
    var channels = new LinkedHashMap<String, List<DeliveryProviderFactory>>();
    for (var factory : factories) {
      LOG.info(() -> "Found delivery provider " + factory.id() + " for " + factory.channels());
      factory
          .channels()
          .forEach(c -> channels.computeIfAbsent(c, k -> new ArrayList<>()).add(factory));
    }
    var created = new LinkedHashMap<String, DeliveryProvider>();
    var ids = new LinkedHashMap<String, String>();
    var failed = new LinkedHashMap<String, String>();
    var unconfigured = new TreeSet<String>();
    var byFactory = new LinkedHashMap<String, Attempt>();
    for (var entry : channels.entrySet()) {
      var channel = entry.getKey();
      var factory = choose(channel, entry.getValue());
      var attempt = byFactory.computeIfAbsent(factory.id(), id -> tryCreate(factory));
      if (attempt.provider() != null) {
        created.put(channel, attempt.provider());
        ids.put(channel, factory.id());
        LOG.info(() -> "Channel " + channel + " is live with provider " + factory.id());
      } else {
        LOG.warning(
            () ->
                "Channel "
                    + channel
                    + " is disabled: provider "
                    + factory.id()
                    + " "
                    + attempt.problem());
        if (attempt.configured()) {
          failed.put(channel, factory.id());
        } else {
          unconfigured.add(channel);
        }
      }
    }
    return new ProviderRegistry(created, ids, failed, unconfigured);
  }

  private static DeliveryProviderFactory choose(
      String channel, List<DeliveryProviderFactory> candidates) {
    var chosen = Settings.get("herald.channel." + channel + ".provider");
    if (chosen.isPresent()) {
      var match = candidates.stream().filter(f -> f.id().equals(chosen.get())).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
      LOG.warning(
          () -> "herald.channel." + channel + ".provider names unknown provider " + chosen.get());
    }
    return candidates.stream()
        .max(Comparator.comparingInt(DeliveryProviderFactory::order))
        .orElseThrow();
  }

  /**
   * A provider, or why there is none; {@code configured} when its settings were given, so that
   * failing to start is a fault rather than a channel left off.
   */
  private record Attempt(DeliveryProvider provider, String problem, boolean configured) {}

  private static Attempt tryCreate(DeliveryProviderFactory factory) {
    var config = configOf(factory);
    var missing =
        factory.configProperties().stream()
            .filter(p -> p.required() && p.defaultValue() == null && config.get(p.name()).isEmpty())
            .map(p -> "herald.provider." + factory.id() + "." + p.name())
            .toList();
    if (!missing.isEmpty()) {
      return new Attempt(null, "is not configured (set " + String.join(", ", missing) + ")", false);
    }
    try {
      return new Attempt(factory.create(config), null, true);
    } catch (RuntimeException e) {
      return new Attempt(null, "is misconfigured: " + e.getMessage(), true);
    }
  }

  /** A provider's settings: {@code herald.provider.<id>.<name>}, else the declared default. */
  static ProviderConfig configOf(DeliveryProviderFactory factory) {
    var defaults = new LinkedHashMap<String, String>();
    for (ConfigProperty p : factory.configProperties()) {
      if (p.defaultValue() != null) {
        defaults.put(p.name(), p.defaultValue());
      }
    }
    return name ->
        Settings.get("herald.provider." + factory.id() + "." + name)
            .or(() -> Optional.ofNullable(defaults.get(name)));
  }

  /** The live channels and their providers. */
  public Map<String, DeliveryProvider> live() {
    return Map.copyOf(byChannel);
  }

  /** The id of each live channel's provider ({@code apns}, {@code fcm}…), for the metrics. */
  public Map<String, String> providerIds() {
    return Map.copyOf(providerIds);
  }

  /**
   * One line on the channels for the start-up log: the live ones (in-app always), then those off
   * and why, e.g. {@code inapp, email live; ios, android off: not configured}.
   */
  public String summary() {
    var live = new TreeSet<>(byChannel.keySet());
    live.add("inapp");
    var text = new StringBuilder(String.join(", ", live)).append(" live");
    if (!unconfiguredChannels.isEmpty()) {
      text.append("; ")
          .append(String.join(", ", unconfiguredChannels))
          .append(" off: not configured");
    }
    if (!failedChannels.isEmpty()) {
      text.append("; ")
          .append(String.join(", ", failedChannels.keySet()))
          .append(" off: failed to start");
    }
    return text.toString();
  }

  /**
   * The channels whose provider has its settings but failed to start, with the provider's id: a
   * fault for readiness, unlike a channel whose provider was never configured.
   */
  public Map<String, String> failed() {
    return Map.copyOf(failedChannels);
  }

  @Override
  public void close() {
    byChannel.values().stream()
        .distinct()
        .forEach(
            p -> {
              try {
                p.close();
              } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing a provider failed", e);
              }
            });
  }
}
