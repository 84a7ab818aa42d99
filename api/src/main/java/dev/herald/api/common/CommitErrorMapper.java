package dev.herald.api.common;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A failure while a {@code @Transactional} method's transaction commits, e.g. a unique constraint
 * that two racing requests both passed: answered by {@link ErrorMapper} like any other error (a
 * constraint violation is a 409). Without it Jersey's own mapper for this exception takes over,
 * fails, and the client gets a bare 500.
 */
@Provider
@Priority(1)
public class CommitErrorMapper implements ExceptionMapper<TransactionalException> {

  @Context Configuration config;
  @Context UriInfo uri;

  @Override
  public Response toResponse(TransactionalException error) {
    return HeraldScope.applies(config, uri)
        ? ErrorMapper.map(error)
        : ErrorMapper.asIfUnmapped(error);
  }
}
