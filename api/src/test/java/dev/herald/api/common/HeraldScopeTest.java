package dev.herald.api.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeraldScopeTest {

  @Test
  void heraldsApiPathsAreKnownWithOrWithoutTheLeadingSlash() {
    assertThat(HeraldScope.isApiPath("v2.0/tool/organizations")).isTrue();
    assertThat(HeraldScope.isApiPath("/v2.0/tool/organizations/x/members")).isTrue();
    assertThat(HeraldScope.isApiPath("/v2.0/webhooks/acme/0b6c2f7e")).isTrue();
    assertThat(HeraldScope.isApiPath("v2.0/webhooks/acme/0b6c2f7e")).isTrue();
    assertThat(HeraldScope.isApiPath("/v2.0/health/ready")).isTrue();
    assertThat(HeraldScope.isApiPath("v2.0/openapi")).isTrue();
    assertThat(HeraldScope.isApiPath("/v2.0/metrics")).isTrue();
    assertThat(HeraldScope.isApiPath("/things/upload")).isFalse();
    assertThat(HeraldScope.isApiPath("v2.0/webhooksy")).isFalse();
    assertThat(HeraldScope.isApiPath("v2.0/toolbox")).isFalse();
  }
}
