package dev.herald.testing;

import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The kit's provider, {@code recording}: takes the iOS, Android and e-mail channels from the real
 * providers (a higher {@link #order()}) without any setting, so that a test deployment needs none.
 * {@code herald.channel.<channel>.provider} gives a channel back to a real provider.
 */
public class RecordingProviderFactory implements DeliveryProviderFactory {

  private static final Logger LOG = Logger.getLogger(RecordingProviderFactory.class.getName());

  @Override
  public String id() {
    return "recording";
  }

  @Override
  public Set<String> channels() {
    return Set.of("ios", "android", "email");
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of();
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    LOG.warning(
        "Herald's test kit is deployed: deliveries are recorded in memory, not sent, and"
            + " /herald-testing/deliveries shows them to anyone. Test deployments only.");
    return new RecordingProvider(Recorder.SHARED, Clock.systemUTC());
  }

  /** Above the real providers (order 0), so that deploying the kit is all a test needs. */
  @Override
  public int order() {
    return 1_000;
  }
}
