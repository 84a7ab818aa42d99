package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.config.Settings;
import dev.herald.spi.DeliveryProviderFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * The README's table of provider settings is generated from the providers bundled in the WAR, so it
 * cannot drift from the code. Run with {@code -Dherald.readme.write=true} to regenerate it.
 */
class ProviderSettingsTableTest {

  private static final String START = "<!-- provider-settings:start -->";
  private static final String END = "<!-- provider-settings:end -->";

  @Test
  void theReadmeListsEverySettingOfEveryBundledProvider() throws IOException {
    var readme = Path.of("..", "README.md");
    var text = Files.readString(readme, StandardCharsets.UTF_8);
    var start = text.indexOf(START);
    var end = text.indexOf(END);
    assertThat(start).as("README has the provider settings markers").isPositive();
    var updated = text.substring(0, start + START.length()) + "\n" + table() + text.substring(end);
    if (Boolean.getBoolean("herald.readme.write")) {
      Files.writeString(readme, updated, StandardCharsets.UTF_8);
      text = updated;
    }
    assertThat(text)
        .as("README provider table is current; regenerate with -Dherald.readme.write=true")
        .isEqualTo(updated);
  }

  static String table() {
    var factories = new ArrayList<DeliveryProviderFactory>();
    ServiceLoader.load(DeliveryProviderFactory.class).forEach(factories::add);
    factories.sort(Comparator.comparing(DeliveryProviderFactory::id));
    var table =
        new StringBuilder(
            "| Provider (channels) | Setting | Environment variable | Required | Default | Meaning |\n");
    table.append("|---|---|---|---|---|---|\n");
    for (var factory : factories) {
      var channels = String.join(", ", factory.channels().stream().sorted().toList());
      for (var p : factory.configProperties()) {
        var key = "herald.provider." + factory.id() + "." + p.name();
        table
            .append("| `")
            .append(factory.id())
            .append("` (")
            .append(channels)
            .append(") | `")
            .append(key)
            .append("` | `")
            .append(Settings.environmentName(key))
            .append("` | ")
            .append(p.required() ? "yes" : "")
            .append(" | ")
            .append(
                p.defaultValue() == null || p.defaultValue().isEmpty()
                    ? ""
                    : "`" + p.defaultValue() + "`")
            .append(" | ")
            .append(p.help().replace("|", "\\|"))
            .append(p.secret() ? " (secret)" : "")
            .append(" |\n");
      }
    }
    return table.toString();
  }
}
