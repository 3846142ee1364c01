-- The order in which changes were committed (see the PostgreSQL migration
-- of the same name). A SQLite file has one writer at a time, so changes
-- commit in the order they are numbered and that order is `seq` itself.
ALTER TABLE request_changes ADD COLUMN commit_seq BIGINT GENERATED ALWAYS AS (seq) VIRTUAL;
CREATE INDEX request_changes_by_commit ON request_changes (commit_seq, seq);
