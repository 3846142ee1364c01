DROP INDEX request_changes_by_commit;
ALTER TABLE request_changes DROP COLUMN commit_seq;
