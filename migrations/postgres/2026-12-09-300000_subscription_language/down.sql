ALTER TABLE subscriptions DROP COLUMN language;
