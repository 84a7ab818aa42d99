package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server key of webhook secrets ({@code herald.webhooks.secret-key}, ADR 0015): without it,
 * creating a webhook is a 503 naming the setting; once webhooks exist, Herald refuses to start
 * without the key, or with another one, and says why at SEVERE. Herald runs here in Payara Micro
 * processes of this test's own, on a database of its own.
 */
@SameOnEveryDatabase
class WebhookKeyIT {

  private static final Path DIR = Path.of("target/webhook-key").toAbsolutePath();
  private static final String TOKEN = "webhook-key-token";
  private static final String WEBHOOKS = "/v2.0/tool/organizations/default/webhooks";
  private static final String NO_KEY = "-Dherald.webhooks.secret-key=";

  @Test
  void withoutTheKeyWebhooksAreRefusedAndOnceTheyExistHeraldDoesNotStart() throws Exception {
    StandaloneHerald.prepare(DIR);
    try (var herald = start("no-key", NO_KEY)) {
      var refused = herald.api(TOKEN).post(WEBHOOKS, "{}");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
      assertThat(refused.json().getString("message"))
          .contains("herald.webhooks.secret-key")
          .contains("HERALD_WEBHOOKS_SECRET_KEY");
      assertThat(herald.log())
          .contains("Inbound webhooks are off until herald.webhooks.secret-key");
    }
    try (var herald = start("key")) {
      assertThat(herald.api(TOKEN).post(WEBHOOKS, "{}").status()).isEqualTo(201);
    }
    refusedToStart("no-key-again", NO_KEY, "Inbound webhooks need the setting");
    var another = Base64.getEncoder().encodeToString(new byte[32]);
    refusedToStart(
        "another-key",
        "-Dherald.webhooks.secret-key=" + another,
        "does not open the secrets of this database's webhooks");
    // with its own key it starts again, and its webhook is there
    try (var herald = start("key-again")) {
      assertThat(herald.api(TOKEN).get(WEBHOOKS).items()).hasSize(1);
    }
  }

  private static void refusedToStart(String name, String setting, String reason) throws Exception {
    try (var herald = StandaloneHerald.launch(DIR, name, settings(setting))) {
      var line =
          Eventually.await(
              "Herald to refuse to start (" + name + ")",
              Duration.ofSeconds(300),
              () ->
                  log(herald).lines().filter(l -> l.contains("Herald does not start")).findFirst(),
              java.util.Optional::isPresent);
      assertThat(line.get())
          .contains("SEVERE")
          .contains("herald.webhooks.secret-key")
          .contains(reason);
    }
  }

  private static String log(StandaloneHerald herald) {
    try {
      return herald.log();
    } catch (java.io.IOException e) {
      return ""; // not written yet
    }
  }

  private static StandaloneHerald start(String name, String... settings) throws Exception {
    return StandaloneHerald.start(DIR, name, settings(settings));
  }

  private static List<String> settings(String... extra) {
    var all = new java.util.ArrayList<>(List.of("-Dherald.bootstrap.token=" + TOKEN));
    all.addAll(List.of(extra));
    return all;
  }
}
