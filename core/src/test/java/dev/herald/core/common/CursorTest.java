package dev.herald.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void aCursorDecodesIntoTheTypedPartsItWasMadeOf() {
    var at = Instant.parse("2026-01-01T10:00:00.123Z");
    var id = UUID.randomUUID();
    var parts = Cursor.decode(Cursor.encode(at.toString(), id.toString()), 2);
    assertThat(Cursor.instant(parts.get(0))).isEqualTo(at);
    assertThat(Cursor.uuid(parts.get(1))).isEqualTo(id);
    assertThat(Cursor.number(Cursor.decode(Cursor.encode("42"), 1).get(0))).isEqualTo(42);
  }

  @Test
  void tamperedCursorsAreInvalidRequests() {
    // "eAp5" decodes to "x\ny": two parts, neither a timestamp nor an id
    var parts = Cursor.decode("eAp5", 2);
    assertThatThrownBy(() -> Cursor.instant(parts.get(0)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Cursor.uuid(parts.get(1))).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Cursor.number("99999999999999999999"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Cursor.instant("+999999999-12-31T23:59:59Z"))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Cursor.decode("!!!", 1)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Cursor.decode(Cursor.encode("a\u0000b"), 1))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> Cursor.decode("A".repeat(5_000), 1))
        .isInstanceOf(InvalidRequestException.class);
  }
}
