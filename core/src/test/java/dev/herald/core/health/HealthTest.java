package dev.herald.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.delivery.Providers;
import dev.herald.core.runtime.HeraldRuntime;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What readiness says when its parts fail; the whole, up, is HealthIT's (on the real WAR). */
class HealthTest {

  @AfterEach
  void clearSettings() {
    System.clearProperty(HeraldRuntime.ENABLED);
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsNamedWithoutItsError() {
    var checks =
        health(
                () -> {
                  throw new IllegalStateException("connection to db.internal:5432 refused");
                })
            .readiness();

    assertThat(checks.get(0)).isEqualTo(new HealthCheck("database", false, "not reachable"));
  }

  @Test
  void aDatabaseWithoutHeraldsSchemaIsNotReady() {
    var checks = health(Optional::empty).readiness();

    assertThat(checks.get(0).up()).isFalse();
    assertThat(checks.get(0).detail()).contains("migrations have not run");
  }

  @Test
  void backgroundWorkThatHasNotStartedIsNotReadyButOffBySettingIs() {
    var notStarted = health(() -> Optional.of("13")).readiness().get(1);
    assertThat(notStarted).isEqualTo(new HealthCheck("background", false, "not started"));

    System.setProperty(HeraldRuntime.ENABLED, "false");
    var off = health(() -> Optional.of("13")).readiness().get(1);
    assertThat(off.up()).isTrue();
    assertThat(off.detail()).isEqualTo("off (herald.runtime.enabled=false)");
  }

  @Test
  void theInAppChannelIsAlwaysLive() {
    var providers = health(() -> Optional.of("13")).readiness().get(2);

    assertThat(providers.up()).isTrue();
    assertThat(providers.detail()).startsWith("inapp").contains(" live");
  }

  private static Health health(Supplier<Optional<String>> version) {
    var health = new Health();
    health.schema =
        new SchemaProbe() {
          @Override
          public Optional<String> version() {
            return version.get();
          }
        };
    health.runtime = new HeraldRuntime();
    health.providers = new Providers();
    return health;
  }
}
