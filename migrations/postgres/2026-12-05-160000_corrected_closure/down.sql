-- Back to the closure reasons before `corrected`.
ALTER TABLE requests DROP CONSTRAINT requests_closure_reason_check;
ALTER TABLE requests ADD CONSTRAINT requests_closure_reason_check CHECK (closure_reason IN (
    'not_admissible', 'referred', 'duplicate', 'no_consensus', 'withdrawn', 'expired',
    'answered_locally', 'endorsement_declined', 'endorsement_expired'));
