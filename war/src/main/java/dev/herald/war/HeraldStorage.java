package dev.herald.war;

import dev.herald.core.common.HeraldUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Herald's services work in this WAR's persistence unit {@code herald} (META-INF/persistence.xml).
 */
@ApplicationScoped
public class HeraldStorage {

  @Produces
  @HeraldUnit
  @PersistenceContext(unitName = "herald")
  EntityManager heraldUnit;
}
