-- Standing a crisis down releases its deployed reinforcements and cancels those never deployed; the after-action
-- record tells them from the ones users released.
alter table reinforcement add column ended_by_stand_down boolean not null default false;
