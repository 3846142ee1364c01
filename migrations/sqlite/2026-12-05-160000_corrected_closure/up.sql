-- A correction that alters a published answer's meaning goes through the
-- group as a follow-up request (issue 21); once published as the
-- clarification's next version, the follow-up closes as `corrected`.
-- SQLite widens the CHECK of closure reasons only by rebuilding the table,
-- as the consensus migration did.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE requests_new (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT UNIQUE,
    state TEXT NOT NULL CHECK (state IN (
        'pending_confirmation', 'awaiting_endorsement', 'screening', 'awaiting_submitter',
        'in_group', 'balloting', 'confirming', 'decided', 'consultation', 'published', 'closed')),
    closure_reason TEXT CHECK (closure_reason IN (
        'not_admissible', 'referred', 'duplicate', 'no_consensus', 'withdrawn', 'expired',
        'answered_locally', 'endorsement_declined', 'endorsement_expired', 'corrected')),
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
    personal_data_erased_at TIMESTAMP,
    answer_html TEXT
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

COMMIT;
PRAGMA foreign_keys = ON;
