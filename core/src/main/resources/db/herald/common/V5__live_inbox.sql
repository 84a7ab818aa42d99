-- The live inbox (ADR 0007): each node asks, per member with an open stream, for the items
-- dispatched in the last moments. One short index range per member, whatever the other members'
-- and organizations' traffic; id is included so that the range answers the question by itself.
CREATE INDEX inbox_item_member_created ON inbox_item (member_id, created_at, id);
