-- Appeals (issue 21, item 6): the secretariat lodges an appeal a member
-- body, a liaison or the submitter sent against a decision on a request
-- (its publication, or its closing). The deadlines follow from the time
-- limits configured when it was lodged, so a later change of setting does
-- not move an appeal's dates. `step` is where the appeal stands; `outcome`
-- is set once decided. Numbered per request ("appeal 1"), as its pages are.
CREATE TABLE appeals (
    id TEXT PRIMARY KEY NOT NULL,
    request_id TEXT NOT NULL REFERENCES requests (id),
    number INTEGER NOT NULL,
    appellant_kind TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id),
    appellant_name TEXT NOT NULL,
    appellant_email TEXT NOT NULL,
    grounds TEXT NOT NULL,
    decision_appealed TEXT NOT NULL,
    received_on DATE NOT NULL,
    acknowledge_by DATE NOT NULL,
    decide_by DATE NOT NULL,
    step TEXT NOT NULL,
    outcome TEXT,
    public_notice BOOLEAN NOT NULL,
    lodged_at TIMESTAMP NOT NULL,
    decided_at TIMESTAMP,
    UNIQUE (request_id, number)
);

-- Each step of an appeal is an event of its request; this says which
-- appeal it belongs to. Appended, never changed, like the events.
CREATE TABLE appeal_steps (
    event_id TEXT PRIMARY KEY NOT NULL REFERENCES events (id),
    appeal_id TEXT NOT NULL REFERENCES appeals (id)
);
CREATE INDEX appeal_steps_appeal ON appeal_steps (appeal_id);

-- The public pages show an appeal's notice: a change of it is a change of
-- the register.
CREATE TRIGGER register_version_appeal_insert AFTER INSERT ON appeals
BEGIN
    UPDATE register_version SET version = version + 1;
END;
CREATE TRIGGER register_version_appeal_update AFTER UPDATE ON appeals
BEGIN
    UPDATE register_version SET version = version + 1;
END;
