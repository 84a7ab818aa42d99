package dev.herald.core.auth;

import dev.herald.core.common.ForbiddenException;
import java.util.Arrays;
import java.util.UUID;

/**
 * Who is making a request: the token's organization, member and role.
 *
 * @param tokenId the token used, or {@code null} for a caller that did not use a token
 * @param organizationId the organization the token belongs to
 * @param memberId the member the token acts for
 * @param role what the token may do
 * @param systemAdmin whether the caller may manage organizations and act as ADMIN in any
 * @param sendsPerMinute the token's own send limit, or {@code null} for the installation's
 */
public record Caller(
    UUID tokenId,
    String organizationId,
    UUID memberId,
    Role role,
    boolean systemAdmin,
    Integer sendsPerMinute) {

  /** The name recorded in {@code createdBy} / {@code updatedBy}. */
  public String principal() {
    return memberId.toString();
  }

  /** Whether this caller may act in an organization at all (else it is told it does not exist). */
  public boolean canSee(String organization) {
    return systemAdmin || organizationId.equals(organization);
  }

  /** The role the caller has in an organization it can see. */
  public Role roleIn(String organization) {
    return systemAdmin && !organizationId.equals(organization) ? Role.ADMIN : role;
  }

  /** Throws unless the caller has one of the roles in the organization. */
  public void require(String organization, Role... allowed) {
    var actual = roleIn(organization);
    if (Arrays.stream(allowed).noneMatch(r -> r == actual)) {
      throw new ForbiddenException("This token's role (" + actual + ") may not do this");
    }
  }
}
