package dev.herald.api.token;

import dev.herald.core.auth.AccessToken;
import dev.herald.core.common.Timestamps;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A token's metadata; {@code token} holds the secret only in the answer that created it. */
@JsonbPropertyOrder({
  "id",
  "token",
  "prefix",
  "memberId",
  "role",
  "systemAdmin",
  "name",
  "createdAt",
  "expiresAt",
  "revokedAt",
  "sendsPerMinute"
})
public record TokenResponse(
    String id,
    String token,
    String prefix,
    String memberId,
    String role,
    boolean systemAdmin,
    String name,
    String createdAt,
    String expiresAt,
    String revokedAt,
    Integer sendsPerMinute) {

  static TokenResponse of(AccessToken t, String secret) {
    return new TokenResponse(
        t.id().toString(),
        secret,
        t.prefix(),
        t.memberId().toString(),
        t.role().name(),
        t.systemAdmin(),
        t.name(),
        Timestamps.format(t.createdAt()),
        Timestamps.format(t.expiresAt()),
        Timestamps.format(t.revokedAt()),
        t.sendsPerMinute());
  }
}
