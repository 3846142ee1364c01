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

CREATE TRIGGER workspace_version_groups_insert AFTER INSERT ON groups
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_groups_update AFTER UPDATE ON groups
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_groups_delete AFTER DELETE ON groups
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_standards_insert AFTER INSERT ON standards
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_standards_update AFTER UPDATE ON standards
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_standards_delete AFTER DELETE ON standards
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_external_committees_insert AFTER INSERT ON external_committees
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_external_committees_update AFTER UPDATE ON external_committees
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_external_committees_delete AFTER DELETE ON external_committees
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_external_designations_insert AFTER INSERT ON external_designations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_external_designations_update AFTER UPDATE ON external_designations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_external_designations_delete AFTER DELETE ON external_designations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_users_insert AFTER INSERT ON users
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_users_update AFTER UPDATE ON users
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_users_delete AFTER DELETE ON users
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_memberships_insert AFTER INSERT ON memberships
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_memberships_update AFTER UPDATE ON memberships
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_memberships_delete AFTER DELETE ON memberships
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_requests_insert AFTER INSERT ON requests
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_requests_update AFTER UPDATE ON requests
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_requests_delete AFTER DELETE ON requests
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_request_contacts_insert AFTER INSERT ON request_contacts
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_request_contacts_update AFTER UPDATE ON request_contacts
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_request_contacts_delete AFTER DELETE ON request_contacts
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_events_insert AFTER INSERT ON events
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_events_update AFTER UPDATE ON events
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_events_delete AFTER DELETE ON events
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_wording_edits_insert AFTER INSERT ON wording_edits
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_wording_edits_update AFTER UPDATE ON wording_edits
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_wording_edits_delete AFTER DELETE ON wording_edits
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_rounds_insert AFTER INSERT ON rounds
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_rounds_update AFTER UPDATE ON rounds
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_rounds_delete AFTER DELETE ON rounds
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_organisations_insert AFTER INSERT ON organisations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_organisations_update AFTER UPDATE ON organisations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_organisations_delete AFTER DELETE ON organisations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_round_voters_insert AFTER INSERT ON round_voters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_round_voters_update AFTER UPDATE ON round_voters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_round_voters_delete AFTER DELETE ON round_voters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_meetings_insert AFTER INSERT ON meetings
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_meetings_update AFTER UPDATE ON meetings
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_meetings_delete AFTER DELETE ON meetings
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_objections_insert AFTER INSERT ON objections
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_objections_update AFTER UPDATE ON objections
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_objections_delete AFTER DELETE ON objections
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_votes_insert AFTER INSERT ON votes
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_votes_update AFTER UPDATE ON votes
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_votes_delete AFTER DELETE ON votes
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_opposition_responses_insert AFTER INSERT ON opposition_responses
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_opposition_responses_update AFTER UPDATE ON opposition_responses
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_opposition_responses_delete AFTER DELETE ON opposition_responses
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_comments_insert AFTER INSERT ON comments
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_comments_update AFTER UPDATE ON comments
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_comments_delete AFTER DELETE ON comments
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_subscriptions_insert AFTER INSERT ON subscriptions
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_subscriptions_update AFTER UPDATE ON subscriptions
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_subscriptions_delete AFTER DELETE ON subscriptions
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_outbox_insert AFTER INSERT ON outbox
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_outbox_update AFTER UPDATE ON outbox
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_outbox_delete AFTER DELETE ON outbox
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_tokens_insert AFTER INSERT ON tokens
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_tokens_update AFTER UPDATE ON tokens
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_tokens_delete AFTER DELETE ON tokens
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_stats_snapshot_insert AFTER INSERT ON stats_snapshot
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_stats_snapshot_update AFTER UPDATE ON stats_snapshot
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_stats_snapshot_delete AFTER DELETE ON stats_snapshot
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_settings_insert AFTER INSERT ON settings
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_settings_update AFTER UPDATE ON settings
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_settings_delete AFTER DELETE ON settings
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_publication_links_insert AFTER INSERT ON publication_links
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_publication_links_update AFTER UPDATE ON publication_links
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_publication_links_delete AFTER DELETE ON publication_links
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_follow_ups_insert AFTER INSERT ON follow_ups
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_follow_ups_update AFTER UPDATE ON follow_ups
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_follow_ups_delete AFTER DELETE ON follow_ups
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_endorsements_insert AFTER INSERT ON endorsements
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_endorsements_update AFTER UPDATE ON endorsements
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_endorsements_delete AFTER DELETE ON endorsements
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_versions_insert AFTER INSERT ON clarification_versions
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_versions_update AFTER UPDATE ON clarification_versions
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_versions_delete AFTER DELETE ON clarification_versions
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_corrected_clarifications_insert AFTER INSERT ON corrected_clarifications
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_corrected_clarifications_update AFTER UPDATE ON corrected_clarifications
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_corrected_clarifications_delete AFTER DELETE ON corrected_clarifications
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_appeals_insert AFTER INSERT ON appeals
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_appeals_update AFTER UPDATE ON appeals
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_appeals_delete AFTER DELETE ON appeals
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_appeal_steps_insert AFTER INSERT ON appeal_steps
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_appeal_steps_update AFTER UPDATE ON appeal_steps
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_appeal_steps_delete AFTER DELETE ON appeal_steps
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_numbers_insert AFTER INSERT ON clarification_numbers
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_numbers_update AFTER UPDATE ON clarification_numbers
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_numbers_delete AFTER DELETE ON clarification_numbers
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_endpoints_insert AFTER INSERT ON webhook_endpoints
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_endpoints_update AFTER UPDATE ON webhook_endpoints
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_endpoints_delete AFTER DELETE ON webhook_endpoints
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_events_insert AFTER INSERT ON webhook_events
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_events_update AFTER UPDATE ON webhook_events
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_events_delete AFTER DELETE ON webhook_events
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_deliveries_insert AFTER INSERT ON webhook_deliveries
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_deliveries_update AFTER UPDATE ON webhook_deliveries
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_webhook_deliveries_delete AFTER DELETE ON webhook_deliveries
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_liaison_contacts_insert AFTER INSERT ON liaison_contacts
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_liaison_contacts_update AFTER UPDATE ON liaison_contacts
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_liaison_contacts_delete AFTER DELETE ON liaison_contacts
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_consultations_insert AFTER INSERT ON consultations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_consultations_update AFTER UPDATE ON consultations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_consultations_delete AFTER DELETE ON consultations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_consultation_answers_insert AFTER INSERT ON consultation_answers
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_consultation_answers_update AFTER UPDATE ON consultation_answers
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_consultation_answers_delete AFTER DELETE ON consultation_answers
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_reference_counters_insert AFTER INSERT ON reference_counters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_reference_counters_update AFTER UPDATE ON reference_counters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_reference_counters_delete AFTER DELETE ON reference_counters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_counters_insert AFTER INSERT ON clarification_counters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_counters_update AFTER UPDATE ON clarification_counters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_counters_delete AFTER DELETE ON clarification_counters
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_translations_insert AFTER INSERT ON clarification_translations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_translations_update AFTER UPDATE ON clarification_translations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
CREATE TRIGGER workspace_version_clarification_translations_delete AFTER DELETE ON clarification_translations
BEGIN
    UPDATE workspace_version SET version = version + 1;
END;
