package dev.herald.api.pushapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Push API requests in both formats into the same typed request, and refusing others. */
class PushRequestReadingTest {

  @Test
  void jsonNamesMatchInAnyCaseAndEmptyTextsAreAbsent() {
    var request =
        PushRequest.of(
            PushJson.read(
                """
                {"USEREMAIL": "ann@x.example", "userid": "", "title": "T", "Body": "B",
                 "sound": true, "expirysecs": 60, "CompanyId": 1001, "IntegrationKey": "k",
                 "Extra": [1, 2]}
                """));
    assertThat(request.userEmail()).isEqualTo("ann@x.example");
    assertThat(request.userId()).isNull();
    assertThat(request.sound()).isTrue();
    assertThat(request.expirySecs()).isEqualTo(60);
    assertThat(request.companyId()).isEqualTo(1001);
  }

  @Test
  void xmlChildrenMatchByLocalNameInAnyOrderWithNilAsAbsent() {
    var request =
        PushRequest.of(
            PushXml.read(
                """
                <?xml version="1.0" encoding="utf-8"?>
                <Anything xmlns:i="http://www.w3.org/2001/XMLSchema-instance"
                          xmlns="http://schemas.datacontract.org/2004/07/X">
                  <IntegrationKey>k</IntegrationKey>
                  <UserId i:nil="true"/>
                  <Ignored><Deep>1</Deep></Ignored>
                  <UserExternalId>emp-1</UserExternalId>
                  <Sound>1</Sound>
                  <ExpirySecs>0</ExpirySecs>
                  <CompanyId> 1002 </CompanyId>
                  <Body><![CDATA[a < b]]></Body>
                </Anything>
                """));
    assertThat(request.userId()).isNull();
    assertThat(request.userExternalId()).isEqualTo("emp-1");
    assertThat(request.body()).isEqualTo("a < b");
    assertThat(request.sound()).isTrue();
    assertThat(request.expirySecs()).as("0 is no expiry").isNull();
    assertThat(request.companyId()).isEqualTo(1002);
  }

  @Test
  void everyFieldAtFaultIsNamedWithItsCode() {
    assertThatThrownBy(
            () ->
                PushRequest.of(
                    PushJson.read(
                        "{\"Sound\": \"maybe\", \"ExpirySecs\": -1, \"CompanyId\": 99999999999}")))
        .isInstanceOfSatisfying(
            PushRefusal.class,
            r -> {
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.responseStatus().errors())
                  .extracting(ResponseStatus.ResponseError::fieldName)
                  .containsExactlyInAnyOrder(
                      "UserId", "Body", "Sound", "ExpirySecs", "CompanyId", "IntegrationKey");
              assertThat(r.responseStatus().errors())
                  .filteredOn(e -> e.fieldName().equals("UserId"))
                  .extracting(ResponseStatus.ResponseError::errorCode)
                  .containsExactly("NotEmpty");
            });
  }

  @Test
  void aFieldGivenTwiceInDifferentCasesIsRefused() {
    assertThatThrownBy(() -> PushJson.read("{\"Body\": \"a\", \"body\": \"b\"}"))
        .isInstanceOf(PushRefusal.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> PushXml.read("<p><Body>a</Body><BODY>b</BODY></p>"))
        .isInstanceOf(PushRefusal.class)
        .hasMessageContaining("twice");
  }

  @Test
  void aDtdIsRefusedBeforeAnyEntityIsDeclaredOrFetched() {
    for (var xml :
        List.of(
            "<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><p><Body>&x;</Body></p>",
            "<!DOCTYPE p SYSTEM \"http://127.0.0.1:1/p.dtd\"><p/>",
            "<!DOCTYPE p [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><p><Body>&b;</Body></p>")) {
      assertThatThrownBy(() -> PushXml.read(xml))
          .isInstanceOf(PushRefusal.class)
          .hasMessageContaining("DTD");
    }
  }

  @Test
  void undeclaredEntitiesDeepNestingAndBrokenDocumentsAreRefused() {
    assertThatThrownBy(() -> PushXml.read("<p><Body>&x;</Body></p>"))
        .isInstanceOf(PushRefusal.class);
    assertThatThrownBy(() -> PushXml.read("<p>" + "<x>".repeat(20) + "</x>".repeat(20) + "</p>"))
        .isInstanceOf(PushRefusal.class)
        .hasMessageContaining("nested");
    assertThatThrownBy(() -> PushXml.read("<p><Body>b</Body></q>"))
        .isInstanceOf(PushRefusal.class)
        .hasMessageContaining("not well-formed");
    assertThatThrownBy(() -> PushXml.read("")).isInstanceOf(PushRefusal.class);
    assertThatThrownBy(() -> PushXml.read("<p><Body><b>x</b></Body></p>"))
        .isInstanceOf(PushRefusal.class)
        .hasMessageContaining("not elements");
  }

  @Test
  void theAnswerFormatIsTheParameterThenAcceptThenXml() {
    var json = List.of(MediaType.APPLICATION_JSON_TYPE);
    var xmlThenJson = List.of(MediaType.TEXT_XML_TYPE, MediaType.APPLICATION_JSON_TYPE);
    assertThat(PushFormat.ofAnswer("XML", json)).contains(PushFormat.XML);
    assertThat(PushFormat.ofAnswer(null, json)).contains(PushFormat.JSON);
    assertThat(PushFormat.ofAnswer(null, xmlThenJson)).contains(PushFormat.XML);
    assertThat(PushFormat.ofAnswer(null, List.of(MediaType.WILDCARD_TYPE)))
        .contains(PushFormat.XML);
    assertThat(PushFormat.ofAnswer("csv", json)).isEmpty();
    assertThat(PushFormat.ofRequest(null)).contains(PushFormat.XML);
    assertThat(PushFormat.ofRequest(new MediaType("application", "problem+json")))
        .contains(PushFormat.JSON);
    assertThat(PushFormat.ofRequest(MediaType.TEXT_PLAIN_TYPE)).isEmpty();
  }

  @Test
  void xmlAnswersListElementsAlphabeticallyAndReplaceWhatXmlCannotHold() {
    var xml =
        PushAnswers.refused(
            new ResponseStatus(
                "ValidationException",
                "bad \u0001 value",
                List.of(new ResponseStatus.ResponseError("Invalid", "Body", "Too long"))),
            PushFormat.XML);
    assertThat(xml)
        .contains(
            "<ResponseStatus><ErrorCode>ValidationException</ErrorCode><Errors><ResponseError>"
                + "<ErrorCode>Invalid</ErrorCode><FieldName>Body</FieldName>"
                + "<Message>Too long</Message></ResponseError></Errors>"
                + "<Message>bad \uFFFD value</Message></ResponseStatus>");
  }
}
