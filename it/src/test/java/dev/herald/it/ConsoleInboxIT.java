package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A member's inbox in the console, with a MEMBER token: what is there, what arrives live over the
 * stream, the unread badge, opening an item, marking read. Outcomes are checked where they land:
 * the unread count through the API with the member's own token.
 */
@SameOnEveryDatabase
@SameOnEveryServer
class ConsoleInboxIT extends ConsoleIT {

  private static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";

  @Test
  void aMemberSeesTheInboxLiveOpensAnItemAndMarksAllRead() {
    var org = Organization.create(systemAdmin(), "console-inbox");
    var email = "ann@inbox.example";
    var member = org.token(org.member(email), "MEMBER");
    org.send(org.admin, usr(email, HOSTILE_TITLE, "Sent before the page opened", null, "{}"));
    waitUntil(d -> org.inboxTitled(member, HOSTILE_TITLE) == 1);

    signIn(member.token());
    open("#/inbox");
    waitFor(By.cssSelector("#sections a[data-section=inbox]"));

    assertThat(
            browser.findElements(By.cssSelector("#sections a")).stream()
                .map(a -> a.getAttribute("data-section"))
                .toList())
        .containsExactly("inbox");
    var hostile = waitForText(By.cssSelector(".inbox-list .inbox-title"), HOSTILE_TITLE);
    assertThat(hostile.getText()).endsWith(HOSTILE_TITLE);
    assertThat(browser.findElements(By.cssSelector("main img, #pane-host img"))).isEmpty();
    waitForText(By.cssSelector(".inbox-state"), "Live");
    waitUntil(d -> "1 unread".equals(badgeText()));

    org.send(
        org.admin,
        usr(
            email,
            "Order 42 shipped",
            "Your order left the warehouse.\nIt arrives tomorrow.",
            "orders",
            "{\"orderId\":\"42\",\"store\":\"north\"}"));

    var live = waitForText(By.cssSelector(".inbox-list li"), "Order 42 shipped");
    assertThat(titles()).containsExactly("Order 42 shipped", HOSTILE_TITLE);
    assertThat(live.getAttribute("class")).contains("unread");
    waitUntil(d -> "2 unread".equals(badgeText()));
    assertThat(browser.findElement(By.id("unread-badge")).getText()).startsWith("2");
    waitUntil(
        d ->
            String.valueOf(script("return document.querySelector('main [aria-live]').textContent"))
                .equals("New notification: Order 42 shipped"));
    screenshot("inbox-desktop");

    live.findElement(By.cssSelector("button.inbox-item")).click();

    var dialog = waitFor(By.cssSelector("dialog.inbox-detail"));
    assertThat(dialog.findElement(By.tagName("h2")).getText()).isEqualTo("Order 42 shipped");
    assertThat(dialog.findElement(By.cssSelector(".inbox-detail-text")).getText())
        .contains("It arrives tomorrow.");
    assertThat(dialog.findElement(By.cssSelector("dl.inbox-target")).getText()).contains("orders");
    var inputs = dialog.findElement(By.cssSelector("dl.inbox-inputs"));
    assertThat(texts(inputs.findElements(By.tagName("dt")))).containsExactly("orderId", "store");
    assertThat(texts(inputs.findElements(By.tagName("dd")))).containsExactly("42", "north");
    waitUntil(d -> unreadCount(org, member) == 1);
    waitUntil(d -> "1 unread".equals(badgeText()));
    assertThat(live.getAttribute("class")).doesNotContain("unread");

    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);

    waitUntil(d -> d.findElements(By.cssSelector("dialog.inbox-detail")).isEmpty());
    assertThat(browser.switchTo().activeElement().getText()).contains("Order 42 shipped");

    browser.manage().window().setSize(PHONE);
    waitUntil(
        d ->
            (Boolean)
                script("return document.documentElement.scrollWidth <= window.innerWidth + 1"));
    screenshot("inbox-phone");
    live.findElement(By.cssSelector("button.inbox-item")).click();
    waitFor(By.cssSelector("dialog.inbox-detail .inbox-inputs"));
    screenshot("inbox-item-phone");
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    waitUntil(d -> d.findElements(By.cssSelector("dialog.inbox-detail")).isEmpty());
    browser.manage().window().setSize(DESKTOP);
    assertThat(unreadCount(org, member)).isEqualTo(1);

    browser.findElement(By.id("inbox-mark-all")).click();

    waitUntil(d -> unreadCount(org, member) == 0);
    waitUntil(d -> !browser.findElement(By.id("unread-badge")).isDisplayed());
    waitUntil(d -> d.findElements(By.cssSelector(".inbox-list li.unread")).isEmpty());
    browser.findElement(By.cssSelector("label.inbox-filter")).click();
    waitForText(By.cssSelector("main .empty"), "No unread notifications.");
    assertThat(titles()).isEmpty();
  }

  @Test
  void moreThanAPageLoadsWithLoadMoreAndAnItemWithoutAJigSaysSo() {
    var org = Organization.create(systemAdmin(), "console-inbox-pages");
    var email = "bob@inbox.example";
    var member = org.token(org.member(email), "MEMBER");
    for (var i = 1; i <= 27; i++) {
      org.send(org.admin, usr(email, "Item " + i, "Number " + i, null, "{}"));
    }
    waitUntil(d -> unreadCount(org, member) == 27);

    signIn(member.token());
    open("#/inbox");

    waitForText(By.cssSelector(".inbox-list .inbox-title"), "Item 27");
    assertThat(titles()).hasSize(25).startsWith("Item 27", "Item 26");
    waitFor(By.xpath("//button[text()='Load more']")).click();
    waitUntil(d -> titles().size() == 27);
    assertThat(titles()).endsWith("Item 2", "Item 1").doesNotHaveDuplicates();
    waitUntil(d -> !d.findElement(By.xpath("//button[text()='Load more']")).isDisplayed());

    browser.findElement(By.xpath("//li[.//text()='Item 1']//button")).sendKeys(Keys.ENTER);

    var dialog = waitFor(By.cssSelector("dialog.inbox-detail"));
    assertThat(dialog.findElement(By.cssSelector("dl.inbox-target")).getText())
        .contains("No target jig");
    assertThat(dialog.getText()).contains("No inputs");
    waitUntil(d -> unreadCount(org, member) == 26);
    waitUntil(d -> "26 unread".equals(badgeText()));
  }

  private static String usr(String email, String title, String text, String jigId, String inputs) {
    return "{\"content\":{\"title\":"
        + Api.q(title)
        + ",\"text\":"
        + Api.q(text)
        + (jigId == null ? "" : ",\"jigId\":" + Api.q(jigId))
        + ",\"inputs\":"
        + inputs
        + "},\"scope\":\"USR\",\"emails\":["
        + Api.q(email)
        + "]}";
  }

  private static int unreadCount(Organization org, Api member) {
    var reply = member.get(org.path + "/inbox/unread-count");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getInt("count");
  }

  /** The badge's whole text, the visually hidden part included ("2 unread"). */
  private static String badgeText() {
    return String.valueOf(script("return document.getElementById('unread-badge').textContent"));
  }

  private static List<String> titles() {
    return browser.findElements(By.cssSelector(".inbox-list li .inbox-title")).stream()
        .map(e -> String.valueOf(script("return arguments[0].lastChild.textContent", e)))
        .toList();
  }

  private static List<String> texts(List<WebElement> elements) {
    return elements.stream().map(WebElement::getText).toList();
  }
}
