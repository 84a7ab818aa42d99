package dev.herald.it;

import java.net.MalformedURLException;
import java.net.URL;

/**
 * The address of a deployment whose context root the suite knows, on the server Arquillian started.
 *
 * <p>Payara Micro's Arquillian connector (3.1) learns a deployment's context root from the instance
 * description Payara Micro logs at start, and stops reading the log as soon as the description's
 * first lines are in. When the lines naming the deployment arrive a moment later, it hands the
 * suite the server's root instead: the console suites once sent their requests to {@code
 * http://host:port/v2.0/…} and got Payara's 404 page. Suites deployed at the root cannot tell; the
 * others take only the host and port from Arquillian.
 */
final class DeploymentUrl {

  private DeploymentUrl() {}

  /** {@code contextRoot}, e.g. {@code "/shop"}, on the server {@code reported} points at. */
  static URL of(URL reported, String contextRoot) {
    try {
      return new URL(
          reported.getProtocol(), reported.getHost(), reported.getPort(), contextRoot + "/");
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
