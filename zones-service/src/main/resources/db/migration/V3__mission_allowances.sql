-- The allowance paid to a volunteer doctor for a completed mission, on top of the fees of the consultations
-- (€200 a full day, half for a half-day, by default): fixed when the mission is completed.
alter table solidarity_mission add column allowance_eur numeric(8, 2);
