DROP TABLE clarification_versions;
DROP TABLE corrected_clarifications;
