-- One number that changes whenever anything a workspace or admin page can
-- show changes: every table but the sessions (checked on each view by
-- themselves), the throttle's events and the other change logs. An instance
-- keeps each person's pages in memory while that number stays the same
-- (`src/web/private_pages.rs`) and reads it, a primary-key read, before
-- serving one: a change committed by any instance shows on the next view.
CREATE TABLE workspace_version (
    id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO workspace_version (id, version) VALUES (1, 0);

-- Raised once per transaction, at its commit: a deferred trigger takes the
-- row's lock last, once the transaction holds every other lock it needs,
-- so two transactions never wait on each other through it, and the row is
-- locked for the commit only, not for the whole transaction.
CREATE FUNCTION workspace_version_bump() RETURNS trigger AS $$
BEGIN
    IF current_setting('clarion.workspace_version_raised', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('clarion.workspace_version_raised', 'yes', true);
        UPDATE workspace_version SET version = version + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER workspace_version_groups AFTER INSERT OR UPDATE OR DELETE ON groups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_standards AFTER INSERT OR UPDATE OR DELETE ON standards
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_external_committees AFTER INSERT OR UPDATE OR DELETE ON external_committees
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_external_designations AFTER INSERT OR UPDATE OR DELETE ON external_designations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_users AFTER INSERT OR UPDATE OR DELETE ON users
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_memberships AFTER INSERT OR UPDATE OR DELETE ON memberships
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_requests AFTER INSERT OR UPDATE OR DELETE ON requests
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_request_contacts AFTER INSERT OR UPDATE OR DELETE ON request_contacts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_events AFTER INSERT OR UPDATE OR DELETE ON events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_wording_edits AFTER INSERT OR UPDATE OR DELETE ON wording_edits
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_rounds AFTER INSERT OR UPDATE OR DELETE ON rounds
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_organisations AFTER INSERT OR UPDATE OR DELETE ON organisations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_round_voters AFTER INSERT OR UPDATE OR DELETE ON round_voters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_meetings AFTER INSERT OR UPDATE OR DELETE ON meetings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_objections AFTER INSERT OR UPDATE OR DELETE ON objections
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_votes AFTER INSERT OR UPDATE OR DELETE ON votes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_opposition_responses AFTER INSERT OR UPDATE OR DELETE ON opposition_responses
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_comments AFTER INSERT OR UPDATE OR DELETE ON comments
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_subscriptions AFTER INSERT OR UPDATE OR DELETE ON subscriptions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_outbox AFTER INSERT OR UPDATE OR DELETE ON outbox
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_tokens AFTER INSERT OR UPDATE OR DELETE ON tokens
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_stats_snapshot AFTER INSERT OR UPDATE OR DELETE ON stats_snapshot
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_settings AFTER INSERT OR UPDATE OR DELETE ON settings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_publication_links AFTER INSERT OR UPDATE OR DELETE ON publication_links
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_follow_ups AFTER INSERT OR UPDATE OR DELETE ON follow_ups
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_endorsements AFTER INSERT OR UPDATE OR DELETE ON endorsements
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_clarification_versions AFTER INSERT OR UPDATE OR DELETE ON clarification_versions
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_corrected_clarifications AFTER INSERT OR UPDATE OR DELETE ON corrected_clarifications
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_appeals AFTER INSERT OR UPDATE OR DELETE ON appeals
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_appeal_steps AFTER INSERT OR UPDATE OR DELETE ON appeal_steps
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_clarification_numbers AFTER INSERT OR UPDATE OR DELETE ON clarification_numbers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_webhook_endpoints AFTER INSERT OR UPDATE OR DELETE ON webhook_endpoints
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_webhook_events AFTER INSERT OR UPDATE OR DELETE ON webhook_events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_webhook_deliveries AFTER INSERT OR UPDATE OR DELETE ON webhook_deliveries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_liaison_contacts AFTER INSERT OR UPDATE OR DELETE ON liaison_contacts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_consultations AFTER INSERT OR UPDATE OR DELETE ON consultations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_consultation_answers AFTER INSERT OR UPDATE OR DELETE ON consultation_answers
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_reference_counters AFTER INSERT OR UPDATE OR DELETE ON reference_counters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_clarification_counters AFTER INSERT OR UPDATE OR DELETE ON clarification_counters
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
CREATE CONSTRAINT TRIGGER workspace_version_clarification_translations AFTER INSERT OR UPDATE OR DELETE ON clarification_translations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION workspace_version_bump();
