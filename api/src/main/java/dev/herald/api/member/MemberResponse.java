package dev.herald.api.member;

import dev.herald.core.common.Timestamps;
import dev.herald.core.member.Member;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A member as the API shows it. */
@JsonbPropertyOrder({"id", "organizationId", "email", "name", "externalId", "createdAt"})
public record MemberResponse(
    String id,
    String organizationId,
    String email,
    String name,
    String externalId,
    String createdAt) {

  public static MemberResponse of(Member m) {
    return new MemberResponse(
        m.id().toString(),
        m.organizationId(),
        m.email(),
        m.name(),
        m.externalId(),
        Timestamps.format(m.createdAt()));
  }
}
