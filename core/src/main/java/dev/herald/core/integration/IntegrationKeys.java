package dev.herald.core.integration;

import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Secrets;
import dev.herald.core.common.Timestamps;
import dev.herald.core.limit.SendLimits;
import dev.herald.core.organization.OrganizationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, lists, revokes and checks integration keys, the Push API's credentials: a request names
 * its organization by company id and proves it with one of the organization's keys.
 */
@ApplicationScoped
@Transactional
public class IntegrationKeys {

  /** Every integration key starts with this, so that it can be recognised in a leak scan. */
  public static final String PREFIX = "hrd_ik_";

  /** The longest key Herald accepts; longer values are refused without a look-up. */
  public static final int MAX_KEY_LENGTH = 512;

  private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 4;

  @Inject @HeraldUnit EntityManager em;
  @Inject OrganizationService organizations;

  /**
   * Creates a key; it is returned once and only its hash is kept.
   *
   * @param createdBy who asked for it (a member id)
   * @param sendsPerMinute the key's own send limit, or {@code null} for the installation's
   */
  public IssuedIntegrationKey issue(
      String organizationId, String createdBy, String name, Integer sendsPerMinute) {
    if (name != null && name.length() > 200) {
      throw invalid("name", "must be at most 200 characters");
    }
    var limitProblem = SendLimits.ownLimitProblem(sendsPerMinute);
    if (limitProblem.isPresent()) {
      throw invalid("sendsPerMinute", limitProblem.get().message());
    }
    var organization = organizations.get(organizationId);
    var secret = Secrets.generate(PREFIX);
    var key =
        new IntegrationKey(
            organizationId,
            name,
            secret.substring(0, SHOWN_PREFIX_LENGTH),
            Secrets.hash(secret),
            sendsPerMinute,
            createdBy,
            Timestamps.now());
    em.persist(key);
    return new IssuedIntegrationKey(key, organization.companyId(), secret);
  }

  /** The organization's keys, revoked ones too, oldest first. */
  public List<IntegrationKey> list(String organizationId) {
    return em.createQuery(
            "select k from IntegrationKey k where k.organizationId = :org"
                + " order by k.createdAt, k.id",
            IntegrationKey.class)
        .setParameter("org", organizationId)
        .getResultList();
  }

  /** Revokes a key: requests with it are refused from now on. Revoking twice changes nothing. */
  public void revoke(String organizationId, UUID keyId) {
    var key = em.find(IntegrationKey.class, keyId);
    if (key == null || !key.organizationId().equals(organizationId)) {
      throw new NotFoundException("Integration key not found");
    }
    key.revoke(Timestamps.now());
  }

  /**
   * The credential a company id and key stand for, if the key is one of that company's and not
   * revoked. The key is looked up by its hash, and the stored hash is compared with the presented
   * one in constant time, so neither the look-up nor the comparison times the key itself.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<PushCredential> authenticate(int companyId, String presented) {
    if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
      return Optional.empty();
    }
    var hash = Secrets.hash(presented);
    return em.createQuery(
            "select k from IntegrationKey k, Organization o"
                + " where k.keyHash = :hash and o.id = k.organizationId and o.companyId = :company"
                + " and k.revokedAt is null",
            IntegrationKey.class)
        .setParameter("hash", hash)
        .setParameter("company", companyId)
        .getResultStream()
        .filter(k -> sameHash(k, hash))
        .findFirst()
        .map(k -> new PushCredential(k.organizationId(), k.id(), k.sendsPerMinute()));
  }

  private static boolean sameHash(IntegrationKey key, String hash) {
    return MessageDigest.isEqual(
        key.keyHash().getBytes(StandardCharsets.US_ASCII),
        hash.getBytes(StandardCharsets.US_ASCII));
  }

  private static InvalidRequestException invalid(String field, String problem) {
    return new InvalidRequestException(
        field + ": " + problem, List.of(new FieldError(field, problem)));
  }
}
