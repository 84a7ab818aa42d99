package dev.herald.it.hostapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** The shop's own entity, in the shop's own table. */
@Entity
@Table(name = "shop_order")
public class ShopOrder {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 320)
  private String customer;

  @Column(name = "notification_id", length = 36)
  private String notificationId;

  protected ShopOrder() {}

  ShopOrder(String customer) {
    this.id = UUID.randomUUID().toString();
    this.customer = customer;
  }

  String id() {
    return id;
  }

  String customer() {
    return customer;
  }

  String notificationId() {
    return notificationId;
  }

  void notified(String notificationId) {
    this.notificationId = notificationId;
  }
}
