package dev.herald.core.config;

import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The application's MicroProfile Config, where the server has one. Looked up once, for Herald's own
 * class loader rather than the calling thread's: settings are also read on Herald's own threads.
 */
final class MicroProfileConfig {

  private static final Logger LOG = Logger.getLogger(MicroProfileConfig.class.getName());

  private static volatile Optional<Config> config;

  private MicroProfileConfig() {}

  static Optional<String> value(String key) {
    return config().flatMap(c -> c.getOptionalValue(key, String.class));
  }

  private static Optional<Config> config() {
    var found = config;
    if (found != null) {
      return found;
    }
    try {
      found = Optional.of(ConfigProvider.getConfig(MicroProfileConfig.class.getClassLoader()));
    } catch (LinkageError e) {
      // No MicroProfile Config on this server: the environment only, for good.
      LOG.fine(() -> "No MicroProfile Config API: " + e);
      found = Optional.empty();
    } catch (RuntimeException e) {
      // No implementation, or none for this application yet: ask again next time.
      LOG.fine(() -> "No MicroProfile Config: " + e);
      return Optional.empty();
    }
    config = found;
    return found;
  }
}
