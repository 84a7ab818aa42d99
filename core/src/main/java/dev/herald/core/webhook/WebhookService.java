package dev.herald.core.webhook;

import dev.herald.core.common.ConflictException;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.common.NotConfiguredException;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Timestamps;
import dev.herald.core.limit.SendLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Creates, lists, rotates and revokes an organization's inbound webhooks, and tells whether a
 * request to one is signed by it (ADR 0015). A webhook of another organization is not found.
 */
@ApplicationScoped
@Transactional
public class WebhookService {

  /** How long the secret before a rotation still signs valid requests. */
  public static final Duration ROTATION_GRACE = Duration.ofHours(24);

  private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());

  @Inject @HeraldUnit EntityManager em;

  /**
   * Creates a webhook; its secret is returned once and kept only sealed.
   *
   * @param createdBy who creates it (a REST caller's member id)
   * @param sendsPerMinute its own send limit, or {@code null} for the installation's
   * @throws NotConfiguredException without the server's key
   */
  public IssuedWebhook create(
      String organizationId, String createdBy, String name, Integer sendsPerMinute) {
    var problems = new ArrayList<FieldError>();
    if (name != null && name.length() > 200) {
      problems.add(new FieldError("name", "must be at most 200 characters"));
    }
    SendLimits.ownLimitProblem(sendsPerMinute).ifPresent(problems::add);
    InvalidRequestException.throwIfAny(problems);
    var box = WebhookKey.box();
    var id = UUID.randomUUID();
    var key = StandardWebhooks.newKey();
    var webhook =
        new Webhook(
            id,
            organizationId,
            name,
            box.seal(key, id.toString()),
            sendsPerMinute,
            Timestamps.now(),
            createdBy);
    em.persist(webhook);
    return new IssuedWebhook(webhook, StandardWebhooks.secret(key));
  }

  /** The organization's webhooks, revoked ones too, oldest first. */
  public List<Webhook> list(String organizationId) {
    return em.createQuery(
            "select w from Webhook w where w.organizationId = :org order by w.createdAt, w.id",
            Webhook.class)
        .setParameter("org", organizationId)
        .getResultList();
  }

  /** Revokes a webhook: every request to it is refused from now on. Revoking twice is no error. */
  public void revoke(String organizationId, UUID id) {
    find(organizationId, id).revoke(Timestamps.now());
  }

  /**
   * Gives a webhook a new secret, returned once; the one it had stays valid for {@link
   * #ROTATION_GRACE}, so that its sender can switch without losing requests. A secret before that
   * one is no longer valid.
   */
  public IssuedWebhook rotate(String organizationId, UUID id) {
    var box = WebhookKey.box();
    var webhook = find(organizationId, id);
    if (webhook.revokedAt() != null) {
      throw new ConflictException("This webhook is revoked; create a new one");
    }
    var key = StandardWebhooks.newKey();
    var now = Timestamps.now();
    webhook.rotate(box.seal(key, id.toString()), now, now.plus(ROTATION_GRACE));
    return new IssuedWebhook(webhook, StandardWebhooks.secret(key));
  }

  /**
   * The webhook a request was sent to, if it exists in the organization, is not revoked, and the
   * request is signed with one of its valid secrets within the tolerance of now. Why a request is
   * refused is not told: an unknown webhook looks like a bad signature.
   *
   * @param webhookId the id from the request's path, as sent
   * @param messageId the {@code webhook-id} header
   * @param timestamp the {@code webhook-timestamp} header
   * @param signatures the {@code webhook-signature} header
   * @param body the body exactly as received
   */
  public Optional<Webhook> authenticate(
      String organizationId,
      String webhookId,
      String messageId,
      String timestamp,
      String signatures,
      byte[] body) {
    var box = WebhookKey.box();
    UUID id;
    try {
      id = UUID.fromString(webhookId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    var webhook = em.find(Webhook.class, id);
    if (webhook == null
        || !webhook.organizationId().equals(organizationId)
        || webhook.revokedAt() != null) {
      return Optional.empty();
    }
    var now = Instant.now();
    var keys = new ArrayList<byte[]>();
    for (var sealed : webhook.sealedSecrets(now)) {
      try {
        keys.add(box.open(sealed, id.toString()));
      } catch (IllegalArgumentException e) {
        LOG.warning(
            () ->
                "A secret of webhook "
                    + id
                    + " does not open with the key in "
                    + WebhookKey.named()
                    + "; was the key changed?");
      }
    }
    return StandardWebhooks.verify(keys, messageId, timestamp, signatures, body, now)
        ? Optional.of(webhook)
        : Optional.empty();
  }

  private Webhook find(String organizationId, UUID id) {
    var webhook = id == null ? null : em.find(Webhook.class, id);
    if (webhook == null || !webhook.organizationId().equals(organizationId)) {
      throw new NotFoundException("Webhook not found");
    }
    return webhook;
  }
}
