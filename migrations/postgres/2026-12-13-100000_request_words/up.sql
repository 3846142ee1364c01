-- The words the workspace's list searches (a request's question,
-- background, reference and comments), held by the database rather than
-- by every instance's memory: an instance's memory then does not grow with
-- the requests' texts. A trigram index (pg_trgm, a trusted extension any
-- database owner may create) finds a LIKE pattern's matches; the words are
-- kept in lower case by PostgreSQL's own lower(), which the search's
-- pattern goes through too. Each request is numbered in `request_keys`,
-- as on SQLite, whose full-text table is keyed by numbers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE request_keys (
    key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE
);

CREATE TABLE request_words (
    key BIGINT PRIMARY KEY REFERENCES request_keys (key) ON DELETE CASCADE,
    words TEXT NOT NULL
);

-- Each request's texts in lower case, each ended by the record separator
-- (chr 30): a search never holds it, so it never matches across two texts.
-- Not those of a request waiting for its submitter's confirmation, which
-- no list shows: anyone may send one, and most are never confirmed.
CREATE VIEW request_texts AS
SELECT
    requests.id AS request_id,
    lower(
        requests.question || chr(30)
        || coalesce(requests.background, '') || chr(30)
        || coalesce(requests.reference, '') || chr(30)
        || coalesce(
            (SELECT string_agg(comments.body, chr(30)) FROM comments
             WHERE comments.request_id = requests.id),
            ''
        )
    ) AS words
FROM requests
WHERE requests.state <> 'pending_confirmation';

INSERT INTO request_keys (request_id) SELECT id FROM requests ORDER BY created_at, id;
INSERT INTO request_words (key, words)
    SELECT request_keys.key, request_texts.words
    FROM request_keys JOIN request_texts USING (request_id);

CREATE INDEX request_words_trigrams ON request_words USING gin (words gin_trgm_ops);

-- Writes a request's words anew. Its key is locked first, and the words
-- read in a statement of their own: at READ COMMITTED that statement sees
-- what another transaction changing the same request committed while this
-- one waited, so two comments sent at once both end up in the words.
CREATE FUNCTION request_words_write(request TEXT) RETURNS void AS $$
DECLARE
    held BIGINT;
BEGIN
    SELECT key INTO held FROM request_keys WHERE request_id = request FOR UPDATE;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    DELETE FROM request_words WHERE key = held;
    INSERT INTO request_words (key, words)
        SELECT held, request_texts.words FROM request_texts
        WHERE request_texts.request_id = request;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION request_words_requests() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO request_keys (request_id) VALUES (NEW.id);
        PERFORM request_words_write(NEW.id);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM request_words_write(NEW.id);
    ELSE
        DELETE FROM request_keys WHERE request_id = OLD.id;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION request_words_comments() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM request_words_write(OLD.request_id);
    ELSE
        PERFORM request_words_write(NEW.request_id);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER request_words_requests_inserted AFTER INSERT ON requests
    FOR EACH ROW EXECUTE FUNCTION request_words_requests();
CREATE TRIGGER request_words_requests_updated
    AFTER UPDATE OF question, background, reference, state ON requests
    FOR EACH ROW
    WHEN (OLD.question IS DISTINCT FROM NEW.question
        OR OLD.background IS DISTINCT FROM NEW.background
        OR OLD.reference IS DISTINCT FROM NEW.reference
        OR (OLD.state = 'pending_confirmation') <> (NEW.state = 'pending_confirmation'))
    EXECUTE FUNCTION request_words_requests();
CREATE TRIGGER request_words_requests_deleted AFTER DELETE ON requests
    FOR EACH ROW EXECUTE FUNCTION request_words_requests();
CREATE TRIGGER request_words_comments_changed
    AFTER INSERT OR UPDATE OF body OR DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION request_words_comments();
