package dev.herald.it.hostapp;

import dev.herald.core.common.HeraldUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Tells Herald that its entities live in the shop's persistence unit. */
@ApplicationScoped
public class HeraldStorage {

  @Produces
  @HeraldUnit
  @PersistenceContext(unitName = "shop")
  EntityManager heraldUnit;
}
