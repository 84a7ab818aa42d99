package dev.herald.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/** Request metrics are labelled with route templates: bounded, whatever ids the paths carry. */
class RouteFeatureTest {

  @Path("/v2.0/tool/organizations/{organizationId}/notifications/")
  static class Resource {
    @GET
    public void list() {}

    @GET
    @Path("{notificationId}/deliveries")
    public void deliveries() {}

    @GET
    @Path("/{id: [0-9a-f-]+}")
    public void byPattern() {}
  }

  @Path("/")
  static class Root {
    @GET
    public void root() {}
  }

  @Test
  void theRouteIsTheClassAndMethodTemplatesJoined() throws Exception {
    assertThat(route(Resource.class, "list"))
        .isEqualTo("/v2.0/tool/organizations/{organizationId}/notifications");
    assertThat(route(Resource.class, "deliveries"))
        .isEqualTo(
            "/v2.0/tool/organizations/{organizationId}/notifications/{notificationId}/deliveries");
    assertThat(route(Root.class, "root")).isEqualTo("/");
  }

  @Test
  void aParametersPatternIsLeftOut() throws Exception {
    assertThat(route(Resource.class, "byPattern"))
        .isEqualTo("/v2.0/tool/organizations/{organizationId}/notifications/{id}");
  }

  @Test
  void aMadeUpMethodIsOther() {
    assertThat(RequestMetricsFilter.method("GET")).isEqualTo("GET");
    assertThat(RequestMetricsFilter.method("FOO")).isEqualTo("other");
  }

  private static String route(Class<?> type, String method) throws NoSuchMethodException {
    return RouteFeature.route(type.getAnnotation(Path.class), type.getMethod(method));
  }
}
