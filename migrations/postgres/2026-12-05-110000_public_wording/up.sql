-- The public wording (issue 21, item 1): before publication the secretariat,
-- and the convenor while the group has the request, may rephrase the
-- question, correct the clause or move the request to another standard. The
-- request's own columns hold the wording in force, which is what is
-- published; each edit keeps what it replaced and what it put, beside its
-- event, so the submitter's words are the first edit's "before" and the
-- timeline can show every change word by word. Like events, edits are
-- appended and never changed.
CREATE TABLE wording_edits (
    event_id TEXT PRIMARY KEY NOT NULL REFERENCES events (id),
    request_id TEXT NOT NULL REFERENCES requests (id),
    question_before TEXT NOT NULL,
    question_after TEXT NOT NULL,
    clause_before TEXT NOT NULL,
    clause_after TEXT NOT NULL,
    standard_before_id TEXT NOT NULL REFERENCES standards (id),
    standard_after_id TEXT NOT NULL REFERENCES standards (id)
);
CREATE INDEX wording_edits_request ON wording_edits (request_id);

CREATE FUNCTION wording_edits_are_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'wording edits are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER wording_edits_are_append_only BEFORE UPDATE OR DELETE ON wording_edits
    FOR EACH ROW EXECUTE FUNCTION wording_edits_are_append_only();
