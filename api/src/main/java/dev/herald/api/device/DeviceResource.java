package dev.herald.api.device;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.core.auth.Role;
import dev.herald.core.device.DeviceService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** The caller registers and removes its own push tokens: {@code …/devices}. */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/devices")
@Produces(MediaType.APPLICATION_JSON)
@Allowed({Role.ADMIN, Role.SENDER, Role.MEMBER})
@Tag(name = "devices", description = "The caller's own")
@SecurityRequirement(name = "bearer")
public class DeviceResource {

  @Inject DeviceService devices;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Register a push token for the caller",
      description = "Re-registering a token known in the organization moves it to the caller.")
  @RequestBody(ref = "Device")
  @APIResponse(
      responseCode = "201",
      description = "Registered; `Location` is its path",
      content = @Content(schema = @Schema(implementation = DeviceResponse.class)))
  public Response register(String body) {
    var json = JsonBody.object(body);
    var device =
        devices.register(
            organizationId,
            caller.ownMemberIn(organizationId),
            JsonBody.string(json, "platform"),
            JsonBody.string(json, "token"));
    return Response.created(uri.getAbsolutePathBuilder().path(device.id().toString()).build())
        .entity(DeviceResponse.of(device))
        .build();
  }

  @DELETE
  @Path("{deviceId}")
  @Operation(summary = "Remove one of the caller's devices")
  @APIResponse(responseCode = "204", description = "Done")
  public Response remove(@PathParam("deviceId") String deviceId) {
    devices.remove(
        organizationId, caller.ownMemberIn(organizationId), JsonBody.pathId(deviceId, "Device"));
    return Response.noContent().build();
  }
}
