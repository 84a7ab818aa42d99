package dev.herald.core.organization;

import dev.herald.core.auth.TokenService;
import dev.herald.core.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Gives an empty installation its first organization, an admin member and a system administrator's
 * token, so that the first curl command works without any set-up; and, when {@code
 * herald.bootstrap.token} is set, makes that secret a usable system administrator's token again at
 * every start, which is how an operator who lost every system administrator's secret gets back in.
 */
@ApplicationScoped
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  /** Off in a host application that creates its organizations itself, or in its tests. */
  public static final String ENABLED = "herald.bootstrap.enabled";

  private final BootstrapSteps steps;
  private final OrganizationService organizations;
  private final TokenService tokens;

  /** For the CDI proxy only. */
  Bootstrap() {
    this(null, null, null);
  }

  @Inject
  Bootstrap(BootstrapSteps steps, OrganizationService organizations, TokenService tokens) {
    this.steps = steps;
    this.organizations = organizations;
    this.tokens = tokens;
  }

  /** Runs at start-up, in a transaction of its own, unless {@link #ENABLED} is false. */
  public void run() {
    if (!Settings.getBoolean(ENABLED, true)) {
      LOG.info(() -> "Bootstrap is off (" + ENABLED + "=false): no organization or token created");
      return;
    }
    var chosen = Settings.get(BootstrapSteps.TOKEN);
    if (chosen.isPresent() && !TokenService.wellFormed(chosen.get())) {
      throw new IllegalStateException(
          "Setting "
              + BootstrapSteps.TOKEN
              + " ("
              + Settings.environmentName(BootstrapSteps.TOKEN)
              + ") must be 1 to "
              + TokenService.MAX_SECRET_LENGTH
              + " visible ASCII characters, without spaces");
    }
    try {
      steps.run(chosen);
    } catch (RuntimeException e) {
      // Nodes started together race for the same work; if another one did it, all is well.
      if (organizations.any() && chosen.map(tokens::isUsableSystemAdmin).orElse(true)) {
        LOG.info("Bootstrap was done by another node starting at the same time");
        return;
      }
      throw e;
    }
  }
}
