package dev.herald.it;

import dev.herald.it.example.WebhookProviderFactory;
import dev.herald.spi.DeliveryProviderFactory;
import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The base of the suites: the real herald.war, driven over HTTP as a client would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class HeraldIT {

  /** The bootstrap token the containers are started with (see arquillian.xml). */
  static final String BOOTSTRAP_TOKEN = "it-bootstrap-token";

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive herald() {
    var exampleProvider =
        ShrinkWrap.create(JavaArchive.class, "herald-example-webhook.jar")
            .addPackage(WebhookProviderFactory.class.getPackage())
            .addAsServiceProvider(DeliveryProviderFactory.class, WebhookProviderFactory.class);
    return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
        .importFrom(new File("target/herald.war"))
        .as(WebArchive.class)
        .addAsLibrary(exampleProvider);
  }

  /** The system administrator's client. */
  Api systemAdmin() {
    try {
      return new Api(base.toURI(), BOOTSTRAP_TOKEN);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
