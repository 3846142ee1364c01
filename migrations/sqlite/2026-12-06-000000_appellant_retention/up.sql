-- An appellant's contact is personal data like a submitter's: erased once
-- the appeal has been decided for the retention period. An organisation's
-- name stays (it is not a person's); the address and a person's name go.
ALTER TABLE appeals ADD COLUMN appellant_erased_at TIMESTAMP;
