package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The switches an application that embeds Herald turns off: {@code herald.bootstrap.enabled},
 * {@code herald.runtime.enabled} and {@code herald.migrations.enabled}, and the metrics' {@code
 * herald.metrics.enabled}. Herald starts three times on the same database: with the bootstrap off,
 * with the background work, the migrations and the metrics off (the schema is current by then), and
 * with all on.
 */
class SwitchesIT {

  private static final Path DIR = Path.of("target/switches").toAbsolutePath();
  private static final String ORGANIZATIONS = "/v2.0/tool/organizations";

  @Test
  void offHeraldCreatesNoTokenAndDeliversNothingUntilANodeWithThemOnStarts() throws Exception {
    StandaloneHerald.prepare(DIR);
    var secret = "switches-" + UUID.randomUUID();

    try (var herald = start(secret, "no-bootstrap", "-Dherald.bootstrap.enabled=false")) {
      // With the bootstrap on, this secret would be a system administrator's token now.
      assertThat(herald.api(secret).get(ORGANIZATIONS).status()).isEqualTo(401);
      assertThat(herald.log()).contains("Bootstrap is off");
    }

    Organization org;
    String id;
    try (var herald =
        start(
            secret,
            "no-runtime",
            "-Dherald.runtime.enabled=false",
            "-Dherald.migrations.enabled=false",
            "-Dherald.metrics.enabled=false")) {
      org = Organization.create(herald.api(secret), "switches");
      org.member("ann@switches.example");
      id =
          org.send(
                  org.admin,
                  """
                  {"content": {"title": "Held", "text": "x"}, "scope": "USR",
                   "emails": ["ann@switches.example"], "channels": ["inapp"]}
                  """)
              .getString("notificationId");
      // A node with its background work on dispatches at once (and polls every 100 ms).
      Thread.sleep(3_000);
      assertThat(state(org, id)).isEqualTo("QUEUED");
      assertThat(herald.log()).contains("Background work is off", "Herald's migrations are off");
      var metrics = herald.api(null).get("/v2.0/metrics");
      assertThat(metrics.status()).isEqualTo(404);
      assertThat(metrics.json().getString("message")).contains("herald.metrics.enabled=false");
    }

    try (var herald = start(secret, "both-on")) {
      var same = org.through(herald.api(secret));
      Eventually.await(
          "the held notification to be delivered",
          Duration.ofSeconds(60),
          () -> state(same, id),
          "COMPLETED"::equals);
      assertThat(herald.api(null).get("/v2.0/metrics").body())
          .contains("herald_deliveries_total{channel=\"inapp\",outcome=\"delivered\"} 1.0");
    }
  }

  private static String state(Organization org, String id) {
    return org.admin.get(org.path + "/notifications/" + id).json().getString("state");
  }

  private static StandaloneHerald start(String bootstrapToken, String name, String... settings)
      throws Exception {
    var all = new ArrayList<String>(List.of("-Dherald.bootstrap.token=" + bootstrapToken));
    all.addAll(List.of(settings));
    return StandaloneHerald.start(DIR, name, all);
  }
}
