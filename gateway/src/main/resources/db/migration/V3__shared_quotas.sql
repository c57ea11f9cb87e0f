-- Quotas hold across gateway replicas: each gateway adds what it let through per client and route, and
-- takes from its own buckets what the others let through (quota/SharedQuotas).
CREATE TABLE gateway_quota_usage (
    gateway     TEXT        NOT NULL,
    client      TEXT        NOT NULL,
    route       TEXT        NOT NULL,
    taken       BIGINT      NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (client, route, gateway)
);

CREATE INDEX gateway_quota_usage_updated ON gateway_quota_usage (updated_at);
