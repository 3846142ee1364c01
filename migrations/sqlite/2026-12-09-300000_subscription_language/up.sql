-- The language a follower subscribed in, which their mails follow; none: the
-- default.
ALTER TABLE subscriptions ADD COLUMN language TEXT;
