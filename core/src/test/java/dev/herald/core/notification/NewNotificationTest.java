package dev.herald.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.common.InvalidRequestException.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewNotificationTest {

  @Test
  void aFingerprintIsTheSameForTheSameRequestWhateverItsKeyAndChannelOrder() {
    var one = NewNotification.toMembers("a@x.com").title("t").text("x").channels("push", "email");
    var same = one.build().fingerprint("notifications");
    assertThat(one.idempotencyKey("k1").build().fingerprint("notifications")).isEqualTo(same);
    assertThat(
            NewNotification.toMembers("a@x.com")
                .title("t")
                .text("x")
                .channels("email", "push")
                .idempotencyKey("k2")
                .build()
                .fingerprint("notifications"))
        .isEqualTo(same);
    assertThat(same).hasSize(64);
  }

  @Test
  void aFingerprintDiffersForAnyOtherFieldOrRoute() {
    var base = NewNotification.toMembers("a@x.com").title("t").text("x").build();
    var fingerprint = base.fingerprint("notifications");
    assertThat(base.fingerprint("push-api-v2")).isNotEqualTo(fingerprint);
    for (var other :
        List.of(
            NewNotification.toMembers("b@x.com").title("t").text("x"),
            NewNotification.toMembers("a@x.com", "b@x.com").title("t").text("x"),
            NewNotification.toOrganization().title("t").text("x"),
            NewNotification.toMembers("a@x.com").title("T").text("x"),
            NewNotification.toMembers("a@x.com").title("t").text("y"),
            NewNotification.toMembers("a@x.com").title("t").text("x").deepLink("jig"),
            NewNotification.toMembers("a@x.com")
                .title("t")
                .text("x")
                .deepLink("jig", Map.of("k", "v")),
            NewNotification.toMembers("a@x.com").title("t").text("x").description("d"),
            NewNotification.toMembers("a@x.com").title("t").text("x").sound(true),
            NewNotification.toMembers("a@x.com").title("t").text("x").badge(1),
            NewNotification.toMembers("a@x.com").title("t").text("x").channels("email"),
            NewNotification.toMembers("a@x.com")
                .title("t")
                .text("x")
                .timeToLive(Duration.ofMinutes(1)),
            NewNotification.toMembers("a@x.com")
                .title("t")
                .text("x")
                .startAt(Instant.parse("2030-01-01T00:00:00Z")))) {
      assertThat(other.build().fingerprint("notifications")).isNotEqualTo(fingerprint);
    }
  }

  @Test
  void usrNeedsEmails() {
    assertThat(request(Scope.USR, List.of(), List.of(), null).problems())
        .containsExactly(new FieldError("emails", "is required for scope USR"));
    assertThat(request(Scope.USR, List.of("a@x.com"), List.of(), null).problems()).isEmpty();
  }

  @Test
  void slnNeedsASolution() {
    assertThat(request(Scope.SLN, List.of(), List.of(), null).problems())
        .containsExactly(new FieldError("solutionId", "is required for scope SLN"));
    assertThat(request(Scope.SLN, List.of(), List.of(), UUID.randomUUID()).problems()).isEmpty();
  }

  @Test
  void slnGrpNeedsASolutionAndGroups() {
    assertThat(request(Scope.SLN_GRP, List.of(), List.of(), null).problems())
        .containsExactly(
            new FieldError("solutionId", "is required for scope SLN_GRP"),
            new FieldError("groups", "is required for scope SLN_GRP"));
    assertThat(
            request(Scope.SLN_GRP, List.of(), List.of("customers"), UUID.randomUUID()).problems())
        .isEmpty();
  }

  @Test
  void orgNeedsNothingElse() {
    assertThat(request(Scope.ORG, List.of(), List.of(), null).problems()).isEmpty();
  }

  @Test
  void missingScopeTitleAndTextAreNamed() {
    var request =
        new NewNotification(
            null, null, null, null, " ", null, null, null, null, null, null, null, null, false,
            null, null);
    assertThat(request.problems())
        .extracting(FieldError::field)
        .containsExactly("title", "text", "scope");
  }

  @Test
  void titleAndTextAreBounded() {
    var request =
        new NewNotification(
            Scope.ORG,
            null,
            null,
            null,
            "t".repeat(NewNotification.MAX_TITLE + 1),
            "x".repeat(NewNotification.MAX_TEXT + 1),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null);
    assertThat(request.problems()).extracting(FieldError::field).containsExactly("title", "text");
  }

  @Test
  void titlesAreCountedAsPeopleCountCharacters() {
    var emoji = "\uD83D\uDE00";
    var request =
        new NewNotification(
            Scope.ORG,
            null,
            null,
            null,
            emoji.repeat(NewNotification.MAX_TITLE),
            "x",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null);
    assertThat(request.problems()).isEmpty();
  }

  @Test
  void inputsGroupsAndEmailsAreBounded() {
    var request =
        new NewNotification(
            Scope.SLN_GRP,
            List.of("a".repeat(321) + "@x.com"),
            java.util.Collections.nCopies(NewNotification.MAX_GROUPS + 1, "g"),
            UUID.randomUUID(),
            "t",
            "x",
            null,
            null,
            "{\"k\":\"" + "x".repeat(NewNotification.MAX_INPUTS) + "\"}",
            null,
            null,
            null,
            null,
            false,
            null,
            null);
    assertThat(request.problems())
        .extracting(FieldError::field)
        .containsExactly("inputs", "emails", "groups");
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    var request = request(Scope.ORG, null, null, null);
    assertThat(request.screen()).isEqualTo("jig");
    assertThat(request.inputs()).isEqualTo("{}");
    assertThat(request.channels()).isEqualTo(Set.of("push", "inapp"));
  }

  @Test
  void theBuilderCarriesEveryFieldIntoTheRequest() {
    var at = Instant.parse("2030-01-02T03:04:05Z");
    var request =
        NewNotification.toMembers("ann@x.example", "bob@x.example")
            .title("Invoice paid")
            .text("Thank you")
            .deepLink("invoices", Map.of("invoiceId", "42"))
            .screen("detail")
            .description("from billing")
            .startAt(at)
            .channels("push", "email")
            .timeToLive(Duration.ofHours(1))
            .sound(true)
            .badge(3)
            .idempotencyKey("invoice-42")
            .build();

    assertThat(request)
        .isEqualTo(
            new NewNotification(
                Scope.USR,
                List.of("ann@x.example", "bob@x.example"),
                List.of(),
                null,
                "Invoice paid",
                "Thank you",
                "invoices",
                "detail",
                "{\"invoiceId\":\"42\"}",
                "from billing",
                at,
                Set.of("push", "email"),
                3600,
                true,
                3,
                "invoice-42"));
    assertThat(request.problems()).isEmpty();
  }

  @Test
  void theBuildersScopesNeedWhatTheirScopeNeeds() {
    var solution = UUID.randomUUID();
    assertThat(NewNotification.toGroups(solution, "customers").title("t").text("x").build())
        .extracting(NewNotification::scope, NewNotification::solutionId, NewNotification::groups)
        .containsExactly(Scope.SLN_GRP, solution, List.of("customers"));
    assertThat(NewNotification.toSolution(solution).title("t").text("x").build().scope())
        .isEqualTo(Scope.SLN);
    assertThat(NewNotification.toOrganization().title("t").text("x").build().problems()).isEmpty();
    // nothing is checked before sending, where every problem is reported at once
    assertThat(NewNotification.toMembers().build().problems())
        .extracting(FieldError::field)
        .containsExactly("title", "text", "emails");
  }

  @Test
  void deepLinkInputsAreWrittenAsAJsonObjectWithTheirTypes() {
    var inputs = new java.util.LinkedHashMap<String, Object>();
    inputs.put("quote", "say \"hi\"");
    inputs.put("count", 2);
    inputs.put("paid", true);
    inputs.put("tags", List.of("a", "b"));
    var request = NewNotification.toOrganization().deepLink("jig", inputs).build();

    assertThat(request.inputs())
        .isEqualTo(
            "{\"quote\":\"say \\\"hi\\\"\",\"count\":2,\"paid\":true,\"tags\":[\"a\",\"b\"]}");
  }

  private static NewNotification request(
      Scope scope, List<String> emails, List<String> groups, UUID solutionId) {
    return new NewNotification(
        scope,
        emails,
        groups,
        solutionId,
        "Title",
        "Text",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        null,
        null);
  }
}
