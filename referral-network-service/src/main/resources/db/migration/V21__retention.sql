-- Retention (issue 12): the purge job deletes ended requests by their end and audit rows by their read time.
create index referral_request_ended_idx on referral_request (ended_at) where ended_at is not null;
