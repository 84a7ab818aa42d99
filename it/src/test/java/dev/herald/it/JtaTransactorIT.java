package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.it.probe.TransactorProbeResource;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
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
 * The transactor the queue runs on, wired as production wires it (the real WAR, its datasource, the
 * container's transactions): a claimed row stays locked until the work commits, and work that fails
 * leaves nothing behind. Queue work once ran in auto-commit on Payara, which let two nodes claim
 * the same notifications; a plain-JDBC test could not see it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JtaTransactorIT {

  @ArquillianResource URL base;

  private Organization org;
  private Api probe;
  private String notificationId;

  @Deployment(testable = false)
  static WebArchive heraldWithProbe() {
    var probe =
        ShrinkWrap.create(JavaArchive.class, "herald-transactor-probe.jar")
            .addPackage(TransactorProbeResource.class.getPackage())
            .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    return HeraldIT.herald().addAsLibrary(probe);
  }

  @BeforeEach
  void setUp() throws URISyntaxException {
    var systemAdmin = new Api(base.toURI(), HeraldIT.BOOTSTRAP_TOKEN);
    probe = systemAdmin.as(null);
    org = Organization.create(systemAdmin, "tx");
    org.member("ann@tx.example");
    // Scheduled for tomorrow, so the dispatcher leaves the row alone during the test.
    var tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    notificationId =
        org.send(
                org.admin,
                "{\"content\":{\"title\":\"t\",\"text\":\"x\"},\"scope\":\"USR\","
                    + "\"emails\":[\"ann@tx.example\"],\"description\":\"original\","
                    + "\"startAt\":\""
                    + tomorrow
                    + "\"}")
            .getString("notificationId");
  }

  @Test
  void aClaimedRowStaysLockedUntilTheWorkCommits() throws Exception {
    var holder = CompletableFuture.supplyAsync(() -> probe.post(claimPath(4_000), "").body());
    Thread.sleep(500);
    Eventually.await(
        "another transaction to skip the claimed row",
        Duration.ofSeconds(3),
        () -> probe.post(claimPath(0), "").body(),
        "skipped"::equals);

    assertThat(holder.get()).isEqualTo("claimed");
    assertThat(probe.post(claimPath(0), "").body())
        .as("the lock ends with the transaction")
        .isEqualTo("claimed");
  }

  @Test
  void workThatFailsIsRolledBackWhole() {
    assertThat(
            probe.post("/test-probe/transactor/change-then-fail?id=" + notificationId, "").body())
        .isEqualTo("failed");

    var notification = org.admin.get(org.path + "/notifications/" + notificationId).json();
    assertThat(notification.getString("description")).isEqualTo("original");
  }

  private String claimPath(long holdMillis) {
    return "/test-probe/transactor/claim?id=" + notificationId + "&holdMillis=" + holdMillis;
  }
}
