package dev.herald.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.DeliveryResult.Delivered;
import dev.herald.spi.ProviderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the factory declares, what configuration it refuses, and certificate authentication. */
class ApnsProviderFactoryTest {

  @TempDir static Path dir;
  private static TestKeys keys;

  private final ApnsProviderFactory factory = new ApnsProviderFactory();

  @BeforeAll
  static void createKeys() throws Exception {
    keys = TestKeys.create(dir);
  }

  @Test
  void isFoundByServiceLoaderAndDeliversTheIosChannel() {
    var found =
        ServiceLoader.load(DeliveryProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("apns"))
            .toList();

    assertThat(found).singleElement().isInstanceOf(ApnsProviderFactory.class);
    assertThat(factory.channels()).containsExactly("ios");
    assertThat(factory.order()).isEqualTo(100);
  }

  @Test
  void declaresItsSettingsWithOnlyTheTopicRequired() {
    var properties = factory.configProperties();

    assertThat(properties)
        .extracting(ConfigProperty::name)
        .containsExactlyInAnyOrder(
            "team-id",
            "key-id",
            "signing-key",
            "certificate",
            "certificate-password",
            "topic",
            "server",
            "host",
            "port",
            "trusted-certificate",
            "max-in-flight",
            "connections",
            "connect-at-start");
    assertThat(properties)
        .filteredOn(ConfigProperty::required)
        .extracting(ConfigProperty::name)
        .containsExactly("topic");
    assertThat(properties)
        .filteredOn(ConfigProperty::secret)
        .extracting(ConfigProperty::name)
        .containsExactly("certificate-password");
    assertThat(properties)
        .filteredOn(p -> p.defaultValue() != null)
        .extracting(ConfigProperty::name, ConfigProperty::defaultValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("server", "production"),
            org.assertj.core.groups.Tuple.tuple("port", "443"),
            org.assertj.core.groups.Tuple.tuple("max-in-flight", "1000"),
            org.assertj.core.groups.Tuple.tuple("connections", "2"),
            org.assertj.core.groups.Tuple.tuple("connect-at-start", "true"));
  }

  @Test
  void aCompleteTokenConfigurationForProductionIsAccepted() {
    // Apple's servers are out of reach here: no connection at start
    try (var provider =
        factory.create(config(with(tokenSettings(), "connect-at-start", "false")))) {
      assertThat(provider.maxBatchSize()).isEqualTo(1000);
    }
  }

  @Test
  void missingOrContradictorySettingsAreRefusedByName() throws Exception {
    assertRefused(without(tokenSettings(), "topic"), "topic");
    assertRefused(without(tokenSettings(), "key-id"), "missing: key-id");
    assertRefused(without(tokenSettings(), "team-id", "key-id"), "missing: team-id, key-id");
    assertRefused(
        with(tokenSettings(), "certificate", keys.clientP12().toString()),
        "not both: found team-id, key-id, signing-key and certificate");
    assertRefused(
        with(certificateSettings(), "team-id", "TEAMID1234"),
        "not both: found team-id and certificate, certificate-password");
    assertRefused(without(tokenSettings(), "team-id", "key-id", "signing-key"), "neither is set");
    assertRefused(
        without(certificateSettings(), "certificate"), "Missing required setting: certificate");
    assertRefused(with(tokenSettings(), "signing-key", "/nonexistent.p8"), "signing-key");
    assertRefused(
        with(tokenSettings(), "signing-key", keys.serverCertificate().toString()), "signing-key");
    assertRefused(
        with(certificateSettings(), "certificate-password", "wrong"), "certificate-password");
    assertRefused(with(tokenSettings(), "server", "staging"), "server must be");
    assertRefused(with(tokenSettings(), "port", "70000"), "port");
    assertRefused(with(tokenSettings(), "port", "https"), "port");
    assertRefused(with(tokenSettings(), "max-in-flight", "0"), "max-in-flight");
    assertRefused(with(tokenSettings(), "connections", "-1"), "connections");
    assertRefused(
        with(tokenSettings(), "connect-at-start", "yes"),
        "connect-at-start must be true or false, not 'yes'");
    var notPem = Files.writeString(dir.resolve("not.pem"), "hello");
    assertRefused(
        with(tokenSettings(), "trusted-certificate", notPem.toString()), "trusted-certificate");
  }

  @Test
  void certificateAuthenticationPresentsTheP12Certificate() throws Exception {
    try (var apns = new MockApns(keys, true)) {
      var settings = certificateSettings();
      settings.put("host", "127.0.0.1");
      settings.put("port", Integer.toString(apns.port));
      settings.put("trusted-certificate", keys.serverCertificate().toString());
      try (var provider = factory.create(config(settings))) {
        var results =
            provider
                .send(List.of(ApnsProviderTest.delivery("cafe01")))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);

        assertThat(results).singleElement().isInstanceOf(Delivered.class);
        assertThat(apns.accepted).containsKey("cafe01");
        assertThat(apns.clientCertificates)
            .singleElement()
            .asString()
            .contains("Apple Push Services: dev.herald.test");
      }
    }
  }

  private void assertRefused(Map<String, String> settings, String message) {
    assertThatThrownBy(() -> factory.create(config(settings)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static Map<String, String> tokenSettings() {
    var settings = new HashMap<String, String>();
    settings.put("topic", "dev.herald.test");
    settings.put("team-id", "TEAMID1234");
    settings.put("key-id", "KEYID12345");
    settings.put("signing-key", keys.signingKey().toString());
    return settings;
  }

  private static Map<String, String> certificateSettings() {
    var settings = new HashMap<String, String>();
    settings.put("topic", "dev.herald.test");
    settings.put("certificate", keys.clientP12().toString());
    settings.put("certificate-password", TestKeys.P12_PASSWORD);
    return settings;
  }

  private static Map<String, String> with(Map<String, String> settings, String name, String value) {
    settings.put(name, value);
    return settings;
  }

  private static Map<String, String> without(Map<String, String> settings, String... names) {
    for (var name : names) {
      settings.remove(name);
    }
    return settings;
  }

  private static ProviderConfig config(Map<String, String> settings) {
    return ProviderConfig.of(Map.copyOf(settings));
  }
}
