ALTER TABLE organisations DROP COLUMN language;
