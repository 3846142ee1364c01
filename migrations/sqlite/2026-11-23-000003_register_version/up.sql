-- One number that changes whenever anything the public register shows
-- changes: a clarification published, marked or erased, a standard or a
-- group edited. Instances compare it to decide whether the pages they keep
-- in memory are still right, with one primary-key read.
CREATE TABLE register_version (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO register_version (id, version) VALUES (1, 0);

CREATE TRIGGER register_version_request_insert AFTER INSERT ON requests
WHEN NEW.state = 'published'
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_request_update AFTER UPDATE ON requests
WHEN NEW.state = 'published' OR OLD.state = 'published'
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_request_delete AFTER DELETE ON requests
WHEN OLD.state = 'published'
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_standard_insert AFTER INSERT ON standards
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_standard_update AFTER UPDATE ON standards
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_group_insert AFTER INSERT ON groups
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_group_update AFTER UPDATE ON groups
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_standard_delete AFTER DELETE ON standards
BEGIN
    UPDATE register_version SET version = version + 1;
END;

CREATE TRIGGER register_version_group_delete AFTER DELETE ON groups
BEGIN
    UPDATE register_version SET version = version + 1;
END;
