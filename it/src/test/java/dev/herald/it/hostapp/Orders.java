package dev.herald.it.hostapp;

import dev.herald.core.notification.NewNotification;
import dev.herald.core.notification.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;

/** The shop's business code: an order and the customer's notification, in one transaction. */
@ApplicationScoped
@Transactional
public class Orders {

  @PersistenceContext(unitName = "shop")
  EntityManager em;

  @Inject Notifications notifications;

  ShopOrder place(String organizationId, String customer) {
    var order = new ShopOrder(customer);
    em.persist(order);
    var sent =
        notifications.send(
            organizationId,
            "shop",
            NewNotification.toMembers(customer)
                .title("Order placed")
                .text("We have your order")
                .deepLink("orders", Map.of("orderId", order.id()))
                .build());
    order.notified(sent.id().toString());
    return order;
  }

  ShopOrder find(String id) {
    return em.find(ShopOrder.class, id);
  }
}
