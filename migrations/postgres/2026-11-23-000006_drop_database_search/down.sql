-- The full-text index as migrations 000002 and 000005 left it, filled again.
CREATE TABLE clarification_search (
    request_id TEXT PRIMARY KEY NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    document tsvector NOT NULL,
    published_at TIMESTAMP
);
CREATE INDEX clarification_search_document ON clarification_search USING GIN (document);
CREATE INDEX clarification_search_published ON clarification_search (published_at);

CREATE FUNCTION clarification_search_words(body TEXT) RETURNS TEXT AS $$
    SELECT regexp_replace(coalesce(body, ''), '[^[:alnum:]]+', ' ', 'g')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION clarification_search_hex(value TEXT) RETURNS TEXT AS $$
    SELECT encode(convert_to(value, 'UTF8'), 'hex')
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION clarification_search_facets(
    clause TEXT, slug TEXT, published_at TIMESTAMP, flag TEXT
) RETURNS TEXT[] AS $$
    SELECT ARRAY[
        'zs' || clarification_search_hex(slug) || '0',
        'zy' || extract(year FROM published_at)::INTEGER,
        'zf' || clarification_search_hex(coalesce(flag, 'current')) || '0',
        'zc' || clarification_search_hex(lower(clause)) || '0'
    ] || ARRAY(
        SELECT 'zc' || clarification_search_hex(lower(substr(clause, 1, i - 1))) || '0'
        FROM generate_series(1, length(clause)) AS i
        WHERE substr(clause, i, 1) IN ('.', ' ', '(', ')')
    )
$$ LANGUAGE sql IMMUTABLE;

CREATE FUNCTION clarification_search_document(request_id TEXT) RETURNS tsvector AS $$
    SELECT setweight(to_tsvector('english', clarification_search_words(r.clause)), 'A')
        || setweight(to_tsvector('english', clarification_search_words(s.designation || ' ' || s.edition)), 'A')
        || setweight(to_tsvector('english', clarification_search_words(r.question)), 'B')
        || setweight(to_tsvector('english', clarification_search_words(r.answer)), 'C')
        || setweight(to_tsvector('english', clarification_search_words(s.title)), 'D')
        || array_to_tsvector(clarification_search_facets(r.clause, s.slug, r.published_at, r.publication_flag))
    FROM requests r JOIN standards s ON s.id = r.standard_id
    WHERE r.id = request_id
$$ LANGUAGE sql STABLE;

CREATE FUNCTION clarification_search_on_publish() RETURNS trigger AS $$
BEGIN
    IF NEW.state = 'published' AND (
        TG_OP = 'INSERT' OR OLD.state <> 'published'
        OR NEW.publication_flag IS DISTINCT FROM OLD.publication_flag
    ) THEN
        INSERT INTO clarification_search (request_id, document, published_at)
        VALUES (NEW.id, clarification_search_document(NEW.id), NEW.published_at)
        ON CONFLICT (request_id) DO UPDATE
        SET document = EXCLUDED.document, published_at = EXCLUDED.published_at;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER clarification_search_on_publish AFTER INSERT OR UPDATE OF state, publication_flag ON requests
    FOR EACH ROW EXECUTE FUNCTION clarification_search_on_publish();

INSERT INTO clarification_search (request_id, document, published_at)
SELECT id, clarification_search_document(id), published_at FROM requests WHERE state = 'published';
