-- The register lists published clarifications newest first and finds the
-- years they span; a standard's list narrows by standard first. These
-- indexes serve both without reading the table.
CREATE INDEX requests_published_order ON requests (state, published_at);
CREATE INDEX requests_standard_published ON requests (standard_id, state, published_at, clause);

-- A clause filter (a clarification's related answers, a standard narrowed
-- to a clause) asks for the clause itself and the ranges of clauses under
-- it, compared without case: this index answers each range directly
-- instead of testing every clarification of the standard.
-- Byte order ("C"), since a language's collation would sort punctuation
-- away and with it the ranges.
CREATE INDEX requests_standard_clause ON requests (standard_id, state, (lower(clause) COLLATE "C"));

-- Each of these is the start of one of the wider indexes above, which
-- serve every query they served; kept, they would only cost every new
-- request two more index pages to write.
DROP INDEX requests_state;
DROP INDEX requests_standard;
