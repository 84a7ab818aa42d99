CREATE TABLE shop_order (
  id              VARCHAR(36)  PRIMARY KEY,
  customer        VARCHAR(320) NOT NULL,
  notification_id VARCHAR(36)
);
