package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code GET /v2.0/tool/me}: who a token is, for any valid token and nobody else. */
class CallerIT extends HeraldIT {

  private static final String ME = "/v2.0/tool/me";

  @Test
  void eachRoleLearnsItsOrganizationMemberAndRole() {
    var org = Organization.create(systemAdmin(), "caller");
    for (var role : new String[] {"ADMIN", "SENDER", "MEMBER"}) {
      var email = role.toLowerCase(java.util.Locale.ROOT) + "@caller.example";
      var memberId = org.member(email);
      var reply = org.token(memberId, role).get(ME);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      var me = reply.json();
      assertThat(me.getString("organizationId")).isEqualTo(org.id);
      assertThat(me.getString("organizationName")).isEqualTo("caller");
      assertThat(me.getString("memberId")).isEqualTo(memberId);
      assertThat(me.getString("email")).isEqualTo(email);
      assertThat(me.getString("role")).isEqualTo(role);
      assertThat(me.getBoolean("systemAdmin")).isFalse();
    }
    assertThat(systemAdmin().get(ME).json().getBoolean("systemAdmin")).isTrue();
  }

  @Test
  void noTokenABadOneAndARevokedOneAre401() {
    var org = Organization.create(systemAdmin(), "caller-revoked");
    var member = org.token(org.member("gone@caller.example"), "ADMIN");
    assertThat(member.get(ME).status()).isEqualTo(200);
    var tokenId = org.admin.get(org.path + "/tokens").items().getJsonObject(0).getString("id");
    assertThat(org.admin.delete(org.path + "/tokens/" + tokenId).status()).isEqualTo(204);

    assertThat(member.get(ME).status()).isEqualTo(401);
    assertThat(member.as(null).get(ME).status()).isEqualTo(401);
    assertThat(member.as("hrd_pat_nonsense").get(ME).status()).isEqualTo(401);
    assertThat(member.as(null).get(ME).json().getString("message")).isEqualTo("Unauthorized");
  }
}
