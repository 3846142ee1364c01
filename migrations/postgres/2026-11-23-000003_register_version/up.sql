-- One number that changes whenever anything the public register shows
-- changes: a clarification published, marked or erased, a standard or a
-- group edited. Instances compare it to decide whether the pages they keep
-- in memory are still right, with one primary-key read.
CREATE TABLE register_version (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO register_version (id, version) VALUES (1, 0);

CREATE FUNCTION register_version_bump() RETURNS trigger AS $$
BEGIN
    UPDATE register_version SET version = version + 1;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- Statement-level with transition tables: a bulk insert of published rows
-- (import, synthetic data) bumps the version once, not once per row.
CREATE FUNCTION register_version_requests_inserted() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM inserted WHERE state = 'published') THEN
        UPDATE register_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION register_version_requests_updated() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM after_update WHERE state = 'published')
        OR EXISTS (SELECT 1 FROM before_update WHERE state = 'published') THEN
        UPDATE register_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION register_version_requests_deleted() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM deleted WHERE state = 'published') THEN
        UPDATE register_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER register_version_requests_inserted AFTER INSERT ON requests
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_requests_inserted();
CREATE TRIGGER register_version_requests_updated AFTER UPDATE ON requests
    REFERENCING OLD TABLE AS before_update NEW TABLE AS after_update
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_requests_updated();
CREATE TRIGGER register_version_requests_deleted AFTER DELETE ON requests
    REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_requests_deleted();
CREATE TRIGGER register_version_standards AFTER INSERT OR UPDATE OR DELETE ON standards
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump();
CREATE TRIGGER register_version_groups AFTER INSERT OR UPDATE OR DELETE ON groups
    FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump();
