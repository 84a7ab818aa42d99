package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/**
 * A fresh organization made for one test class through the API, with helpers to add members,
 * solutions and tokens. Each test class works in its own organization, so classes never see each
 * other's data.
 */
final class Organization {

  final String id;
  final String path;

  /** The system administrator, acting as ADMIN here. */
  final Api admin;

  private Organization(String id, Api admin) {
    this.id = id;
    this.path = "/v2.0/tool/organizations/" + id;
    this.admin = admin;
  }

  static Organization create(Api systemAdmin, String prefix) {
    var id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    var reply =
        systemAdmin.post(
            "/v2.0/tool/organizations",
            "{\"id\":" + Api.q(id) + ",\"name\":" + Api.q(prefix) + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return new Organization(id, systemAdmin);
  }

  /** The same organization, reached through another client (another server of the same data). */
  Organization through(Api systemAdmin) {
    return new Organization(id, systemAdmin);
  }

  String member(String email) {
    var reply = admin.post(path + "/members", "{\"email\":" + Api.q(email) + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  String solution(String name) {
    var reply = admin.post(path + "/solutions", "{\"name\":" + Api.q(name) + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  void assign(String solutionId, String memberId) {
    assertThat(admin.put(path + "/solutions/" + solutionId + "/members/" + memberId).status())
        .isEqualTo(204);
  }

  void group(String solutionId, String group, String... memberIds) {
    assertThat(admin.put(path + "/solutions/" + solutionId + "/groups/" + group).status())
        .isEqualTo(200);
    for (var memberId : memberIds) {
      assertThat(
              admin
                  .put(
                      path
                          + "/solutions/"
                          + solutionId
                          + "/groups/"
                          + group
                          + "/members/"
                          + memberId)
                  .status())
          .isEqualTo(204);
    }
  }

  /** A token for a member with a role; the returned client acts with it. */
  Api token(String memberId, String role) {
    var reply =
        admin.post(
            path + "/tokens",
            "{\"memberId\":" + Api.q(memberId) + ",\"role\":" + Api.q(role) + "}");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return admin.as(reply.json().getString("token"));
  }

  /** Sends a notification as the given client and returns the 201 answer's body. */
  jakarta.json.JsonObject send(Api sender, String json) {
    var reply = sender.post(path + "/notifications", json);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  /** How many of the organization's latest 100 notifications have this title, from the list. */
  long sentTitled(String title) {
    var reply = admin.get(path + "/notifications?limit=100");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.items().getValuesAs(jakarta.json.JsonObject.class).stream()
        .filter(n -> title.equals(n.getJsonObject("content").getString("title")))
        .count();
  }

  /** How many items with this title the member acting through {@code member} has in the inbox. */
  long inboxTitled(Api member, String title) {
    var reply = member.get(path + "/inbox");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.items().getValuesAs(jakarta.json.JsonObject.class).stream()
        .filter(i -> title.equals(i.getString("title")))
        .count();
  }
}
