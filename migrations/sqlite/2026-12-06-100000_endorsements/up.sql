-- Intake through member bodies and liaisons (issue 22). A request that
-- names a sponsor (the member body or liaison that vouches for it) has a
-- row here: the sponsor, and while its endorsement is awaited the hash of
-- the private link mailed to the sponsor (as tracking links are kept),
-- when it was asked and reminded; then the sponsor's decision, with the
-- reason of a refusal or the text of a local answer. `decided_by` is the
-- sponsor's account when one acted in the application, none by link.
-- Events gain the actor kind `sponsor`; SQLite widens the CHECK only by
-- rebuilding the table, with foreign keys off, outside a transaction.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE endorsements (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    sponsor_id TEXT NOT NULL REFERENCES organisations (id),
    token_hash TEXT UNIQUE,
    requested_at TIMESTAMP,
    reminded_at TIMESTAMP,
    decision TEXT CHECK (decision IN ('endorsed', 'answered_locally', 'declined', 'expired')),
    decided_at TIMESTAMP,
    decided_by TEXT REFERENCES users (id),
    note TEXT
);
CREATE INDEX endorsements_sponsor ON endorsements (sponsor_id, decision);
CREATE INDEX endorsements_awaited ON endorsements (requested_at) WHERE decision IS NULL;

CREATE TABLE events_new (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    actor_user_id TEXT REFERENCES users (id),
    actor_kind TEXT NOT NULL CHECK (actor_kind IN ('submitter', 'user', 'system', 'sponsor')),
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

COMMIT;
PRAGMA foreign_keys = ON;
