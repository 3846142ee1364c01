-- Full-text index of the published clarifications: one weighted tsvector
-- per clarification (English stemming) under a GIN index. A trigger keeps
-- it in step with `requests`, so every way a clarification becomes
-- published (the workflow, the demo, import, synthetic data) is indexed.
-- Punctuation is turned into spaces first, as the search box splits what
-- people type on it: "ISO/IEC 17025" and "7.2.1" match word by word.
CREATE TABLE clarification_search (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    document tsvector NOT NULL
);
CREATE INDEX clarification_search_document ON clarification_search USING GIN (document);

CREATE FUNCTION clarification_search_words(body TEXT) RETURNS TEXT AS $$
    SELECT regexp_replace(coalesce(body, ''), '[^[:alnum:]]+', ' ', 'g')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION clarification_search_document(request_id TEXT) RETURNS tsvector AS $$
    SELECT setweight(to_tsvector('english', clarification_search_words(r.clause)), 'A')
        || setweight(to_tsvector('english', clarification_search_words(s.designation || ' ' || s.edition)), 'A')
        || setweight(to_tsvector('english', clarification_search_words(r.question)), 'B')
        || setweight(to_tsvector('english', clarification_search_words(r.answer)), 'C')
        || setweight(to_tsvector('english', clarification_search_words(s.title)), 'D')
    FROM requests r JOIN standards s ON s.id = r.standard_id
    WHERE r.id = request_id
$$ LANGUAGE sql STABLE;

-- A published clarification is never edited, so only the moment it becomes
-- published matters; other transitions leave the index alone.
CREATE FUNCTION clarification_search_on_publish() RETURNS trigger AS $$
BEGIN
    IF NEW.state = 'published' AND (TG_OP = 'INSERT' OR OLD.state <> 'published') THEN
        INSERT INTO clarification_search (request_id, document)
        VALUES (NEW.id, clarification_search_document(NEW.id))
        ON CONFLICT (request_id) DO UPDATE SET document = EXCLUDED.document;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clarification_search_on_publish AFTER INSERT OR UPDATE OF state ON requests
    FOR EACH ROW EXECUTE FUNCTION clarification_search_on_publish();

-- Clarifications published before this migration.
INSERT INTO clarification_search (request_id, document)
SELECT id, clarification_search_document(id) FROM requests WHERE state = 'published';
