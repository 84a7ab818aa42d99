package dev.herald.it.hostapp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The shop's endpoint: {@code id customer notificationId}, as plain text. */
@RequestScoped
@Path("/orders")
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {

  @Inject Orders orders;

  @POST
  public String place(
      @QueryParam("organization") String organization, @QueryParam("customer") String customer) {
    return describe(orders.place(organization, customer));
  }

  @GET
  @Path("{id}")
  public String get(@PathParam("id") String id) {
    return describe(existing(id));
  }

  /** Larger than Herald's own body limit: the shop's requests are the shop's business. */
  @POST
  @Path("{id}/attachment")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  public String attach(@PathParam("id") String id, byte[] attachment) {
    existing(id);
    return "attached " + attachment.length + " bytes";
  }

  private ShopOrder existing(String id) {
    var order = orders.find(id);
    if (order == null) {
      throw new WebApplicationException(
          Response.status(404).type(MediaType.TEXT_PLAIN).entity("no order " + id).build());
    }
    return order;
  }

  private static String describe(ShopOrder order) {
    return order.id() + " " + order.customer() + " " + order.notificationId();
  }
}
