-- A correction's follow-up, once published as the clarification's next
-- version, closes as `corrected` (issue 21).
ALTER TABLE requests DROP CONSTRAINT requests_closure_reason_check;
ALTER TABLE requests ADD CONSTRAINT requests_closure_reason_check CHECK (closure_reason IN (
    'not_admissible', 'referred', 'duplicate', 'no_consensus', 'withdrawn', 'expired',
    'answered_locally', 'endorsement_declined', 'endorsement_expired', 'corrected'));
