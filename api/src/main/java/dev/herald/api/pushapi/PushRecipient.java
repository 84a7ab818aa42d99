package dev.herald.api.pushapi;

import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import dev.herald.core.member.Member;
import dev.herald.core.member.MemberService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The member a Push API request is for. Each identifier given must name a member of the
 * organization, and all of them the same member: a request whose identifiers disagree is refused
 * rather than sent to one of them.
 */
final class PushRecipient {

  private PushRecipient() {}

  static Member of(PushRequest request, String organizationId, MemberService members) {
    var found = new ArrayList<Member>();
    var errors = new ArrayList<ResponseError>();
    if (request.userId() != null) {
      add(byId(request.userId(), organizationId, members), PushField.USER_ID, found, errors);
    }
    if (request.userEmail() != null) {
      add(
          members.findByEmail(organizationId, request.userEmail()),
          PushField.USER_EMAIL,
          found,
          errors);
    }
    if (request.userExternalId() != null) {
      add(
          members.findByExternalId(organizationId, request.userExternalId()),
          PushField.USER_EXTERNAL_ID,
          found,
          errors);
    }
    if (errors.isEmpty() && found.stream().map(Member::id).distinct().count() > 1) {
      errors.add(
          new ResponseError(
              "Invalid",
              PushField.USER_ID.documented(),
              "The user identifiers given name different users"));
    }
    if (!errors.isEmpty()) {
      throw PushRefusal.invalid(List.copyOf(errors));
    }
    return found.get(0);
  }

  private static Optional<Member> byId(String text, String organizationId, MemberService members) {
    UUID id;
    try {
      id = UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return members.find(organizationId, id);
  }

  private static void add(
      Optional<Member> member, PushField field, List<Member> found, List<ResponseError> errors) {
    member.ifPresentOrElse(
        found::add,
        () -> errors.add(new ResponseError("NotFound", field.documented(), "No such user")));
  }
}
