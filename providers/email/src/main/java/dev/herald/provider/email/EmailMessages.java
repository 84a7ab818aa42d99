package dev.herald.provider.email;

import dev.herald.spi.Delivery;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Builds the message of a delivery: the title as subject, a plain-text and an HTML part. */
final class EmailMessages {

  /** Lets a reader of the mailbox (or a test) find the notification a mail belongs to. */
  static final String NOTIFICATION_HEADER = "X-Herald-Notification";

  private final Session session;
  private final InternetAddress from;
  private final LinkTemplate link;

  EmailMessages(Session session, InternetAddress from, LinkTemplate link) {
    this.session = session;
    this.from = from;
    this.link = link;
  }

  MimeMessage of(Delivery delivery) throws MessagingException {
    var message = new MimeMessage(session);
    message.setFrom(from);
    message.setRecipient(
        MimeMessage.RecipientType.TO, new InternetAddress(delivery.address(), true));
    message.setSubject(delivery.title(), StandardCharsets.UTF_8.name());
    message.setSentDate(Date.from(Instant.now()));
    message.setHeader(NOTIFICATION_HEADER, delivery.notificationId());
    var url = link == null ? null : link.linkTo(delivery);

    var text = new MimeBodyPart();
    text.setText(
        delivery.title() + "\n\n" + delivery.text() + (url == null ? "" : "\n\n" + url) + "\n",
        StandardCharsets.UTF_8.name());
    var html = new MimeBodyPart();
    html.setContent(html(delivery, url), "text/html; charset=UTF-8");
    var body = new MimeMultipart("alternative");
    body.addBodyPart(text);
    body.addBodyPart(html);
    message.setContent(body);
    message.saveChanges();
    return message;
  }

  private static String html(Delivery delivery, String url) {
    var html = new StringBuilder("<!DOCTYPE html><html><body>");
    html.append("<h1>").append(escape(delivery.title())).append("</h1>");
    html.append("<p>").append(escape(delivery.text())).append("</p>");
    if (url != null) {
      html.append("<p><a href=\"").append(escape(url)).append("\">Open</a></p>");
    }
    return html.append("</body></html>").toString();
  }

  static String escape(String text) {
    var escaped = new StringBuilder(text.length());
    for (var c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
