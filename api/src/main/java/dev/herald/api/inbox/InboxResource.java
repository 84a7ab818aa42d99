package dev.herald.api.inbox;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.core.auth.Role;
import dev.herald.core.inbox.InboxService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's own in-app notifications: {@code …/inbox}. */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Role.ADMIN, Role.SENDER, Role.MEMBER})
@Tag(name = "inbox", description = "The caller's own in-app notifications")
@SecurityRequirement(name = "bearer")
public class InboxResource {

  @Inject InboxService inbox;
  @Inject InboxStreams streams;
  @Inject CurrentCaller caller;

  @PathParam("organizationId")
  String organizationId;

  @GET
  @Operation(summary = "The caller's inbox, newest first")
  public PageResponse<InboxItemResponse> list(
      @QueryParam("unread") boolean unreadOnly,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        inbox.list(caller.ownMemberIn(organizationId), unreadOnly, limit, cursor),
        InboxItemResponse::of);
  }

  @GET
  @Path("unread-count")
  @Operation(summary = "How many items are unread")
  public Map<String, Long> unreadCount() {
    return Map.of("count", inbox.unreadCount(caller.ownMemberIn(organizationId)));
  }

  @POST
  @Path("{notificationId}/read")
  @Operation(summary = "Mark one item read")
  @APIResponse(responseCode = "204", description = "Done")
  public Response markRead(@PathParam("notificationId") String notificationId) {
    inbox.markRead(
        caller.ownMemberIn(organizationId), JsonBody.pathId(notificationId, "Notification"));
    return Response.noContent().build();
  }

  @POST
  @Path("read-all")
  @Operation(summary = "Mark every item read")
  public Map<String, Integer> markAllRead() {
    return Map.of("marked", inbox.markAllRead(caller.ownMemberIn(organizationId)));
  }

  /**
   * New inbox items as Server-Sent Events ({@code event: notification}, {@code id:} the item id). A
   * client that reconnects with {@code Last-Event-ID} first receives what it missed. The stream
   * ends, after an {@code event: closed} that says why, when its token is revoked or expires, its
   * member is deleted, or the token opens more streams than allowed (ADR 0007).
   */
  @GET
  @Path("stream")
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(
      summary = "New items as Server-Sent Events",
      description =
          "`event: notification`, `id:` the item id, the item as JSON; resumes after"
              + " `Last-Event-ID`.")
  @APIResponse(
      responseCode = "200",
      description = "The stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema = @Schema(type = SchemaType.STRING)))
  public void stream(
      @Context SseEventSink sink,
      @Context Sse sse,
      @HeaderParam("Last-Event-ID") String lastEventId) {
    var member = caller.ownMemberIn(organizationId);
    streams.open(caller.get().tokenId(), member, sink, sse, parseEventId(lastEventId));
  }

  private static Long parseEventId(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw JsonBody.invalid("Last-Event-ID", "must be an event id this stream sent");
    }
  }
}
