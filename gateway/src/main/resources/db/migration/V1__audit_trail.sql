-- One row per request the gateway answered (DESIGN §6): who, what, the outcome and how long it took.
CREATE TABLE gateway_audit (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ      NOT NULL,
    client       TEXT,
    roles        TEXT             NOT NULL,
    method       TEXT             NOT NULL,
    path         TEXT             NOT NULL,
    route        TEXT,
    status       INTEGER          NOT NULL,
    latency_ms   DOUBLE PRECISION NOT NULL,
    request_id   TEXT             NOT NULL,
    upstream     TEXT
);

CREATE INDEX gateway_audit_time ON gateway_audit (occurred_at DESC, id);
CREATE INDEX gateway_audit_client_time ON gateway_audit (client, occurred_at DESC);
CREATE INDEX gateway_audit_route_time ON gateway_audit (route, occurred_at DESC);
CREATE INDEX gateway_audit_request_id ON gateway_audit (request_id);
