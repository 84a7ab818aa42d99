package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in to the console and out again, with good and bad tokens. */
@SameOnEveryDatabase
class ConsoleSignInIT extends ConsoleIT {

  @Test
  void anAdminSignsInSeesTheOrganizationAndSignsOut() {
    var org = Organization.create(systemAdmin(), "console-sign-in");
    var admin = org.token(org.member("boss@sign-in.example"), "ADMIN");

    signIn(admin.token());

    assertThat(browser.getCurrentUrl()).startsWith(base.toString());
    assertThat(browser.findElement(By.id("organization-name")).getText())
        .isEqualTo("console-sign-in");
    assertThat(browser.findElement(By.id("notifications-url")).getText())
        .isEqualTo(base + "v2.0/tool/organizations/" + org.id + "/notifications");
    assertThat(browser.getCurrentUrl()).doesNotContain(admin.token());
    assertThat(script("return JSON.stringify(window.localStorage)")).isEqualTo("{}");
    assertThat(script("return document.cookie")).isEqualTo("");

    browser.findElement(By.id("sign-out")).click();

    waitFor(By.name("token"));
    assertThat(script("return JSON.stringify(window.sessionStorage)")).isEqualTo("{}");
    browser.navigate().refresh();
    waitFor(By.name("token"));
  }

  @Test
  void aBadTokenGetsAClearMessage() {
    browser.get(base.toString());
    waitFor(By.name("token")).sendKeys("hrd_pat_not-a-real-token");
    browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();

    waitForText(By.cssSelector("form.sign-in .form-error"), "not valid");
    assertThat(browser.findElement(By.id("topbar")).isDisplayed()).isFalse();
    assertThat(script("return JSON.stringify(window.sessionStorage)")).isEqualTo("{}");
  }

  @Test
  void aRevokedTokenSendsTheConsoleBackToSignIn() {
    var org = Organization.create(systemAdmin(), "console-revoked");
    var admin = org.token(org.member("boss@revoked.example"), "ADMIN");
    signIn(admin.token());

    revokeAll(org);

    // Live: the inbox stream behind the nav's badge ends with the token, and its reconnect's 401
    // signs out, without a reload.
    waitForText(By.cssSelector("form.sign-in .form-error"), "no longer valid");
    assertThat(script("return JSON.stringify(window.sessionStorage)")).isEqualTo("{}");
  }

  @Test
  void aTokenRevokedWhileThePageWasAwayGetsTheMessageOnLoad() {
    var org = Organization.create(systemAdmin(), "console-revoked-away");
    var admin = org.token(org.member("boss@revoked-away.example"), "ADMIN");
    signIn(admin.token());
    // Away from the console (no stream to notice the revocation); the tab keeps its token.
    browser.get("about:blank");

    revokeAll(org);
    // One load (open() would load twice, and the second finds no token left to explain).
    browser.get(base + "#/notifications");

    waitForText(By.cssSelector("form.sign-in .form-error"), "no longer valid");
  }

  private static void revokeAll(Organization org) {
    for (var token : org.admin.get(org.path + "/tokens").items()) {
      org.admin.delete(org.path + "/tokens/" + token.asJsonObject().getString("id"));
    }
  }
}
