package dev.herald.core.member;

import dev.herald.core.auth.Caller;
import dev.herald.core.auth.TokenService;
import dev.herald.core.common.ConflictException;
import dev.herald.core.common.Cursor;
import dev.herald.core.common.HeraldUnit;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.InvalidRequestException.FieldError;
import dev.herald.core.common.NotFoundException;
import dev.herald.core.common.Page;
import dev.herald.core.common.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Adds, finds, changes and removes the members of an organization. */
@ApplicationScoped
@Transactional
public class MemberService {

  /** The most members one bulk request may add. */
  public static final int MAX_BULK = 10_000;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+");
  private static final int CHUNK = 1_000;

  @Inject @HeraldUnit EntityManager em;

  @Inject TokenService tokens;

  /** The data of one member to add. */
  public record NewMember(String email, String name, String externalId) {}

  /** The changes of a PATCH: {@code null} leaves a field as it is. */
  public record MemberChanges(String email, String name, String externalId) {}

  public Member create(String organizationId, String email, String name, String externalId) {
    return createAll(organizationId, List.of(new NewMember(email, name, externalId))).get(0);
  }

  /**
   * Adds members all-or-nothing: one bad or duplicate e-mail rejects the whole request, naming
   * every offending entry.
   */
  public List<Member> createAll(String organizationId, List<NewMember> requested) {
    if (requested.isEmpty() || requested.size() > MAX_BULK) {
      throw new InvalidRequestException(
          "A bulk request adds between 1 and " + MAX_BULK + " members");
    }
    var errors = new ArrayList<FieldError>();
    var keys = new HashSet<String>();
    for (int i = 0; i < requested.size(); i++) {
      var field = requested.size() == 1 ? "" : "[" + i + "].";
      var m = requested.get(i);
      checkEmail(field + "email", m.email(), errors);
      checkLength(field + "name", m.name(), errors);
      checkLength(field + "externalId", m.externalId(), errors);
      if (m.email() != null && !keys.add(Member.emailKey(m.email()))) {
        errors.add(new FieldError(field + "email", "appears twice in this request: " + m.email()));
      }
    }
    InvalidRequestException.throwIfAny(errors);
    var existing = existingKeys(organizationId, keys);
    if (!existing.isEmpty()) {
      throw new ConflictException("Members already exist: " + String.join(", ", existing));
    }
    var now = Timestamps.now();
    var created = new ArrayList<Member>();
    for (var m : requested) {
      var member =
          new Member(
              organizationId, m.email(), blankToNull(m.name()), blankToNull(m.externalId()), now);
      em.persist(member);
      created.add(member);
      if (created.size() % 500 == 0) {
        em.flush();
        em.clear();
      }
    }
    em.flush();
    return created;
  }

  public Member get(String organizationId, UUID memberId) {
    return find(organizationId, memberId)
        .orElseThrow(() -> new NotFoundException("Member not found"));
  }

  /** The organization's member with this id, if there is one. */
  public Optional<Member> find(String organizationId, UUID memberId) {
    var member = memberId == null ? null : em.find(Member.class, memberId);
    return member == null || !member.organizationId().equals(organizationId)
        ? Optional.empty()
        : Optional.of(member);
  }

  /** How many members the organization has: whom an {@code ORG} notification reaches. */
  public long count(String organizationId) {
    return em.createQuery("select count(m) from Member m where m.organizationId = :org", Long.class)
        .setParameter("org", organizationId)
        .getSingleResult();
  }

  /** Members whose e-mail, name or external id contains {@code q}, ordered by e-mail. */
  public Page<Member> search(String organizationId, String q, String limit, String cursor) {
    var size = Page.limit(limit);
    var after = Cursor.decode(cursor, 1);
    var jpql = new StringBuilder("select m from Member m where m.organizationId = :org");
    if (q != null && !q.isBlank()) {
      jpql.append(
          " and (m.emailKey like :q escape '\\' or lower(m.name) like :q escape '\\'"
              + " or lower(m.externalId) like :q escape '\\')");
    }
    if (after != null) {
      jpql.append(" and m.emailKey > :after");
    }
    jpql.append(" order by m.emailKey");
    var query = em.createQuery(jpql.toString(), Member.class).setParameter("org", organizationId);
    if (q != null && !q.isBlank()) {
      query.setParameter("q", "%" + likeEscape(q.trim().toLowerCase(Locale.ROOT)) + "%");
    }
    if (after != null) {
      query.setParameter("after", after.get(0));
    }
    var rows = query.setMaxResults(size + 1).getResultList();
    return Page.of(rows, size, m -> Cursor.encode(Member.emailKey(m.email())));
  }

