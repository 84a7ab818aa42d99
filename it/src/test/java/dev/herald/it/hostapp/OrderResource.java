package dev.herald.it.hostapp;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
    var order = orders.find(id);
    if (order == null) {
      throw new NotFoundException();
    }
    return describe(order);
  }

  private static String describe(ShopOrder order) {
    return order.id() + " " + order.customer() + " " + order.notificationId();
  }
}
