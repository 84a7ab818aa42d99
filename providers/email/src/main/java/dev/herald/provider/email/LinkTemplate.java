package dev.herald.provider.email;

import dev.herald.spi.Delivery;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The operator's link to open a notification, with its placeholders filled in and URL-encoded. */
final class LinkTemplate {

  private final String template;

  LinkTemplate(String template) {
    this.template = template;
  }

  String linkTo(Delivery delivery) {
    return template
        .replace("{notificationId}", encode(delivery.notificationId()))
        .replace("{jigId}", encode(delivery.jigId() == null ? "" : delivery.jigId()))
        .replace("{screen}", encode(delivery.screen()))
        .replace("{inputs}", encode(delivery.inputs()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
