package dev.herald.provider.fcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.ProviderConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FcmProviderFactoryTest {

  private final FcmProviderFactory factory = new FcmProviderFactory();

  @TempDir Path dir;

  @Test
  void isFoundByServiceLoaderForTheAndroidChannel() {
    var found =
        ServiceLoader.load(DeliveryProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(f -> f.id().equals("fcm"))
            .toList();

    assertThat(found).singleElement().isInstanceOf(FcmProviderFactory.class);
    assertThat(found.get(0).channels()).containsExactly("android");
    assertThat(found.get(0).order()).isEqualTo(100);
  }

  @Test
  void describesItsSettings() {
    var properties = factory.configProperties();

    assertThat(properties)
        .extracting(ConfigProperty::name)
        .containsExactly(
            "project-id", "service-account-file", "access-token", "endpoint", "max-in-flight");
    assertThat(properties)
        .filteredOn(ConfigProperty::required)
        .extracting(ConfigProperty::name)
        .containsExactly("project-id");
    assertThat(properties)
        .filteredOn(ConfigProperty::secret)
        .extracting(ConfigProperty::name)
        .containsExactly("access-token");
    assertThat(properties)
        .filteredOn(p -> p.defaultValue() != null)
        .extracting(ConfigProperty::name, ConfigProperty::defaultValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("endpoint", "https://fcm.googleapis.com"),
            org.assertj.core.groups.Tuple.tuple("max-in-flight", "500"));
  }

  @Test
  void badConfigurationIsRefusedNamingTheSetting() throws Exception {
    var notJson = Files.writeString(dir.resolve("key.json"), "{ not a key");

    assertRefused(Map.of("access-token", "t"), "project-id");
    assertRefused(Map.of("project-id", "p"), "service-account-file");
    assertRefused(
        Map.of("project-id", "p", "access-token", "t", "service-account-file", "/k.json"),
        "service-account-file");
    assertRefused(
        Map.of("project-id", "p", "service-account-file", "/nonexistent/key.json"),
        "service-account-file");
    assertRefused(
        Map.of("project-id", "p", "service-account-file", notJson.toString()),
        "service-account-file");
    assertRefused(withToken("endpoint", "ftp://fcm.example.com"), "endpoint");
    assertRefused(withToken("endpoint", "not a url"), "endpoint");
    assertRefused(withToken("endpoint", "https://fcm.example.com/?x=1"), "endpoint");
    assertRefused(withToken("max-in-flight", "0"), "max-in-flight");
    assertRefused(withToken("max-in-flight", "many"), "max-in-flight");
  }

  @Test
  void aServiceAccountKeyIsExchangedForATokenAtItsTokenUri() throws Exception {
    var keys = KeyPairGenerator.getInstance("RSA");
    keys.initialize(2048);
    var pair = keys.generateKeyPair();
    try (var fcm = new FakeFcm()) {
      var keyFile = dir.resolve("service-account.json");
      Files.writeString(keyFile, serviceAccountJson(pair.getPrivate().getEncoded(), fcm.url()));
      var provider =
          factory.create(
              ProviderConfig.of(
                  Map.of(
                      "project-id", "herald-test",
                      "service-account-file", keyFile.toString(),
                      "endpoint", fcm.url())));
      try {
        var results =
            provider
                .send(List.of(FcmProviderTest.delivery("tok")))
                .toCompletableFuture()
                .get(1, TimeUnit.MINUTES);

        assertThat(results)
            .containsExactly(new DeliveryResult.Delivered("projects/herald-test/messages/m-tok"));
      } finally {
        provider.close();
      }
      assertThat(fcm.authorizations()).containsExactly("Bearer ya29.from-fake");
      assertThat(fcm.tokenRequests())
          .singleElement()
          .satisfies(
              form -> {
                assertThat(form.get("grant_type"))
                    .isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
                var jwt = form.get("assertion").split("\\.");
                var signature = Signature.getInstance("SHA256withRSA");
                signature.initVerify(pair.getPublic());
                signature.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
                assertThat(signature.verify(Base64.getUrlDecoder().decode(jwt[2])))
                    .as("signed with the key from the file")
                    .isTrue();
                assertThat(claims(jwt[1]).get("iss").getAsString())
                    .isEqualTo("herald@herald-test.iam.gserviceaccount.com");
              });
    }
  }

  @Test
  void googlesEndpointGetsFirebaseAdminsOwnTransportWhoseThreadsCloseStops() throws Exception {
    var before = new HashSet<>(Thread.getAllStackTraces().keySet());

    var provider =
        factory.create(ProviderConfig.of(Map.of("project-id", "p", "access-token", "t")));
    var started = new HashSet<>(Thread.getAllStackTraces().keySet());
    started.removeAll(before);
    provider.close();

    assertThat(started).as("the HTTP/2 client's I/O threads").isNotEmpty();
    for (var thread : started) {
      thread.join(TimeUnit.SECONDS.toMillis(15));
      assertThat(thread.isAlive()).as(thread.getName()).isFalse();
    }
  }

  private void assertRefused(Map<String, String> settings, String setting) {
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(settings)))
        .as("%s", settings)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(setting);
  }

  private static Map<String, String> withToken(String name, String value) {
    var settings = new HashMap<>(Map.of("project-id", "p", "access-token", "t"));
    settings.put(name, value);
    return settings;
  }

  private static String serviceAccountJson(byte[] pkcs8, String baseUrl) {
    var pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n";
    var json = new JsonObject();
    json.addProperty("type", "service_account");
    json.addProperty("project_id", "herald-test");
    json.addProperty("private_key_id", "key-1");
    json.addProperty("private_key", pem);
    json.addProperty("client_email", "herald@herald-test.iam.gserviceaccount.com");
    json.addProperty("client_id", "1234567890");
    json.addProperty("token_uri", baseUrl + "/token");
    return json.toString();
  }

  private static JsonObject claims(String payload) {
    return JsonParser.parseString(
            new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .getAsJsonObject();
  }
}
