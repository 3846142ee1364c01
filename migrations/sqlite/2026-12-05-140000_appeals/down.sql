DROP TRIGGER register_version_appeal_update;
DROP TRIGGER register_version_appeal_insert;
DROP TABLE appeal_steps;
DROP TABLE appeals;
