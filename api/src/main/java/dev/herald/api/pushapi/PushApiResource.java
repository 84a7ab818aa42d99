package dev.herald.api.pushapi;

import dev.herald.api.common.IdempotentSending;
import dev.herald.api.common.SendLimit;
import dev.herald.api.pushapi.ResponseStatus.ResponseError;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.integration.IntegrationKeys;
import dev.herald.core.limit.SendLimits;
import dev.herald.core.member.MemberService;
import dev.herald.core.notification.NewNotification;
import dev.herald.core.notification.Notifications;
import dev.herald.core.organization.OrganizationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/v2/push}: one push to one user, the Forms On Fire way (ADR 0014). It becomes an
 * ordinary USR notification, sent through the same queue and providers as any other and listed with
 * them, {@code sentVia} {@value #ROUTE}. The organization is the one whose company id and
 * integration key the body carries.
 */
@RequestScoped
@Path("/api/v2/push")
@Tag(name = "push api v2", description = "Forms On Fire style, without a token")
@SecurityRequirements
public class PushApiResource {

  /** Requests to this API are the same only as requests to it (idempotency keys). */
  static final String ROUTE = "push-api-v2";

  /** The Push API's names of the notification's fields, for the errors of a check they fail. */
  private static final Map<String, String> PUSH_NAMES =
      Map.of(
          "title", PushField.TITLE.documented(),
          "text", PushField.BODY.documented(),
          "ttlSeconds", PushField.EXPIRY_SECS.documented(),
          "emails", PushField.USER_EMAIL.documented(),
          "idempotencyKey", "Idempotency-Key");

  @Inject IntegrationKeys keys;
  @Inject MemberService members;
  @Inject OrganizationService organizations;
  @Inject Notifications notifications;
  @Inject SendLimits limits;
  @Context HttpHeaders headers;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Push to one user",
      description =
          "Authenticated by `CompanyId` and `IntegrationKey` in the body. The answer is in the"
              + " `format` asked for (json or xml), else the first of JSON and XML `Accept` names,"
              + " else XML.")
  @RequestBody(ref = "Push")
  @APIResponse(
      responseCode = "200",
      description = "Queued: an ordinary USR notification",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PushResponse")),
        @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(ref = "PushResponse"))
      })
  @APIResponse(responseCode = "default", ref = "PushError")
  public Response push(
      String body,
      @QueryParam("format") String format,
      @HeaderParam("Idempotency-Key") String idempotencyKey) {
    var answer = PushFormat.ofAnswer(format, headers.getAcceptableMediaTypes());
    if (answer.isEmpty()) {
      return refused(
          PushRefusal.badRequest("The format parameter must be json or xml"), PushFormat.XML);
    }
    try {
      return send(body, idempotencyKey, answer.get());
    } catch (PushRefusal refusal) {
      return refused(refusal, answer.get());
    }
  }

  private Response send(String body, String idempotencyKey, PushFormat answer) {
    var request = PushRequest.of(fields(body));
    var credential =
        keys.authenticate(request.companyId(), request.integrationKey())
            .orElseThrow(
                () ->
                    new PushRefusal(
                        401,
                        new ResponseStatus(
                            "Unauthorized",
                            "The CompanyId and IntegrationKey do not match",
                            List.of())));
    // over the limit: a 429 with Retry-After, answered as a ResponseStatus by PushApiErrors
    SendLimit.check(
        limits, credential.limitName(), credential.sendsPerMinute(), "this integration key");
    var organizationId = credential.organizationId();
    var member = PushRecipient.of(request, organizationId, members);
    var notification = notification(request, member.email(), organizationId, idempotencyKey);
    Notifications.Sent sent;
    try {
      sent =
          IdempotentSending.send(
              notification,
              () ->
                  notifications.send(
                      organizationId,
                      credential.sender(),
                      notification,
                      ROUTE,
                      n -> n.id().toString()),
              () -> notifications.replay(organizationId, notification, ROUTE));
    } catch (InvalidRequestException e) {
      if (e.errors().isEmpty()) {
        throw PushRefusal.badRequest(e.getMessage());
      }
      throw PushRefusal.invalid(
          e.errors().stream()
              .map(
                  f ->
                      new ResponseError(
                          "Invalid", PUSH_NAMES.getOrDefault(f.field(), f.field()), f.message()))
              .toList());
    }
    var response =
        Response.ok(
            PushAnswers.accepted(sent.notification().id().toString(), answer), answer.mediaType());
    if (sent.replayed()) {
      response.header(IdempotentSending.REPLAYED, "true");
    }
    return response.build();
  }

  private Map<PushField, String> fields(String body) {
    var format =
        PushFormat.ofRequest(headers.getMediaType())
            .orElseThrow(
                () ->
                    new PushRefusal(
                        415,
                        new ResponseStatus(
                            "UnsupportedMediaType",
                            "Send the request as application/json or application/xml",
                            List.of())));
    return format == PushFormat.JSON ? PushJson.read(body) : PushXml.read(body);
  }

  /**
   * One text given is the message under the organization's name; both are title and text. A push
   * without a title is common, and Herald's notifications have both.
   */
  private NewNotification notification(
      PushRequest request, String email, String organizationId, String idempotencyKey) {
    var title = request.title();
    var text = request.body();
    if (title == null || text == null) {
      text = title == null ? text : title;
      title = organizations.get(organizationId).name();
    }
    var builder =
        NewNotification.toMembers(email)
            .title(title)
            .text(text)
            .sound(request.sound())
            .idempotencyKey(idempotencyKey);
    if (request.expirySecs() != null) {
      builder.timeToLive(Duration.ofSeconds(request.expirySecs()));
    }
    return builder.build();
  }

  private static Response refused(PushRefusal refusal, PushFormat format) {
    return Response.status(refusal.status())
        .type(format.mediaType())
        .entity(PushAnswers.refused(refusal.responseStatus(), format))
        .build();
  }
}
