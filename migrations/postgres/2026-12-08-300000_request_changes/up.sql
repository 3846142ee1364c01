-- Which requests changed, in order: the workspace's list keeps every
-- request it may show in memory (with its words), and each instance reads
-- the rows past the last one it applied to bring its copy forward, rather
-- than reading every request again. A request's own row, its comments and
-- its acceptance (which decides what a group's members may read) count.
CREATE TABLE request_changes (
    seq BIGSERIAL PRIMARY KEY,
    request_id TEXT NOT NULL
);

-- Statement-level with transition tables, as for register_version: a bulk
-- insert writes its rows in one statement.
CREATE FUNCTION request_changes_requests() RETURNS trigger AS $$
BEGIN
    INSERT INTO request_changes (request_id) SELECT id FROM changed;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION request_changes_comments() RETURNS trigger AS $$
BEGIN
    INSERT INTO request_changes (request_id) SELECT request_id FROM changed;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION request_changes_accepted() RETURNS trigger AS $$
BEGIN
    INSERT INTO request_changes (request_id)
        SELECT request_id FROM changed WHERE action = 'accept';
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER request_changes_requests_inserted AFTER INSERT ON requests
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_requests();
CREATE TRIGGER request_changes_requests_updated AFTER UPDATE ON requests
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_requests();
CREATE TRIGGER request_changes_requests_deleted AFTER DELETE ON requests
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_requests();
CREATE TRIGGER request_changes_comments_inserted AFTER INSERT ON comments
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_comments();
CREATE TRIGGER request_changes_comments_updated AFTER UPDATE ON comments
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_comments();
CREATE TRIGGER request_changes_comments_deleted AFTER DELETE ON comments
    REFERENCING OLD TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_comments();
CREATE TRIGGER request_changes_events_inserted AFTER INSERT ON events
    REFERENCING NEW TABLE AS changed
    FOR EACH STATEMENT EXECUTE FUNCTION request_changes_accepted();
