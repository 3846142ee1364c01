-- Sponsor accounts (issue 22): an account tied to one member body or
-- liaison submits requests already endorsed by it, follows its requests
-- and endorses those addressed to it. Other accounts have none.
ALTER TABLE users ADD COLUMN sponsor_organisation_id TEXT REFERENCES organisations (id);
CREATE INDEX users_sponsor_organisation ON users (sponsor_organisation_id) WHERE sponsor_organisation_id IS NOT NULL;
