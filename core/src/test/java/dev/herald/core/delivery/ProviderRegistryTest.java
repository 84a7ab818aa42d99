package dev.herald.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.ProviderConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

  @AfterEach
  void clearSettings() {
    System.clearProperty("herald.provider.a.key");
    System.clearProperty("herald.provider.b.key");
    System.clearProperty("herald.channel.sms.provider");
  }

  @Test
  void anUnconfiguredProviderLeavesItsChannelDisabled() {
    var registry = ProviderRegistry.create(List.of(new Factory("a", 1, "sms")));
    assertThat(registry.live()).isEmpty();
    System.setProperty("herald.provider.a.key", "secret");
    assertThat(ProviderRegistry.create(List.of(new Factory("a", 1, "sms"))).live())
        .containsKey("sms");
  }

  @Test
  void theHigherOrderWinsUnlessASettingPicks() {
    System.setProperty("herald.provider.a.key", "x");
    System.setProperty("herald.provider.b.key", "x");
    var factories =
        List.<DeliveryProviderFactory>of(new Factory("a", 1, "sms"), new Factory("b", 2, "sms"));
    assertThat(((Provider) ProviderRegistry.create(factories).live().get("sms")).id).isEqualTo("b");
    System.setProperty("herald.channel.sms.provider", "a");
    assertThat(((Provider) ProviderRegistry.create(factories).live().get("sms")).id).isEqualTo("a");
  }

  @Test
  void aProviderThatRefusesItsConfigurationIsDisabledAndCountsAsFailed() {
    System.setProperty("herald.provider.a.key", "bad");
    var registry = ProviderRegistry.create(List.of(new Factory("a", 1, "sms")));
    assertThat(registry.live()).isEmpty();
    assertThat(registry.failed()).containsExactly(java.util.Map.entry("sms", "a"));
  }

  @Test
  void aProviderLeftUnconfiguredHasNotFailed() {
    var registry = ProviderRegistry.create(List.of(new Factory("a", 1, "sms")));
    assertThat(registry.failed()).isEmpty();
    assertThat(registry.summary()).isEqualTo("inapp live; sms off: not configured");
  }

  @Test
  void theSummaryNamesLiveAndFailedChannels() {
    System.setProperty("herald.provider.a.key", "x");
    System.setProperty("herald.provider.b.key", "bad");
    var registry =
        ProviderRegistry.create(List.of(new Factory("a", 1, "sms"), new Factory("b", 1, "fax")));
    assertThat(registry.summary()).isEqualTo("inapp, sms live; fax off: failed to start");
  }

  private record Factory(String id, int order, String channel) implements DeliveryProviderFactory {
    @Override
    public Set<String> channels() {
      return Set.of(channel);
    }

    @Override
    public List<ConfigProperty> configProperties() {
      return List.of(new ConfigProperty("key", true, true, null, "A key"));
    }

    @Override
    public DeliveryProvider create(ProviderConfig config) {
      if (config.require("key").equals("bad")) {
        throw new IllegalArgumentException("key is bad");
      }
      return new Provider(id);
    }
  }

  private record Provider(String id) implements DeliveryProvider {
    @Override
    public int maxBatchSize() {
      return 1;
    }

    @Override
    public CompletionStage<List<DeliveryResult>> send(List<dev.herald.spi.Delivery> batch) {
      return CompletableFuture.completedFuture(List.of());
    }
  }
}
