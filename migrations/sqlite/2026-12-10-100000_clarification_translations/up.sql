-- Versions of a published clarification's question and answer in another
-- language (issue 24, item 4), one per language; the English in the
-- request is the reference text. `of_version` is the English version the
-- text translates, so that pages can say when the English was corrected
-- since. A translation entered before publication goes public with it;
-- one entered later goes public at once. Each entry is an event in the
-- request's history (action `translate`); the row keeps the latest text.
CREATE TABLE clarification_translations (
    request_id TEXT NOT NULL REFERENCES requests (id),
    language TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answer_html TEXT NOT NULL,
    of_version INTEGER NOT NULL,
    entered_by TEXT REFERENCES users (id),
    entered_at TIMESTAMP NOT NULL,
    PRIMARY KEY (request_id, language)
);
