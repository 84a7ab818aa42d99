package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator who lost every system administrator's secret gets back in by restarting Herald with
 * {@code HERALD_BOOTSTRAP_TOKEN} set, keeping all data. Herald runs here in a Payara Micro process
 * of this test's own, on a database of its own, started twice.
 */
@SameOnEveryDatabase
class BootstrapRecoveryIT {

  private static final Path DIR = Path.of("target/bootstrap-recovery").toAbsolutePath();
  private static final String ORGANIZATIONS = "/v2.0/tool/organizations";

  @Test
  void restartingWithTheSettingInstallsItAsASystemAdministratorAgain() throws Exception {
    StandaloneHerald.prepare(DIR);
    var secret = "recovery-" + UUID.randomUUID();

    try (var herald = start(secret, "first")) {
      var bootstrap = herald.api(secret);
      assertThat(bootstrap.get(ORGANIZATIONS).status()).isEqualTo(200);
      var kept = Organization.create(bootstrap, "kept");
      var tokens = bootstrap.get(ORGANIZATIONS + "/default/tokens").items();
      assertThat(tokens).hasSize(1);
      var first = tokens.get(0).asJsonObject();
      var issued =
          bootstrap.post(
              ORGANIZATIONS + "/default/tokens",
              "{\"memberId\":"
                  + Api.q(first.getString("memberId"))
                  + ",\"role\":\"ADMIN\",\"systemAdmin\":true}");
      assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
      var other = herald.api(issued.json().getString("token"));
      // The bootstrap token is revoked, and then the other secret is lost with it.
      assertThat(other.delete(ORGANIZATIONS + "/default/tokens/" + first.getString("id")).status())
          .isEqualTo(204);
      assertThat(bootstrap.get(ORGANIZATIONS).status()).isEqualTo(401);
      assertThat(other.get(ORGANIZATIONS).body()).contains(kept.id);
    }

    try (var herald = start(secret, "again")) {
      var recovered = herald.api(secret);
      var organizations = recovered.get(ORGANIZATIONS);
      assertThat(organizations.status()).as(organizations.toString()).isEqualTo(200);
      assertThat(organizations.items()).hasSize(2);
      assertThat(herald.log())
          .contains("Installed the value of HERALD_BOOTSTRAP_TOKEN as a system administrator's");
      var tokens = recovered.get(ORGANIZATIONS + "/default/tokens").items();
      assertThat(tokens)
          .filteredOn(t -> t.asJsonObject().getBoolean("systemAdmin"))
          .filteredOn(t -> !t.asJsonObject().containsKey("revokedAt"))
          .hasSize(2);
    }
  }

  private static StandaloneHerald start(String bootstrapToken, String name) throws Exception {
    return StandaloneHerald.start(DIR, name, List.of("-Dherald.bootstrap.token=" + bootstrapToken));
  }
}
