package dev.herald.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.core.common.InvalidRequestException.FieldError;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewNotificationTest {

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
