DROP TABLE wording_edits;
DROP FUNCTION wording_edits_are_append_only();
