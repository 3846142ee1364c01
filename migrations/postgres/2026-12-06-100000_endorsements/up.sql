-- Intake through member bodies and liaisons (issue 22). A request that
-- names a sponsor (the member body or liaison that vouches for it) has a
-- row here: the sponsor, and while its endorsement is awaited the hash of
-- the private link mailed to the sponsor (as tracking links are kept),
-- when it was asked and reminded; then the sponsor's decision, with the
-- reason of a refusal or the text of a local answer. `decided_by` is the
-- sponsor's account when one acted in the application, none by link.
-- Events gain the actor kind `sponsor`.
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

ALTER TABLE events DROP CONSTRAINT events_actor_kind_check;
ALTER TABLE events ADD CONSTRAINT events_actor_kind_check
    CHECK (actor_kind IN ('submitter', 'user', 'system', 'sponsor'));
