-- A clause filter (a clarification's related answers, a standard narrowed
-- to a clause) asks for the clause itself and the ranges of clauses under
-- it, compared without case: this index answers each range directly
-- instead of testing every clarification of the standard. Byte order
-- ("C"), since a language's collation would sort punctuation away and
-- with it the ranges.
CREATE INDEX requests_standard_clause ON requests (standard_id, state, (lower(clause) COLLATE "C"));
