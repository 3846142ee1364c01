-- Consensus that stands up to an appeal (issue 19): the organisations that
-- nominate experts, memberships with a capacity and dates, each group's
-- closing rules, the voter list fixed when a round opens, decisions taken
-- at a meeting, objections, and the state of a decision open to objection.

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
ALTER TABLE memberships
    ADD COLUMN capacity TEXT NOT NULL DEFAULT 'expert'
        CHECK (capacity IN ('expert', 'observer', 'liaison')),
    ADD COLUMN nominated_by_id TEXT REFERENCES organisations (id),
    ADD COLUMN starts_at TIMESTAMP,
    ADD COLUMN ends_at TIMESTAMP,
    -- interests the member declared, shown beside their vote
    ADD COLUMN interests TEXT;
UPDATE memberships SET starts_at = created_at;
ALTER TABLE memberships ALTER COLUMN starts_at SET NOT NULL;

-- Each group's closing rules, with the safe defaults of issue 19.
ALTER TABLE groups
    ADD COLUMN quorum_percent INTEGER NOT NULL DEFAULT 50
        CHECK (quorum_percent BETWEEN 0 AND 100),
    ADD COLUMN quorum_minimum INTEGER NOT NULL DEFAULT 2 CHECK (quorum_minimum >= 1),
    ADD COLUMN liaisons_vote BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN objection_days INTEGER NOT NULL DEFAULT 7 CHECK (objection_days >= 1),
    ADD COLUMN meeting_objection_days INTEGER NOT NULL DEFAULT 14
        CHECK (meeting_objection_days >= 1);

-- `confirming`: a decision open to objection (an editorial change of the
-- voted text, or a decision taken at a meeting). `awaiting_endorsement`
-- (intake through member bodies) and `consultation` (liaisons consulted
-- before publication) and their closure reasons are the states SPEC §9
-- plans for this batch, allowed now so that no later migration has to
-- rebuild this table on SQLite.
ALTER TABLE requests DROP CONSTRAINT requests_state_check;
ALTER TABLE requests ADD CONSTRAINT requests_state_check CHECK (state IN (
    'pending_confirmation', 'awaiting_endorsement', 'screening', 'awaiting_submitter',
    'in_group', 'balloting', 'confirming', 'decided', 'consultation', 'published', 'closed'));
ALTER TABLE requests DROP CONSTRAINT requests_closure_reason_check;
ALTER TABLE requests ADD CONSTRAINT requests_closure_reason_check CHECK (closure_reason IN (
    'not_admissible', 'referred', 'duplicate', 'no_consensus', 'withdrawn', 'expired',
    'answered_locally', 'endorsement_declined', 'endorsement_expired'));

-- A round is circulated by correspondence or held at a meeting; a
-- substantive change of the text opens a new round that follows the first.
-- The decision record keeps how the final text differs from the voted one.
ALTER TABLE rounds
    ADD COLUMN kind TEXT NOT NULL DEFAULT 'correspondence'
        CHECK (kind IN ('correspondence', 'meeting')),
    ADD COLUMN follows_round_id TEXT REFERENCES rounds (id),
    ADD COLUMN change_class TEXT CHECK (change_class IN ('none', 'editorial', 'substantive')),
    ADD COLUMN change_reason TEXT,
    ADD COLUMN objections_until TIMESTAMP;
ALTER TABLE rounds DROP CONSTRAINT rounds_outcome_check;
ALTER TABLE rounds ADD CONSTRAINT rounds_outcome_check CHECK (outcome IN (
    'consensus', 'no_consensus_yet', 'request_closed', 'replaced', 'objected'));

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

-- Decisions whose objection window has ended, found by the worker.
CREATE INDEX rounds_objections_until ON rounds (objections_until)
    WHERE objections_until IS NOT NULL;
