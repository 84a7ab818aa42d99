package dev.herald.core.solution;

import dev.herald.core.common.Cursor;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Page;
import dev.herald.core.common.Timestamps;
import dev.herald.core.member.Member;
import dev.herald.core.member.MemberService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Solutions, the members assigned to them, and the named groups within them. */
@ApplicationScoped
@Transactional
public class SolutionService {

  @Inject @HeraldUnit EntityManager em;

  private final MemberService members;

  /** For the CDI proxy only. */
  SolutionService() {
    this(null);
  }

  @Inject
  SolutionService(MemberService members) {
    this.members = members;
  }

  public Solution create(String organizationId, String name) {
    var solution = new Solution(organizationId, checkName("name", name), Timestamps.now());
    em.persist(solution);
    return solution;
  }

  public Page<Solution> list(String organizationId, String limit, String cursor) {
    var size = Page.limit(limit);
    var after = Cursor.decode(cursor, 2);
    var query =
        em.createQuery(
                "select s from Solution s where s.organizationId = :org"
                    + (after == null
                        ? ""
                        : " and (s.createdAt > :at or (s.createdAt = :at and s.id > :id))")
                    + " order by s.createdAt, s.id",
                Solution.class)
            .setParameter("org", organizationId);
    if (after != null) {
      query
          .setParameter("at", Cursor.instant(after.get(0)))
          .setParameter("id", Cursor.uuid(after.get(1)));
    }
    return Page.of(
        query.setMaxResults(size + 1).getResultList(),
        size,
        s -> Cursor.encode(s.createdAt().toString(), s.id().toString()));
  }

  public Solution get(String organizationId, UUID solutionId) {
    var solution = solutionId == null ? null : em.find(Solution.class, solutionId);
    if (solution == null || !solution.organizationId().equals(organizationId)) {
      throw new NotFoundException("Solution not found");
    }
    return solution;
  }

  public Solution rename(String organizationId, UUID solutionId, String name) {
    var solution = get(organizationId, solutionId);
    solution.rename(checkName("name", name));
    return solution;
  }

  public void delete(String organizationId, UUID solutionId) {
    em.remove(get(organizationId, solutionId));
  }

  /** Assigns a member to a solution; assigning twice is not an error. */
  public void assign(String organizationId, UUID solutionId, UUID memberId) {
    get(organizationId, solutionId);
    members.get(organizationId, memberId);
    em.createNativeQuery(
            "INSERT INTO solution_member (solution_id, member_id) SELECT ?1, ?2 WHERE NOT EXISTS"
                + " (SELECT 1 FROM solution_member WHERE solution_id = ?1 AND member_id = ?2)")
        .setParameter(1, solutionId)
        .setParameter(2, memberId)
        .executeUpdate();
  }

  /** Removes a member from a solution and from all of its groups. */
  public void unassign(String organizationId, UUID solutionId, UUID memberId) {
    get(organizationId, solutionId);
    members.get(organizationId, memberId);
    em.createNativeQuery(
            "DELETE FROM group_member WHERE member_id = ?2 AND group_id IN"
                + " (SELECT id FROM solution_group WHERE solution_id = ?1)")
        .setParameter(1, solutionId)
        .setParameter(2, memberId)
        .executeUpdate();
    em.createNativeQuery("DELETE FROM solution_member WHERE solution_id = ?1 AND member_id = ?2")
        .setParameter(1, solutionId)
        .setParameter(2, memberId)
        .executeUpdate();
  }

  public Page<Member> members(String organizationId, UUID solutionId, String limit, String cursor) {
    get(organizationId, solutionId);
    return memberPage(
        "SELECT m.* FROM member m JOIN solution_member x ON x.member_id = m.id"
            + " WHERE x.solution_id = ?1",
        solutionId,
        limit,
        cursor);
  }

  /** Creates a group if it does not exist yet and returns it. */
  public SolutionGroup putGroup(String organizationId, UUID solutionId, String name) {
    get(organizationId, solutionId);
    var groupName = checkName("group", name);
    if (groupName.contains(",")) {
      throw new InvalidRequestException("group names may not contain ','");
    }
    return findGroup(solutionId, groupName)
        .orElseGet(
            () -> {
              var group = new SolutionGroup(solutionId, groupName, Timestamps.now());
              em.persist(group);
              return group;
            });
  }

