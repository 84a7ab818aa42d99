package dev.herald.it.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The shop's endpoint that ships an order; the test drives the shop through it. */
@RequestScoped
@Path("/shop/{organizationId}/orders/{orderId}")
public class OrderResource {

  @Inject OrderShipping shipping;

  @PathParam("organizationId")
  String organizationId;

  @PathParam("orderId")
  String orderId;

  @POST
  @Path("shipped")
  public String shipped(@QueryParam("customer") String customer) {
    return shipping.shipped(organizationId, customer, orderId);
  }

  @POST
  @Path("shipped-then-failed")
  public Response shippedThenFailed(@QueryParam("customer") String customer) {
    try {
      shipping.shippedThenFailed(organizationId, customer, orderId);
      return Response.ok().build();
    } catch (IllegalStateException e) {
      return Response.status(409).entity(e.getMessage()).build();
    }
  }
}
