package dev.herald.war;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnparsableRequestFilterTest {

  @Test
  void urlsThatDecodeToUtf8Pass() {
    assertThat(UnparsableRequestFilter.decodes(null)).isTrue();
    assertThat(UnparsableRequestFilter.decodes("/v2.0/acme/notifications")).isTrue();
    assertThat(UnparsableRequestFilter.decodes("/v2.0/acme/members/ann%40acme.example")).isTrue();
    assertThat(UnparsableRequestFilter.decodes("q=%C3%A9t%C3%A9&x=%00")).isTrue();
    assertThat(UnparsableRequestFilter.decodes("/caf\u00e9")).isTrue();
  }

  @Test
  void brokenEscapesAndBytesThatAreNotUtf8AreRefused() {
    assertThat(UnparsableRequestFilter.decodes("/v2.0/%ff")).isFalse();
    assertThat(UnparsableRequestFilter.decodes("limit=%C3")).isFalse();
    assertThat(UnparsableRequestFilter.decodes("limit=%zz")).isFalse();
    assertThat(UnparsableRequestFilter.decodes("limit=%4")).isFalse();
  }
}
