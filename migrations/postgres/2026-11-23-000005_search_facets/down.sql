-- The index as migration 000002 made it, without the facets.
DROP TRIGGER clarification_search_on_publish ON requests;
CREATE TRIGGER clarification_search_on_publish AFTER INSERT OR UPDATE OF state ON requests
    FOR EACH ROW EXECUTE FUNCTION clarification_search_on_publish();

CREATE OR REPLACE FUNCTION clarification_search_on_publish() RETURNS trigger AS $$
BEGIN
    IF NEW.state = 'published' AND (TG_OP = 'INSERT' OR OLD.state <> 'published') THEN
        INSERT INTO clarification_search (request_id, document)
        VALUES (NEW.id, clarification_search_document(NEW.id))
        ON CONFLICT (request_id) DO UPDATE SET document = EXCLUDED.document;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION clarification_search_document(request_id TEXT) RETURNS tsvector AS $$
    SELECT setweight(to_tsvector('english', clarification_search_words(r.clause)), 'A')
        || setweight(to_tsvector('english', clarification_search_words(s.designation || ' ' || s.edition)), 'A')
        || setweight(to_tsvector('english', clarification_search_words(r.question)), 'B')
        || setweight(to_tsvector('english', clarification_search_words(r.answer)), 'C')
        || setweight(to_tsvector('english', clarification_search_words(s.title)), 'D')
    FROM requests r JOIN standards s ON s.id = r.standard_id
    WHERE r.id = request_id
$$ LANGUAGE sql STABLE;

DROP FUNCTION clarification_search_facets(TEXT, TEXT, TIMESTAMP, TEXT);
DROP FUNCTION clarification_search_hex(TEXT);

UPDATE clarification_search SET document = clarification_search_document(request_id);
DROP INDEX clarification_search_published;
ALTER TABLE clarification_search DROP COLUMN published_at;
