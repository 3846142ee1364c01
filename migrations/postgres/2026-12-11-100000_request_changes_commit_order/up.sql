-- A change takes its `seq` when its statement runs, but transactions commit
-- in their own order: one numbered 10 may commit after one numbered 11, and
-- an instance that had applied the changes up to 11 would never read 10.
-- So each change also gets the order of its transaction's commit: the
-- workspace version that transaction raised. That number is taken at
-- commit under the version row's lock, so a change visible with the number
-- n means every change numbered below n was committed before it.
ALTER TABLE request_changes ADD COLUMN commit_seq BIGINT;
UPDATE request_changes SET commit_seq = 0;
CREATE INDEX request_changes_by_commit ON request_changes (commit_seq, seq);
CREATE INDEX request_changes_uncommitted ON request_changes (seq) WHERE commit_seq IS NULL;

CREATE OR REPLACE FUNCTION workspace_version_bump() RETURNS trigger AS $$
DECLARE
    raised BIGINT;
BEGIN
    IF current_setting('clarion.workspace_version_raised', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('clarion.workspace_version_raised', 'yes', true);
        UPDATE workspace_version SET version = version + 1 RETURNING version INTO raised;
        -- Only this transaction's changes are unnumbered and visible here.
        UPDATE request_changes SET commit_seq = raised WHERE commit_seq IS NULL;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
