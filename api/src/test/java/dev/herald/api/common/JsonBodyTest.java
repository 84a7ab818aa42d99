package dev.herald.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.core.common.InvalidRequestException;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  @Test
  void deepNestingIsRefusedBeforeParsing() {
    assertThatThrownBy(() -> JsonBody.parse("[".repeat(100_000)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("nested deeper than 64");
    assertThat(JsonBody.parse("[".repeat(64) + "]".repeat(64))).isNotNull();
  }

  @Test
  void bracketsInsideStringsDoNotCount() {
    var text = "{\"s\":\"" + "[".repeat(1_000) + "\\\"" + "{".repeat(1_000) + "\"}";
    assertThat(JsonBody.object(text).getString("s")).startsWith("[[[");
  }

  @Test
  void longNumbersAreRefused() {
    assertThatThrownBy(() -> JsonBody.parse("{\"n\":" + "9".repeat(1_200) + "}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("number longer than 100");
    assertThat(JsonBody.parse("{\"n\":" + "9".repeat(100) + "}")).isNotNull();
  }

  @Test
  void everyParserFailureIsA400() {
    for (var text :
        new String[] {"{", "nope", "{\"a\":}", "[1,]", "\"x\"", "{\"a\":1e99999999999}"}) {
      try {
        JsonBody.parse(text);
      } catch (InvalidRequestException expected) {
        continue;
      }
      // a scalar or an accepted number is fine; what must not happen is another exception
    }
  }

  @Test
  void nulIsRefusedInTexts() {
    var body = JsonBody.object("{\"name\":\"a\\u0000b\",\"list\":[\"x\\u0000\"]}");
    assertThatThrownBy(() -> JsonBody.string(body, "name"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> JsonBody.stringList(body, "list"))
        .isInstanceOf(InvalidRequestException.class);
  }
}
