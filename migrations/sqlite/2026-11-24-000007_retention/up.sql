-- The retention job looks every few seconds for ended requests whose
-- submitter's identity is due for erasure. Indexes of only the requests not
-- erased yet, by the time they ended, answer "none" at once instead of
-- reading every published request.
CREATE INDEX requests_unerased_published ON requests (state, published_at)
    WHERE personal_data_erased_at IS NULL;
CREATE INDEX requests_unerased_closed ON requests (state, closed_at)
    WHERE personal_data_erased_at IS NULL;

-- Erasing a submitter's identity changes nothing the register shows, so it
-- must not raise the version: the job erases thousands of published
-- requests at once in a register past its first retention period, and
-- every instance would throw away the pages it keeps and rebuild its
-- search index after each batch.
DROP TRIGGER register_version_request_update;
CREATE TRIGGER register_version_request_update AFTER UPDATE ON requests
WHEN (NEW.state = 'published' OR OLD.state = 'published')
    AND NEW.personal_data_erased_at IS OLD.personal_data_erased_at
BEGIN
    UPDATE register_version SET version = version + 1;
END;
