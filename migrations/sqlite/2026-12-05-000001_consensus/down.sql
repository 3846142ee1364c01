-- Back to the schema before issue 19, with the same rebuilds as up.sql.
-- Requests in a state or closed for a reason this schema lacks stop the
-- revert at their row (the CHECK), and nothing changes.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

DROP TABLE objections;
DROP TABLE meetings;
DROP TABLE round_voters;

CREATE TABLE rounds_new (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    number INTEGER NOT NULL,
    draft_answer TEXT NOT NULL,
    deadline_at TIMESTAMP NOT NULL,
    opened_by TEXT NOT NULL REFERENCES users (id),
    opened_at TIMESTAMP NOT NULL,
    reminder_sent_at TIMESTAMP,
    closed_at TIMESTAMP,
    closed_by TEXT REFERENCES users (id),
    outcome TEXT CHECK (outcome IN ('consensus', 'no_consensus_yet', 'request_closed')),
    final_answer TEXT,
    UNIQUE (request_id, number)
);
INSERT INTO rounds_new SELECT id, request_id, number, draft_answer, deadline_at, opened_by,
        opened_at, reminder_sent_at, closed_at, closed_by, outcome, final_answer
    FROM rounds;
DROP TABLE rounds;
ALTER TABLE rounds_new RENAME TO rounds;

CREATE TABLE requests_new (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('pending_confirmation', 'screening', 'awaiting_submitter',
        'in_group', 'balloting', 'decided', 'published', 'closed')),
    closure_reason TEXT CHECK (closure_reason IN ('not_admissible', 'referred', 'duplicate',
        'no_consensus', 'withdrawn', 'expired')),
    not_admissible_reason TEXT CHECK (not_admissible_reason IN ('specific_situation',
        'new_requirement', 'unclear', 'other')),
    closure_note TEXT,
    referred_committee_id TEXT REFERENCES external_committees (id),
    duplicate_of_id TEXT REFERENCES requests (id),
    standard_id TEXT NOT NULL REFERENCES standards (id),
    group_id TEXT REFERENCES groups (id),
    clause TEXT NOT NULL,
    question TEXT NOT NULL,
    background TEXT,
    proposed_answer TEXT,
    submitter_country TEXT NOT NULL,
    submitter_category TEXT NOT NULL,
    -- keyed hash of the submitting address, for the hourly throttle only
    submitted_from TEXT,
    answer TEXT,
    consider_at_revision BOOLEAN NOT NULL DEFAULT TRUE,
    publication_flag TEXT CHECK (publication_flag IN ('superseded', 'incorporated', 'withdrawn')),
    publication_flag_note TEXT,
    is_sample BOOLEAN NOT NULL DEFAULT FALSE,
    -- optimistic lock: every transition increments it
    version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    decided_at TIMESTAMP,
    published_at TIMESTAMP,
    closed_at TIMESTAMP,
    updated_at TIMESTAMP NOT NULL,
    personal_data_erased_at TIMESTAMP
);
INSERT INTO requests_new SELECT * FROM requests;
DROP TABLE requests;
ALTER TABLE requests_new RENAME TO requests;
CREATE INDEX requests_group ON requests (group_id, state);
CREATE INDEX requests_published ON requests (published_at);
CREATE INDEX requests_submitted_from ON requests (submitted_from, created_at);
CREATE INDEX requests_published_order ON requests (state, published_at);
CREATE INDEX requests_standard_published ON requests (standard_id, state, published_at, clause);
CREATE INDEX requests_standard_clause ON requests (standard_id, state, lower(clause));
CREATE INDEX requests_unerased_published ON requests (state, published_at)
    WHERE personal_data_erased_at IS NULL;
CREATE INDEX requests_unerased_closed ON requests (state, closed_at)
    WHERE personal_data_erased_at IS NULL;
CREATE TRIGGER register_version_request_insert AFTER INSERT ON requests
WHEN NEW.state = 'published'
BEGIN
    UPDATE register_version SET version = version + 1;
END;
CREATE TRIGGER register_version_request_delete AFTER DELETE ON requests
WHEN OLD.state = 'published'
BEGIN
    UPDATE register_version SET version = version + 1;
END;
CREATE TRIGGER register_version_request_update AFTER UPDATE ON requests
WHEN (NEW.state = 'published' OR OLD.state = 'published')
    AND NEW.personal_data_erased_at IS OLD.personal_data_erased_at
BEGIN
    UPDATE register_version SET version = version + 1;
END;

ALTER TABLE groups DROP COLUMN meeting_objection_days;
ALTER TABLE groups DROP COLUMN objection_days;
ALTER TABLE groups DROP COLUMN liaisons_vote;
ALTER TABLE groups DROP COLUMN quorum_minimum;
ALTER TABLE groups DROP COLUMN quorum_percent;

CREATE TABLE memberships_new (
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('convenor', 'member')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
INSERT INTO memberships_new SELECT group_id, user_id, role, created_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;

DROP TABLE organisations;

COMMIT;
PRAGMA foreign_keys = ON;
