-- The language of the mail sent to an organisation's contact address (and
-- its liaisons' addresses); none: the default.
ALTER TABLE organisations ADD COLUMN language TEXT;
