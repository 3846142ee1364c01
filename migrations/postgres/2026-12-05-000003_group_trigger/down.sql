DROP TRIGGER register_version_groups_renamed ON groups;
DROP TRIGGER register_version_groups ON groups;
CREATE TRIGGER register_version_groups AFTER INSERT OR UPDATE OR DELETE ON groups
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump();
