package dev.herald.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeraldScopeTest {

  @Test
  void heraldsApiPathsAreKnownWithOrWithoutTheLeadingSlash() {
    assertThat(HeraldScope.isApiPath("v2.0/tool/organizations")).isTrue();
    assertThat(HeraldScope.isApiPath("/v2.0/tool/organizations/x/members")).isTrue();
    assertThat(HeraldScope.isApiPath("/things/upload")).isFalse();
    assertThat(HeraldScope.isApiPath("v2.0/toolbox")).isFalse();
  }
}
