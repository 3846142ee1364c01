-- A published answer rendered once, when it is published, rather than at
-- every page, feed entry and API item that shows it (issue 25: rendering
-- and sanitising Markdown was most of what a cold API page cost). Null for
-- answers published before this column: those are rendered when read.
ALTER TABLE requests ADD COLUMN answer_html TEXT;
