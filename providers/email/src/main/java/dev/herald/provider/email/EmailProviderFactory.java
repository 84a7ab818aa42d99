package dev.herald.provider.email;

import dev.herald.spi.ConfigProperty;
import dev.herald.spi.DeliveryProvider;
import dev.herald.spi.DeliveryProviderFactory;
import dev.herald.spi.ProviderConfig;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * The e-mail provider: channel {@code email}, over SMTP with STARTTLS, TLS or plain connections,
 * one connection per batch.
 *
 * @since 0.1
 */
public final class EmailProviderFactory implements DeliveryProviderFactory {

  @Override
  public String id() {
    return "email";
  }

  @Override
  public Set<String> channels() {
    return Set.of("email");
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public List<ConfigProperty> configProperties() {
    return List.of(
        new ConfigProperty("host", true, false, null, "The SMTP server."),
        new ConfigProperty(
            "from", true, false, null, "The sender, e.g. Herald <noreply@example.com>."),
        new ConfigProperty("port", false, false, "587", "The SMTP port."),
        new ConfigProperty("security", false, false, "starttls", "starttls, tls (SMTPS) or none."),
        new ConfigProperty("user", false, false, null, "The SMTP user, if the server wants one."),
        new ConfigProperty("password", false, true, null, "The SMTP password."),
        new ConfigProperty(
            "link-template",
            false,
            false,
            null,
            "Link to open the notification, with {notificationId}, {jigId}, {screen}, {inputs}."),
        new ConfigProperty(
            "trusted-hosts", false, false, null, "Hosts whose TLS certificate is trusted as is."),
        new ConfigProperty("timeout-ms", false, false, "10000", "SMTP connect and read timeout."),
        new ConfigProperty("threads", false, false, "4", "Batches sent at once."));
  }

  @Override
  public DeliveryProvider create(ProviderConfig config) {
    var host = config.require("host");
    var from = address(config.require("from"));
    var port = positive(config, "port", 587);
    var timeout = positive(config, "timeout-ms", 10_000);
    var properties = new Properties();
    var security = config.get("security").orElse("starttls");
    var protocol =
        switch (security) {
          case "tls" -> "smtps";
          case "starttls", "none" -> "smtp";
          default -> throw new IllegalArgumentException("security must be starttls, tls or none");
        };
    var prefix = "mail." + protocol + ".";
    properties.put("mail.transport.protocol", protocol);
    properties.put(prefix + "host", host);
    properties.put(prefix + "port", Integer.toString(port));
    properties.put(prefix + "connectiontimeout", Integer.toString(timeout));
    properties.put(prefix + "timeout", Integer.toString(timeout));
    properties.put(prefix + "writetimeout", Integer.toString(timeout));
    if (security.equals("starttls")) {
      properties.put(prefix + "starttls.enable", "true");
      properties.put(prefix + "starttls.required", "true");
    }
    config.get("trusted-hosts").ifPresent(hosts -> properties.put(prefix + "ssl.trust", hosts));
    var user = config.get("user");
    if (user.isPresent()) {
      properties.put(prefix + "auth", "true");
    }
    var session = Session.getInstance(properties);
    var link = config.get("link-template").map(LinkTemplate::new).orElse(null);
    return new EmailProvider(
        session,
        protocol,
        user.orElse(null),
        config.get("password").orElse(null),
        new EmailMessages(session, from, link),
        positive(config, "threads", 4));
  }

  private static InternetAddress address(String from) {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("from is not an e-mail address: " + from, e);
    }
  }

  private static int positive(ProviderConfig config, String setting, int defaultValue) {
    try {
      var value = config.get(setting).map(Integer::parseInt).orElse(defaultValue);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(setting + " must be a positive whole number");
  }
}
