package dev.herald.it;

import static dev.herald.testing.DeliveryMatch.anythingTo;
import static dev.herald.testing.DeliveryMatch.pushTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.it.shop.OrderShipping;
import dev.herald.testing.Deliveries;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test kit as another team would use it: their business code (a shop, {@code
 * dev.herald.it.shop}) sends notifications through Herald's Java API, and their client-side test
 * asserts on what the kit's recording provider received, read over HTTP from the kit's endpoint.
 * The deployment is Herald's WAR with the kit and the shop added, as a team's test deployment would
 * be.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@SameOnEveryDatabase
class RecordingKitIT {

  private static final Duration WITHIN = Duration.ofSeconds(10);

  @ArquillianResource URL base;

  private Organization org;
  private Api shop;
  private Deliveries kit;

  @Deployment(testable = false)
  static WebArchive heraldWithTheKitAndAShop() {
    var shop =
        ShrinkWrap.create(JavaArchive.class, "shop.jar")
            .addPackage(OrderShipping.class.getPackage())
            .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    return HeraldIT.herald()
        .addAsLibraries(shop)
        .addAsLibrary(new File("target/herald-testing.jar"));
  }

  @BeforeEach
  void setUp() throws URISyntaxException {
    var systemAdmin = new Api(base.toURI(), HeraldIT.BOOTSTRAP_TOKEN);
    shop = systemAdmin.as(null);
    org = Organization.create(systemAdmin, "kit");
    for (var customer : new String[] {"ann@kit.example", "bob@kit.example"}) {
      var member = org.member(customer);
      var device =
          org.token(member, "MEMBER")
              .post(org.path + "/devices", "{\"platform\":\"ios\",\"token\":\"" + member + "\"}");
      assertThat(device.status()).as(device.toString()).isEqualTo(201);
    }
    kit = Deliveries.at(base.toURI());
    kit.clear();
  }

  @Test
  void aNotificationTheShopSendsThroughTheJavaApiIsRecordedAsAPushToTheCustomer() {
    var id = ship("42", "ann@kit.example");

    var push =
        kit.await(pushTo("ann@kit.example").withJigId("orders").withInput("orderId", "42"), WITHIN);

    assertThat(push.notificationId()).isEqualTo(id);
    assertThat(push.title()).isEqualTo("Order shipped");
    assertThat(push.text()).isEqualTo("Order 42 is on its way");
    kit.assertNone(anythingTo("bob@kit.example"));
  }

  @Test
  void aNotificationSentInATransactionThatRollsBackIsNeverDelivered() {
    var failed =
        shop.post("/shop/" + org.id + "/orders/7/shipped-then-failed?customer=bob@kit.example", "");
    assertThat(failed.status()).as(failed.toString()).isEqualTo(409);
    // sent after the failed one: once it is recorded, the failed one would have been too
    ship("8", "bob@kit.example");

    kit.await(pushTo("bob@kit.example").withInput("orderId", "8"), WITHIN);
    kit.assertNone(pushTo("bob@kit.example").withInput("orderId", "7"));
  }

  @Test
  void clearingTheKitForgetsWhatItRecorded() {
    ship("9", "ann@kit.example");
    kit.await(pushTo("ann@kit.example").withInput("orderId", "9"), WITHIN);

    kit.clear();

    assertThat(kit.all()).isEmpty();
  }

  private String ship(String orderId, String customer) {
    var reply =
        shop.post("/shop/" + org.id + "/orders/" + orderId + "/shipped?customer=" + customer, "");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.body();
  }
}
