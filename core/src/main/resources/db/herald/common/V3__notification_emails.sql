-- Issue 6: the e-mails a USR notification named are rows, not one joined text that overflowed
-- at a few thousand recipients. Kept as the sender wrote them and in the sender's order, because
-- the API shows them that way. notification.emails stays for notifications accepted before this
-- migration and is no longer written.
CREATE TABLE notification_email (
  notification_id UUID         NOT NULL REFERENCES notification (id) ON DELETE CASCADE,
  ordinal         INTEGER      NOT NULL,
  email           VARCHAR(320) NOT NULL,
  PRIMARY KEY (notification_id, ordinal)
);

-- Titles and texts are limited in characters as people count them (code points: an emoji is one).
-- H2 counts UTF-16 units, in which one such character may take two: room for both counts.
ALTER TABLE notification ALTER COLUMN title SET DATA TYPE VARCHAR(1000);
ALTER TABLE notification ALTER COLUMN body SET DATA TYPE VARCHAR(8000);
