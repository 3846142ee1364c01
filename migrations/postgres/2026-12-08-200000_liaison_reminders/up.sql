-- A liaison that has not answered is reminded once, late in the period.
ALTER TABLE consultation_answers ADD COLUMN reminded_at TIMESTAMP;
