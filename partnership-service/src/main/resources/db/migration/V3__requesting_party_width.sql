-- DEFENCE_ZONE (12 characters) did not fit: the column is as wide as the longest requesting party, with room.
alter table crisis_activation alter column requesting_party type varchar(20);
