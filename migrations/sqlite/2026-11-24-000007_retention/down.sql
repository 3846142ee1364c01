DROP TRIGGER register_version_request_update;
CREATE TRIGGER register_version_request_update AFTER UPDATE ON requests
WHEN NEW.state = 'published' OR OLD.state = 'published'
BEGIN
    UPDATE register_version SET version = version + 1;
END;
DROP INDEX requests_unerased_published;
DROP INDEX requests_unerased_closed;
