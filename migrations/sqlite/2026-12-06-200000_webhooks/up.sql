-- Webhooks (issue 23, item 3). The secretariat registers endpoints; each
-- event of the register (published, corrected, marked, withdrawn) is
-- written to webhook_events in the transaction of the change, with one
-- delivery per endpoint that wants it, which the worker sends. A delivery
-- is unique per (event, endpoint): an event is never queued twice for one
-- endpoint, and its id is the webhook-id the receiver sees on every try.
CREATE TABLE webhook_endpoints (
    id TEXT PRIMARY KEY NOT NULL,
    url TEXT NOT NULL,
    -- whsec_ and the base64 of the key: the HMAC needs the key itself.
    secret TEXT NOT NULL,
    -- The event types wanted, comma-separated (published,corrected,...).
    events TEXT NOT NULL,
    description TEXT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    -- Since when every attempt failed; null after a success.
    failing_since TIMESTAMP,
    disabled_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    created_by TEXT REFERENCES users (id)
);

CREATE TABLE webhook_events (
    id TEXT PRIMARY KEY NOT NULL,
    event_type TEXT NOT NULL,
    -- The JSON body, fixed when the event happened: every try sends the
    -- same bytes, only the attempt's timestamp and signature change.
    payload TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id TEXT PRIMARY KEY NOT NULL,
    event_id TEXT NOT NULL REFERENCES webhook_events (id),
    endpoint_id TEXT NOT NULL REFERENCES webhook_endpoints (id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_attempt_at TIMESTAMP,
    last_status_code INTEGER,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    delivered_at TIMESTAMP,
    UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, created_at);
