-- Consensus that stands up to an appeal (issue 19): the organisations that
-- nominate experts, memberships with a capacity and dates, each group's
-- closing rules, the voter list fixed when a round opens, decisions taken
-- at a meeting, objections, and the state of a decision open to objection.
--
-- SQLite changes a CHECK constraint only by rebuilding its table
-- (https://sqlite.org/lang_altertable.html, "making other kinds of table
-- schema changes"): with foreign keys off, a new table is filled from the
-- old, which is dropped, and the new one renamed, its indexes and triggers
-- created again. This runs in a transaction of its own, as metadata.toml
-- says; the same rebuild is the recipe for widening a list later.

PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE organisations (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('member_body', 'liaison')),
    acronym TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- ISO 3166-1 alpha-2, for member bodies
    country TEXT,
    -- where clarification requests for this organisation go (issue 22)
    contact_email TEXT,
    created_at TIMESTAMP NOT NULL
);

-- A member votes as an expert, reads and comments as an observer, or
-- speaks for a liaison (voting only where the group says so); nominated by
-- a member body or a liaison, from one date to another.
CREATE TABLE memberships_new (
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('convenor', 'member')),
    created_at TIMESTAMP NOT NULL,
    capacity TEXT NOT NULL DEFAULT 'expert'
        CHECK (capacity IN ('expert', 'observer', 'liaison')),
    nominated_by_id TEXT REFERENCES organisations (id),
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP,
    -- interests the member declared, shown beside their vote
    interests TEXT,
    PRIMARY KEY (group_id, user_id)
);
INSERT INTO memberships_new (group_id, user_id, role, created_at, starts_at)
    SELECT group_id, user_id, role, created_at, created_at FROM memberships;
DROP TABLE memberships;
ALTER TABLE memberships_new RENAME TO memberships;

-- Each group's closing rules, with the safe defaults of issue 19.
ALTER TABLE groups ADD COLUMN quorum_percent INTEGER NOT NULL DEFAULT 50
    CHECK (quorum_percent BETWEEN 0 AND 100);
ALTER TABLE groups ADD COLUMN quorum_minimum INTEGER NOT NULL DEFAULT 2
    CHECK (quorum_minimum >= 1);
ALTER TABLE groups ADD COLUMN liaisons_vote BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE groups ADD COLUMN objection_days INTEGER NOT NULL DEFAULT 7
    CHECK (objection_days >= 1);
ALTER TABLE groups ADD COLUMN meeting_objection_days INTEGER NOT NULL DEFAULT 14
    CHECK (meeting_objection_days >= 1);

-- `confirming`: a decision open to objection (an editorial change of the
-- voted text, or a decision taken at a meeting). `awaiting_endorsement`
-- (intake through member bodies) and `consultation` (liaisons consulted
-- before publication) and their closure reasons are the states SPEC §9
-- plans for this batch, allowed now so that no later migration has to
-- rebuild this table again.
CREATE TABLE requests_new (
    id TEXT PRIMARY KEY NOT NULL,
    reference TEXT UNIQUE,
    state TEXT NOT NULL CHECK (state IN (
        'pending_confirmation', 'awaiting_endorsement', 'screening', 'awaiting_submitter',
        'in_group', 'balloting', 'confirming', 'decided', 'consultation', 'published', 'closed')),
    closure_reason TEXT CHECK (closure_reason IN (
        'not_admissible', 'referred', 'duplicate', 'no_consensus', 'withdrawn', 'expired',
        'answered_locally', 'endorsement_declined', 'endorsement_expired')),
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

-- A round is circulated by correspondence or held at a meeting; a
-- substantive change of the text opens a new round that follows the first.
-- The decision record keeps how the final text differs from the voted one.
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
    outcome TEXT CHECK (outcome IN (
        'consensus', 'no_consensus_yet', 'request_closed', 'replaced', 'objected')),
    final_answer TEXT,
    kind TEXT NOT NULL DEFAULT 'correspondence' CHECK (kind IN ('correspondence', 'meeting')),
    follows_round_id TEXT REFERENCES rounds (id),
    change_class TEXT CHECK (change_class IN ('none', 'editorial', 'substantive')),
    change_reason TEXT,
    objections_until TIMESTAMP,
    UNIQUE (request_id, number)
);
INSERT INTO rounds_new (id, request_id, number, draft_answer, deadline_at, opened_by,
        opened_at, reminder_sent_at, closed_at, closed_by, outcome, final_answer)
    SELECT id, request_id, number, draft_answer, deadline_at, opened_by,
        opened_at, reminder_sent_at, closed_at, closed_by, outcome, final_answer
    FROM rounds;
DROP TABLE rounds;
ALTER TABLE rounds_new RENAME TO rounds;
-- Decisions whose objection window has ended, found by the worker.
CREATE INDEX rounds_objections_until ON rounds (objections_until)
    WHERE objections_until IS NOT NULL;

-- The voter list, fixed when the round opens: who may vote in it, in what
-- capacity and for whom, and where a conflict of interest stands.
CREATE TABLE round_voters (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    capacity TEXT NOT NULL CHECK (capacity IN ('expert', 'observer', 'liaison')),
    nominated_by_id TEXT REFERENCES organisations (id),
    is_convenor BOOLEAN NOT NULL,
    -- at a meeting: whether they attended (null for correspondence)
    attended BOOLEAN,
    -- none; flagged (same organisation as the submitter, or a declared
    -- interest): must declare before voting; declared: the vote counts as
    -- an abstention unless allowed; cleared: confirmed no conflict
    conflict TEXT NOT NULL DEFAULT 'none'
        CHECK (conflict IN ('none', 'flagged', 'declared', 'cleared')),
    conflict_reason TEXT,
    conflict_note TEXT,
    allowed_by TEXT REFERENCES users (id),
    allowed_reason TEXT,
    PRIMARY KEY (round_id, user_id)
);
CREATE INDEX round_voters_user ON round_voters (user_id);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY NOT NULL,
    round_id TEXT NOT NULL UNIQUE REFERENCES rounds (id),
    held_at TIMESTAMP NOT NULL,
    minutes_reference TEXT,
    minutes_text TEXT,
    created_at TIMESTAMP NOT NULL
);

-- An objection to an editorial change, or by an absentee to a meeting's
-- decision: the request goes back to the group.
CREATE TABLE objections (
    id TEXT PRIMARY KEY NOT NULL,
    round_id TEXT NOT NULL REFERENCES rounds (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    reason TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (round_id, user_id)
);

COMMIT;
PRAGMA foreign_keys = ON;
