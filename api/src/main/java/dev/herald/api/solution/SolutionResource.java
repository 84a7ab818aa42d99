package dev.herald.api.solution;

import dev.herald.api.auth.Allowed;
import dev.herald.api.common.JsonBody;
import dev.herald.api.common.PageResponse;
import dev.herald.api.member.MemberResponse;
import dev.herald.core.auth.Role;
import dev.herald.core.solution.SolutionService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Solutions, the members assigned to them and their groups: {@code …/solutions}. */
@RequestScoped
@Path("/v2.0/tool/organizations/{organizationId}/solutions")
@Produces(MediaType.APPLICATION_JSON)
@Allowed(Role.ADMIN)
@Tag(name = "solutions", description = "Solutions, their members and groups")
@SecurityRequirement(name = "bearer")
public class SolutionResource {

  @Inject SolutionService solutions;
  @Context UriInfo uri;

  @PathParam("organizationId")
  String organizationId;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Create a solution")
  @RequestBody(ref = "Solution")
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its path",
      content = @Content(schema = @Schema(implementation = SolutionResponse.class)))
  public Response create(String body) {
    var solution = solutions.create(organizationId, JsonBody.string(JsonBody.object(body), "name"));
    return Response.created(uri.getAbsolutePathBuilder().path(solution.id().toString()).build())
        .entity(SolutionResponse.of(solution))
        .build();
  }

  @GET
  @Operation(summary = "List solutions")
  public PageResponse<SolutionResponse> list(
      @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
    return PageResponse.of(solutions.list(organizationId, limit, cursor), SolutionResponse::of);
  }

  @GET
  @Path("{solutionId}")
  @Operation(summary = "A solution")
  public SolutionResponse get(@PathParam("solutionId") String solutionId) {
    return SolutionResponse.of(solutions.get(organizationId, solution(solutionId)));
  }

  @PATCH
  @Path("{solutionId}")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Rename a solution")
  @RequestBody(ref = "Solution")
  public SolutionResponse rename(@PathParam("solutionId") String solutionId, String body) {
    return SolutionResponse.of(
        solutions.rename(
            organizationId, solution(solutionId), JsonBody.string(JsonBody.object(body), "name")));
  }

  @DELETE
  @Path("{solutionId}")
  @Operation(summary = "Delete a solution")
  @APIResponse(responseCode = "204", description = "Done")
  public Response delete(@PathParam("solutionId") String solutionId) {
    solutions.delete(organizationId, solution(solutionId));
    return Response.noContent().build();
  }

  @PUT
  @Path("{solutionId}/members/{memberId}")
  @Operation(summary = "Assign a member to the solution")
  @APIResponse(responseCode = "204", description = "Done")
  public Response assign(
      @PathParam("solutionId") String solutionId, @PathParam("memberId") String memberId) {
    solutions.assign(organizationId, solution(solutionId), member(memberId));
    return Response.noContent().build();
  }

  @DELETE
  @Path("{solutionId}/members/{memberId}")
  @Operation(summary = "Unassign a member from the solution")
  @APIResponse(responseCode = "204", description = "Done")
  public Response unassign(
      @PathParam("solutionId") String solutionId, @PathParam("memberId") String memberId) {
    solutions.unassign(organizationId, solution(solutionId), member(memberId));
    return Response.noContent().build();
  }

  @GET
  @Path("{solutionId}/members")
  @Operation(summary = "The members assigned to the solution")
  public PageResponse<MemberResponse> members(
      @PathParam("solutionId") String solutionId,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        solutions.members(organizationId, solution(solutionId), limit, cursor), MemberResponse::of);
  }

  @PUT
  @Path("{solutionId}/groups/{group}")
  @Operation(summary = "Create a group of the solution, by name")
  public GroupResponse putGroup(
      @PathParam("solutionId") String solutionId, @PathParam("group") String group) {
    return GroupResponse.of(solutions.putGroup(organizationId, solution(solutionId), group));
  }

  @DELETE
  @Path("{solutionId}/groups/{group}")
  @Operation(summary = "Delete a group")
  @APIResponse(responseCode = "204", description = "Done")
  public Response deleteGroup(
      @PathParam("solutionId") String solutionId, @PathParam("group") String group) {
    solutions.deleteGroup(organizationId, solution(solutionId), group);
    return Response.noContent().build();
  }

  @GET
  @Path("{solutionId}/groups")
  @Operation(summary = "The solution's groups")
  public PageResponse<GroupResponse> groups(@PathParam("solutionId") String solutionId) {
    return PageResponse.all(
        solutions.groups(organizationId, solution(solutionId)).stream()
            .map(GroupResponse::of)
            .toList());
  }

  @PUT
  @Path("{solutionId}/groups/{group}/members/{memberId}")
  @Operation(
      summary = "Add a member to a group",
      description = "Joining a group also assigns the solution.")
  @APIResponse(responseCode = "204", description = "Done")
  public Response addToGroup(
      @PathParam("solutionId") String solutionId,
      @PathParam("group") String group,
      @PathParam("memberId") String memberId) {
    solutions.addToGroup(organizationId, solution(solutionId), group, member(memberId));
    return Response.noContent().build();
  }

  @DELETE
  @Path("{solutionId}/groups/{group}/members/{memberId}")
  @Operation(summary = "Remove a member from a group")
  @APIResponse(responseCode = "204", description = "Done")
  public Response removeFromGroup(
      @PathParam("solutionId") String solutionId,
      @PathParam("group") String group,
      @PathParam("memberId") String memberId) {
    solutions.removeFromGroup(organizationId, solution(solutionId), group, member(memberId));
    return Response.noContent().build();
  }

  @GET
  @Path("{solutionId}/groups/{group}/members")
  @Operation(summary = "The members of a group")
  public PageResponse<MemberResponse> groupMembers(
      @PathParam("solutionId") String solutionId,
      @PathParam("group") String group,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return PageResponse.of(
        solutions.groupMembers(organizationId, solution(solutionId), group, limit, cursor),
        MemberResponse::of);
  }

  private static UUID solution(String id) {
    return JsonBody.pathId(id, "Solution");
  }

  private static UUID member(String id) {
    return JsonBody.pathId(id, "Member");
  }
}
