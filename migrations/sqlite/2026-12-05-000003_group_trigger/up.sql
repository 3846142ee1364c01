-- The register shows a group's code and name, not its closing rules or its
-- members: only a change of those two raises the register's version, so
-- that setting a group's closing rules leaves the pages kept in memory and
-- the search index alone.
DROP TRIGGER register_version_group_update;
CREATE TRIGGER register_version_group_update AFTER UPDATE OF code, name ON groups
WHEN OLD.code IS NOT NEW.code OR OLD.name IS NOT NEW.name
BEGIN
    UPDATE register_version SET version = version + 1;
END;
