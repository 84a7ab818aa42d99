package dev.herald.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings a Payara Micro process started by a test shares with the run command: the project's
 * pre-boot commands (war/src/main/payara/preboot.asadmin) and the JVM option that leaves header
 * checks to Herald (ADR 0009), plus a listener bound to 127.0.0.1.
 */
public final class PayaraMicro {

  /**
   * The server key for inbound webhooks' secrets on the nodes tests start, a test value (the
   * Arquillian servers have the same, it.webhooks.secret-key in it/pom.xml).
   */
  public static final String WEBHOOKS_SECRET_KEY = "dGVzdC1vbmx5LWtleS1mb3ItaGVyYWxkLXdlYmhvb2s=";

  /**
   * JVM options every Herald node needs, and the key of webhook secrets, without which a node whose
   * database has webhooks does not start.
   */
  public static final List<String> JVM_OPTIONS =
      List.of(
          "-Dorg.glassfish.grizzly.http.STRICT_HEADER_VALUE_VALIDATION_RFC_9110=false",
          "-Dherald.webhooks.secret-key=" + WEBHOOKS_SECRET_KEY);

  private PayaraMicro() {}

  /** Writes the pre-boot command file for a node on loopback and returns it. */
  public static Path writePreboot(Path file) {
    var project =
        Path.of(System.getProperty("it.payara.preboot", "../war/src/main/payara/preboot.asadmin"));
    try {
      Files.writeString(
          file,
          Files.readString(project)
              + "set configs.config.server-config.network-config.network-listeners"
              + ".network-listener.http-listener.address=127.0.0.1\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
