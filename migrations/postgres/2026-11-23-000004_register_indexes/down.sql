CREATE INDEX requests_state ON requests (state);
CREATE INDEX requests_standard ON requests (standard_id, state);
DROP INDEX requests_standard_clause;
DROP INDEX requests_standard_published;
DROP INDEX requests_published_order;
