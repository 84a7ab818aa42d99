package dev.herald.core.auth;

import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Issues, checks, lists and revokes personal access tokens. */
@ApplicationScoped
@Transactional
public class TokenService {

  /** Every token Herald generates starts with this, so that it can be recognised in a leak scan. */
  public static final String PREFIX = "hrd_pat_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SHOWN_PREFIX_LENGTH = PREFIX.length() + 4;

  @PersistenceContext(unitName = "herald")
  EntityManager em;

  /** Creates a token for a member; the secret is returned once and only its hash is kept. */
  public IssuedToken issue(
      String organizationId,
      UUID memberId,
      Role role,
      boolean systemAdmin,
      String name,
      Instant expiresAt) {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    var secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return store(organizationId, memberId, role, systemAdmin, name, expiresAt, secret);
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
            hash(secret),
            Timestamps.now(),
            expiresAt);
    em.persist(token);
    return new IssuedToken(token, secret);
  }

  /** The caller a presented token stands for, if it is known, not revoked and not expired. */
  public Optional<Caller> authenticate(String secret) {
    return em.createQuery(
            "select t from AccessToken t where t.tokenHash = :hash", AccessToken.class)
        .setParameter("hash", hash(secret))
        .getResultStream()
        .filter(t -> t.usableAt(Instant.now()))
        .findFirst()
        .map(t -> new Caller(t.id(), t.organizationId(), t.memberId(), t.role(), t.systemAdmin()));
  }

  public List<AccessToken> list(String organizationId) {
    return em.createQuery(
            "select t from AccessToken t where t.organizationId = :org order by t.createdAt, t.id",
            AccessToken.class)
        .setParameter("org", organizationId)
        .getResultList();
  }

  public void revoke(String organizationId, UUID tokenId) {
    var token = em.find(AccessToken.class, tokenId);
    if (token == null || !token.organizationId().equals(organizationId)) {
      throw new NotFoundException("Token not found");
    }
    token.revoke(Timestamps.now());
  }

  static String hash(String secret) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
