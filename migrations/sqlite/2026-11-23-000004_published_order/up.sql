-- The register lists published clarifications newest first and finds the
-- years they span; a standard's or a clause's list (a clarification's
-- related answers) narrows by standard first. These indexes serve both
-- without reading the table.
CREATE INDEX requests_published_order ON requests (state, published_at);
CREATE INDEX requests_standard_published ON requests (standard_id, state, published_at, clause);
