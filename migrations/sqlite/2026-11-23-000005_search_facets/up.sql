-- Filters become words of the full-text index, so that a search with a
-- standard, a clause, a year or a status is answered by the index alone:
-- joining every match to its clarification to test a filter cost up to
-- seconds for a common word in a large register. The last column, facets,
-- holds one token per filter value a clarification satisfies:
--   zs<slug>0       its standard
--   zy<year>        the year it was published
--   zf<status>0     current, superseded, incorporated or withdrawn
--   zc<clause>0     its clause, and every clause above it: the clause cut
--                   before each separator ('.', ' ', '(', ')'), lower case
-- Values are written in hexadecimal, so the tokenizer keeps each one whole,
-- and end in a digit, which the stemmer never removes. The search looks
-- for people's words in the other columns only.
DROP TRIGGER clarification_search_on_delete;
DROP TRIGGER clarification_search_on_publish;
DROP TRIGGER clarification_search_on_insert;
DROP TABLE clarification_search;

CREATE VIRTUAL TABLE clarification_search USING fts5(
    request_id UNINDEXED,
    clause,
    question,
    answer,
    standard,
    title,
    facets,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- What the index holds of each published clarification.
CREATE VIEW clarification_search_source AS
SELECT r.id AS request_id,
       r.clause AS clause,
       r.question AS question,
       coalesce(r.answer, '') AS answer,
       s.designation || ' ' || s.edition AS standard,
       s.title AS title,
       'zs' || hex(s.slug) || '0'
           || ' zy' || substr(r.published_at, 1, 4)
           || ' zf' || hex(coalesce(r.publication_flag, 'current')) || '0'
           || ' zc' || hex(lower(r.clause)) || '0'
           || coalesce((
               WITH RECURSIVE position(i) AS (
                   SELECT 1 UNION ALL SELECT i + 1 FROM position WHERE i < length(r.clause)
               )
               SELECT group_concat(' zc' || hex(lower(substr(r.clause, 1, i - 1))) || '0', '')
               FROM position WHERE substr(r.clause, i, 1) IN ('.', ' ', '(', ')')
           ), '') AS facets,
       r.published_at AS published_at
FROM requests r JOIN standards s ON s.id = r.standard_id
WHERE r.state = 'published';

CREATE TRIGGER clarification_search_on_insert AFTER INSERT ON requests
WHEN NEW.state = 'published'
BEGIN
    INSERT INTO clarification_search (request_id, clause, question, answer, standard, title, facets)
    SELECT request_id, clause, question, answer, standard, title, facets
    FROM clarification_search_source WHERE request_id = NEW.id;
END;

-- A published clarification's text is never edited; it enters the index
-- the moment it is published, and only its status changes afterwards.
CREATE TRIGGER clarification_search_on_publish AFTER UPDATE OF state ON requests
WHEN NEW.state = 'published' AND OLD.state <> 'published'
BEGIN
    INSERT INTO clarification_search (request_id, clause, question, answer, standard, title, facets)
    SELECT request_id, clause, question, answer, standard, title, facets
    FROM clarification_search_source WHERE request_id = NEW.id;
END;

CREATE TRIGGER clarification_search_on_flag AFTER UPDATE OF publication_flag ON requests
WHEN OLD.state = 'published' AND NEW.state = 'published'
    AND NEW.publication_flag IS NOT OLD.publication_flag
BEGIN
    UPDATE clarification_search
    SET facets = (SELECT facets FROM clarification_search_source WHERE request_id = NEW.id)
    WHERE request_id = NEW.id;
END;

CREATE TRIGGER clarification_search_on_delete AFTER DELETE ON requests
WHEN OLD.state = 'published'
BEGIN
    DELETE FROM clarification_search WHERE request_id = OLD.id;
END;

-- In order of publication: the search takes the highest row ids for the
-- newest clarifications.
INSERT INTO clarification_search (request_id, clause, question, answer, standard, title, facets)
SELECT request_id, clause, question, answer, standard, title, facets
FROM clarification_search_source ORDER BY published_at, request_id;
