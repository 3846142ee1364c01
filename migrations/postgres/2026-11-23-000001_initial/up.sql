-- The whole data model of SPEC. Identifiers are UUIDv7 text (time-ordered),
-- timestamps are UTC without zone, enumerations are text checked here and
-- parsed into Rust enums at the model boundary.

CREATE TABLE groups (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE standards (
    id TEXT PRIMARY KEY NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    designation TEXT NOT NULL,
    edition INTEGER NOT NULL,
    title TEXT NOT NULL,
    group_id TEXT REFERENCES groups (id),
    superseded_by_id TEXT REFERENCES standards (id),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (designation, edition)
);

CREATE TABLE external_committees (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    url TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- A designation owned by another committee, stored normalised
-- (upper case, single spaces, no edition) for lookup from /refer.
CREATE TABLE external_designations (
    designation TEXT PRIMARY KEY NOT NULL,
    committee_id TEXT NOT NULL REFERENCES external_committees (id) ON DELETE CASCADE
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT,
    is_secretariat BOOLEAN NOT NULL DEFAULT FALSE,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP
);

CREATE TABLE memberships (
    group_id TEXT NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL CHECK (role IN ('convenor', 'member')),
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

-- Server-side sessions; the cookie carries a random token, the table its hash.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- One row per year; allocation increments inside the confirming transaction,
-- so a rolled-back confirmation leaves no gap.
CREATE TABLE reference_counters (
    year INTEGER PRIMARY KEY NOT NULL,
    last_value INTEGER NOT NULL
);

CREATE TABLE requests (
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
CREATE INDEX requests_state ON requests (state);
CREATE INDEX requests_standard ON requests (standard_id, state);
CREATE INDEX requests_group ON requests (group_id, state);
CREATE INDEX requests_published ON requests (published_at);
CREATE INDEX requests_submitted_from ON requests (submitted_from, created_at);

-- The submitter's identity, apart from the request so that public queries
-- never touch it and erasure after the retention period is one DELETE.
CREATE TABLE request_contacts (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    organization TEXT
);

CREATE TABLE events (
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
CREATE INDEX events_request ON events (request_id, created_at);

CREATE FUNCTION events_are_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION events_are_append_only();
-- TRUNCATE bypasses row triggers; refuse it too.
CREATE TRIGGER events_are_append_only_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();

CREATE TABLE rounds (
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

CREATE TABLE votes (
    id TEXT PRIMARY KEY NOT NULL,
    round_id TEXT NOT NULL REFERENCES rounds (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    position TEXT NOT NULL CHECK (position IN ('agree', 'agree_with_comments', 'oppose', 'abstain')),
    comment TEXT,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (round_id, user_id)
);

-- The convenor's recorded answer to one opposition, required before consensus.
CREATE TABLE opposition_responses (
    vote_id TEXT PRIMARY KEY NOT NULL REFERENCES votes (id),
    response TEXT NOT NULL,
    responded_by TEXT NOT NULL REFERENCES users (id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE comments (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX comments_request ON comments (request_id, created_at);

CREATE TABLE subscriptions (
    id TEXT PRIMARY KEY NOT NULL,
    email TEXT NOT NULL,
    standard_id TEXT NOT NULL REFERENCES standards (id),
    created_at TIMESTAMP NOT NULL,
    confirmed_at TIMESTAMP,
    UNIQUE (email, standard_id)
);

-- Mail is rendered when the change that causes it commits, in the same
-- transaction; the worker only delivers. message_id is fixed per
-- (event, recipient) so a retry is the same message.
CREATE TABLE outbox (
    id TEXT PRIMARY KEY NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    list_unsubscribe TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- Every credential sent by mail or printed (setup, confirm, track, reset,
-- invite, subscription) is a random token stored only as its SHA-256.
CREATE TABLE tokens (
    token_hash TEXT PRIMARY KEY NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('setup', 'confirm', 'track', 'reset', 'invite',
        'subscribe', 'unsubscribe')),
    request_id TEXT REFERENCES requests (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id),
    subscription_id TEXT REFERENCES subscriptions (id) ON DELETE CASCADE,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP,
    used_at TIMESTAMP
);
CREATE INDEX tokens_request ON tokens (request_id);

-- Attempts counted for throttling (login, submission), by a keyed hash.
CREATE TABLE rate_events (
    id TEXT PRIMARY KEY NOT NULL,
    bucket TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (bucket, key_hash, created_at);
