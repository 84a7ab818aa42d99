package dev.herald.provider.fcm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FcmMessagesTest {

  private final Instant now = Instant.parse("2026-01-01T10:00:00.750Z");

  @Test
  void theTimeToLiveIsTheWholeSecondsLeft() {
    assertThat(FcmMessages.ttl(now.plusSeconds(3600), now)).isEqualTo(Duration.ofSeconds(3600));
    assertThat(FcmMessages.ttl(now.plusMillis(1_999), now)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anExpiredMessageGetsZeroMeaningNowOrNever() {
    assertThat(FcmMessages.ttl(now.minusSeconds(5), now)).isEqualTo(Duration.ZERO);
  }

  @Test
  void fcmsFourWeekLimitIsNotExceeded() {
    assertThat(FcmMessages.ttl(now.plus(Duration.ofDays(60)), now)).isEqualTo(Duration.ofDays(28));
  }
}
