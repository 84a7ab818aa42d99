package dev.herald.provider.apns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassWarmUpTest {

  @Test
  void loadsTheClassesOfPushyAndOfTheNettyJarsItRunsOn() {
    // pushy, codec-http2, codec-http, codec, handler, transport, buffer, common, resolver
    assertThat(ClassWarmUp.load(ClassWarmUpTest.class.getClassLoader())).isGreaterThan(2_000);
  }
}
