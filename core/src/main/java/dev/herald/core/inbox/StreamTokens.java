package dev.herald.core.inbox;

import dev.herald.core.common.HeraldUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which of the tokens that opened this node's streams may still be used: not revoked, not expired,
 * and their member not deleted. A revocation may happen on any node, so each node asks the
 * database, in one query for all its streams.
 */
@ApplicationScoped
@Transactional
public class StreamTokens {

  private static final int CHUNK = 500;

  @Inject @HeraldUnit EntityManager em;

  public Set<UUID> usable(Collection<UUID> tokenIds) {
    var usable = new HashSet<UUID>();
    var ids = List.copyOf(tokenIds);
    var now = Instant.now();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      usable.addAll(
          em.createQuery(
                  "select t.id from AccessToken t where t.id in :ids and t.revokedAt is null"
                      + " and (t.expiresAt is null or t.expiresAt > :now)"
                      + " and exists (select m.id from Member m where m.id = t.memberId)",
                  UUID.class)
              .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK)))
              .setParameter("now", now)
              .getResultList());
    }
    return usable;
  }
}
