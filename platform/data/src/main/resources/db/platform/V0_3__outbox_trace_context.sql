-- The W3C trace context of the change that recorded each event: the relay publishes it (CloudEvents traceparent)
-- so that consumers continue the same trace.
alter table outbox_event add column traceparent text;
