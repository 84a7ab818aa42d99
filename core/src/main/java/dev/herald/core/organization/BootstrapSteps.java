package dev.herald.core.organization;

import dev.herald.core.auth.Role;
import dev.herald.core.auth.TokenService;
import dev.herald.core.config.Settings;
import dev.herald.core.member.MemberService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;

/** The work of {@link Bootstrap}, in one transaction of its own. */
@ApplicationScoped
class BootstrapSteps {

  static final String TOKEN = "herald.bootstrap.token";

  private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

  private final OrganizationService organizations;
  private final MemberService members;
  private final TokenService tokens;

  /** For the CDI proxy only. */
  BootstrapSteps() {
    this(null, null, null);
  }

  @Inject
  BootstrapSteps(OrganizationService organizations, MemberService members, TokenService tokens) {
    this.organizations = organizations;
    this.members = members;
    this.tokens = tokens;
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void run(Optional<String> chosen) {
    if (!organizations.any()) {
      createFirstOrganization(chosen);
    } else {
      chosen.ifPresent(this::reinstall);
    }
  }

  private void createFirstOrganization(Optional<String> chosen) {
    var organizationId = Settings.get("herald.bootstrap.org", "default");
    var email = Settings.get("herald.bootstrap.admin.email", "admin@localhost");
    var organization = organizations.create(organizationId, organizationId);
    var admin = members.create(organization.id(), email, "Administrator", null);
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

  /**
   * Makes the configured secret a usable system administrator's token, unless it is one: the
   * operator's way back in when every system administrator's secret is lost, revoked or expired.
   */
  private void reinstall(String secret) {
    if (tokens.isUsableSystemAdmin(secret)) {
      return;
    }
    var organizationId = Settings.get("herald.bootstrap.org", "default");
    var email = Settings.get("herald.bootstrap.admin.email", "admin@localhost");
    var organization =
        organizations
            .find(organizationId)
            .orElseGet(() -> organizations.create(organizationId, organizationId));
    var admin =
        members
            .findByEmail(organization.id(), email)
            .orElseGet(() -> members.create(organization.id(), email, "Administrator", null));
    if (tokens.installSystemAdmin(organization.id(), admin.id(), secret)) {
      LOG.warning(
          () ->
              "Installed the value of HERALD_BOOTSTRAP_TOKEN as a system administrator's token of "
                  + email
                  + " in organization '"
                  + organization.id()
                  + "': no usable system administrator's token had that secret. While the"
                  + " setting is set, this happens at every start; remove it once you have"
                  + " issued system administrators' tokens of your own.");
    }
  }
}
