-- Full-text index of the published clarifications (FTS5, English stemming
-- by the porter tokenizer). Triggers keep it in step with `requests`, so
-- every way a clarification becomes published (the workflow, the demo,
-- import, synthetic data) is indexed without the code having to remember.
-- Columns: 0 request_id, 1 clause, 2 question, 3 answer, 4 standard
-- (designation and edition), 5 title (of the standard).
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

-- A published clarification is never edited, so only the moment it becomes
-- published matters; other transitions leave the index alone.
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

-- Clarifications published before this migration.
INSERT INTO clarification_search (request_id, clause, question, answer, standard, title)
SELECT r.id, r.clause, r.question, coalesce(r.answer, ''), s.designation || ' ' || s.edition, s.title
FROM requests r JOIN standards s ON s.id = r.standard_id
WHERE r.state = 'published';
