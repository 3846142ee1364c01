DROP INDEX rounds_objections_until;
DROP TABLE objections;
DROP TABLE meetings;
DROP TABLE round_voters;
ALTER TABLE rounds DROP CONSTRAINT rounds_outcome_check;
ALTER TABLE rounds ADD CONSTRAINT rounds_outcome_check
    CHECK (outcome IN ('consensus', 'no_consensus_yet', 'request_closed'));
ALTER TABLE rounds
    DROP COLUMN objections_until,
    DROP COLUMN change_reason,
    DROP COLUMN change_class,
    DROP COLUMN follows_round_id,
    DROP COLUMN kind;
ALTER TABLE requests DROP CONSTRAINT requests_closure_reason_check;
ALTER TABLE requests ADD CONSTRAINT requests_closure_reason_check CHECK (closure_reason IN (
    'not_admissible', 'referred', 'duplicate', 'no_consensus', 'withdrawn', 'expired'));
ALTER TABLE requests DROP CONSTRAINT requests_state_check;
ALTER TABLE requests ADD CONSTRAINT requests_state_check CHECK (state IN (
    'pending_confirmation', 'screening', 'awaiting_submitter', 'in_group', 'balloting',
    'decided', 'published', 'closed'));
ALTER TABLE groups
    DROP COLUMN meeting_objection_days,
    DROP COLUMN objection_days,
    DROP COLUMN liaisons_vote,
    DROP COLUMN quorum_minimum,
    DROP COLUMN quorum_percent;
ALTER TABLE memberships
    DROP COLUMN interests,
    DROP COLUMN ends_at,
    DROP COLUMN starts_at,
    DROP COLUMN nominated_by_id,
    DROP COLUMN capacity;
DROP TABLE organisations;
