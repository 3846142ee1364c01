DROP TRIGGER register_version_appeals ON appeals;
DROP TABLE appeal_steps;
DROP TABLE appeals;
