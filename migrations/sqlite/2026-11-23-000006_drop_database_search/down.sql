-- The full-text index as migration 000005 left it, filled again.
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
