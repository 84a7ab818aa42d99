package dev.herald.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void yearsOutsideTheSaneRangeAreRefused() {
    for (var text :
        new String[] {
          "-0044-03-15T12:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "1969-12-31T23:59:59Z",
          "+10000-01-01T00:00:00Z"
        }) {
      assertThatThrownBy(() -> Timestamps.parse("startAt", text))
          .as(text)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("1970 to 9999");
    }
  }

  @Test
  void theRangeItselfIsAcceptedAndShownAsGiven() {
    assertThat(Timestamps.format(Timestamps.parse("t", "1970-01-01T00:00:00Z")))
        .isEqualTo("1970-01-01T00:00:00.000Z");
    assertThat(Timestamps.format(Timestamps.parse("t", "9999-12-31T23:59:59.999+00:00")))
        .isEqualTo("9999-12-31T23:59:59.999Z");
  }

  @Test
  void malformedTimestampsNameTheField() {
    assertThatThrownBy(() -> Timestamps.parse("expiresAt", "2026-02-30T25:61:00Z"))
        .hasMessageStartingWith("expiresAt");
  }
}
