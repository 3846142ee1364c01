-- The language an account reads pages and mail in (a tag of CLARION_LANGUAGES);
-- none: the browser's.
ALTER TABLE users ADD COLUMN language TEXT;
