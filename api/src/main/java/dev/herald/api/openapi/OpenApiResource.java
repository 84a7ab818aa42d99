package dev.herald.api.openapi;

import dev.herald.api.common.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /v2.0/openapi}: the OpenAPI document of the whole API, as the build generated it from
 * these resources (docs/adr/0019). JSON, or YAML for {@code ?format=yaml} or an {@code Accept} that
 * prefers {@code application/yaml}. Without a token: it describes the API, not any organization's
 * data. Not the servers' own {@code /openapi}, which differs between Payara and WildFly.
 */
@RequestScoped
@Path("/v2.0/openapi")
@Tag(name = "openapi", description = "This document, without a token")
@SecurityRequirements
public class OpenApiResource {

  static final String JSON_FILE = "herald-openapi.json";
  static final String YAML_FILE = "herald-openapi.yaml";
  static final String YAML = "application/yaml";

  /** Read once, on first use: the files never change while the application runs. */
  private static volatile byte[] json;

  private static volatile byte[] yaml;

  @Context HttpHeaders headers;

  @GET
  @Produces({MediaType.APPLICATION_JSON, YAML})
  @Operation(
      summary = "This document",
      description =
          "JSON by default; YAML with `?format=yaml` or `Accept: application/yaml`. No token.")
  @APIResponse(
      responseCode = "200",
      description = "The OpenAPI document",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = YAML, schema = @Schema(type = SchemaType.STRING))
      })
  public Response get(@QueryParam("format") String format) {
    if (wantsYaml(format)) {
      if (yaml == null) {
        yaml = read(YAML_FILE);
      }
      return Response.ok(yaml, YAML).build();
    }
    if (json == null) {
      json = read(JSON_FILE);
    }
    return Response.ok(json, MediaType.APPLICATION_JSON).build();
  }

  /** The query parameter decides; else the first of JSON and YAML the client accepts. */
  private boolean wantsYaml(String format) {
    if (format != null && !format.isBlank()) {
      var asked = format.trim().toLowerCase(Locale.ROOT);
      if (!asked.equals("json") && !asked.equals("yaml")) {
        throw JsonBody.invalid("format", "must be json or yaml");
      }
      return asked.equals("yaml");
    }
    for (var type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
      if (!type.isWildcardType() && type.isCompatible(MediaType.valueOf(YAML))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] read(String file) {
    try (var in = OpenApiResource.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException(
            "The build put no " + file + " beside " + OpenApiResource.class);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
