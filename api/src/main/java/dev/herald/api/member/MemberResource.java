package dev.herald.api.member;

import dev.herald.api.auth.Allowed;
import dev.herald.api.auth.CurrentCaller;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.api.device.DeviceResponse;
import dev.herald.core.auth.Role;
import dev.herald.core.device.DeviceService;
import dev.herald.core.member.MemberService;
import dev.herald.core.member.MemberService.MemberChanges;
import dev.herald.core.member.MemberService.NewMember;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The members of an organization: {@code …/members}. */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/members")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
@Tag(name = "members", description = "The people notifications reach")
@SecurityRequirement(name = "bearer")
public class MemberResource {

  @Inject MemberService members;
  @Inject DeviceService devices;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Add a member",
      description = "The e-mail is unique in the organization, ignoring case.")
  @RequestBody(ref = "Member")
  @APIResponse(
      responseCode = "201",
      description = "Added; `Location` is its path",
      content = @Content(schema = @Schema(implementation = MemberResponse.class)))
  public Response create(String body) {
    var member =
        members.createAll(organizationId, List.of(newMember(JsonBody.object(body)))).get(0);
    return Response.created(uri.getAbsolutePathBuilder().path(member.id().toString()).build())
        .entity(MemberResponse.of(member))
        .build();
  }

  /** Adds up to 10,000 members at once, all or nothing. */
  @POST
  @Path("bulk")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Add up to 10,000 members at once, all or nothing")
  @RequestBody(ref = "Members")
  @APIResponse(
      responseCode = "201",
      description = "All added",
      content = @Content(schema = @Schema(ref = "PageResponseMemberResponse")))
  public Response bulk(String body) {
    var requested = new ArrayList<NewMember>();
    var array = JsonBody.array(body);
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonObject object)) {
        throw JsonBody.invalid("[" + i + "]", "must be an object");
      }
      requested.add(newMember(object));
    }
    var created = members.createAll(organizationId, requested);
    return Response.status(Response.Status.CREATED)
        .entity(PageResponse.all(created.stream().map(MemberResponse::of).toList()))
        .build();
  }

  @GET
  @Operation(summary = "Find members", description = "`q` matches e-mail, name or external id.")
  public PageResponse<MemberResponse> search(
      @QueryParam("q") String q,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(members.search(organizationId, q, limit, cursor), MemberResponse::of);
  }

  /** The number of members, which an {@code ORG} notification reaches (the console shows it). */
  @GET
  @Path("count")
  @Operation(summary = "The number of members, whom an ORG notification reaches")
  public CountResponse count() {
    return new CountResponse(members.count(organizationId));
  }

  /** A number of things. */
  public record CountResponse(long count) {}

  @GET
  @Path("{memberId}")
  @Operation(summary = "A member")
  public MemberResponse get(@PathParam("memberId") String memberId) {
    return MemberResponse.of(members.get(organizationId, JsonBody.pathId(memberId, "Member")));
  }

  @PATCH
  @Path("{memberId}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Change a member")
  @RequestBody(ref = "MemberChanges")
  public MemberResponse update(@PathParam("memberId") String memberId, String body) {
    var json = JsonBody.object(body);
    var changes =
        new MemberChanges(
            JsonBody.string(json, "email"),
            JsonBody.string(json, "name"),
            JsonBody.string(json, "externalId"));
    return MemberResponse.of(
        members.update(organizationId, JsonBody.pathId(memberId, "Member"), changes));
  }

  @DELETE
  @Path("{memberId}")
  @Operation(summary = "Delete a member")
  @APIResponse(responseCode = "204", description = "Done")
  public Response delete(@PathParam("memberId") String memberId) {
    members.delete(caller.get(), organizationId, JsonBody.pathId(memberId, "Member"));
    return Response.noContent().build();
  }

  @GET
  @Path("{memberId}/devices")
  @Operation(summary = "The member's registered devices")
  public PageResponse<DeviceResponse> devices(@PathParam("memberId") String memberId) {
    var member = members.get(organizationId, JsonBody.pathId(memberId, "Member"));
    return PageResponse.all(
        devices.ofMember(organizationId, member.id()).stream().map(DeviceResponse::of).toList());
  }

  private static NewMember newMember(JsonObject json) {
    return new NewMember(
        JsonBody.string(json, "email"),
        JsonBody.string(json, "name"),
        JsonBody.string(json, "externalId"));
  }
}
