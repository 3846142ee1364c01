-- Corrected versions of published clarifications (issue 21, item 3). The
-- request's own columns hold the version in force, as they hold the
-- wording. Every version a correction replaced or put is kept in
-- clarification_versions under a permanent number: version 1 is written
-- when the first correction is issued (until then the request is its only
-- version). Like events, versions are appended and never changed.
CREATE TABLE clarification_versions (
    request_id TEXT NOT NULL REFERENCES requests (id),
    number INTEGER NOT NULL,
    event_id TEXT REFERENCES events (id),
    standard_id TEXT NOT NULL REFERENCES standards (id),
    clause TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answer_html TEXT NOT NULL,
    kind TEXT,
    note TEXT,
    published_at TIMESTAMP NOT NULL,
    published_by TEXT REFERENCES users (id),
    PRIMARY KEY (request_id, number)
);

-- The number, date and note of the version in force of each corrected
-- clarification (none: version 1), one row read by primary key beside the
-- request, so that lists, feeds and the API show them in the same query.
CREATE TABLE corrected_clarifications (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id),
    version INTEGER NOT NULL,
    corrected_at TIMESTAMP NOT NULL,
    note TEXT NOT NULL
);

CREATE FUNCTION clarification_versions_are_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'clarification versions are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER clarification_versions_are_append_only BEFORE UPDATE OR DELETE ON clarification_versions
    FOR EACH ROW EXECUTE FUNCTION clarification_versions_are_append_only();
