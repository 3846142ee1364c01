-- The official French title of a standard and the French name of a group,
-- shown on French pages; none: the English.
ALTER TABLE standards ADD COLUMN title_fr TEXT;
ALTER TABLE groups ADD COLUMN name_fr TEXT;
