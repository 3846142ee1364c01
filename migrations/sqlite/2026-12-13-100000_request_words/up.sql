-- The words the workspace's list searches (a request's question,
-- background, reference and comments), held by the database rather than
-- by every instance's memory: an instance's memory then does not grow with
-- the requests' texts. An FTS5 table with the trigram tokenizer finds any
-- text of three characters or more, case aside, without a copy of the
-- texts (content = ''). Its rows are numbered by `request_keys`, since a
-- request's own rowid may change when the file is vacuumed.
CREATE TABLE request_keys (
    key INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    request_id TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE request_words USING fts5 (
    words,
    tokenize = 'trigram',
    content = '',
    contentless_delete = 1
);

-- Each request's texts, each ended by the record separator (char 30): a
-- search never holds it, so it never matches across two texts. Not those
-- of a request waiting for its submitter's confirmation, which no list
-- shows: anyone may send one, and most are never confirmed.
CREATE VIEW request_texts AS
SELECT
    requests.id AS request_id,
    requests.question || char(30)
        || coalesce(requests.background, '') || char(30)
        || coalesce(requests.reference, '') || char(30)
        || coalesce(
            (SELECT group_concat(comments.body, char(30)) FROM comments
             WHERE comments.request_id = requests.id),
            ''
        ) AS words
FROM requests
WHERE requests.state <> 'pending_confirmation';

INSERT INTO request_keys (request_id) SELECT id FROM requests ORDER BY created_at, id;
INSERT INTO request_words (rowid, words)
    SELECT request_keys.key, request_texts.words
    FROM request_keys JOIN request_texts USING (request_id);

-- Writing a request's id here writes its words anew: what each trigger
-- below does, written once.
CREATE VIEW request_words_written AS SELECT request_id FROM request_keys;

CREATE TRIGGER request_words_write INSTEAD OF INSERT ON request_words_written
BEGIN
    DELETE FROM request_words
        WHERE rowid = (SELECT key FROM request_keys WHERE request_id = NEW.request_id);
    INSERT INTO request_words (rowid, words)
        SELECT request_keys.key, request_texts.words
        FROM request_keys JOIN request_texts USING (request_id)
        WHERE request_keys.request_id = NEW.request_id;
END;

CREATE TRIGGER request_words_request_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO request_keys (request_id) VALUES (NEW.id);
    INSERT INTO request_words_written VALUES (NEW.id);
END;

CREATE TRIGGER request_words_request_update
AFTER UPDATE OF question, background, reference, state ON requests
WHEN OLD.question IS NOT NEW.question
    OR OLD.background IS NOT NEW.background
    OR OLD.reference IS NOT NEW.reference
    OR (OLD.state = 'pending_confirmation') <> (NEW.state = 'pending_confirmation')
BEGIN
    INSERT INTO request_words_written VALUES (NEW.id);
END;

CREATE TRIGGER request_words_request_delete AFTER DELETE ON requests
BEGIN
    DELETE FROM request_words
        WHERE rowid = (SELECT key FROM request_keys WHERE request_id = OLD.id);
    DELETE FROM request_keys WHERE request_id = OLD.id;
END;

CREATE TRIGGER request_words_comment_insert AFTER INSERT ON comments
BEGIN
    INSERT INTO request_words_written VALUES (NEW.request_id);
END;

CREATE TRIGGER request_words_comment_update AFTER UPDATE OF body ON comments
BEGIN
    INSERT INTO request_words_written VALUES (NEW.request_id);
END;

CREATE TRIGGER request_words_comment_delete AFTER DELETE ON comments
BEGIN
    INSERT INTO request_words_written VALUES (OLD.request_id);
END;
