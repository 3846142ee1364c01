ALTER TABLE groups DROP COLUMN name_fr;
ALTER TABLE standards DROP COLUMN title_fr;
