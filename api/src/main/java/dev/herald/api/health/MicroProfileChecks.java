package dev.herald.api.health;

import dev.herald.core.health.Health;
import dev.herald.core.health.HealthCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Herald's checks through the server's MicroProfile Health, for operators who probe the server's
 * own {@code /health/ready} and {@code /health/live}: one check named {@code herald} in each, with
 * Herald's checks as its data. On a server without MicroProfile Health (WildFly's default profile)
 * these classes cannot load, and CDI leaves them out: {@code /v2.0/health/…} answers on every
 * server.
 */
final class MicroProfileChecks {

  private MicroProfileChecks() {}

  static HealthCheckResponse of(List<HealthCheck> checks) {
    var response =
        HealthCheckResponse.named("herald").status(checks.stream().allMatch(HealthCheck::up));
    for (var check : checks) {
      response.withData(check.name(), (check.up() ? "UP: " : "DOWN: ") + check.detail());
    }
    return response.build();
  }

  /** Ready: as {@code GET /v2.0/health/ready}. */
  @Readiness
  @ApplicationScoped
  static class Ready implements org.eclipse.microprofile.health.HealthCheck {

    @Inject Health health;

    @Override
    public HealthCheckResponse call() {
      return of(health.readiness());
    }
  }

  /** Alive: as {@code GET /v2.0/health/live}. */
  @Liveness
  @ApplicationScoped
  static class Alive implements org.eclipse.microprofile.health.HealthCheck {

    @Inject Health health;

    @Override
    public HealthCheckResponse call() {
      return of(health.liveness());
    }
  }
}
