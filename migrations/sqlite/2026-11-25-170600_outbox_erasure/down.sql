-- The texts and addresses cleared stay cleared.
DROP INDEX outbox_request;
ALTER TABLE outbox DROP COLUMN recipient_hash;
ALTER TABLE outbox DROP COLUMN request_id;
