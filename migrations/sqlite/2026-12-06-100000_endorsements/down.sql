-- Back to events without sponsors; an event recorded as a sponsor's stops
-- the revert at its row (the CHECK), and nothing changes.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE events_new (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    actor_user_id TEXT REFERENCES users (id),
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('submitter', 'user', 'system')),
    action TEXT NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    note TEXT,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO events_new SELECT * FROM events;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_request ON events (request_id, created_at);
CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;
DROP TABLE endorsements;

COMMIT;
PRAGMA foreign_keys = ON;
