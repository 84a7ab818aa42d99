package dev.herald.api.common;

import dev.herald.core.common.ConflictException;
import dev.herald.core.common.ForbiddenException;
import dev.herald.core.common.IdempotencyKeyReusedException;
import dev.herald.core.common.InvalidRequestException;
import dev.herald.core.common.NotConfiguredException;
import dev.herald.core.common.NotFoundException;
import jakarta.annotation.Priority;
import jakarta.json.JsonException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns exceptions into HTTP answers. Core's exceptions become 4xx with their
 * message; anything unexpected becomes a 500 that names a correlation id found in the log, never a
 * stack trace.
 */
@Provider
// below a host's own mapper for Throwable, where the host's application scans Herald's classes
@Priority(Priorities.USER + 1000)
public class ErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

  @Context Configuration config;
  @Context UriInfo uri;

  @Override
  public Response toResponse(Throwable error) {
    return HeraldScope.applies(config, uri) ? map(error) : asIfUnmapped(error);
  }

  /**
   * A host's exception, answered as JAX-RS would without this mapper: a {@link
   * WebApplicationException} with its own response, anything else a 500 without a body, logged as
   * the container would. A host's own mapper for the exception's type is more specific and wins
   * before this one is asked.
   */
  static Response asIfUnmapped(Throwable error) {
    if (error instanceof WebApplicationException e) {
      return e.getResponse();
    }
    LOG.log(Level.SEVERE, "Unhandled exception of the application", error);
    return Response.serverError().build();
  }

  /** Herald's answer to an exception of its API. */
  static Response map(Throwable error) {
    var cause = unwrap(error);
    if (cause instanceof InvalidRequestException e) {
      return respond(
          400, new ErrorResponse(e.getMessage(), e.errors().isEmpty() ? null : e.errors()));
    }
    if (cause instanceof NotFoundException e) {
      return respond(404, ErrorResponse.of(e.getMessage()));
    }
    if (cause instanceof ConflictException e) {
      return respond(409, ErrorResponse.of(e.getMessage()));
    }
    if (cause instanceof ForbiddenException e) {
      return respond(403, ErrorResponse.of(e.getMessage()));
    }
    if (cause instanceof IdempotencyKeyReusedException e) {
      return respond(422, ErrorResponse.of(e.getMessage()));
    }
    if (cause instanceof NotConfiguredException e) {
      // the operator's to fix, not the caller's, and no bug: the message names the setting
      return respond(503, ErrorResponse.of(e.getMessage()));
    }
    if (cause instanceof JsonException) {
      return respond(400, ErrorResponse.of("The request body is not valid JSON"));
    }
    if (cause instanceof WebApplicationException e) {
      var status = e.getResponse().getStatus();
      var response = respond(status, ErrorResponse.of(messageFor(status, e)));
      return status == 405 || status == 429
          ? Response.fromResponse(response)
              .replaceAll(e.getResponse().getHeaders())
              .type(MediaType.APPLICATION_JSON)
              .build()
          : response;
    }
    if (Unavailable.isDatabaseOutage(error)) {
      LOG.log(Level.INFO, "Database unavailable: {0}", error.toString());
      return Unavailable.response("The database is unavailable; retry shortly");
    }
    if (isConstraintViolation(error)) {
      return respond(409, ErrorResponse.of("The request conflicts with existing data; retry it"));
    }
    if (isDataException(error)) {
      return respond(400, ErrorResponse.of("The request holds a value the database cannot store"));
    }
    var id = UUID.randomUUID();
    LOG.log(Level.SEVERE, "Unexpected error " + id, error);
    return respond(500, ErrorResponse.of("Internal error; correlation id " + id));
  }

  private static String messageFor(int status, WebApplicationException e) {
    return switch (status) {
      case 401, 404, 405, 406, 408, 413, 415 -> ErrorResponse.statusMessage(status);
      default ->
          e.getMessage() == null
              ? Response.Status.fromStatusCode(status).getReasonPhrase()
              : e.getMessage();
    };
  }

  /** Core exceptions may arrive wrapped by interceptors or the container. */
  private static Throwable unwrap(Throwable error) {
    var current = error;
    for (int depth = 0; current != null && depth < 10; depth++) {
      if (current instanceof InvalidRequestException
          || current instanceof NotFoundException
          || current instanceof ConflictException
          || current instanceof ForbiddenException
          || current instanceof IdempotencyKeyReusedException
          || current instanceof NotConfiguredException
          || current instanceof JsonException) {
        return current;
      }
      current = current.getCause();
    }
    return error;
  }

  /** A unique or foreign-key violation: two requests raced on the same data. */
  static boolean isConstraintViolation(Throwable error) {
    for (var current = error; current != null; current = current.getCause()) {
      if (current instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The database refused a value (SQL state class 22: too long, out of range, a character it cannot
   * hold). Validation should have caught it first; the request changed nothing either way.
   */
  private static boolean isDataException(Throwable error) {
    for (var current = error; current != null; current = current.getCause()) {
      if (current instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("22")) {
        LOG.info("Refused a value the database cannot store: SQL state " + sql.getSQLState());
        return true;
      }
    }
    return false;
  }

  static Response respond(int status, ErrorResponse body) {
    return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
  }
}
