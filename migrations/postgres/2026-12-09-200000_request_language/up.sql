-- The language the request was made in (a tag such as fr), which the
-- submitter's mail follows; none: the default language.
ALTER TABLE requests ADD COLUMN language TEXT;
