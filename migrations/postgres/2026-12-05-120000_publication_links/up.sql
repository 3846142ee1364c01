-- Where a clarification that no longer stands went (issue 21): one marked
-- superseded names the clarification that replaces it or the new edition
-- of its standard; one incorporated names the edition and the clause that
-- now says it. A withdrawn clarification has no row. Rows name
-- clarifications by their references, which never change once given, so
-- that one query finds a page's links both ways.
CREATE TABLE publication_links (
    reference TEXT PRIMARY KEY NOT NULL REFERENCES requests (reference),
    successor TEXT REFERENCES requests (reference),
    standard_id TEXT REFERENCES standards (id),
    clause TEXT,
    CHECK (
        (successor IS NOT NULL AND standard_id IS NULL AND clause IS NULL)
        OR (successor IS NULL AND standard_id IS NOT NULL)
    )
);

-- A clarification's page lists those it supersedes.
CREATE INDEX publication_links_successor ON publication_links (successor);
