DROP INDEX users_sponsor_organisation;
ALTER TABLE users DROP COLUMN sponsor_organisation_id;
