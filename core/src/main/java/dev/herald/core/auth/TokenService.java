package dev.herald.core.auth;

import dev.herald.core.common.ConflictException;
import dev.herald.core.common.ForbiddenException;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Secrets;
import dev.herald.core.common.Timestamps;
import dev.herald.core.limit.SendLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, checks, lists and revokes personal access tokens. System administrators' tokens are
 * managed only by system administrators, and the last usable one is never revoked (docs/adr/0006).
 */
@ApplicationScoped
@Transactional
public class TokenService {

  /** Every token Herald generates starts with this, so that it can be recognised in a leak scan. */
  public static final String PREFIX = "hrd_pat_";

  private static final String LAST_SYSTEM_ADMIN =
      "This is the last usable system administrator's token; issue another one"
          + " (POST .../tokens with \"systemAdmin\": true) before revoking it";

  /** The longest secret Herald accepts; longer bearer values are refused without a look-up. */
  public static final int MAX_SECRET_LENGTH = 512;

  private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 4;

  @Inject @HeraldUnit EntityManager em;

  /**
   * Creates a token for a member; the secret is returned once and only its hash is kept. Only a
   * system administrator may create another system administrator's token.
   *
   * @param sendsPerMinute the token's own send limit, or {@code null} for the installation's
   */
  public IssuedToken issue(
      Caller by,
      String organizationId,
      UUID memberId,
      Role role,
      boolean systemAdmin,
      String name,
      Instant expiresAt,
      Integer sendsPerMinute) {
    if (systemAdmin && !by.systemAdmin()) {
      throw new ForbiddenException(
          "Only a system administrator may issue a system administrator's token");
    }
    if (systemAdmin && role != Role.ADMIN) {
      throw new InvalidRequestException(
          "role: a system administrator's token has the role ADMIN",
          List.of(new FieldError("role", "a system administrator's token has the role ADMIN")));
    }
    if (expiresAt != null && !expiresAt.isAfter(Timestamps.now())) {
      throw new InvalidRequestException(
          "expiresAt: must be in the future",
          List.of(new FieldError("expiresAt", "must be in the future")));
    }
    var limitProblem = SendLimits.ownLimitProblem(sendsPerMinute);
    if (limitProblem.isPresent()) {
      throw new InvalidRequestException(
          "sendsPerMinute: " + limitProblem.get().message(), List.of(limitProblem.get()));
    }
    return store(
        organizationId, memberId, role, systemAdmin, name, expiresAt, newSecret(), sendsPerMinute);
  }

  /** Creates a token without checking who asks: for Herald's own start-up only. */
  public IssuedToken issue(
      String organizationId,
      UUID memberId,
      Role role,
      boolean systemAdmin,
      String name,
      Instant expiresAt) {
    return store(organizationId, memberId, role, systemAdmin, name, expiresAt, newSecret(), null);
  }

  private static String newSecret() {
    return Secrets.generate(PREFIX);
  }

