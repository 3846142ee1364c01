DROP TRIGGER register_version_group_update;
CREATE TRIGGER register_version_group_update AFTER UPDATE ON groups
BEGIN
    UPDATE register_version SET version = version + 1;
END;
