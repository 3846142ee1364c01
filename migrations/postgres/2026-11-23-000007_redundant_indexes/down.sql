CREATE INDEX requests_state ON requests (state);
CREATE INDEX requests_standard ON requests (standard_id, state);
