package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Sending and following notifications in the console: the Send pane's audiences, target jig,
 * schedule and validation, the list reaching COMPLETED, the detail with its recipients, and
 * cancelling. What was sent is checked where it lands: the API and the members' inboxes.
 */
@SameOnEveryDatabase
@SameOnEveryServer
class ConsoleNotificationsIT extends ConsoleIT {

  private Organization org;
  private Api admin;
  private String solution;
  private Api ann;
  private Api bob;

  @BeforeEach
  void anOrganizationWithASolutionAndAGroup() {
    org = Organization.create(systemAdmin(), "console-notifications");
    admin = org.token(org.member("boss@console.example"), "ADMIN");
    var annId = org.member("ann@console.example");
    var bobId = org.member("bob@console.example");
    org.member("carl@console.example");
    ann = org.token(annId, "MEMBER");
    bob = org.token(bobId, "MEMBER");
    solution = org.solution("crm");
    org.group(solution, "customers", annId, bobId);
    org.solution("empty-solution");
    signIn(admin.token());
  }

  @Test
  void aGroupNotificationWithATargetJigReachesBothMembersAndCompletes() {
    openSendPane();
    type(By.name("title"), "🎉 Promotion");
    type(By.name("text"), "20% off for customers");
    assertThat(browser.findElement(By.id("preview-push")).getText()).contains("🎉 Promotion");
    chooseAudience("SLN_GRP");
    new Select(browser.findElement(By.id("group-solution"))).selectByVisibleText("crm");
    waitFor(By.cssSelector("#group-choices input[value=customers]")).click();
    browser.findElement(By.id("send-tab-button-1")).click();
    type(By.id("jig-id"), "view-promotion-details");
    addInput("promo-code", "x-3654");
    addInput("region", "emea");
    screenshot("send-pane-desktop");
    browser.findElement(By.id("send-submit")).click();

    waitUntil(d -> d.findElements(By.id("send-pane")).isEmpty());
    waitForText(By.cssSelector("#notification-list tbody tr"), "🎉 Promotion");
    waitUntil(
        d -> row(d.findElement(By.id("notification-list")), "🎉 Promotion").contains("completed"));

    var sent = onlyNotification();
    assertThat(sent.getString("scope")).isEqualTo("SLN_GRP");
    assertThat(sent.getString("solutionId")).isEqualTo(solution);
    assertThat(sent.getJsonArray("groups").getString(0)).isEqualTo("customers");
    var content = sent.getJsonObject("content");
    assertThat(content.getString("jigId")).isEqualTo("view-promotion-details");
    assertThat(content.getJsonObject("inputs").getString("promo-code")).isEqualTo("x-3654");
    assertThat(content.getJsonObject("inputs").getString("region")).isEqualTo("emea");
    assertThat(org.inboxTitled(ann, "🎉 Promotion")).isEqualTo(1);
    assertThat(org.inboxTitled(bob, "🎉 Promotion")).isEqualTo(1);

    browser.findElement(By.linkText("🎉 Promotion")).click();
    waitForText(By.id("target-jig"), "view-promotion-details");
    assertThat(browser.findElement(By.id("target-inputs")).getText())
        .contains("promo-code", "x-3654", "region", "emea");
    waitForText(By.id("total-delivered"), "2");
    var recipients =
        browser.findElements(By.cssSelector("tr.delivery")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(String.join("\n", recipients))
        .contains("ann@console.example", "bob@console.example")
        .doesNotContain("carl@console.example");
  }

  @Test
  void aScheduledNotificationIsSentInUtcAndCanBeCancelled() {
    openSendPane();
    type(By.name("title"), "Quarterly review");
    type(By.name("text"), "See you there");
    chooseAudience("ORG");
    waitForText(By.id("organization-reach"), "4 members");
    browser.findElement(By.id("send-later")).click();
    // 10:00 on 15 January 2030 in the browser's time zone (America/New_York, UTC-5 then).
    script(
        "const i = arguments[0]; i.value = '2030-01-15T10:00';"
            + " i.dispatchEvent(new Event('input', {bubbles: true}));",
        browser.findElement(By.id("start-at-input")));
    browser.findElement(By.id("send-submit")).click();

    waitUntil(
        d ->
            row(d.findElement(By.id("notification-list")), "Quarterly review")
                .contains("scheduled"));
    var scheduled = onlyNotification();
    assertThat(Instant.parse(scheduled.getString("startAt")))
        .isEqualTo(Instant.parse("2030-01-15T15:00:00Z"));

    browser.findElement(By.linkText("Quarterly review")).click();
    waitFor(By.id("cancel-notification")).click();
    waitForText(By.id("notification-state"), "Cancelled");
    assertThat(onlyNotification().getString("state")).isEqualTo("CANCELLED");
    assertThat(browser.findElements(By.id("cancel-notification"))).isEmpty();
  }

  @Test
  void invalidFieldsShowTheirErrorsBesideTheFieldAndSendNothing() {
    openSendPane();
    type(By.name("text"), "No title and nobody to send it to");
    browser.findElement(By.id("send-submit")).click();

    var titleError = waitFor(By.cssSelector("[data-error-for=title]"));
    assertThat(titleError.getText()).contains("Title is required");
    assertThat(browser.findElement(By.cssSelector("[data-error-for=user-search]")).getText())
        .contains("required for scope USR");
    assertThat(browser.findElement(By.name("title")).getAttribute("aria-invalid"))
        .isEqualTo("true");

    chooseAudience("SLN_GRP");
    new Select(browser.findElement(By.id("group-solution"))).selectByVisibleText("empty-solution");
    waitForText(By.id("no-groups"), "This solution has no groups.");
    type(By.name("title"), "Still nobody");
    browser.findElement(By.id("send-submit")).click();
    waitForText(By.id("group-choices-error"), "required for scope SLN_GRP");

    assertThat(org.admin.get(org.path + "/notifications").items()).isEmpty();
  }

  @Test
  void usersArePickedBySearchingAndTheListAndPaneWorkAtPhoneWidth() {
    browser.manage().window().setSize(PHONE);
    openSendPane();
    type(By.name("title"), "Hello Ann");
    type(By.name("text"), "Your order shipped");
    type(By.name("user-search"), "ann");
    waitForText(By.cssSelector("button.picker-option"), "ann@console.example").click();
    waitForText(By.id("chosen-users"), "ann@console.example");
    screenshot("send-pane-phone");
    browser.findElement(By.id("send-submit")).click();

    waitForText(By.cssSelector("#notification-list tbody tr"), "Hello Ann");
    screenshot("notifications-phone");
    var sent = onlyNotification();
    assertThat(sent.getString("scope")).isEqualTo("USR");
    assertThat(sent.getJsonArray("emails").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .isEqualTo(List.of("ann@console.example"));
    assertThat(pageWidth()).isLessThanOrEqualTo(PHONE.width);
  }

  @Test
  void theListShowsEachAudienceAndFiltersByStateAndScope() {
    send(
        "{\"content\":{\"title\":\"Maintenance tonight\",\"text\":\"22:00-23:00\"},\"scope\":\"ORG\"}");
    send(
        "{\"content\":{\"title\":\"New release\",\"text\":\"Update the app\"},\"scope\":\"SLN\","
            + "\"solutionId\":\""
            + solution
            + "\"}");
    send(
        "{\"content\":{\"title\":\"🎉 Promotion\",\"text\":\"20% off\",\"jigId\":\"promo\"},"
            + "\"scope\":\"SLN_GRP\",\"groups\":[\"customers\"],\"solutionId\":\""
            + solution
            + "\"}");
    send(
        "{\"content\":{\"title\":\"Your order shipped\",\"text\":\"Order 42\"},\"scope\":\"USR\","
            + "\"emails\":[\"ann@console.example\",\"bob@console.example\",\"carl@console.example\"]}");
    send(
        "{\"content\":{\"title\":\"Quarterly review\",\"text\":\"Friday\"},\"scope\":\"ORG\","
            + "\"startAt\":\"2030-01-15T15:00:00.000Z\"}");

    open("#/notifications");
    var list = waitFor(By.id("notification-list"));
    waitUntil(
        d ->
            row(list, "Your order shipped").contains("completed")
                && row(list, "Maintenance tonight").contains("completed"));
    assertThat(row(list, "Maintenance tonight")).contains("organization");
    assertThat(row(list, "New release")).contains("solution: crm");
    assertThat(row(list, "🎉 Promotion")).contains("groups customers of crm");
    assertThat(row(list, "Your order shipped"))
        .contains("ann@console.example, bob@console.example +1");
    assertThat(row(list, "Quarterly review")).contains("scheduled");
    screenshot("notifications-desktop");

    new Select(browser.findElement(By.id("filter-state"))).selectByValue("SCHEDULED");
    waitUntil(d -> d.findElements(By.cssSelector("#notification-list tbody tr")).size() == 1);
    assertThat(row(list(), "Quarterly review")).isNotEmpty();
    new Select(browser.findElement(By.id("filter-state"))).selectByValue("");
    new Select(browser.findElement(By.id("filter-scope"))).selectByValue("SLN");
    waitUntil(d -> d.findElements(By.cssSelector("#notification-list tbody tr")).size() == 1);
    assertThat(row(list(), "New release")).isNotEmpty();
  }

  @Test
  void aSenderSeesNotificationsAndItsInboxAndSendsByEMail() {
    var sender = org.token(org.member("sender@console.example"), "SENDER");
    script("window.sessionStorage.clear()");
    signIn(sender.token());

    var sections =
        browser.findElements(By.cssSelector("#sections a")).stream().map(WebElement::getText);
    assertThat(sections).containsExactly("Notifications", "Inbox");
    openSendPane();
    type(By.name("title"), "From a sender");
    type(By.name("text"), "Typed e-mails");
    type(By.name("emails"), "ann@console.example, bob@console.example");
    browser.findElement(By.id("send-submit")).click();

    waitForText(By.cssSelector("#notification-list tbody tr"), "From a sender");
    Eventually.await(
        "both inboxes",
        java.time.Duration.ofSeconds(15),
        () -> org.inboxTitled(ann, "From a sender") + org.inboxTitled(bob, "From a sender"),
        n -> n == 2);
  }

  @Test
  void thePaneIsUsedWithTheKeyboardAlone() {
    open("#/notifications");
    var opener = waitFor(By.id("open-send"));
    opener.sendKeys(Keys.ENTER);
    var title = waitFor(By.name("title"));
    assertThat(browser.switchTo().activeElement()).isEqualTo(title);
    title.sendKeys("Typed only", Keys.TAB, "With the keyboard");
    // A modal dialog: the browser keeps focus in it and makes the page behind it inert.
    assertThat(script("return document.getElementById('send-pane').matches(':modal')"))
        .isEqualTo(true);
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);

    waitUntil(d -> d.findElements(By.id("send-pane")).isEmpty());
    assertThat(browser.switchTo().activeElement()).isEqualTo(opener);
    assertThat(org.admin.get(org.path + "/notifications").items()).isEmpty();
    assertThat(
            script(
                "return [document.querySelector('body > header'), document.querySelector('nav[aria-label]'), document.querySelector('main')].every(e => e !== null)"))
        .isEqualTo(true);
  }

  private void send(String json) {
    org.send(admin, json);
  }

  private static WebElement list() {
    return browser.findElement(By.id("notification-list"));
  }

  private void openSendPane() {
    open("#/notifications");
    waitFor(By.id("open-send")).click();
    waitFor(By.name("title"));
  }

  private void chooseAudience(String scope) {
    browser.findElement(By.cssSelector("input[name=scope][value=" + scope + "]")).click();
  }

  private void type(By locator, String text) {
    var input = waitFor(locator);
    input.clear();
    input.sendKeys(text);
  }

  private void addInput(String key, String value) {
    browser.findElement(By.id("add-input")).click();
    var keys = browser.findElements(By.cssSelector("#input-rows .input-key"));
    var values = browser.findElements(By.cssSelector("#input-rows .input-value"));
    keys.get(keys.size() - 1).sendKeys(key);
    values.get(values.size() - 1).sendKeys(value);
  }

  /**
   * The text of the list's row with this title, or "" while there is none; read again when the list
   * was redrawn while being read.
   */
  private static String row(WebElement list, String title) {
    for (int attempt = 0; ; attempt++) {
      try {
        for (var row : list.findElements(By.cssSelector("tbody tr"))) {
          if (row.getText().contains(title)) {
            return row.getText().toLowerCase(java.util.Locale.ROOT);
          }
        }
        return "";
      } catch (StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** The organization's one notification, from the API. */
  private JsonObject onlyNotification() {
    var items = org.admin.get(org.path + "/notifications").items();
    assertThat(items).hasSize(1);
    return items.getJsonObject(0);
  }

  /** How wide the page's content is: wider than the window means sideways scrolling. */
  private static long pageWidth() {
    return ((Number) script("return document.documentElement.scrollWidth")).longValue();
  }
}
