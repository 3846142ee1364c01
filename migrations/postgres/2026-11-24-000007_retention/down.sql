CREATE OR REPLACE FUNCTION register_version_requests_updated() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM after_update WHERE state = 'published')
        OR EXISTS (SELECT 1 FROM before_update WHERE state = 'published') THEN
        UPDATE register_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
DROP INDEX requests_unerased_published;
DROP INDEX requests_unerased_closed;
