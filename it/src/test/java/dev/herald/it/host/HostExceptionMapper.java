package dev.herald.it.host;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** How the host answers its own failure. */
@Provider
public class HostExceptionMapper implements ExceptionMapper<HostException> {

  @Override
  public Response toResponse(HostException error) {
    return Response.status(418).type(MediaType.TEXT_PLAIN).entity(error.getMessage()).build();
  }
}
