-- The register shows a group's code and name, not its closing rules or its
-- members: only an update of those two raises the register's version, so
-- that setting a group's closing rules leaves the pages kept in memory and
-- the search index alone.
DROP TRIGGER register_version_groups ON groups;
CREATE TRIGGER register_version_groups AFTER INSERT OR DELETE ON groups
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump();
CREATE TRIGGER register_version_groups_renamed AFTER UPDATE OF code, name ON groups
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump();
