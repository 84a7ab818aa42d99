package dev.herald.api.webhook;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.api.common.ResponseHeadersFilter;
import dev.herald.core.auth.Role;
import dev.herald.core.webhook.Webhook;
import dev.herald.core.webhook.WebhookService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An organization's inbound webhooks: {@code …/webhooks}. The secret is shown once, when the
 * webhook is created and when it is rotated; {@code url} is where external systems post to.
 */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
@Tag(name = "webhooks", description = "Inbound webhooks")
@SecurityRequirement(name = "bearer")
public class WebhookResource {

  @Inject WebhookService webhooks;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Create an inbound webhook",
      description = "The `secret` is shown once, here; `url` is where the sending system posts.")
  @RequestBody(ref = "Credential")
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = WebhookResponse.class)))
  public Response create(String body) {
    var json = body == null || body.isBlank() ? null : JsonBody.object(body);
    var issued =
        webhooks.create(
            organizationId,
            caller.get().principal(),
            json == null ? null : JsonBody.string(json, "name"),
            json == null ? null : JsonBody.integer(json, "sendsPerMinute"));
    var webhook = issued.webhook();
    return Response.created(uri.getAbsolutePathBuilder().path(webhook.id().toString()).build())
        .entity(WebhookResponse.of(webhook, url(webhook), issued.secret()))
        .build();
  }

  @GET
  @Operation(summary = "List webhooks, without secrets")
  public PageResponse<WebhookResponse> list() {
    return PageResponse.all(
        webhooks.list(organizationId).stream()
            .map(w -> WebhookResponse.of(w, url(w), null))
            .toList());
  }

  @DELETE
  @Path("{webhookId}")
  @Operation(summary = "Revoke a webhook")
  @APIResponse(responseCode = "204", description = "Done")
  public Response revoke(@PathParam("webhookId") String webhookId) {
    webhooks.revoke(organizationId, JsonBody.pathId(webhookId, "Webhook"));
    return Response.noContent().build();
  }

  @POST
  @Path("{webhookId}/rotate")
  @Operation(
      summary = "A new secret",
      description = "Shown once; the previous one stays valid for 24 hours.")
  public WebhookResponse rotate(@PathParam("webhookId") String webhookId) {
    var issued = webhooks.rotate(organizationId, JsonBody.pathId(webhookId, "Webhook"));
    return WebhookResponse.of(issued.webhook(), url(issued.webhook()), issued.secret());
  }

  /** Where external systems post to this webhook. */
  private String url(Webhook webhook) {
    return ResponseHeadersFilter.link(
        uri.getBaseUriBuilder()
            .path(WebhookReceiverResource.class)
            .build(organizationId, webhook.id().toString()),
        uri);
  }
}
