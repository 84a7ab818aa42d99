package dev.herald.core.organization;

import dev.herald.core.auth.Role;
import dev.herald.core.auth.TokenService;
import dev.herald.core.config.Settings;
import dev.herald.core.member.MemberService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Gives an empty installation its first organization, an admin member and a system administrator's
 * token, so that the first curl command works without any set-up.
 */
@ApplicationScoped
public class Bootstrap {

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  private final OrganizationService organizations;
  private final MemberService members;
  private final TokenService tokens;

  /** For the CDI proxy only. */
  Bootstrap() {
    this(null, null, null);
  }

  @Inject
  Bootstrap(OrganizationService organizations, MemberService members, TokenService tokens) {
    this.organizations = organizations;
    this.members = members;
    this.tokens = tokens;
  }

  /** Creates the bootstrap organization when there is no organization at all. */
  @Transactional
  public void run() {
    if (organizations.any()) {
      return;
    }
    var organizationId = Settings.get("herald.bootstrap.org", "default");
    var email = Settings.get("herald.bootstrap.admin.email", "admin@localhost");
    var organization = organizations.create(organizationId, organizationId);
    var admin = members.create(organization.id(), email, "Administrator", null);
    var chosen = Settings.get("herald.bootstrap.token");
    var issued =
        chosen.isPresent()
            ? tokens.store(
                organization.id(), admin.id(), Role.ADMIN, true, "bootstrap", null, chosen.get())
            : tokens.issue(organization.id(), admin.id(), Role.ADMIN, true, "bootstrap", null);
    LOG.info(
        () ->
            "Created organization '"
                + organization.id()
                + "' with admin "
                + email
                + (chosen.isPresent()
                    ? "; the bootstrap token is the value of HERALD_BOOTSTRAP_TOKEN"
                    : "; bootstrap admin token (shown once): " + issued.secret()));
  }
}
