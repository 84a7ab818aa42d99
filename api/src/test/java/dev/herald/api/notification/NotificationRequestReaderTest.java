package dev.herald.api.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.herald.api.common.JsonBody;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.notification.Scope;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRequestReaderTest {

  @Test
  void readsNestedContentWithObjectInputs() {
    var request =
        read(
            """
            {"content": {"title": "New", "text": "Check", "jigId": "promo", "screen": "jig",
                         "inputs": {"promo-code": "x-3654", "price": 34}},
             "scope": "SLN_GRP", "groups": ["customers"],
             "solutionId": "0b5c3f7e-8f3c-4d6a-9a59-1a2b3c4d5e6f"}
            """);
    assertThat(request.scope()).isEqualTo(Scope.SLN_GRP);
    assertThat(request.groups()).containsExactly("customers");
    assertThat(request.title()).isEqualTo("New");
    assertThat(request.jigId()).isEqualTo("promo");
    assertThat(request.inputs()).isEqualTo("{\"promo-code\":\"x-3654\",\"price\":34}");
  }

  @Test
  void readsFlatFieldsAndIgnoresUnknownOnes() {
    var request =
        read(
            """
            {"title": "Hi", "text": "There", "jigId": "notification-form", "scope": "USR",
             "emails": "a@x.com, b@x.com", "deviceId": "jig", "command": "createNotification", "id": 7}
            """);
    assertThat(request.title()).isEqualTo("Hi");
    assertThat(request.emails()).containsExactly("a@x.com", "b@x.com");
    assertThat(request.screen()).isEqualTo("jig");
    assertThat(request.inputs()).isEqualTo("{}");
  }

  @Test
  void acceptsInputsAsAStringHoldingAnObject() {
    var request =
        read("{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"inputs\":\"{\\\"a\\\": 1}\"}");
    assertThat(request.inputs()).isEqualTo("{\"a\":1}");
  }

  @Test
  void refusesInputsThatAreNotAnObject() {
    assertThatThrownBy(
            () -> read("{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"inputs\":\"[1]\"}"))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("inputs");
    assertThatThrownBy(
            () -> read("{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"inputs\":5}"))
        .hasMessageContaining("inputs");
  }

  @Test
  void refusesAnUnknownScopeAndWrongTypes() {
    assertThatThrownBy(() -> read("{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ALL\"}"))
        .hasMessageContaining("scope must be one of USR, SLN, SLN_GRP, ORG");
    assertThatThrownBy(() -> read("{\"title\":5,\"text\":\"x\",\"scope\":\"ORG\"}"))
        .hasMessage("title must be a string");
    assertThatThrownBy(
            () -> read("{\"title\":\"t\",\"text\":\"x\",\"scope\":\"ORG\",\"startAt\":\"soon\"}"))
        .hasMessageContaining("startAt must be an ISO-8601 timestamp");
  }

  @Test
  void readsHeraldsExtensions() {
    var request =
        read(
            """
            {"title": "t", "text": "x", "scope": "ORG", "channels": ["inapp", "email"],
             "ttlSeconds": 60, "sound": true, "badge": 3}
            """);
    assertThat(request.channels()).isEqualTo(Set.of("inapp", "email"));
    assertThat(request.ttlSeconds()).isEqualTo(60);
    assertThat(request.sound()).isTrue();
    assertThat(request.badge()).isEqualTo(3);
  }

  @Test
  void malformedJsonIsAClearError() {
    assertThatThrownBy(() -> JsonBody.object("{\"title\": "))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("The request body is not valid JSON");
    assertThatThrownBy(() -> JsonBody.object("[]"))
        .hasMessage("The request body must be a JSON object");
    assertThatThrownBy(() -> JsonBody.object("")).hasMessageContaining("empty");
  }

  private static dev.herald.core.notification.NewNotification read(String json) {
    return NotificationRequestReader.read(JsonBody.object(json), null);
  }
}
