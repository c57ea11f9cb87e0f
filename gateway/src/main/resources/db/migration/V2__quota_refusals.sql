-- Quota refusals (429) counted per client, route and minute instead of one audit row each: a client far over
-- its quota would otherwise make the audit trail, and the database, pay for every refused request.
CREATE TABLE gateway_quota_refusals (
    minute    TIMESTAMPTZ NOT NULL,
    client    TEXT        NOT NULL,
    route     TEXT        NOT NULL,
    refusals  BIGINT      NOT NULL,
    PRIMARY KEY (minute, client, route)
);

CREATE INDEX gateway_quota_refusals_client ON gateway_quota_refusals (client, minute DESC);
