package dev.herald.it.host;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The host's own endpoints. */
@Path("/things")
@Produces(MediaType.TEXT_PLAIN)
public class HostResource {

  @POST
  @Path("upload")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  public String upload(byte[] body) {
    return "received " + body.length + " bytes";
  }

  @GET
  @Path("fail/mapped")
  public String failMapped() {
    throw new HostException("the host says no");
  }

  @GET
  @Path("fail/web")
  public String failWeb() {
    throw new WebApplicationException(
        Response.status(409).type(MediaType.TEXT_PLAIN).entity("the host's conflict").build());
  }

  @GET
  @Path("fail/unmapped")
  public String failUnmapped() {
    throw new IllegalStateException("the host's bug");
  }
}
