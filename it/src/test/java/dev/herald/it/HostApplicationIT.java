package dev.herald.it;

import static dev.herald.testing.DeliveryMatch.pushTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.common.BodyLimitFilter;
import dev.herald.it.hostapp.ShopApplication;
import dev.herald.testing.Deliveries;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host application that embeds Herald (the shop, {@code dev.herald.it.hostapp}): its own WAR with
 * its own JAX-RS application, resource, entity, Flyway migration, datasource and persistence unit,
 * Herald's jars in {@code WEB-INF/lib} as a Maven dependency would put them, Herald's settings in
 * its own {@code microprofile-config.properties}, and the test kit. One order proves the chain: the
 * shop's table exists (its migration ran), Herald's API answers under the shop's path with the
 * shop's public URL (Herald's migrations ran, its settings came from the shop's file), and the
 * order's notification, sent through Herald's Java API in the shop's transaction, reaches the kit.
 * The shop's own uploads and errors pass Herald's providers untouched.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@SameOnEveryDatabase
class HostApplicationIT {

  /** The server Arquillian started; only its host and port are used ({@link DeploymentUrl}). */
  @ArquillianResource URL server;

  /** The shop's context root: its WAR's name, on both servers. */
  private static final String CONTEXT_ROOT = "/shop";

  private Api shop;
  private Organization org;

  @Deployment(testable = false)
  static WebArchive shop() {
    var shop =
        ShrinkWrap.create(WebArchive.class, CONTEXT_ROOT.substring(1) + ".war")
            .addPackage(ShopApplication.class.getPackage())
            .addAsResource("hostapp/persistence.xml", "META-INF/persistence.xml")
            .addAsResource(
                "hostapp/microprofile-config.properties", "META-INF/microprofile-config.properties")
            .addAsResource("hostapp/db/shop/V1__shop_order.sql", "db/shop/V1__shop_order.sql")
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsLibrary(new File("target/herald-testing.jar"));
    var herald =
        ShrinkWrap.create(ZipImporter.class, "herald.war")
            .importFrom(new File("target/herald.war"))
            .as(WebArchive.class);
    herald
        .getContent(Filters.include("/WEB-INF/lib/.*\\.jar"))
        .forEach(
            (path, jar) ->
                shop.addAsLibrary(jar.getAsset(), path.get().substring("/WEB-INF/lib/".length())));
    return shop;
  }

  @BeforeEach
  void setUp() throws URISyntaxException {
    var api = new Api(shopApi(), HeraldIT.BOOTSTRAP_TOKEN);
    shop = api.as(null);
    org = Organization.create(api, "shop");
    var ann = org.member("ann@shop.example");
    var device =
        org.token(ann, "MEMBER")
            .post(org.path + "/devices", "{\"platform\":\"ios\",\"token\":\"ann-phone\"}");
    assertThat(device.status()).as(device.toString()).isEqualTo(201);
  }

  /** The shop's JAX-RS application, under the WAR's context root. */
  private URI shopApi() throws URISyntaxException {
    return new URI(DeploymentUrl.of(server, CONTEXT_ROOT) + "api/");
  }

  @Test
  void anOrderIsStoredByTheShopAndItsNotificationSentByHerald() throws URISyntaxException {
    var placed = shop.post("/orders?organization=" + org.id + "&customer=ann@shop.example", "");
    assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
    var fields = placed.body().split(" ");
    var orderId = fields[0];
    var notificationId = fields[2];

    assertThat(shop.get("/orders/" + orderId).body()).isEqualTo(placed.body());
    Deliveries.at(shopApi())
        .await(pushTo("ann@shop.example").withInput("orderId", orderId), Duration.ofSeconds(10));
    var notification = org.admin.get(org.path + "/notifications/" + notificationId);
    assertThat(notification.status()).as(notification.toString()).isEqualTo(200);
    assertThat(notification.json().getString("createdBy")).isEqualTo("shop");
  }

  @Test
  void theShopsUploadsAndErrorsAreItsOwn() {
    var order = shop.post("/orders?organization=" + org.id + "&customer=ann@shop.example", "");
    var orderId = order.body().split(" ")[0];
    var attachment = "a".repeat(BodyLimitFilter.MAX_BODY_BYTES * 2);

    var attached =
        shop.send(
            "POST",
            "/orders/" + orderId + "/attachment",
            attachment,
            Map.of("Content-Type", "application/octet-stream"));
    assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
    assertThat(attached.body()).isEqualTo("attached " + attachment.length() + " bytes");

    var missing = shop.get("/orders/no-such-order");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("no order no-such-order");
  }

  @Test
  void heraldReadsItsSettingsFromTheShopsMicroProfileConfigFile() {
    var created =
        org.admin.post(
            "/v2.0/tool/organizations", "{\"id\":\"" + org.id + "-b\",\"name\":\"second\"}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValue("https://shop.example/api/v2.0/tool/organizations/" + org.id + "-b");
  }
}
