ALTER TABLE events DROP CONSTRAINT events_actor_kind_check;
ALTER TABLE events ADD CONSTRAINT events_actor_kind_check
    CHECK (actor_kind IN ('submitter', 'user', 'system'));
DROP TABLE endorsements;
