package dev.herald.api.notification;

import dev.herald.api.common.IdempotentSending;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.JsonWriter;
import dev.herald.core.config.Settings;
import dev.herald.core.notification.Notifications;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/**
 * Sends a body of the notifications API and answers as {@code POST …/notifications} does, for every
 * REST endpoint that takes that body (the notifications resource, inbound webhooks): 201, {@code
 * Location}, the notification; with an idempotency key, the first answer kept with it (ADR 0012).
 */
public final class NotificationSending {

  private NotificationSending() {}

  /**
   * @param sender recorded as the notification's {@code createdBy}
   * @param idempotencyKey the request's key, or {@code null}
   * @param route which API sent it: a request is only ever the same as one sent to the same route
   * @param notifications the path of the organization's notifications, where {@code Location}
   *     points
   */
  public static Response send(
      Notifications service,
      String organizationId,
      String sender,
      String body,
      String idempotencyKey,
      String route,
      UriBuilder notifications) {
    var request = NotificationRequestReader.read(JsonBody.object(body), idempotencyKey);
    var sent =
        IdempotentSending.send(
            request,
            () ->
                service.send(
                    organizationId,
                    sender,
                    request,
                    route,
                    n -> JsonWriter.toJson(NotificationResponse.accepted(n, region()))),
            () -> service.replay(organizationId, request, route));
    var notification = sent.notification();
    return IdempotentSending.created(
        sent,
        notifications.path(notification.id().toString()).build(),
        MediaType.APPLICATION_JSON_TYPE,
        () -> NotificationResponse.accepted(notification, region()));
  }

  /** The region notification answers name, from configuration. */
  static String region() {
    return Settings.get("herald.region", "local");
  }
}