  public void deleteGroup(String organizationId, UUID solutionId, String name) {
    em.remove(group(organizationId, solutionId, name));
  }

  public List<SolutionGroup> groups(String organizationId, UUID solutionId) {
    get(organizationId, solutionId);
    return em.createQuery(
            "select g from SolutionGroup g where g.solutionId = :s order by g.name",
            SolutionGroup.class)
        .setParameter("s", solutionId)
        .getResultList();
  }

  /** Adds a member to a group, assigning it to the group's solution as well. */
  public void addToGroup(String organizationId, UUID solutionId, String name, UUID memberId) {
    var group = group(organizationId, solutionId, name);
    assign(organizationId, solutionId, memberId);
    em.createNativeQuery(
            "INSERT INTO group_member (group_id, member_id) SELECT ?1, ?2 WHERE NOT EXISTS"
                + " (SELECT 1 FROM group_member WHERE group_id = ?1 AND member_id = ?2)")
        .setParameter(1, group.id())
        .setParameter(2, memberId)
        .executeUpdate();
  }

  public void removeFromGroup(String organizationId, UUID solutionId, String name, UUID memberId) {
    var group = group(organizationId, solutionId, name);
    members.get(organizationId, memberId);
    em.createNativeQuery("DELETE FROM group_member WHERE group_id = ?1 AND member_id = ?2")
        .setParameter(1, group.id())
        .setParameter(2, memberId)
        .executeUpdate();
  }

  public Page<Member> groupMembers(
      String organizationId, UUID solutionId, String name, String limit, String cursor) {
    var group = group(organizationId, solutionId, name);
    return memberPage(
        "SELECT m.* FROM member m JOIN group_member x ON x.member_id = m.id WHERE x.group_id = ?1",
        group.id(),
        limit,
        cursor);
  }

  /** The ids of a solution's groups by name; names that are not groups are missing. */
  public Map<String, UUID> groupIds(UUID solutionId, Collection<String> names) {
    var ids = new HashMap<String, UUID>();
    if (names.isEmpty()) {
      return ids;
    }
    em.createQuery(
            "select g from SolutionGroup g where g.solutionId = :s and g.name in :names",
            SolutionGroup.class)
        .setParameter("s", solutionId)
        .setParameter("names", names)
        .getResultList()
        .forEach(g -> ids.put(g.name(), g.id()));
    return ids;
  }

  private SolutionGroup group(String organizationId, UUID solutionId, String name) {
    get(organizationId, solutionId);
    return findGroup(solutionId, name)
        .orElseThrow(() -> new NotFoundException("Group not found: " + name));
  }

  private java.util.Optional<SolutionGroup> findGroup(UUID solutionId, String name) {
    return em.createQuery(
            "select g from SolutionGroup g where g.solutionId = :s and g.name = :n",
            SolutionGroup.class)
        .setParameter("s", solutionId)
        .setParameter("n", name)
        .getResultStream()
        .findFirst();
  }

  @SuppressWarnings("unchecked")
  private Page<Member> memberPage(String sql, UUID owner, String limit, String cursor) {
    var size = Page.limit(limit);
    var after = Cursor.decode(cursor, 1);
    var query =
        em.createNativeQuery(
                sql + (after == null ? "" : " AND m.email_key > ?2") + " ORDER BY m.email_key",
                Member.class)
            .setParameter(1, owner);
    if (after != null) {
      query.setParameter(2, after.get(0));
    }
    return Page.of(
        (List<Member>) query.setMaxResults(size + 1).getResultList(),
        size,
        m -> Cursor.encode(Member.emailKey(m.email())));
  }

  private static String checkName(String field, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidRequestException(
          field + " is required",
          List.of(new InvalidRequestException.FieldError(field, "is required")));
    }
    if (name.trim().length() > 200) {
      throw new InvalidRequestException(
          field + " must be at most 200 characters",
          List.of(new InvalidRequestException.FieldError(field, "must be at most 200 characters")));
    }
    return name.trim();
  }
}
