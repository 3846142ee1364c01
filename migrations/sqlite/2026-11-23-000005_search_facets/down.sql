DROP TRIGGER clarification_search_on_delete;
DROP TRIGGER clarification_search_on_flag;
DROP TRIGGER clarification_search_on_publish;
DROP TRIGGER clarification_search_on_insert;
DROP VIEW clarification_search_source;
DROP TABLE clarification_search;

-- The index as migration 000002 made it, without the facets.
CREATE VIRTUAL TABLE clarification_search USING fts5(
    request_id UNINDEXED,
    clause,
    question,
    answer,
    standard,
    title,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER clarification_search_on_insert AFTER INSERT ON requests
WHEN NEW.state = 'published'
BEGIN
    INSERT INTO clarification_search (request_id, clause, question, answer, standard, title)
    SELECT NEW.id, NEW.clause, NEW.question, coalesce(NEW.answer, ''),
           s.designation || ' ' || s.edition, s.title
    FROM standards s WHERE s.id = NEW.standard_id;
END;

CREATE TRIGGER clarification_search_on_publish AFTER UPDATE OF state ON requests
WHEN NEW.state = 'published' AND OLD.state <> 'published'
BEGIN
    INSERT INTO clarification_search (request_id, clause, question, answer, standard, title)
    SELECT NEW.id, NEW.clause, NEW.question, coalesce(NEW.answer, ''),
           s.designation || ' ' || s.edition, s.title
    FROM standards s WHERE s.id = NEW.standard_id;
END;

CREATE TRIGGER clarification_search_on_delete AFTER DELETE ON requests
WHEN OLD.state = 'published'
BEGIN
    DELETE FROM clarification_search WHERE request_id = OLD.id;
END;

INSERT INTO clarification_search (request_id, clause, question, answer, standard, title)
SELECT r.id, r.clause, r.question, coalesce(r.answer, ''), s.designation || ' ' || s.edition, s.title
FROM requests r JOIN standards s ON s.id = r.standard_id
WHERE r.state = 'published';
