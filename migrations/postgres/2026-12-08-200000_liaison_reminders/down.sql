ALTER TABLE consultation_answers DROP COLUMN reminded_at;
