ALTER TABLE requests DROP COLUMN answer_html;
