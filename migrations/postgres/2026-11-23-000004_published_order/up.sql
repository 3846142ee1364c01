-- The register lists published clarifications newest first and finds the
-- years they span: one index serves both without reading the table.
CREATE INDEX requests_published_order ON requests (state, published_at);