  public Member update(String organizationId, UUID memberId, MemberChanges changes) {
    var member = get(organizationId, memberId);
    var errors = new ArrayList<FieldError>();
    if (changes.email() != null) {
      checkEmail("email", changes.email(), errors);
    }
    checkLength("name", changes.name(), errors);
    checkLength("externalId", changes.externalId(), errors);
    InvalidRequestException.throwIfAny(errors);
    if (changes.email() != null
        && !Member.emailKey(changes.email()).equals(Member.emailKey(member.email()))
        && !existingKeys(organizationId, List.of(Member.emailKey(changes.email()))).isEmpty()) {
      throw new ConflictException("Members already exist: " + Member.emailKey(changes.email()));
    }
    if (changes.email() != null) {
      member.changeEmail(changes.email());
    }
    if (changes.name() != null) {
      member.rename(blankToNull(changes.name()));
    }
    if (changes.externalId() != null) {
      member.changeExternalId(blankToNull(changes.externalId()));
    }
    return member;
  }

  /**
   * Removes a member with its devices, tokens, memberships and inbox. A member holding a system
   * administrator's token is removed only by a system administrator, and never with the last one.
   */
  public void delete(Caller by, String organizationId, UUID memberId) {
    var member = get(organizationId, memberId);
    tokens.checkMemberMayBeDeleted(by, member.id());
    em.remove(member);
  }

  /**
   * Maps e-mails to member ids, case-insensitively; the keys of the result are the e-mails as
   * given. E-mails that are not members are missing from the result.
   */
  public Map<String, UUID> idsByEmail(String organizationId, Collection<String> emails) {
    var byKey = new HashMap<String, UUID>();
    var keys = emails.stream().map(Member::emailKey).distinct().toList();
    if (keys.size() == 1) {
      // The common case, a notification to one member: Hibernate caches the translation of a
      // query without a list parameter, and translates one with a list again every time (a
      // seventh of a POST's CPU when it always took the list form).
      em.createQuery(
              "select m.id from Member m where m.organizationId = :org and m.emailKey = :key",
              UUID.class)
          .setParameter("org", organizationId)
          .setParameter("key", keys.get(0))
          .getResultStream()
          .findFirst()
          .ifPresent(id -> byKey.put(keys.get(0), id));
    }
    for (int i = 0; keys.size() > 1 && i < keys.size(); i += CHUNK) {
      em.createQuery(
              "select m.emailKey, m.id from Member m where m.organizationId = :org and m.emailKey in :keys",
              Object[].class)
          .setParameter("org", organizationId)
          .setParameter("keys", keys.subList(i, Math.min(keys.size(), i + CHUNK)))
          .getResultList()
          .forEach(row -> byKey.put((String) row[0], (UUID) row[1]));
    }
    var result = new HashMap<String, UUID>();
    for (var email : emails) {
      var id = byKey.get(Member.emailKey(email));
      if (id != null) {
        result.put(email, id);
      }
    }
    return result;
  }

  public Optional<Member> findByEmail(String organizationId, String email) {
    return em.createQuery(
            "select m from Member m where m.organizationId = :org and m.emailKey = :key",
            Member.class)
        .setParameter("org", organizationId)
        .setParameter("key", Member.emailKey(email))
        .getResultStream()
        .findFirst();
  }

  public Optional<Member> findByExternalId(String organizationId, String externalId) {
    return em.createQuery(
            "select m from Member m where m.organizationId = :org and m.externalId = :ext",
            Member.class)
        .setParameter("org", organizationId)
        .setParameter("ext", externalId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private List<String> existingKeys(String organizationId, Collection<String> keys) {
    var list = List.copyOf(keys);
    var found = new ArrayList<String>();
    for (int i = 0; i < list.size(); i += CHUNK) {
      found.addAll(
          em.createQuery(
                  "select m.emailKey from Member m where m.organizationId = :org and m.emailKey in :keys",
                  String.class)
              .setParameter("org", organizationId)
              .setParameter("keys", list.subList(i, Math.min(list.size(), i + CHUNK)))
              .getResultList());
    }
    found.sort(null);
    return found;
  }

  static boolean isEmail(String email) {
    return email != null && email.length() <= 320 && EMAIL.matcher(email.trim()).matches();
  }

  private static void checkEmail(String field, String email, List<FieldError> errors) {
    if (email == null || email.isBlank()) {
      errors.add(new FieldError(field, "is required"));
    } else if (!isEmail(email)) {
      errors.add(new FieldError(field, "is not an e-mail address: " + email));
    }
  }

  private static void checkLength(String field, String value, List<FieldError> errors) {
    if (value != null && value.length() > 200) {
      errors.add(new FieldError(field, "must be at most 200 characters"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String likeEscape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
