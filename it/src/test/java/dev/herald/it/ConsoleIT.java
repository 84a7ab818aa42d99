package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The base of the console suites: the real herald.war deployed at the context root {@code /herald}
 * (not {@code /}, so that every URL the console uses is proven relative), driven by Debian's
 * Chromium, headless, through its own chromedriver; Selenium downloads nothing.
 *
 * <p>Without Chromium ({@code apt-get install -y chromium chromium-driver}) the suites are skipped
 * with a message, unless {@code -Dit.console.required=true} (which {@code .ci/run} sets) makes that
 * a failure. After each test the browser's console must hold no errors: JavaScript errors, Content
 * Security Policy violations and 5xx answers fail the test; a 4xx answer a test provokes on purpose
 * (a bad token, an invalid field) is logged by Chromium as a failed load and is allowed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ConsoleIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /** A desktop and a phone window. */
  static final Dimension DESKTOP = new Dimension(1280, 900);

  static final Dimension PHONE = new Dimension(390, 844);

  /** The browser's time zone. */
  static final String TIME_ZONE = "America/New_York";

  static WebDriver browser;

  /** The server Arquillian started; only its host and port are used ({@link DeploymentUrl}). */
  @ArquillianResource URL server;

  /** The console: the deployment's context root on that server. */
  URL base;

  /** The context root of the deployment: not the root, as in a server shared with others. */
  static final String CONTEXT_ROOT = "/herald";

  @Deployment(testable = false)
  static WebArchive herald() {
    var war =
        ShrinkWrap.create(ZipImporter.class, "herald.war")
            .importFrom(new File("target/herald.war"))
            .as(WebArchive.class);
    war.delete("WEB-INF/glassfish-web.xml");
    war.delete("WEB-INF/jboss-web.xml");
    war.addAsWebInfResource(
        new StringAsset(
            "<glassfish-web-app><context-root>"
                + CONTEXT_ROOT
                + "</context-root></glassfish-web-app>"),
        "glassfish-web.xml");
    war.addAsWebInfResource(
        new StringAsset(
            "<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\"><context-root>"
                + CONTEXT_ROOT
                + "</context-root></jboss-web>"),
        "jboss-web.xml");
    return war;
  }

  @BeforeAll
  static void startBrowser() {
    // Selenium warns that it has no DevTools bindings for this Chromium; the suites use none.
    Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder").setLevel(Level.SEVERE);
    Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver").setLevel(Level.SEVERE);
    var present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && Boolean.getBoolean("it.console.required")) {
      throw new IllegalStateException(
          "The console suites need Chromium: apt-get install -y chromium chromium-driver");
    }
    Assumptions.assumeTrue(
        present,
        "Console suites skipped: no Chromium here (apt-get install -y chromium chromium-driver)");
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=en-US",
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // A time zone other than the machine's UTC, so that a time the user picks is proven converted.
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .withEnvironment(java.util.Map.of("TZ", TIME_ZONE))
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  @BeforeEach
  void freshWindow() {
    base = DeploymentUrl.of(server, CONTEXT_ROOT);
    browser.manage().window().setSize(DESKTOP);
    browser.manage().deleteAllCookies();
    browser.get(base.toString());
    ((ChromeDriver) browser).executeScript("window.sessionStorage.clear()");
    browser.get(base.toString());
    browserErrors();
  }

  @AfterEach
  void noConsoleErrors() {
    assertThat(browserErrors()).as("errors in the browser's console").isEmpty();
  }

  /** The system administrator's client, over HTTP, for setting up what a test needs. */
  Api systemAdmin() {
    try {
      return new Api(base.toURI(), HeraldIT.BOOTSTRAP_TOKEN);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs in with a token through the sign-in form and waits for the console's header. */
  void signIn(String token) {
    browser.get(base.toString());
    var input = waitFor(By.name("token"));
    input.clear();
    input.sendKeys(token);
    browser.findElement(By.cssSelector("form.sign-in button[type=submit]")).click();
    waitUntil(d -> d.findElement(By.id("topbar")).isDisplayed());
  }

  /**
   * Opens a route of the console, e.g. {@code "#/members"}, loading the page afresh (going to the
   * route the page already shows would otherwise change nothing).
   */
  void open(String hash) {
    browser.get(base + hash);
    browser.navigate().refresh();
  }

  /** Waits (up to 15 s) for an element to be displayed, and returns it. */
  WebElement waitFor(By locator) {
    return waitUntil(
        d -> {
          var found = d.findElements(locator);
          return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
  }

  /**
   * Waits (up to 15 s) for a condition to give something other than null or false; on time-out the
   * failure shows the page's text and the browser's errors.
   */
  <T> T waitUntil(Function<WebDriver, T> condition) {
    try {
      // The console redraws what it refreshes: an element found a moment ago may be gone.
      return new WebDriverWait(browser, Duration.ofSeconds(15))
          .pollingEvery(Duration.ofMillis(100))
          .ignoring(StaleElementReferenceException.class)
          .until(condition);
    } catch (TimeoutException e) {
      var page = browser.findElement(By.tagName("body")).getText();
      throw new AssertionError(
          "Timed out at "
              + browser.getCurrentUrl()
              + "\nPage:\n"
              + page
              + "\nBrowser errors: "
              + browserErrors(),
          e);
    }
  }

  /** Waits for an element to hold a text. */
  WebElement waitForText(By locator, String text) {
    return waitUntil(
        d -> {
          for (var element : d.findElements(locator)) {
            if (element.isDisplayed() && element.getText().contains(text)) {
              return element;
            }
          }
          return null;
        });
  }

  /** Saves a screenshot of the window as target/screenshots/{name}.png, a test artifact. */
  static void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      var png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The errors the browser logged since the last call, except Chromium's line for a 4xx answer
   * (which it logs for every refused request, including the ones a test provokes).
   */
  static List<String> browserErrors() {
    var errors = new ArrayList<String>();
    for (var entry : browser.manage().logs().get(LogType.BROWSER)) {
      var message = entry.getMessage();
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()
          && !message.matches("(?s).*the server responded with a status of 4\\d\\d.*")) {
        errors.add(message);
      }
    }
    return errors;
  }

  /** Runs a script in the page, e.g. to read sessionStorage. */
  static Object script(String javascript, Object... arguments) {
    return ((ChromeDriver) browser).executeScript(javascript, arguments);
  }
}
