-- The requests on one clause of one standard, newest first: what the
-- screening of a request lists as possible duplicates. The index on the
-- lowered clause serves the register's prefix searches by state; this one
-- finds a clause's few requests among a standard's thousands directly.
CREATE INDEX requests_on_a_clause ON requests (standard_id, clause, created_at);
