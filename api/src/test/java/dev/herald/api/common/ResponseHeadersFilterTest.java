package dev.herald.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseHeadersFilterTest {

  private static final URI FORGED =
      URI.create("http://evil.example:8080/v2.0/tool/organizations/a/members/1?x=y%20z");

  @Test
  void withoutAPublicUrlTheLocationIsThePathAlone() {
    assertThat(ResponseHeadersFilter.rebase(FORGED, "/", Optional.empty()))
        .isEqualTo("/v2.0/tool/organizations/a/members/1?x=y%20z");
  }

  @Test
  void aPublicUrlReplacesSchemeHostAndTheServersOwnBasePath() {
    var forged = URI.create("http://evil.example/herald/v2.0/tool/organizations/a/members/1");
    assertThat(
            ResponseHeadersFilter.rebase(
                forged, "/herald/", Optional.of("https://example.com/push")))
        .isEqualTo("https://example.com/push/v2.0/tool/organizations/a/members/1");
    assertThat(ResponseHeadersFilter.rebase(FORGED, "/", Optional.of("https://push.example.com")))
        .isEqualTo("https://push.example.com/v2.0/tool/organizations/a/members/1?x=y%20z");
  }

  @Test
  void onlyAnHttpUrlWithoutQueryIsAPublicUrl() {
    try {
      for (var bad : new String[] {"push.example.com", "ftp://x", "https://x/?a=b", "http://"}) {
        System.setProperty(ResponseHeadersFilter.PUBLIC_URL, bad);
        assertThat(ResponseHeadersFilter.publicUrl()).as(bad).isEmpty();
      }
      System.setProperty(ResponseHeadersFilter.PUBLIC_URL, "https://push.example.com/");
      assertThat(ResponseHeadersFilter.publicUrl()).contains("https://push.example.com");
    } finally {
      System.clearProperty(ResponseHeadersFilter.PUBLIC_URL);
    }
  }
}
