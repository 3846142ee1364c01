-- Erased data must not live on in the outbox. A message delivered or given
-- up keeps its headers, outcome and a hash of its address (the one in its
-- Message-ID), for the mail page; its text and address are cleared. A
-- queued message knows its request, so that erasing the request erases it.
-- Messages queued before this migration name no request: they are
-- delivered or given up within a day.
ALTER TABLE outbox ADD COLUMN request_id TEXT REFERENCES requests (id) ON DELETE CASCADE;
ALTER TABLE outbox ADD COLUMN recipient_hash TEXT NOT NULL DEFAULT '';
UPDATE outbox SET recipient_hash = substr(message_id, strpos(message_id, '@') - 16, 16);
UPDATE outbox SET recipient = '', body_text = '', body_html = '' WHERE status <> 'pending';
CREATE INDEX outbox_request ON outbox (request_id) WHERE request_id IS NOT NULL;
