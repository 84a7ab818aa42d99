package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URISyntaxException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console's admin pages, driven through the browser: members (add, edit, search, CSV import),
 * solutions and groups, tokens, a member's devices. Each outcome is checked where it lands, in the
 * REST API, not only on the page.
 */
@SameOnEveryDatabase
@SameOnEveryServer
class ConsoleAdminIT extends ConsoleIT {

  @Test
  void membersAreAddedEditedSearchedAndImported() {
    var org = Organization.create(systemAdmin(), "console-members");
    signIn(org.token(org.member("boss@members.example"), "ADMIN").token());
    open("#/members");
    waitFor(By.cssSelector("#member-results tr[data-email='boss@members.example']"));

    // An invalid e-mail: the API's message appears beside the e-mail field, nothing is added.
    waitFor(By.id("toggle-add-member")).click();
    var form = waitFor(By.id("add-member-form"));
    form.findElement(By.name("email")).sendKeys("not-an-email");
    form.findElement(By.cssSelector("button[type=submit]")).click();
    var emailError =
        waitForText(By.cssSelector("#add-member-form .field-error"), "not an e-mail address");
    assertThat(emailError.getAttribute("data-error-for")).isEqualTo("email");
    assertThat(form.findElement(By.name("email")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(search(org, "not-an-email")).isEmpty();

    addMember(form, "ann@members.example", "Ann Admin");
    addMember(form, "bob@members.example", "Bob");
    var bob = search(org, "bob@members.example").get(0);
    assertThat(search(org, "ann@members.example").get(0).getString("name")).isEqualTo("Ann Admin");

    // Edit Bob in a dialog.
    row("bob@members.example").findElement(By.cssSelector("button[data-action=edit]")).click();
    var dialog = waitFor(By.cssSelector("dialog.dialog[open]"));
    var name = dialog.findElement(By.name("name"));
    name.clear();
    name.sendKeys("Bob Builder");
    dialog.findElement(By.name("externalId")).sendKeys("B-7");
    dialog.findElement(By.cssSelector("[data-testid=dialog-submit]")).click();
    waitUntil(d -> d.findElements(By.cssSelector("dialog.dialog")).isEmpty());
    var edited = org.admin.get(org.path + "/members/" + bob.getString("id")).json();
    assertThat(edited.getString("name")).isEqualTo("Bob Builder");
    assertThat(edited.getString("externalId")).isEqualTo("B-7");

    // Search (debounced): only Bob matches "builder".
    browser.findElement(By.id("member-search")).sendKeys("builder");
    waitUntil(
        d ->
            d.findElements(By.cssSelector("#member-results tbody tr")).size() == 1
                && !d.findElements(By.cssSelector("tr[data-email='bob@members.example']"))
                    .isEmpty());
    browser.findElement(By.id("member-search")).clear();
    browser.findElement(By.id("member-search")).sendKeys(" ");

    // Import three members; one name holds a comma in quotes, the header is in its own order.
    waitFor(By.id("toggle-import")).click();
    var csv = waitFor(By.id("csv-text"));
    csv.sendKeys(
        "Name,EMAIL,externalId\n"
            + "\"Carol, the First\",carol@members.example,c-1\n"
            + "Dave,dave@members.example,\n"
            + "\"Eve \"\"E\"\"\",eve@members.example,e-5\n");
    waitForText(By.id("csv-preview"), "3 members to import");
    browser.findElement(By.id("csv-import")).click();
    var report = waitForText(By.id("import-report"), "Imported 3 members");
    assertThat(report.getText())
        .contains("carol@members.example", "dave@members.example", "eve@members.example");
    var carol = search(org, "carol@members.example").get(0);
    assertThat(carol.getString("name")).isEqualTo("Carol, the First");
    assertThat(carol.getString("externalId")).isEqualTo("c-1");
    assertThat(search(org, "eve@members.example").get(0).getString("name")).isEqualTo("Eve \"E\"");
    assertThat(search(org, "dave@members.example")).hasSize(1);

    // A bad e-mail on line 2 and a repeated one on line 3: the report names both, and the API,
    // all or nothing, added nobody, not even Frank on line 1.
    csv.sendKeys(
        "frank@members.example,Frank\r\n"
            + "not-an-email,Bad\r\n"
            + "FRANK@members.example,Again\r\n");
    waitForText(By.id("csv-preview"), "3 members to import");
    browser.findElement(By.id("csv-import")).click();
    waitForText(By.cssSelector("[data-testid=import-failed]"), "Nothing was imported");
    assertThat(browser.findElement(By.cssSelector("#import-report tr[data-line='2']")).getText())
        .contains("not-an-email", "not an e-mail address");
    assertThat(browser.findElement(By.cssSelector("#import-report tr[data-line='3']")).getText())
        .contains("appears twice");
    assertThat(browser.findElements(By.cssSelector("#import-report tr[data-line='1']"))).isEmpty();
    assertThat(search(org, "frank@members.example")).isEmpty();
    assertThat(org.admin.get(org.path + "/members/count").json().getInt("count")).isEqualTo(6);

    // A row without an e-mail is reported by the console before anything is sent.
    csv.clear();
    csv.sendKeys("gina@members.example\n,No E-mail\n");
    browser.findElement(By.id("csv-import")).click();
    waitForText(By.cssSelector("#import-report tr[data-line='2']"), "no e-mail");
    assertThat(search(org, "gina@members.example")).isEmpty();

    browser.manage().window().setSize(PHONE);
    open("#/members");
    browser.navigate().refresh();
    waitFor(By.cssSelector("#member-results tr[data-email='carol@members.example']"));
    screenshot("members-phone");
  }

  @Test
  void solutionsGetMembersAndGroups() {
    var org = Organization.create(systemAdmin(), "console-solutions");
    var admin = org.token(org.member("boss@solutions.example"), "ADMIN");
    var ann = org.member("ann@solutions.example");
    var bob = org.member("bob@solutions.example");
    signIn(admin.token());
    open("#/solutions");

    var create = waitFor(By.id("create-solution-form"));
    create.findElement(By.name("name")).sendKeys("Field team");
    create.findElement(By.cssSelector("button[type=submit]")).click();
    waitForText(By.cssSelector("a.solution-link"), "Field team").click();
    waitForText(By.cssSelector("main h1"), "Field team");
    var solution = browser.getCurrentUrl().replaceAll(".*#/solutions/", "");
    assertThat(org.admin.get(org.path + "/solutions/" + solution).json().getString("name"))
        .isEqualTo("Field team");

    // No groups yet: the page says so.
    assertThat(waitFor(By.id("no-groups")).getText()).contains("has no groups");

    // Escape closes a dialog and changes nothing.
    browser.findElement(By.cssSelector("main .page-header button[data-action=rename]")).click();
    waitFor(By.cssSelector("dialog.dialog[open]"));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    waitUntil(d -> d.findElements(By.cssSelector("dialog.dialog")).isEmpty());

    pick(By.name("assign-member"), "ann@", ann);
    waitFor(By.cssSelector("#solution-members tr[data-member-id='" + ann + "']"));
    pick(By.name("assign-member"), "bob", bob);
    waitFor(By.cssSelector("#solution-members tr[data-member-id='" + bob + "']"));
    assertThat(ids(org.admin.get(org.path + "/solutions/" + solution + "/members").json()))
        .containsExactlyInAnyOrder(ann, bob);

    var group = browser.findElement(By.id("create-group-form"));
    group.findElement(By.name("group")).sendKeys("drivers");
    group.findElement(By.cssSelector("button[type=submit]")).click();
    var drivers = By.cssSelector("section[data-group='drivers']");
    waitFor(drivers);
    assertThat(browser.findElements(By.id("no-groups"))).isEmpty();
    pick(By.cssSelector("section[data-group='drivers'] input[name='add-to-group']"), "ann", ann);
    waitFor(By.cssSelector("section[data-group='drivers'] tr[data-member-id='" + ann + "']"));
    assertThat(
            ids(
                org.admin
                    .get(org.path + "/solutions/" + solution + "/groups/drivers/members")
                    .json()))
        .containsExactly(ann);

    // Unassigning Bob from the solution.
    browser
        .findElement(
            By.cssSelector(
                "#solution-members tr[data-member-id='" + bob + "'] button[data-action=remove]"))
        .click();
    waitUntil(
        d ->
            d.findElements(By.cssSelector("#solution-members tr[data-member-id='" + bob + "']"))
                .isEmpty());
    assertThat(ids(org.admin.get(org.path + "/solutions/" + solution + "/members").json()))
        .containsExactly(ann);
    screenshot("solution-desktop");
  }

  @Test
  void aTokenIsShownOnceWorksAndIsRevoked() throws URISyntaxException {
    var org = Organization.create(systemAdmin(), "console-tokens");
    var admin = org.token(org.member("boss@tokens.example"), "ADMIN");
    var ann = org.member("ann@tokens.example");
    signIn(admin.token());
    open("#/tokens");

    var form = waitFor(By.id("create-token-form"));
    pick(By.name("token-member"), "ann", ann);
    new Select(form.findElement(By.name("role"))).selectByValue("SENDER");
    form.findElement(By.name("name")).sendKeys("CI pipeline");
    // datetime-local is typed differently per locale: set it as a person's choice would.
    script(
        "const i = arguments[0]; i.value = '2031-01-02T03:04';"
            + " i.dispatchEvent(new Event('input', {bubbles: true}));",
        form.findElement(By.name("expiresAt")));
    var expected = (String) script("return new Date('2031-01-02T03:04').toISOString()");
    form.findElement(By.cssSelector("button[type=submit]")).click();

    var secret = waitFor(By.id("new-token-secret")).getText();
    assertThat(secret).startsWith("hrd_pat_");
    assertThat(browser.findElement(By.id("new-token")).getText()).contains("not be shown again");
    assertThat(browser.findElement(By.id("copy-new-token")).getTagName()).isEqualTo("button");
    screenshot("token-created");
    var client = new Api(base.toURI(), secret);
    var me = client.get("/v2.0/tool/me");
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    assertThat(me.json().getString("email")).isEqualTo("ann@tokens.example");
    assertThat(me.json().getString("role")).isEqualTo("SENDER");

    var listed =
        org.admin.get(org.path + "/tokens").items().getValuesAs(JsonObject.class).stream()
            .filter(
                t ->
                    secret.startsWith(t.getString("prefix")) && ann.equals(t.getString("memberId")))
            .findFirst()
            .orElseThrow();
    assertThat(listed.getString("name")).isEqualTo("CI pipeline");
    assertThat(listed.getString("expiresAt")).isEqualTo(expected);

    // Shown once: after the page is opened again, the secret is nowhere on it.
    browser.navigate().refresh();
    var row = waitFor(By.cssSelector("tr[data-token-id='" + listed.getString("id") + "']"));
    assertThat(row.getText())
        .contains("ann@tokens.example", "CI pipeline")
        .containsIgnoringCase("sender");
    assertThat(browser.getPageSource()).doesNotContain(secret);

    row.findElement(By.cssSelector("button[data-action=revoke]")).click();
    waitFor(By.cssSelector("dialog.dialog[open] [data-testid=confirm]")).click();
    // Still listed, as revoked, and without a Revoke button (only the admin's own token has one).
    // Read in one script call: the list is redrawn after the revocation, which would make an
    // element found a moment earlier stale.
    waitUntil(
        d ->
            (Boolean)
                script(
                    "const row = document.querySelector(arguments[0]);"
                        + " return !!row && row.textContent.toLowerCase().includes('revoked')",
                    "tr[data-token-id='" + listed.getString("id") + "']"));
    assertThat(browser.findElements(By.cssSelector("button[data-action=revoke]"))).hasSize(1);
    assertThat(client.get("/v2.0/tool/me").status()).isEqualTo(401);
  }

  @Test
  void aMembersPageListsTheirDevices() {
    var org = Organization.create(systemAdmin(), "console-devices");
    var admin = org.token(org.member("boss@devices.example"), "ADMIN");
    var carol = org.member("carol@devices.example");
    var phone = org.token(carol, "MEMBER");
    var registered =
        phone.post(
            org.path + "/devices", "{\"platform\":\"ios\",\"token\":\"abc123def456ghi789\"}");
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    signIn(admin.token());

    open("#/members/" + carol);
    waitForText(By.cssSelector("main h1"), "carol@devices.example");
    var device =
        waitFor(
            By.cssSelector(
                "#member-devices tr[data-device-id='" + registered.json().getString("id") + "']"));
    assertThat(device.getText()).contains("iOS", "ghi789").containsIgnoringCase("active");
    assertThat(
            browser
                .findElement(By.cssSelector("#member-devices caption"))
                .getAttribute("textContent"))
        .contains("carol@devices.example");
  }

  /** Adds a member through the form and waits for the row. */
  private void addMember(WebElement form, String email, String name) {
    var input = form.findElement(By.name("email"));
    input.clear();
    input.sendKeys(email);
    form.findElement(By.name("name")).sendKeys(name);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waitFor(By.cssSelector("#member-results tr[data-email='" + email + "']"));
  }

  private WebElement row(String email) {
    return waitFor(By.cssSelector("#member-results tr[data-email='" + email + "']"));
  }

  /** Types into a member picker and chooses the member with this id from its results. */
  private void pick(By input, String typed, String memberId) {
    var box = waitFor(input);
    box.clear();
    box.sendKeys(typed);
    waitFor(By.cssSelector("[data-testid=member-option][data-member-id='" + memberId + "']"))
        .click();
  }

  /** The members whose e-mail, name or external id matches, over REST. */
  private static List<JsonObject> search(Organization org, String q) {
    var reply =
        org.admin.get(
            org.path
                + "/members?q="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.items().getValuesAs(JsonObject.class);
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(m -> m.getString("id"))
        .toList();
  }
}
