package dev.herald.it.cluster;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.herald.it.ApnsConnectionCheck;
import jakarta.mail.MessagingException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Where deliveries land, counted there and nowhere else: GreenMail as the SMTP server (which can be
 * taken down and brought back on the same port) and pushy's mock APNs server. Each notification's
 * title carries a marker ({@link #marker}); a delivery is counted per channel, address and marker.
 */
final class Receivers implements AutoCloseable {

  /** A delivery as seen by the receiving server. */
  record Key(String channel, String address, String marker) {}

  private static final Pattern MARKER = Pattern.compile("\\[([a-z0-9]+-\\d{6})\\]");

  final int smtpPort;
  final int apnsPort;
  private final Map<Key, AtomicInteger> apns = new ConcurrentHashMap<>();

  /** Mails received by GreenMail instances already stopped. */
  private final Map<Key, Integer> earlierMails = new HashMap<>();

  private final MockApnsServer apnsServer;
  private GreenMail smtp;

  Receivers() throws Exception {
    smtpPort = HeraldNode.freePort();
    apnsPort = HeraldNode.freePort();
    apnsServer =
        new MockApnsServerBuilder()
            .setServerCredentials(
                new File(apnsDir(), "server-cert.pem"), new File(apnsDir(), "server-key.pem"), null)
            .setHandlerFactory(
                session ->
                    (headers, payload) -> {
                      var token = headers.path().toString().substring("/3/device/".length());
                      ApnsConnectionCheck.refuse(token);
                      var marker = markerIn(payload.toString(StandardCharsets.UTF_8));
                      apns.computeIfAbsent(new Key("ios", token, marker), k -> new AtomicInteger())
                          .incrementAndGet();
                    })
            .build();
    apnsServer.start(apnsPort).get();
    startSmtp();
  }

  /** The title of a notification that the receivers recognize. */
  static String title(String marker) {
    return "Fault test [" + marker + "]";
  }

  static String marker(String tag, int index) {
    return "%s-%06d".formatted(tag, index);
  }

  static File apnsDir() {
    return new File(System.getProperty("it.apns.dir", "target/test-classes/apns"));
  }

  /** Node settings that point the e-mail and APNs providers here. */
  List<String> providerSettings() {
    var keys = apnsDir().getAbsolutePath();
    return List.of(
        "-Dherald.provider.email.host=127.0.0.1",
        "-Dherald.provider.email.port=" + smtpPort,
        "-Dherald.provider.email.security=none",
        "-Dherald.provider.email.timeout-ms=5000",
        "-Dherald.provider.email.from=herald@fault.example",
        "-Dherald.provider.apns.team-id=TEAMID1234",
        "-Dherald.provider.apns.key-id=KEYID12345",
        "-Dherald.provider.apns.signing-key=" + keys + "/signing-key.p8",
        "-Dherald.provider.apns.topic=dev.herald.test",
        "-Dherald.provider.apns.host=127.0.0.1",
        "-Dherald.provider.apns.port=" + apnsPort,
        "-Dherald.provider.apns.trusted-certificate=" + keys + "/server-cert.pem",
        // The largest APNs batch, and so the most a node can hold in flight on that channel.
        "-Dherald.provider.apns.max-in-flight=100");
  }

  synchronized void startSmtp() {
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  /** Takes the SMTP server down: connections are refused until {@link #startSmtp()}. */
  synchronized void stopSmtp() {
    earlierMails.putAll(merge(earlierMails, mails(smtp)));
    smtp.stop();
    smtp = null;
  }

  /** Every delivery received so far, by channel, address and marker. */
  synchronized Map<Key, Integer> received() {
    var all = new HashMap<>(smtp == null ? earlierMails : merge(earlierMails, mails(smtp)));
    apns.forEach((key, count) -> all.put(key, count.get()));
    return all;
  }

  private static Map<Key, Integer> mails(GreenMail server) {
    var counts = new HashMap<Key, Integer>();
    for (var message : server.getReceivedMessages()) {
      try {
        var to = message.getAllRecipients()[0].toString();
        counts.merge(new Key("email", to, markerIn(message.getSubject())), 1, Integer::sum);
      } catch (MessagingException e) {
        throw new IllegalStateException("Unreadable mail at GreenMail", e);
      }
    }
    return counts;
  }

  private static Map<Key, Integer> merge(Map<Key, Integer> a, Map<Key, Integer> b) {
    var merged = new HashMap<>(a);
    b.forEach((key, count) -> merged.merge(key, count, Integer::sum));
    return merged;
  }

  private static String markerIn(String text) {
    var matcher = MARKER.matcher(text == null ? "" : text);
    return matcher.find() ? matcher.group(1) : "unmarked";
  }

  @Override
  public synchronized void close() throws IOException {
    if (smtp != null) {
      smtp.stop();
    }
    apnsServer.shutdown().join();
  }
}
