-- The language the submitter used on the form (a tag of CLARION_LANGUAGES),
-- which their mails follow; none: the default.
ALTER TABLE requests ADD COLUMN language TEXT;
