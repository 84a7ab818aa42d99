package dev.herald.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

  /** The example of the Standard Webhooks libraries' own tests. */
  private static final byte[] KEY = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

  private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  private static final String TIMESTAMP = "1614265330";
  private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
  private static final Instant SENT = Instant.ofEpochSecond(1614265330);

  @Test
  void signsAsTheStandardsExample() {
    assertThat(StandardWebhooks.sign(KEY, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
  }

  @Test
  void acceptsTheStandardsExample() {
    assertThat(verify(List.of(KEY), SIGNATURE, BODY, SENT)).isTrue();
  }

  @Test
  void acceptsAnyValidSignatureOfTheListWithAnyValidKey() {
    var other = StandardWebhooks.newKey();
    var list = "v1,bm90IGl0 v1a,whatever " + SIGNATURE + " v2,x";
    assertThat(verify(List.of(other, KEY), list, BODY, SENT)).isTrue();
    assertThat(verify(List.of(other), list, BODY, SENT)).isFalse();
  }

  @Test
  void refusesAnotherBodyEvenTheSameJsonSpacedOtherwise() {
    var respaced = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);
    assertThat(verify(List.of(KEY), SIGNATURE, respaced, SENT)).isFalse();
  }

  @Test
  void refusesTimestampsMoreThanFiveMinutesOffEitherWay() {
    assertThat(verify(List.of(KEY), SIGNATURE, BODY, SENT.plusSeconds(300))).isTrue();
    assertThat(verify(List.of(KEY), SIGNATURE, BODY, SENT.minusSeconds(300))).isTrue();
    assertThat(verify(List.of(KEY), SIGNATURE, BODY, SENT.plusSeconds(301))).isFalse();
    assertThat(verify(List.of(KEY), SIGNATURE, BODY, SENT.minusSeconds(301))).isFalse();
  }

  @Test
  void refusesWhatIsMissingOrMalformed() {
    assertThat(StandardWebhooks.verify(List.of(KEY), null, TIMESTAMP, SIGNATURE, BODY, SENT))
        .isFalse();
    assertThat(StandardWebhooks.verify(List.of(KEY), ID, null, SIGNATURE, BODY, SENT)).isFalse();
    assertThat(StandardWebhooks.verify(List.of(KEY), ID, "-1614265330", SIGNATURE, BODY, SENT))
        .isFalse();
    assertThat(StandardWebhooks.verify(List.of(KEY), ID, "1614265330.0", SIGNATURE, BODY, SENT))
        .isFalse();
    assertThat(StandardWebhooks.verify(List.of(KEY), ID, TIMESTAMP, null, BODY, SENT)).isFalse();
    assertThat(verify(List.of(KEY), "", BODY, SENT)).isFalse();
    assertThat(verify(List.of(KEY), "v1,", BODY, SENT)).isFalse();
    assertThat(verify(List.of(KEY), "v1,***", BODY, SENT)).isFalse();
    assertThat(verify(List.of(KEY), SIGNATURE.substring(3), BODY, SENT)).isFalse();
    assertThat(verify(List.of(), SIGNATURE, BODY, SENT)).isFalse();
  }

  @Test
  void aNewSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
    var key = StandardWebhooks.newKey();
    var secret = StandardWebhooks.secret(key);
    assertThat(secret).startsWith("whsec_");
    assertThat(Base64.getDecoder().decode(secret.substring(6))).isEqualTo(key).hasSize(32);
    assertThat(StandardWebhooks.newKey()).isNotEqualTo(key);
  }

  private static boolean verify(List<byte[]> keys, String signatures, byte[] body, Instant now) {
    return StandardWebhooks.verify(keys, ID, TIMESTAMP, signatures, body, now);
  }
}
