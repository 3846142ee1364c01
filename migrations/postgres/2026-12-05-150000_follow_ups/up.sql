-- Follow-up requests (issue 21, item 5): a request that asks again about
-- an earlier one, with its own reference and lifecycle. `kind` says why:
-- `reconsideration` (the submitter contests the decision),
-- `new_information` (anyone adds to a published clarification), and kinds
-- to come (a `correction` of a published answer's meaning) take a new
-- value, not a new column. `statement` is what the follow-up brings: the
-- reasons, or the information. The outcome is recorded as an event on the
-- original when the follow-up ends.
CREATE TABLE follow_ups (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    original_id TEXT NOT NULL REFERENCES requests (id),
    kind TEXT NOT NULL,
    statement TEXT NOT NULL
);
CREATE INDEX follow_ups_original ON follow_ups (original_id);
