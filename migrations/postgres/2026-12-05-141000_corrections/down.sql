DROP FUNCTION clarification_versions_are_append_only() CASCADE;
DROP TABLE clarification_versions;
DROP TABLE corrected_clarifications;
