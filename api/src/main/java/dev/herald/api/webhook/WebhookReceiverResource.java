package dev.herald.api.webhook;

import dev.herald.api.common.ErrorResponse;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.SendLimit;
import dev.herald.api.common.StrictTextReader;
import dev.herald.api.notification.NotificationResource;
import dev.herald.api.notification.NotificationSending;
import dev.herald.core.limit.SendLimits;
import dev.herald.core.notification.Notifications;
import dev.herald.core.webhook.WebhookService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where external systems post notifications to a webhook: {@code POST
 * /v2.0/webhooks/{organizationId}/{webhookId}} with the body {@code POST …/notifications} takes,
 * signed per Standard Webhooks instead of a token (ADR 0015). The signature is checked over the
 * bytes as received, before anything else is done with them. The answer is that of {@code POST
 * …/notifications}; a repeated {@code webhook-id} gets the first answer again.
 */
@RequestScoped
@Path("/v2.0/webhooks/{organizationId}/{webhookId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "webhooks", description = "Inbound webhooks")
@SecurityRequirements
public class WebhookReceiverResource {

  /** The longest idempotency key Herald keeps (the column's width). */
  private static final int MAX_KEY = 200;

  @Inject WebhookService webhooks;
  @Inject Notifications notifications;
  @Inject SendLimits limits;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @PathParam("organizationId")
  String organizationId;

  @PathParam("webhookId")
  String webhookId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Send a notification through a webhook",
      description =
          "The body of `POST …/notifications`, signed per Standard Webhooks (`webhook-id`,"
              + " `webhook-timestamp`, `webhook-signature`) instead of a token. Any signature"
              + " problem is 401 `Invalid webhook signature`; a repeated `webhook-id` gets the first"
              + " answer again.")
  @RequestBody(ref = "Notification")
  @APIResponse(
      responseCode = "201",
      description = "Queued or scheduled",
      content = @Content(schema = @Schema(ref = "NotificationResponse")))
  public Response receive(
      InputStream body,
      @HeaderParam("webhook-id") String messageId,
      @HeaderParam("webhook-timestamp") String timestamp,
      @HeaderParam("webhook-signature") String signature) {
    var bytes = read(body);
    var webhook =
        webhooks.authenticate(organizationId, webhookId, messageId, timestamp, signature, bytes);
    if (webhook.isEmpty()) {
      // the same answer for an unknown or revoked webhook, a bad signature and a stale timestamp
      return Response.status(401)
          .type(MediaType.APPLICATION_JSON)
          .entity(ErrorResponse.of("Invalid webhook signature"))
          .build();
    }
    var principal = webhook.get().principal();
    // the webhook-id is the request's idempotency key, apart from the keys callers choose
    var key = principal + ":" + messageId;
    if (key.length() > MAX_KEY) {
      throw JsonBody.invalid(
          "webhook-id", "must be at most " + (MAX_KEY - principal.length() - 1) + " characters");
    }
    SendLimit.check(limits, principal, webhook.get().sendsPerMinute(), "this webhook");
    return NotificationSending.send(
        notifications,
        organizationId,
        principal,
        StrictTextReader.decode(bytes, headers.getMediaType()),
        key,
        principal,
        uri.getBaseUriBuilder()
            .path(NotificationResource.class)
            .resolveTemplate("organizationId", organizationId));
  }

  private static byte[] read(InputStream body) {
    try {
      return body == null ? new byte[0] : body.readAllBytes();
    } catch (IOException e) {
      throw new WebApplicationException("The request body did not arrive in time", 408);
    }
  }
}
