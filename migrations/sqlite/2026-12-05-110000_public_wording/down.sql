DROP TABLE wording_edits;
