-- Which requests changed, in order: the workspace's list keeps every
-- request it may show in memory (with its words), and each instance reads
-- the rows past the last one it applied to bring its copy forward, rather
-- than reading every request again. A request's own row, its comments and
-- its acceptance (which decides what a group's members may read) count.
CREATE TABLE request_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    request_id TEXT NOT NULL
);

CREATE TRIGGER request_changes_request_insert AFTER INSERT ON requests
BEGIN
    INSERT INTO request_changes (request_id) VALUES (NEW.id);
END;

CREATE TRIGGER request_changes_request_update AFTER UPDATE ON requests
BEGIN
    INSERT INTO request_changes (request_id) VALUES (NEW.id);
END;

CREATE TRIGGER request_changes_request_delete AFTER DELETE ON requests
BEGIN
    INSERT INTO request_changes (request_id) VALUES (OLD.id);
END;

CREATE TRIGGER request_changes_comment_insert AFTER INSERT ON comments
BEGIN
    INSERT INTO request_changes (request_id) VALUES (NEW.request_id);
END;

CREATE TRIGGER request_changes_comment_update AFTER UPDATE ON comments
BEGIN
    INSERT INTO request_changes (request_id) VALUES (NEW.request_id);
END;

CREATE TRIGGER request_changes_comment_delete AFTER DELETE ON comments
BEGIN
    INSERT INTO request_changes (request_id) VALUES (OLD.request_id);
END;

CREATE TRIGGER request_changes_accept AFTER INSERT ON events
WHEN NEW.action = 'accept'
BEGIN
    INSERT INTO request_changes (request_id) VALUES (NEW.request_id);
END;
