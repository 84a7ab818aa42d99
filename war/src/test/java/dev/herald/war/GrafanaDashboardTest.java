package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/grafana-dashboard.json} is a dashboard Grafana imports, and it queries only series
 * the README's Metrics section lists (MetricsIT checks that the WAR serves those): renaming a
 * series without the dashboard fails here.
 */
class GrafanaDashboardTest {

  private static final Pattern SERIES = Pattern.compile("herald_[a-z_]+");

  @Test
  void theDashboardQueriesOnlyDocumentedSeriesThroughTheChosenDataSource() throws IOException {
    JsonObject dashboard;
    try (var reader =
        Json.createReader(
            Files.newBufferedReader(Path.of("..", "docs", "grafana-dashboard.json")))) {
      dashboard = reader.readObject();
    }
    var readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    var metrics = readme.substring(readme.indexOf("### Metrics"));

    var queried = new TreeSet<String>();
    var panels = dashboard.getJsonArray("panels").getValuesAs(JsonObject.class);
    assertThat(panels).isNotEmpty();
    for (var panel : panels) {
      assertThat(panel.getJsonObject("datasource").getString("uid")).isEqualTo("${datasource}");
      for (var target : panel.getJsonArray("targets").getValuesAs(JsonObject.class)) {
        var series = SERIES.matcher(target.getString("expr"));
        while (series.find()) {
          queried.add(series.group().replaceAll("_(bucket|count|sum|max)$", ""));
        }
      }
    }

    assertThat(queried).isNotEmpty();
    for (var series : queried) {
      assertThat(metrics).as("the README's Metrics section lists " + series).contains(series);
    }
    assertThat(dashboard.getJsonObject("templating").toString()).contains("\"prometheus\"");
  }
}