  /** Whether a secret could ever authenticate: 1 to 512 visible ASCII characters. */
  public static boolean wellFormed(String secret) {
    if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH) {
      return false;
    }
    for (int i = 0; i < secret.length(); i++) {
      var c = secret.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        return false;
      }
    }
    return true;
  }

  /** Stores a token whose secret the operator chose (the bootstrap token). */
  public IssuedToken store(
      String organizationId,
      UUID memberId,
      Role role,
      boolean systemAdmin,
      String name,
      Instant expiresAt,
      String secret) {
    return store(organizationId, memberId, role, systemAdmin, name, expiresAt, secret, null);
  }

  private IssuedToken store(
      String organizationId,
      UUID memberId,
      Role role,
      boolean systemAdmin,
      String name,
      Instant expiresAt,
      String secret,
      Integer sendsPerMinute) {
    // Generated tokens show their type prefix and four random characters; a secret the operator
    // chose shows no more than a quarter of itself.
    var shown =
        secret.startsWith(PREFIX)
            ? secret.substring(0, SHOWN_PREFIX_LENGTH)
            : secret.substring(0, Math.min(4, secret.length() / 4));
    var token =
        new AccessToken(
            organizationId,
            memberId,
            role,
            systemAdmin,
            name,
            shown,
            Secrets.hash(secret),
            Timestamps.now(),
            expiresAt,
            sendsPerMinute);
    em.persist(token);
    return new IssuedToken(token, secret);
  }

  /** The caller a presented token stands for, if it is known, not revoked and not expired. */
  public Optional<Caller> authenticate(String secret) {
    return em.createQuery(
            "select t from AccessToken t where t.tokenHash = :hash", AccessToken.class)
        .setParameter("hash", Secrets.hash(secret))
        .getResultStream()
        .filter(t -> t.usableAt(Instant.now()))
        .findFirst()
        .map(
            t ->
                new Caller(
                    t.id(),
                    t.organizationId(),
                    t.memberId(),
                    t.role(),
                    t.systemAdmin(),
                    t.sendsPerMinute()));
  }

  /**
   * The organization's tokens. System administrators' tokens are shown only to system
   * administrators: to anyone else they do not exist.
   */
  public List<AccessToken> list(Caller by, String organizationId) {
    return em.createQuery(
            "select t from AccessToken t where t.organizationId = :org"
                + (by.systemAdmin() ? "" : " and t.systemAdmin = false")
                + " order by t.createdAt, t.id",
            AccessToken.class)
        .setParameter("org", organizationId)
        .getResultList();
  }

  /**
   * Revokes a token. A system administrator's token is not found by anyone else, and the last
   * usable one cannot be revoked, so that someone can always manage organizations.
   */
  public void revoke(Caller by, String organizationId, UUID tokenId) {
    var token = em.find(AccessToken.class, tokenId);
    if (token == null
        || !token.organizationId().equals(organizationId)
        || (token.systemAdmin() && !by.systemAdmin())) {
      throw new NotFoundException("Token not found");
    }
    if (token.systemAdmin() && token.usableAt(Instant.now())) {
      var others = usableSystemAdminTokens().stream().filter(t -> !t.id().equals(tokenId));
      if (others.findAny().isEmpty()) {
        throw new ConflictException(LAST_SYSTEM_ADMIN);
      }
    }
    token.revoke(Timestamps.now());
  }

  /**
   * Refuses to let a member go whose deletion would take a system administrator's token with it:
   * only a system administrator may delete such a member, and not the holder of the last usable
   * one. Called inside the transaction that deletes the member.
   */
  public void checkMemberMayBeDeleted(Caller by, UUID memberId) {
    var usable = usableSystemAdminTokens();
    if (usable.stream().noneMatch(t -> t.memberId().equals(memberId))) {
      return;
    }
    if (!by.systemAdmin()) {
      throw new ForbiddenException(
          "This member holds a system administrator's token; only a system administrator may"
              + " delete it");
    }
    if (usable.stream().allMatch(t -> t.memberId().equals(memberId))) {
      throw new ConflictException(
          "This member holds the last usable system administrator's token; issue another one"
              + " (POST .../tokens with \"systemAdmin\": true) for another member first");
    }
  }

  /** Whether the secret is a usable system administrator's token. */
  public boolean isUsableSystemAdmin(String secret) {
    return authenticate(secret).map(Caller::systemAdmin).orElse(false);
  }

  /**
   * Makes an operator-chosen secret a usable system administrator's token of the member, replacing
   * a revoked, expired or ordinary token with the same secret. Returns whether anything changed.
   */
  public boolean installSystemAdmin(String organizationId, UUID memberId, String secret) {
    var existing =
        em.createQuery("select t from AccessToken t where t.tokenHash = :hash", AccessToken.class)
            .setParameter("hash", Secrets.hash(secret))
            .getResultStream()
            .findFirst();
    if (existing.isPresent()
        && existing.get().systemAdmin()
        && existing.get().usableAt(Instant.now())) {
      return false;
    }
    existing.ifPresent(
        t -> {
          em.remove(t);
          em.flush();
        });
    store(organizationId, memberId, Role.ADMIN, true, "bootstrap", null, secret);
    return true;
  }

  /**
   * The system administrators' tokens that still work, locked until the transaction ends, so that
   * two requests cannot each revoke one of the last two.
   */
  private List<AccessToken> usableSystemAdminTokens() {
    var now = Instant.now();
    return em
        .createQuery(
            "select t from AccessToken t where t.systemAdmin = true and t.revokedAt is null",
            AccessToken.class)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .stream()
        .filter(t -> t.usableAt(now))
        .toList();
  }
}
