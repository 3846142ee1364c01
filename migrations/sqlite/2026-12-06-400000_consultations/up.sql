-- Liaison consultation (issue 23, item 1): the liaisons the secretariat
-- consults before publishing, by their addresses. A liaison is consulted
-- while it has at least one address here.
CREATE TABLE liaison_contacts (
    id TEXT PRIMARY KEY NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (organisation_id, email)
);

-- One consultation per decision of a request: opened when it is decided,
-- until `ends_at`; `sent_back_at` once the secretariat sent the answer
-- back to the group (a later decision opens another).
CREATE TABLE consultations (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    opened_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    sent_back_at TIMESTAMP
);
CREATE INDEX consultations_request ON consultations (request_id, opened_at);

-- Each liaison consulted, with the hash of its private review link; its
-- answer once given (no comments: no objection), and the response the
-- secretariat recorded to its comments.
CREATE TABLE consultation_answers (
    id TEXT PRIMARY KEY NOT NULL,
    consultation_id TEXT NOT NULL REFERENCES consultations (id),
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    token_hash TEXT NOT NULL UNIQUE,
    answered_at TIMESTAMP,
    comments TEXT,
    response TEXT,
    responded_by TEXT REFERENCES users (id),
    responded_at TIMESTAMP,
    UNIQUE (consultation_id, organisation_id)
);
