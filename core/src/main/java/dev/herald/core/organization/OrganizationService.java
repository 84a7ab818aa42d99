package dev.herald.core.organization;

import dev.herald.core.common.ConflictException;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Creates and finds organizations. */
@ApplicationScoped
@Transactional
public class OrganizationService {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  @Inject @HeraldUnit EntityManager em;

  /**
   * Creates an organization. The id is the caller's choice (letters, digits, '-' and '_') or a new
   * UUID; the Push API's integer company id is assigned here and never changes.
   */
  public Organization create(String id, String name) {
    var chosenId = id == null || id.isBlank() ? java.util.UUID.randomUUID().toString() : id.trim();
    if (!ID.matcher(chosenId).matches()) {
      throw new InvalidRequestException(
          "id may contain only letters, digits, '-' and '_' (at most 64 characters)",
          List.of(
              new InvalidRequestException.FieldError(
                  "id", "may contain only letters, digits, '-' and '_' (at most 64 characters)")));
    }
    if (em.find(Organization.class, chosenId) != null) {
      throw new ConflictException("Organization " + chosenId + " already exists");
    }
    var next =
        em.createQuery("select coalesce(max(o.companyId), 1000) from Organization o", Integer.class)
                .getSingleResult()
            + 1;
    var organization = new Organization(chosenId, name.trim(), next, Timestamps.now());
    em.persist(organization);
    em.flush();
    return organization;
  }

  public List<Organization> list() {
    return em.createQuery(
            "select o from Organization o order by o.createdAt, o.id", Organization.class)
        .getResultList();
  }

  public Optional<Organization> find(String id) {
    return Optional.ofNullable(em.find(Organization.class, id));
  }

  public Organization get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("Organization not found"));
  }

  public Optional<Organization> findByCompanyId(int companyId) {
    return em.createQuery("select o from Organization o where o.companyId = :c", Organization.class)
        .setParameter("c", companyId)
        .getResultStream()
        .findFirst();
  }

  public boolean any() {
    return !em.createQuery("select o.id from Organization o", String.class)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }
}
