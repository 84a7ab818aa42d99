package dev.herald.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The PostgreSQL database the suites were given ({@code herald.test.db.url}). Each test class works
 * in a fresh schema of its own, named in the nodes' JDBC URL ({@code currentSchema}), so the nodes
 * of one test share one database that no other test (and no Arquillian container) writes to. Public
 * for the benchmark ({@code dev.herald.it.bench}), which works in a schema of its own too.
 */
public final class TestDatabase {

  private final String url;
  private final String user;
  private final String password;

  private TestDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The configured database, if it is PostgreSQL: these tests run on nothing else. */
  public static Optional<TestDatabase> postgres() {
    var url = System.getProperty("herald.test.db.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      return Optional.empty();
    }
    return Optional.of(
        new TestDatabase(
            url,
            System.getProperty("herald.test.db.user", ""),
            System.getProperty("herald.test.db.password", "")));
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  /** Drops and recreates a schema, and returns the JDBC URL that makes it the nodes' default. */
  public String freshSchema(String schema) {
    try (var connection = DriverManager.getConnection(url, user, password);
        var statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare schema " + schema + " in " + url, e);
    }
    return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  /**
   * The command that restarts the database server: {@code it.pg.restart}, else the local cluster's
   * {@code pg_ctlcluster --skip-systemctl-redirect <version> main restart}, if any.
   */
  static Optional<List<String>> restartCommand() {
    var configured = System.getProperty("it.pg.restart", "");
    if (!configured.isBlank()) {
      return Optional.of(List.of("sh", "-c", configured));
    }
    var clusters = Path.of("/etc/postgresql");
    if (!Files.isDirectory(clusters) || !onPath("pg_ctlcluster")) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(clusters)) {
      return versions
          .map(p -> p.getFileName().toString())
          .filter(v -> v.matches("\\d+(\\.\\d+)?"))
          .max(Comparator.comparingDouble(Double::parseDouble))
          .map(v -> List.of("pg_ctlcluster", "--skip-systemctl-redirect", v, "main", "restart"));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean onPath(String program) {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
