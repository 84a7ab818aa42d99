package dev.herald.provider.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.spi.Delivery;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryResult;
import dev.herald.spi.ProviderConfig;
import jakarta.mail.internet.MimeMultipart;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmailProviderTest {

  private GreenMail smtp;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  @Test
  void theMailCarriesSubjectTextEscapedHtmlAndTheLink() throws Exception {
    var provider =
        create(
            Map.of(
                "link-template",
                "https://app.example/open/{jigId}?n={notificationId}&in={inputs}"));
    var delivery =
        new Delivery(
            1,
            "n-1",
            "email",
            null,
            "ann@example.com",
            "Sale <now>",
            "20% & more",
            "promo",
            "jig",
            "{\"a\":1}",
            false,
            null,
            null,
            null);

    var results = provider.send(List.of(delivery)).toCompletableFuture().get();

    assertThat(results.get(0)).isInstanceOf(DeliveryResult.Delivered.class);
    var mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getSubject()).isEqualTo("Sale <now>");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ann@example.com");
    assertThat(mail.getHeader(EmailMessages.NOTIFICATION_HEADER)[0]).isEqualTo("n-1");
    var parts = (MimeMultipart) mail.getContent();
    var text = (String) parts.getBodyPart(0).getContent();
    var html = (String) parts.getBodyPart(1).getContent();
    var link = "https://app.example/open/promo?n=n-1&in=%7B%22a%22%3A1%7D";
    assertThat(text).contains("Sale <now>").contains("20% & more").contains(link);
    assertThat(html)
        .contains("<h1>Sale &lt;now&gt;</h1>")
        .contains("<p>20% &amp; more</p>")
        .contains("href=\"" + link.replace("&", "&amp;") + "\"");
    assertThat(((DeliveryResult.Delivered) results.get(0)).providerMessageId())
        .isEqualTo(mail.getMessageID());
    provider.close();
  }

  @Test
  void aBatchGoesOutInOrderAndWhole() throws Exception {
    var provider = create(Map.of());
    var batch =
        IntStream.range(0, 150)
            .mapToObj(
                i ->
                    new Delivery(
                        i,
                        "n",
                        "email",
                        null,
                        "user" + i + "@example.com",
                        "t" + i,
                        "x",
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null))
            .toList();

    var results = provider.send(batch).toCompletableFuture().get();

    assertThat(results).hasSize(150).allMatch(r -> r instanceof DeliveryResult.Delivered);
    assertThat(smtp.waitForIncomingEmail(10_000, 150)).isTrue();
    assertThat(GreenMailUtil.getBody(smtp.getReceivedMessages()[0])).isNotEmpty();
    provider.close();
  }

  @Test
  void rejectedRecipientsAreInvalidAndTransientRefusalsAreRetried() throws Exception {
    try (var server = new ScriptedSmtpServer()) {
      var settings =
          new HashMap<>(
              Map.of(
                  "host",
                  "127.0.0.1",
                  "port",
                  Integer.toString(server.port()),
                  "security",
                  "none",
                  "from",
                  "herald@example.com"));
      var provider = new EmailProviderFactory().create(ProviderConfig.of(settings));
      var batch =
          List.of(
              delivery("gone@example.com"),
              delivery("busy@example.com"),
              delivery("ann@example.com"),
              delivery("not an address"));

      var results = provider.send(batch).toCompletableFuture().get();

      assertThat(results.get(0)).isInstanceOf(DeliveryResult.InvalidRecipient.class);
      assertThat(((DeliveryResult.InvalidRecipient) results.get(0)).reason()).contains("550");
      assertThat(results.get(1)).isInstanceOf(DeliveryResult.RetryLater.class);
      assertThat(((DeliveryResult.RetryLater) results.get(1)).reason()).contains("451");
      assertThat(results.get(2)).isInstanceOf(DeliveryResult.Delivered.class);
      assertThat(results.get(3)).isInstanceOf(DeliveryResult.InvalidRecipient.class);
      assertThat(server.connections.get()).as("one connection for the batch").isEqualTo(1);
      provider.close();
    }
  }

  @Test
  void aConnectionThatDropsMidBatchKeepsTheOutcomesOfWhatWasSent() throws Exception {
    try (var server = new ScriptedSmtpServer(2)) {
      var provider = sendingTo(server.port());
      var batch =
          List.of(
              delivery("a@example.com"),
              delivery("b@example.com"),
              delivery("c@example.com"),
              delivery("d@example.com"));

      var results = provider.send(batch).toCompletableFuture().get();

      assertThat(results)
          .extracting(r -> r.getClass().getSimpleName())
          .containsExactly("Delivered", "Delivered", "RetryLater", "RetryLater");
      assertThat(server.accepted.get()).isEqualTo(2);
      provider.close();
    }
  }

  @Test
  void anUnreachableServerFailsTheWholeBatch() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    var provider = sendingTo(closedPort);
    var stage = provider.send(List.of(delivery("ann@example.com"))).toCompletableFuture();
    assertThatThrownBy(stage::get).hasMessageContaining("SMTP connection failed");
    provider.close();
  }

  @Test
  void badConfigurationIsRefusedNamingTheSetting() {
    var factory = new EmailProviderFactory();
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(Map.of("from", "a@b.c"))))
        .hasMessageContaining("host");
    assertThatThrownBy(() -> factory.create(ProviderConfig.of(Map.of("host", "h"))))
        .hasMessageContaining("from");
    assertThatThrownBy(
            () -> factory.create(ProviderConfig.of(Map.of("host", "h", "from", "not valid@"))))
        .hasMessageContaining("from");
    assertThatThrownBy(
            () ->
                factory.create(
                    ProviderConfig.of(Map.of("host", "h", "from", "a@b.c", "security", "ssl"))))
        .hasMessageContaining("security");
    assertThatThrownBy(
            () ->
                factory.create(
                    ProviderConfig.of(Map.of("host", "h", "from", "a@b.c", "port", "x"))))
        .hasMessageContaining("port");
  }

  private EmailProvider create(Map<String, String> overrides) {
    var settings = new HashMap<String, String>();
    settings.put("host", "127.0.0.1");
    settings.put("port", Integer.toString(smtp.getSmtp().getPort()));
    settings.put("security", "none");
    settings.put("from", "Herald <herald@example.com>");
    settings.putAll(overrides);
    return (EmailProvider) new EmailProviderFactory().create(ProviderConfig.of(settings));
  }

  /** A provider that sends to a plain SMTP server on this machine. */
  private static DeliveryProvider sendingTo(int port) {
    return new EmailProviderFactory()
        .create(
            ProviderConfig.of(
                Map.of(
                    "host",
                    "127.0.0.1",
                    "port",
                    Integer.toString(port),
                    "security",
                    "none",
                    "from",
                    "herald@example.com")));
  }

  private static Delivery delivery(String to) {
    return new Delivery(
        1, "n", "email", null, to, "t", "x", null, null, null, false, null, null, null);
  }

  /**
   * A minimal SMTP server that refuses some recipients: 550 for gone@, 451 for busy@; it drops the
   * connection after accepting {@code dropAfter} messages.
   */
  private static final class ScriptedSmtpServer implements AutoCloseable {
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    private final int dropAfter;
    private final ServerSocket socket;
    private final Thread thread;

    ScriptedSmtpServer() throws Exception {
      this(Integer.MAX_VALUE);
    }

    ScriptedSmtpServer(int dropAfter) throws Exception {
      this.dropAfter = dropAfter;
      socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
      thread = new Thread(this::serve, "scripted-smtp");
      thread.setDaemon(true);
      thread.start();
    }

    int port() {
      return socket.getLocalPort();
    }

    private void serve() {
      while (!socket.isClosed()) {
        try (var client = socket.accept();
            var in =
                new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
          connections.incrementAndGet();
          reply(out, "220 scripted ESMTP");
          for (String line; (line = in.readLine()) != null; ) {
            var command = line.toUpperCase(java.util.Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
              reply(out, "250 scripted");
            } else if (command.startsWith("RCPT TO:<GONE@")) {
              reply(out, "550 5.1.1 user unknown");
            } else if (command.startsWith("RCPT TO:<BUSY@")) {
              reply(out, "451 4.3.0 try again later");
            } else if (command.startsWith("DATA")) {
              reply(out, "354 go ahead");
              while (!".".equals(in.readLine())) {
                // the message itself is of no interest here
              }
              reply(out, "250 2.0.0 queued");
              if (accepted.incrementAndGet() >= dropAfter) {
                break;
              }
            } else if (command.startsWith("QUIT")) {
              reply(out, "221 bye");
              break;
            } else {
              reply(out, "250 ok");
            }
          }
        } catch (java.io.IOException e) {
          // closed by the test
        }
      }
    }

    private static void reply(PrintWriter out, String line) {
      out.print(line + "\r\n");
      out.flush();
    }

    @Override
    public void close() throws java.io.IOException {
      socket.close();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
