package dev.herald.api.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Gives every operation of the document the error answer {@code {"message": …}} as its {@code
 * default} response, unless it names its own (the Push API answers ServiceStack's). Run by the
 * OpenAPI generator at build time (api/pom.xml), not by the servers, and left out of the jar: it
 * needs the MicroProfile OpenAPI interfaces, which a server may not have. The same errors on every
 * operation said once here rather than on each resource, where a class-level response would hide
 * the answers the generator infers from the methods' return types.
 */
public class ErrorAnswers implements OASFilter {

  /** The shared response in META-INF/openapi.yaml. */
  static final String ERROR = "#/components/responses/Error";

  @Override
  public void filterOpenAPI(OpenAPI document) {
    if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
      return;
    }
    for (var item : document.getPaths().getPathItems().values()) {
      for (var operation : item.getOperations().values()) {
        var responses = operation.getResponses();
        if (responses != null && !responses.hasAPIResponse("default")) {
          responses.addAPIResponse("default", OASFactory.createAPIResponse().ref(ERROR));
        }
      }
    }
  }
}
