-- Platform tables every service owns in its own database (see platform-data).

-- Transactional outbox: written in the same transaction as the change it announces.
create table outbox_event (
    seq            bigserial   primary key,
    id             uuid        not null unique,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    type           text        not null,
    subject        text,
    payload        jsonb       not null,
    created_at     timestamptz not null default clock_timestamp(),
    published_at   timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: one row per (consumer, event id) processed, written with the projection.
create table inbox_event (
    consumer     text        not null,
    event_id     text        not null,
    event_type   text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotent creations: the response of the first request carrying an Idempotency-Key.
create table idempotency_key (
    scope        text        not null,
    key          text        not null,
    request_hash text        not null,
    status       integer     not null,
    location     text,
    body         text,
    created_at   timestamptz not null default now(),
    primary key (scope, key)
);
create index idempotency_key_created_at on idempotency_key (created_at);
