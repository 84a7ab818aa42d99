package dev.herald.core.webhook;

import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.NotConfiguredException;
import dev.herald.core.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.logging.Logger;

/**
 * Checks the server's key for webhook secrets at start-up, so that a missing or wrong key stops the
 * node with the setting's name rather than answering every webhook request with a refusal: when
 * webhooks are in use, the key must be set and must open their secrets; when it is set, it must be
 * a key at all.
 */
@ApplicationScoped
@Transactional
public class WebhookKeyCheck {

  private static final Logger LOG = Logger.getLogger(WebhookKeyCheck.class.getName());

  @Inject @HeraldUnit EntityManager em;

  /**
   * Runs the check.
   *
   * @throws IllegalStateException naming the setting, after logging it at SEVERE
   */
  public void run() {
    var newest =
        em.createQuery(
                "select w from Webhook w where w.revokedAt is null"
                    + " order by w.createdAt desc, w.id",
                Webhook.class)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (newest.isEmpty() && Settings.get(WebhookKey.SETTING).isEmpty()) {
      LOG.info(() -> "Inbound webhooks are off until " + WebhookKey.named() + " is set");
      return;
    }
    SecretBox box;
    try {
      box = WebhookKey.box();
    } catch (NotConfiguredException e) {
      throw refuse(
          e.getMessage() + (newest.isPresent() ? "; this database has webhooks in use" : ""));
    }
    if (newest.isPresent()) {
      var webhook = newest.get();
      try {
        box.open(webhook.sealedSecret(), webhook.id().toString());
      } catch (IllegalArgumentException e) {
        throw refuse(
            "The key in "
                + WebhookKey.named()
                + " does not open the secrets of this database's webhooks (of "
                + webhook.id()
                + "): it is not the key they were created with");
      }
    }
  }

  private static IllegalStateException refuse(String message) {
    LOG.severe(() -> "Herald does not start: " + message);
    return new IllegalStateException(message);
  }
}
