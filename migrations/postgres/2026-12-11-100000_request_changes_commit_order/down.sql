CREATE OR REPLACE FUNCTION workspace_version_bump() RETURNS trigger AS $$
BEGIN
    IF current_setting('clarion.workspace_version_raised', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('clarion.workspace_version_raised', 'yes', true);
        UPDATE workspace_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP INDEX request_changes_uncommitted;
DROP INDEX request_changes_by_commit;
ALTER TABLE request_changes DROP COLUMN commit_seq;
