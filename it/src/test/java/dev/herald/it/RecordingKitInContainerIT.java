package dev.herald.it;

import static dev.herald.testing.DeliveryMatch.pushTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.core.device.DeviceService;
import dev.herald.core.member.MemberService;
import dev.herald.core.organization.OrganizationService;
import dev.herald.it.shop.OrderShipping;
import dev.herald.testing.Deliveries;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test kit from a test that runs in the server, as another team's in-container Arquillian test
 * would: it sets up its data with Herald's beans, calls its own business code (the shop), and
 * awaits the push in the kit's record in the same server, with no HTTP at all. JUnit's own
 * assertions only, so that the deployment needs no assertion library.
 */
@ExtendWith(ArquillianExtension.class)
@SameOnEveryDatabase
class RecordingKitInContainerIT {

  @Inject OrganizationService organizations;
  @Inject MemberService members;
  @Inject DeviceService devices;
  @Inject OrderShipping shipping;

  @Deployment
  static WebArchive heraldWithTheKitAndAShop() {
    return RecordingKitIT.heraldWithTheKitAndAShop();
  }

  @Test
  void thePushTheShopSendsIsInTheKitsRecordInTheServer() {
    var organization =
        organizations.create("kit-" + UUID.randomUUID().toString().substring(0, 8), "kit").id();
    var ann = members.create(organization, "ann@kit.example", "Ann", null);
    devices.register(organization, ann.id(), "android", "ann-phone");
    var kit = Deliveries.recorded();
    kit.clear();

    var id = shipping.shipped(organization, "ann@kit.example", "42");

    var push =
        kit.await(
            pushTo("ann@kit.example").withJigId("orders").withInput("orderId", "42"),
            Duration.ofSeconds(10));
    assertEquals(id, push.notificationId());
    assertEquals("android", push.platform());
    assertEquals("ann-phone", push.address());
  }
}
