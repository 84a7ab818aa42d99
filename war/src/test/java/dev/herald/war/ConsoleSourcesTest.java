package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's own rules, checked on its files since no JavaScript tool runs in the build: one
 * layout (LF, no tabs, no trailing spaces, a final newline), every text put in as text (no
 * innerHTML and the like), nothing the Content Security Policy would block (inline scripts, inline
 * styles, eval), and only file names {@link ConsoleFilter} serves.
 */
class ConsoleSourcesTest {

  private static final Path WEBAPP = Path.of("src/main/webapp");
  private static final Pattern SERVED = Pattern.compile("[a-z0-9-]{1,64}\\.(js|css|svg)");
  private static final Pattern UNSAFE =
      Pattern.compile(
          "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(");

  @Test
  void everyFileHasOneLayout() throws IOException {
    var problems = new ArrayList<String>();
    for (var file : files()) {
      var text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.contains("\r")) {
        problems.add(file + ": CR line ends");
      }
      if (text.contains("\t")) {
        problems.add(file + ": tabs");
      }
      if (!text.endsWith("\n")) {
        problems.add(file + ": no final newline");
      }
      var lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].endsWith(" ")) {
          problems.add(file + ":" + (i + 1) + ": trailing spaces");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void scriptsNeverParseTextAsHtmlOrCode() throws IOException {
    var problems = new ArrayList<String>();
    for (var file : files()) {
      if (file.toString().endsWith(".js")) {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          if (UNSAFE.matcher(lines.get(i)).find()) {
            problems.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void thePageHasNoInlineScriptOrStyle() throws IOException {
    var page = Files.readString(WEBAPP.resolve("index.html"), StandardCharsets.UTF_8);
    assertThat(page)
        .doesNotContainPattern("<script(?![^>]*\\bsrc=)")
        .doesNotContainPattern("\\sstyle=")
        .doesNotContainPattern("<style")
        .doesNotContainPattern("\\son[a-z]+=");
  }

  @Test
  void everyConsoleFileIsOneTheFilterServes() throws IOException {
    try (Stream<Path> files = Files.list(WEBAPP.resolve("console"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .isNotEmpty()
          .allMatch(name -> SERVED.matcher(name).matches());
    }
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(WEBAPP.resolve("console"))) {
      var all = new ArrayList<>(files.sorted().toList());
      all.add(WEBAPP.resolve("index.html"));
      return all;
    }
  }
}
