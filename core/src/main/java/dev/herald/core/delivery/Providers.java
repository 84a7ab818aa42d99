package dev.herald.core.delivery;

import dev.herald.core.notification.Channels;
import dev.herald.core.notification.ProviderChannels;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.TreeSet;

/** This application's delivery providers, found and configured once, on first use. */
@ApplicationScoped
public class Providers implements ProviderChannels {

  private ProviderRegistry registry;

  /** The registry; loading it logs which providers were found and which channels are live. */
  public synchronized ProviderRegistry registry() {
    if (registry == null) {
      registry = ProviderRegistry.load();
    }
    return registry;
  }

  /**
   * The channels a sender may name besides the built-in ones: those of providers that serve neither
   * push (routed by platform) nor e-mail.
   */
  @Override
  public Set<String> customChannels() {
    var custom = new TreeSet<>(registry().live().keySet());
    custom.removeAll(Channels.PUSH_ROUTES);
    custom.removeAll(Channels.BUILT_IN);
    return custom;
  }

  @PreDestroy
  synchronized void close() {
    if (registry != null) {
      registry.close();
    }
  }
}
