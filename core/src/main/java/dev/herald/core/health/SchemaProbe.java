package dev.herald.core.health;

import dev.herald.core.common.HeraldUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Reads the schema version from Flyway's history table: the database answers, and how far. */
@ApplicationScoped
public class SchemaProbe {

  /** A readiness probe must answer quickly, whatever the database does. */
  private static final int TIMEOUT_MS = 2_000;

  @Inject @HeraldUnit EntityManager em;

  /**
   * The version of the newest successful migration, or empty when none has run. Throws when the
   * database cannot be reached. Its own transaction, so that a failure here marks no other.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<String> version() {
    // Flyway names the table and its columns quoted, in lower case, on every database.
    var rows =
        em.createNativeQuery(
                "SELECT \"version\" FROM \"herald_schema_history\""
                    + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\" DESC")
            .setMaxResults(1)
            .setHint("jakarta.persistence.query.timeout", TIMEOUT_MS)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(String.valueOf(rows.get(0)));
  }
}
