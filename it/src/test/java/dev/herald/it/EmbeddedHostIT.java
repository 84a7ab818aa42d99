package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.api.common.BodyLimitFilter;
import dev.herald.it.host.HostApplication;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.Map;
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
 * A host's JAX-RS application beside Herald's in one WAR: it scans, so it finds Herald's resources
 * and providers too. Herald's providers must leave the host's requests alone (its uploads, its
 * exceptions, its OPTIONS) and keep guarding Herald's API, wherever it is reached.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@SameOnEveryDatabase
class EmbeddedHostIT {

  private static final String OVER_THE_LIMIT = "a".repeat(BodyLimitFilter.MAX_BODY_BYTES + 1024);

  @ArquillianResource URL base;

  private Api anonymous;
  private Organization org;

  @Deployment(testable = false)
  static WebArchive heraldWithAHostApplication() {
    var host =
        ShrinkWrap.create(JavaArchive.class, "host.jar")
            .addPackage(HostApplication.class.getPackage())
            .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    return HeraldIT.herald().addAsLibraries(host);
  }

  @BeforeEach
  void setUp() throws URISyntaxException {
    var systemAdmin = new Api(base.toURI(), HeraldIT.BOOTSTRAP_TOKEN);
    anonymous = systemAdmin.as(null);
    org = Organization.create(systemAdmin, "host");
  }

  @Test
  void theHostTakesUploadsLargerThanHeraldsBodyLimit() {
    var reply =
        anonymous.send(
            "POST",
            "/host/things/upload",
            OVER_THE_LIMIT,
            Map.of("Content-Type", "application/octet-stream"));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("received " + OVER_THE_LIMIT.length() + " bytes");
  }

  @Test
  void heraldsApiKeepsItsBodyLimit() {
    var reply = org.admin.post(org.path + "/members", OVER_THE_LIMIT);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(413);
    assertThat(reply.json().getString("message")).isEqualTo("Request body too large");
  }

  @Test
  void theHostsOwnMapperAnswersItsException() {
    var reply = anonymous.get("/host/things/fail/mapped");

    assertThat(reply.status()).isEqualTo(418);
    assertThat(reply.body()).isEqualTo("the host says no");
  }

  @Test
  void theHostsWebApplicationExceptionKeepsItsResponse() {
    var reply = anonymous.get("/host/things/fail/web");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body()).isEqualTo("the host's conflict");
  }

  @Test
  void theHostsUnmappedExceptionIsNotAnsweredAsHeraldWould() {
    var reply = anonymous.get("/host/things/fail/unmapped");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.body()).doesNotContain("correlation id");
  }

  @Test
  void optionsOnTheHostsResourcesIsTheServersAndNotRefused() {
    var reply = anonymous.send("OPTIONS", "/host/things/upload", null, Map.of());

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
  }

  @Test
  void heraldsApiFoundByTheHostsApplicationStillAsksForAToken() {
    var members = "/host" + org.path + "/members";

    var refused = anonymous.get(members);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().getString("message")).isEqualTo("Unauthorized");
    assertThat(org.admin.get(members).status()).isEqualTo(200);
  }

  @Test
  void heraldsOwnApplicationStillAnswersEveryRequestAsHeraldDoes() {
    var unknown = anonymous.get("/no-such-path");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("message")).isEqualTo("Not found");

    // outside Herald's API paths: refused only because the application is Herald's own
    var options = anonymous.send("OPTIONS", "/no-such-path", null, Map.of());
    assertThat(options.status()).isEqualTo(405);
    assertThat(options.json().getString("message")).isEqualTo("Method not allowed");
  }
}
