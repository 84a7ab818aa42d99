package dev.herald.it.example;

import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import java.net.URI;
import java.util.List;
import java.util.Set;

/** A channel {@code webhook} that posts every delivery to one URL. */
public class WebhookProviderFactory implements DeliveryProviderFactory {

  @Override
  public String id() {
    return "webhook";
  }

  @Override
  public Set<String> channels() {
    return Set.of("webhook");
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        new ConfigProperty("url", true, false, null, "Where each delivery is posted as JSON."),
        new ConfigProperty("max-in-flight", false, false, "64", "Posts under way at once."));
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    var url = URI.create(config.require("url"));
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("url must be an http or https URL: " + url);
    }
    return new WebhookProvider(url, Integer.parseInt(config.get("max-in-flight").orElse("64")));
  }
}
