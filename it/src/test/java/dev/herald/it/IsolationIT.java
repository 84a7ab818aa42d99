package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A token of one organization sees nothing of another: every endpoint answers 404. */
class IsolationIT extends HeraldIT {

  @Test
  void anotherOrganizationsTokenGets404Everywhere() {
    var a = Organization.create(systemAdmin(), "iso-a");
    var b = Organization.create(systemAdmin(), "iso-b");
    var adminOfA = a.token(a.member("admin@a.example"), "ADMIN");
    var bMember = b.member("x@b.example");
    var bSolution = b.solution("s");
    b.group(bSolution, "g", bMember);
    var bNotification =
        b.send(b.admin, "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\"}")
            .getString("notificationId");
    var p = b.path;
    var requests =
        List.of(
            new String[] {
              "POST", p + "/notifications", "{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\"}"
            },
            new String[] {"GET", p + "/notifications", null},
            new String[] {"GET", p + "/notifications/" + bNotification, null},
            new String[] {"GET", p + "/notifications/" + bNotification + "/deliveries", null},
            new String[] {"DELETE", p + "/notifications/" + bNotification, null},
            new String[] {"POST", p + "/members", "{\"email\":\"new@b.example\"}"},
            new String[] {"POST", p + "/members/bulk", "[{\"email\":\"new@b.example\"}]"},
            new String[] {"GET", p + "/members", null},
            new String[] {"GET", p + "/members/" + bMember, null},
            new String[] {"PATCH", p + "/members/" + bMember, "{\"name\":\"x\"}"},
            new String[] {"DELETE", p + "/members/" + bMember, null},
            new String[] {"GET", p + "/members/" + bMember + "/devices", null},
            new String[] {"POST", p + "/solutions", "{\"name\":\"x\"}"},
            new String[] {"GET", p + "/solutions", null},
            new String[] {"GET", p + "/solutions/" + bSolution, null},
            new String[] {"PATCH", p + "/solutions/" + bSolution, "{\"name\":\"x\"}"},
            new String[] {"DELETE", p + "/solutions/" + bSolution, null},
            new String[] {"PUT", p + "/solutions/" + bSolution + "/members/" + bMember, null},
            new String[] {"DELETE", p + "/solutions/" + bSolution + "/members/" + bMember, null},
            new String[] {"GET", p + "/solutions/" + bSolution + "/members", null},
            new String[] {"PUT", p + "/solutions/" + bSolution + "/groups/g", null},
            new String[] {"DELETE", p + "/solutions/" + bSolution + "/groups/g", null},
            new String[] {"GET", p + "/solutions/" + bSolution + "/groups", null},
            new String[] {
              "PUT", p + "/solutions/" + bSolution + "/groups/g/members/" + bMember, null
            },
            new String[] {
              "DELETE", p + "/solutions/" + bSolution + "/groups/g/members/" + bMember, null
            },
            new String[] {"GET", p + "/solutions/" + bSolution + "/groups/g/members", null},
            new String[] {
              "POST", p + "/tokens", "{\"memberId\":\"" + bMember + "\",\"role\":\"ADMIN\"}"
            },
            new String[] {"GET", p + "/tokens", null},
            new String[] {"DELETE", p + "/tokens/00000000-0000-0000-0000-000000000001", null},
            new String[] {"POST", p + "/devices", "{\"platform\":\"ios\",\"token\":\"t\"}"},
            new String[] {"DELETE", p + "/devices/00000000-0000-0000-0000-000000000001", null},
            new String[] {"GET", p + "/inbox", null},
            new String[] {"GET", p + "/inbox/unread-count", null},
            new String[] {"POST", p + "/inbox/" + bNotification + "/read", null},
            new String[] {"POST", p + "/inbox/read-all", null},
            new String[] {"GET", p + "/inbox/stream", null});
    for (var r : requests) {
      var reply =
          adminOfA.send(
              r[0],
              r[1],
              r[2],
              r[2] == null
                  ? java.util.Map.of()
                  : java.util.Map.of("Content-Type", "application/json"));
      assertThat(reply.status()).as(r[0] + " " + r[1] + " -> " + reply).isEqualTo(404);
      assertThat(reply.body()).doesNotContain(bMember).doesNotContain("x@b.example");
    }
    // and nothing changed in B
    assertThat(b.admin.get(p + "/members/" + bMember).status()).isEqualTo(200);
    assertThat(b.admin.get(p + "/notifications").items()).hasSize(1);
    assertThat(b.admin.get(p + "/solutions/" + bSolution + "/groups/g/members").items()).hasSize(1);
  }
}
