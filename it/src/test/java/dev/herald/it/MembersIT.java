package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Members, solutions, groups, tokens and organizations through the API. */
class MembersIT extends HeraldIT {

  private Organization org;
  private Api admin;

  @BeforeEach
  void setUp() {
    org = Organization.create(systemAdmin(), "members");
    admin = org.admin;
  }

  @Test
  void membersLifeCycle() {
    var created =
        admin.post(
            org.path + "/members",
            "{\"email\":\"Ann@Example.com\",\"name\":\"Ann\",\"externalId\":\"E-1\"}");
    assertThat(created.status()).isEqualTo(201);
    var id = created.json().getString("id");
    assertThat(created.header("Location")).endsWith(org.path + "/members/" + id);
    assertThat(created.json().getString("email")).isEqualTo("Ann@Example.com");
    assertThat(admin.post(org.path + "/members", "{\"email\":\"ann@example.COM\"}").status())
        .isEqualTo(409);
    assertThat(admin.post(org.path + "/members", "{\"email\":\"not-an-email\"}").status())
        .isEqualTo(400);

    var patched = admin.patch(org.path + "/members/" + id, "{\"name\":\"Ann B\"}");
    assertThat(patched.json().getString("name")).isEqualTo("Ann B");
    assertThat(patched.json().getString("externalId")).isEqualTo("E-1");
    assertThat(admin.get(org.path + "/members?q=ann%20b").items()).hasSize(1);
    assertThat(admin.get(org.path + "/members?q=e-1").items()).hasSize(1);
    assertThat(admin.get(org.path + "/members?q=nobody").items()).isEmpty();

    assertThat(admin.delete(org.path + "/members/" + id).status()).isEqualTo(204);
    assertThat(admin.get(org.path + "/members/" + id).status()).isEqualTo(404);
  }

  @Test
  void bulkAddsTenThousandMembersAllOrNothing() {
    var body = new StringBuilder("[");
    for (int i = 0; i < 10_000; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"email\":\"user")
          .append(i)
          .append("@bulk.example\"}");
    }
    var reply = admin.post(org.path + "/members/bulk", body.append("]").toString());
    assertThat(reply.status())
        .as(reply.body().substring(0, Math.min(200, reply.body().length())))
        .isEqualTo(201);
    assertThat(reply.items()).hasSize(10_000);

    var bad =
        admin.post(
            org.path + "/members/bulk",
            "[{\"email\":\"fresh@bulk.example\"},{\"email\":\"user1@bulk.example\"}]");
    assertThat(bad.status()).isEqualTo(409);
    assertThat(admin.get(org.path + "/members?q=fresh").items()).as("nothing was added").isEmpty();
    var twice =
        admin.post(
            org.path + "/members/bulk",
            "[{\"email\":\"a@x.example\"},{\"email\":\"A@x.example\"}]");
    assertThat(twice.status()).isEqualTo(400);

    var page = admin.get(org.path + "/members?q=bulk.example&limit=500").json();
    assertThat(page.getJsonArray("items")).hasSize(500);
    var next =
        admin
            .get(
                org.path
                    + "/members?q=bulk.example&limit=500&cursor="
                    + page.getString("nextCursor"))
            .items();
    assertThat(next.getJsonObject(0).getString("email"))
        .isGreaterThan(page.getJsonArray("items").getJsonObject(499).getString("email"));
  }

  @Test
  void solutionsAndGroups() {
    var ann = org.member("ann@example.com");
    var solution = org.solution("crm");
    assertThat(
            admin
                .patch(org.path + "/solutions/" + solution, "{\"name\":\"CRM\"}")
                .json()
                .getString("name"))
        .isEqualTo("CRM");
    assertThat(admin.get(org.path + "/solutions").items()).hasSize(1);
    org.group(solution, "vip", ann);
    assertThat(
            admin
                .get(org.path + "/solutions/" + solution + "/groups")
                .items()
                .getJsonObject(0)
                .getString("name"))
        .isEqualTo("vip");
    assertThat(admin.get(org.path + "/solutions/" + solution + "/members").items())
        .as("joining a group assigns the solution")
        .hasSize(1);
    assertThat(admin.get(org.path + "/solutions/" + solution + "/groups/vip/members").items())
        .hasSize(1);
    assertThat(
            admin
                .delete(org.path + "/solutions/" + solution + "/groups/vip/members/" + ann)
                .status())
        .isEqualTo(204);
    assertThat(admin.get(org.path + "/solutions/" + solution + "/groups/vip/members").items())
        .isEmpty();
    assertThat(admin.get(org.path + "/solutions/" + solution + "/groups/nope/members").status())
        .isEqualTo(404);
    assertThat(admin.delete(org.path + "/solutions/" + solution + "/members/" + ann).status())
        .isEqualTo(204);
    assertThat(admin.get(org.path + "/solutions/" + solution + "/members").items()).isEmpty();
    assertThat(admin.delete(org.path + "/solutions/" + solution + "/groups/vip").status())
        .isEqualTo(204);
    assertThat(admin.delete(org.path + "/solutions/" + solution).status()).isEqualTo(204);
    assertThat(admin.get(org.path + "/solutions/" + solution).status()).isEqualTo(404);
    assertThat(admin.post(org.path + "/solutions", "{}").status()).isEqualTo(400);
  }

  @Test
  void tokensAreShownOnceAndListedByPrefix() {
    var ann = org.member("ann@example.com");
    var created =
        admin
            .post(
                org.path + "/tokens",
                "{\"memberId\":\"" + ann + "\",\"role\":\"SENDER\",\"name\":\"ci\"}")
            .json();
    var secret = created.getString("token");
    assertThat(secret).startsWith("hrd_pat_");
    assertThat(created.getString("prefix")).isEqualTo(secret.substring(0, 12));
    var listed = admin.get(org.path + "/tokens").body();
    assertThat(listed).contains(created.getString("prefix")).doesNotContain(secret);
    assertThat(
            admin
                .post(org.path + "/tokens", "{\"memberId\":\"" + ann + "\",\"role\":\"OWNER\"}")
                .status())
        .isEqualTo(400);
    assertThat(admin.post(org.path + "/tokens", "{\"role\":\"ADMIN\"}").status()).isEqualTo(400);
  }

  @Test
  void organizationsAreManagedBySystemAdministrators() {
    var list = systemAdmin().get("/v2.0/tool/organizations");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.items().stream().map(o -> o.asJsonObject().getString("id")))
        .contains("default", org.id);
    var created = systemAdmin().post("/v2.0/tool/organizations", "{\"name\":\"Acme\"}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getInt("companyId")).isPositive();
    assertThat(
            systemAdmin()
                .post("/v2.0/tool/organizations", "{\"id\":\"" + org.id + "\",\"name\":\"x\"}")
                .status())
        .isEqualTo(409);
    assertThat(
            systemAdmin()
                .post("/v2.0/tool/organizations", "{\"id\":\"bad id!\",\"name\":\"x\"}")
                .status())
        .isEqualTo(400);
  }
}
