package dev.herald.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The kit's endpoint, for client-side tests ({@link Deliveries#at}): {@code GET} lists what was
 * recorded, {@code DELETE} forgets it. It exists only where the kit is deployed, and asks for no
 * token: the kit is for test deployments only.
 */
@Path(KitResource.PATH)
public class KitResource {

  static final String PATH = "herald-testing/deliveries";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public JsonArray list() {
    var array = Json.createArrayBuilder();
    Recorder.SHARED.all().forEach(delivery -> array.add(delivery.toJson()));
    return array.build();
  }

  @DELETE
  public void clear() {
    Recorder.SHARED.clear();
  }
}
