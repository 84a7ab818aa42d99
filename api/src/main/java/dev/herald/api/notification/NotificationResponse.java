package dev.herald.api.notification;

import dev.herald.api.common.JsonBody;
import dev.herald.core.common.Timestamps;
import dev.herald.core.notification.Counters;
import dev.herald.core.notification.Notification;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * A notification as the Jigx API shows it, fields in the documented order. The fields after {@code
 * updatedBy} are Herald's additions and appear only where they apply; {@code error} says why a
 * notification that could not be dispatched was set aside as {@code FAILED}; {@code sentVia} which
 * API sent it ({@code notifications}, {@code push-api-v2}, {@code webhook:<id>}, {@code java}).
 */
@JsonbPropertyOrder({
  "organizationId",
  "region",
  "notificationId",
  "scope",
  "emails",
  "solutionId",
  "state",
  "startAt",
  "content",
  "createdAt",
  "createdBy",
  "updatedAt",
  "updatedBy",
  "groups",
  "description",
  "channels",
  "counters",
  "error",
  "sentVia"
})
public record NotificationResponse(
    String organizationId,
    String region,
    String notificationId,
    String scope,
    List<String> emails,
    String solutionId,
    String state,
    String startAt,
    Content content,
    String createdAt,
    String createdBy,
    String updatedAt,
    String updatedBy,
    List<String> groups,
    String description,
    List<String> channels,
    CountersResponse counters,
    String error,
    String sentVia) {

  /** The message itself, in the documented order. */
  @JsonbPropertyOrder({"text", "title", "jigId", "screen", "inputs"})
  public record Content(
      String text, String title, String jigId, String screen, JsonObject inputs) {}

  /** The shape of the 201 answer: exactly the documented fields. */
  static NotificationResponse accepted(Notification n, String region) {
    return of(n, region, null, false);
  }

  /** The detailed shape, with Herald's additions and the delivery counters. */
  static NotificationResponse detailed(Notification n, String region, Counters counters) {
    return of(n, region, counters, true);
  }

  private static NotificationResponse of(
      Notification n, String region, Counters counters, boolean detailed) {
    return new NotificationResponse(
        n.organizationId(),
        region,
        n.id().toString(),
        n.scope().name(),
        n.emails().isEmpty() ? null : n.emails(),
        n.solutionId() == null ? null : n.solutionId().toString(),
        n.state().name(),
        Timestamps.format(n.startAt()),
        new Content(n.text(), n.title(), n.jigId(), n.screen(), JsonBody.stored(n.inputs())),
        Timestamps.format(n.createdAt()),
        n.createdBy(),
        Timestamps.format(n.updatedAt()),
        n.updatedBy(),
        detailed && !n.groups().isEmpty() ? n.groups() : null,
        detailed ? n.description() : null,
        detailed ? n.channels() : null,
        CountersResponse.of(counters),
        detailed ? n.lastError() : null,
        detailed ? n.sentVia() : null);
  }
}
