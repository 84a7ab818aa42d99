package dev.herald.core.common;

import jakarta.persistence.EntityManager;

/**
 * Which database a persistence unit runs on, for the few statements that must differ between
 * PostgreSQL and H2. Asked with a query both answer (JPA cannot hand out the connection's
 * metadata): only PostgreSQL lists its {@code pg_catalog} tables in the standard catalog.
 */
public final class DatabaseProduct {

  private DatabaseProduct() {}

  public static boolean isPostgres(EntityManager em) {
    var tables =
        (Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'pg_catalog'")
                .getSingleResult();
    return tables.longValue() > 0;
  }
}
