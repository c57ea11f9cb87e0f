create table test_parcel (
    id      bigserial primary key,
    name    text   not null,
    version bigint not null default 0
);
create table test_projection (
    key             text primary key,
    applied_count   integer not null,
    last_event_type text not null
);
