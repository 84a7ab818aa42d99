package dev.herald.api.notification;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.api.common.SendLimit;
import dev.herald.core.auth.Role;
import dev.herald.core.limit.SendLimits;
import dev.herald.core.notification.NotificationState;
import dev.herald.core.notification.Notifications;
import dev.herald.core.notification.Scope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Send notifications and follow them: {@code
 * /v2.0/tool/organizations/{organizationId}/notifications}.
 */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Role.ADMIN, Role.SENDER})
@Tag(name = "notifications", description = "Send notifications and follow them")
@SecurityRequirement(name = "bearer")
public class NotificationResource {

  /** Requests to this resource are the same only as requests to it (idempotency keys). */
  private static final String ROUTE = "notifications";

  @Inject Notifications notifications;
  @Inject SendLimits limits;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Queue a notification",
      description =
          "To members by e-mail (USR), a solution (SLN), groups of a solution (SLN_GRP) or the"
              + " whole organization (ORG); scheduled when `startAt` is in the future. A repeated"
              + " `Idempotency-Key` gets the first answer again.")
  @RequestBody(ref = "Notification")
  @APIResponse(
      responseCode = "201",
      description = "Queued or scheduled; `Location` is its path",
      content = @Content(schema = @Schema(implementation = NotificationResponse.class)))
  public Response send(String body, @HeaderParam("Idempotency-Key") String idempotencyKey) {
    SendLimit.check(limits, caller.get());
    return NotificationSending.send(
        notifications,
        organizationId,
        caller.get().principal(),
        body,
        idempotencyKey,
        ROUTE,
        uri.getAbsolutePathBuilder());
  }

  @GET
  @Operation(summary = "List notifications, newest first, each with its counters")
  public PageResponse<NotificationResponse> list(
      @QueryParam("state") String state,
      @QueryParam("scope") String scope,
      @QueryParam("solutionId") String solutionId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    var page =
        notifications.list(
            organizationId,
            parse(NotificationState.class, "state", state),
            parse(Scope.class, "scope", scope),
            JsonBody.uuid("solutionId", solutionId),
            limit,
            cursor);
    var counters = notifications.counters(page.items());
    return PageResponse.of(
        page, n -> NotificationResponse.detailed(n, region(), counters.get(n.id())));
  }

  @GET
  @Path("{notificationId}")
  @Operation(
      summary = "A notification with its counters",
      description = "Recipients, delivered, failed and pending, in total and per channel.")
  public NotificationResponse get(@PathParam("notificationId") String id) {
    var notification = notifications.get(organizationId, JsonBody.pathId(id, "Notification"));
    return NotificationResponse.detailed(
        notification, region(), notifications.counters(notification));
  }

  @GET
  @Path("{notificationId}/deliveries")
  @Operation(summary = "Its deliveries: per recipient and channel, state, attempts, last error")
  public PageResponse<DeliveryResponse> deliveries(
      @PathParam("notificationId") String id,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        notifications.deliveries(
            organizationId, JsonBody.pathId(id, "Notification"), limit, cursor),
        DeliveryResponse::of);
  }

  @DELETE
  @Path("{notificationId}")
  @Operation(
      summary = "Cancel a notification",
      description = "While SCHEDULED or QUEUED; later, 409.")
  public NotificationResponse cancel(@PathParam("notificationId") String id) {
    var notification =
        notifications.cancel(
            organizationId, JsonBody.pathId(id, "Notification"), caller.get().principal());
    return NotificationResponse.detailed(
        notification, region(), notifications.counters(notification));
  }

  private static String region() {
    return NotificationSending.region();
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw JsonBody.invalid(
          field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
