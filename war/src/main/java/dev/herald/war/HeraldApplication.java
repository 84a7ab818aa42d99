package dev.herald.war;

import dev.herald.api.common.HeraldScope;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * Herald's REST API at the root of the context: the resources come from herald-api, found by
 * scanning, with any a test deployment adds (the test kit's endpoint, probes). It is Herald's own
 * application: Herald's providers answer every request in it, unknown paths included ({@link
 * HeraldScope}).
 */
@ApplicationPath("/")
public class HeraldApplication extends Application {

  /**
   * Jersey's (Payara's) switches; RESTEasy (WildFly) ignores them and has neither feature on. No
   * WADL: {@code GET /application.wadl} would describe the whole API to anyone without a token. No
   * resolving of relative {@code Location} headers against the request's {@code Host}: the API's
   * response filter makes them relative or points them at {@code herald.public-url}.
   */
  @Override
  public Map<String, Object> getProperties() {
    return Map.of(
        "jersey.config.server.wadl.disableWadl",
        true,
        "jersey.config.server.headers.location.relative.resolution.disabled",
        true,
        HeraldScope.OWN_APPLICATION,
        true);
  }
}
