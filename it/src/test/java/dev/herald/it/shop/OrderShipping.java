package dev.herald.it.shop;

import dev.herald.core.notification.NewNotification;
import dev.herald.core.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Tells a customer that an order shipped. */
@ApplicationScoped
public class OrderShipping {

  @Inject Notifications notifications;

  /** Returns the notification's id. */
  @Transactional
  public String shipped(String organizationId, String customer, String orderId) {
    return notifications.send(organizationId, "shop", message(customer, orderId)).id().toString();
  }

  /** Sends, then fails in the same transaction: nothing may reach the customer. */
  @Transactional
  public void shippedThenFailed(String organizationId, String customer, String orderId) {
    notifications.send(organizationId, "shop", message(customer, orderId));
    throw new IllegalStateException("the warehouse said no");
  }

  private static NewNotification message(String customer, String orderId) {
    return NewNotification.toMembers(customer)
        .title("Order shipped")
        .text("Order " + orderId + " is on its way")
        .deepLink("orders", Map.of("orderId", orderId))
        .build();
  }
}
