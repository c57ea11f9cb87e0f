-- The newest event applied per consumer and aggregate, by the producer's outbox sequence (the CloudEvents
-- `sequence` attribute). After a broker failure an older event may be delivered again after a newer one of the
-- same aggregate; it is then recorded as processed but not applied over the newer state.
create table inbox_aggregate (
    consumer      text   not null,
    source        text   not null,
    aggregate     text   not null,
    last_sequence bigint not null,
    primary key (consumer, source, aggregate)
);
