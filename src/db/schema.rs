// The tables of migrations/{sqlite,postgres}; both backends have the same
// tables, columns and keys, which `database::both_backends_have_the_same_schema`
// (tests/integration) checks against the databases.

diesel::table! {
    groups (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        created_at -> Timestamp,
        quorum_percent -> Integer,
        quorum_minimum -> Integer,
        liaisons_vote -> Bool,
        objection_days -> Integer,
        meeting_objection_days -> Integer,
        name_fr -> Nullable<Text>,
    }
}

diesel::table! {
    standards (id) {
        id -> Text,
        slug -> Text,
        designation -> Text,
        edition -> Integer,
        title -> Text,
        group_id -> Nullable<Text>,
        superseded_by_id -> Nullable<Text>,
        created_at -> Timestamp,
        title_fr -> Nullable<Text>,
    }
}

diesel::table! {
    external_committees (id) {
        id -> Text,
        code -> Text,
        name -> Text,
        contact -> Text,
        url -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    external_designations (designation) {
        designation -> Text,
        committee_id -> Text,
    }
}

diesel::table! {
    users (id) {
        id -> Text,
        email -> Text,
        name -> Text,
        password_hash -> Nullable<Text>,
        is_secretariat -> Bool,
        active -> Bool,
        created_at -> Timestamp,
        last_login_at -> Nullable<Timestamp>,
        sponsor_organisation_id -> Nullable<Text>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    memberships (group_id, user_id) {
        group_id -> Text,
        user_id -> Text,
        role -> Text,
        created_at -> Timestamp,
        capacity -> Text,
        nominated_by_id -> Nullable<Text>,
        starts_at -> Timestamp,
        ends_at -> Nullable<Timestamp>,
        interests -> Nullable<Text>,
    }
}

diesel::table! {
    sessions (token_hash) {
        token_hash -> Text,
        user_id -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
    }
}

diesel::table! {
    reference_counters (year) {
        year -> Integer,
        last_value -> Integer,
    }
}

diesel::table! {
    requests (id) {
        id -> Text,
        reference -> Nullable<Text>,
        state -> Text,
        closure_reason -> Nullable<Text>,
        not_admissible_reason -> Nullable<Text>,
        closure_note -> Nullable<Text>,
        referred_committee_id -> Nullable<Text>,
        duplicate_of_id -> Nullable<Text>,
        standard_id -> Text,
        group_id -> Nullable<Text>,
        clause -> Text,
        question -> Text,
        background -> Nullable<Text>,
        proposed_answer -> Nullable<Text>,
        submitter_country -> Text,
        submitter_category -> Text,
        submitted_from -> Nullable<Text>,
        answer -> Nullable<Text>,
        answer_html -> Nullable<Text>,
        consider_at_revision -> Bool,
        publication_flag -> Nullable<Text>,
        publication_flag_note -> Nullable<Text>,
        is_sample -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        decided_at -> Nullable<Timestamp>,
        published_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
        personal_data_erased_at -> Nullable<Timestamp>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    request_contacts (request_id) {
        request_id -> Text,
        name -> Text,
        email -> Text,
        organization -> Nullable<Text>,
    }
}

diesel::table! {
    events (id) {
        id -> Text,
        request_id -> Text,
        actor_user_id -> Nullable<Text>,
        actor_kind -> Text,
        action -> Text,
        from_state -> Nullable<Text>,
        to_state -> Text,
        note -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    wording_edits (event_id) {
        event_id -> Text,
        request_id -> Text,
        question_before -> Text,
        question_after -> Text,
        clause_before -> Text,
        clause_after -> Text,
        standard_before_id -> Text,
        standard_after_id -> Text,
    }
}

diesel::table! {
    rounds (id) {
        id -> Text,
        request_id -> Text,
        number -> Integer,
        draft_answer -> Text,
        deadline_at -> Timestamp,
        opened_by -> Text,
        opened_at -> Timestamp,
        reminder_sent_at -> Nullable<Timestamp>,
        closed_at -> Nullable<Timestamp>,
        closed_by -> Nullable<Text>,
        outcome -> Nullable<Text>,
        final_answer -> Nullable<Text>,
        kind -> Text,
        follows_round_id -> Nullable<Text>,
        change_class -> Nullable<Text>,
        change_reason -> Nullable<Text>,
        objections_until -> Nullable<Timestamp>,
    }
}

diesel::table! {
    organisations (id) {
        id -> Text,
        kind -> Text,
        acronym -> Text,
        name -> Text,
        country -> Nullable<Text>,
        contact_email -> Nullable<Text>,
        created_at -> Timestamp,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    round_voters (round_id, user_id) {
        round_id -> Text,
        user_id -> Text,
        capacity -> Text,
        nominated_by_id -> Nullable<Text>,
        is_convenor -> Bool,
        attended -> Nullable<Bool>,
        conflict -> Text,
        conflict_reason -> Nullable<Text>,
        conflict_note -> Nullable<Text>,
        allowed_by -> Nullable<Text>,
        allowed_reason -> Nullable<Text>,
    }
}

diesel::table! {
    meetings (id) {
        id -> Text,
        round_id -> Text,
        held_at -> Timestamp,
        minutes_reference -> Nullable<Text>,
        minutes_text -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    objections (id) {
        id -> Text,
        round_id -> Text,
        user_id -> Text,
        reason -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    votes (id) {
        id -> Text,
        round_id -> Text,
        user_id -> Text,
        position -> Text,
        comment -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    opposition_responses (vote_id) {
        vote_id -> Text,
        response -> Text,
        responded_by -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    comments (id) {
        id -> Text,
        request_id -> Text,
        author_id -> Text,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    subscriptions (id) {
        id -> Text,
        email -> Text,
        standard_id -> Text,
        created_at -> Timestamp,
        confirmed_at -> Nullable<Timestamp>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        message_id -> Text,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        list_unsubscribe -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
        request_id -> Nullable<Text>,
        recipient_hash -> Text,
    }
}

diesel::table! {
    tokens (token_hash) {
        token_hash -> Text,
        purpose -> Text,
        request_id -> Nullable<Text>,
        user_id -> Nullable<Text>,
        subscription_id -> Nullable<Text>,
        created_at -> Timestamp,
        expires_at -> Nullable<Timestamp>,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    rate_events (id) {
        id -> Text,
        bucket -> Text,
        key_hash -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    register_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::table! {
    stats_snapshot (id) {
        id -> Integer,
        register_version -> BigInt,
        figures -> Text,
        computed_at -> Timestamp,
    }
}

diesel::joinable!(standards -> groups (group_id));
diesel::joinable!(external_designations -> external_committees (committee_id));
diesel::joinable!(memberships -> groups (group_id));
diesel::joinable!(memberships -> users (user_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(requests -> standards (standard_id));
diesel::joinable!(requests -> groups (group_id));
diesel::joinable!(request_contacts -> requests (request_id));
diesel::joinable!(events -> requests (request_id));
diesel::joinable!(rounds -> requests (request_id));
diesel::joinable!(wording_edits -> events (event_id));
diesel::joinable!(wording_edits -> requests (request_id));
diesel::joinable!(votes -> rounds (round_id));
diesel::joinable!(memberships -> organisations (nominated_by_id));
diesel::joinable!(round_voters -> rounds (round_id));
diesel::joinable!(round_voters -> users (user_id));
diesel::joinable!(round_voters -> organisations (nominated_by_id));
diesel::joinable!(meetings -> rounds (round_id));
diesel::joinable!(objections -> rounds (round_id));
diesel::joinable!(objections -> users (user_id));
diesel::joinable!(votes -> users (user_id));
diesel::joinable!(opposition_responses -> votes (vote_id));
diesel::joinable!(comments -> requests (request_id));
diesel::joinable!(comments -> users (author_id));
diesel::joinable!(subscriptions -> standards (standard_id));
diesel::joinable!(outbox -> requests (request_id));

diesel::allow_tables_to_appear_in_same_query!(
    groups,
    standards,
    external_committees,
    external_designations,
    users,
    memberships,
    sessions,
    reference_counters,
    requests,
    request_contacts,
    events,
    wording_edits,
    rounds,
    organisations,
    round_voters,
    meetings,
    objections,
    votes,
    opposition_responses,
    comments,
    subscriptions,
    outbox,
    tokens,
    rate_events,
    register_version,
);

diesel::table! {
    settings (key) {
        key -> Text,
        value -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    publication_links (reference) {
        reference -> Text,
        successor -> Nullable<Text>,
        standard_id -> Nullable<Text>,
        clause -> Nullable<Text>,
    }
}

diesel::joinable!(publication_links -> standards (standard_id));
diesel::allow_tables_to_appear_in_same_query!(publication_links, standards);
// A clarification's page asks whether it has links and an appeal notice
// in the statement that reads it with its names and numbers.
diesel::allow_tables_to_appear_in_same_query!(publication_links, requests);
diesel::allow_tables_to_appear_in_same_query!(publication_links, groups);
diesel::allow_tables_to_appear_in_same_query!(publication_links, corrected_clarifications);
diesel::allow_tables_to_appear_in_same_query!(publication_links, clarification_numbers);

diesel::table! {
    follow_ups (request_id) {
        request_id -> Text,
        original_id -> Text,
        kind -> Text,
        statement -> Text,
    }
}

diesel::allow_tables_to_appear_in_same_query!(follow_ups, requests);

diesel::table! {
    endorsements (request_id) {
        request_id -> Text,
        sponsor_id -> Text,
        token_hash -> Nullable<Text>,
        requested_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
        decision -> Nullable<Text>,
        decided_at -> Nullable<Timestamp>,
        decided_by -> Nullable<Text>,
        note -> Nullable<Text>,
    }
}

diesel::joinable!(endorsements -> requests (request_id));
diesel::joinable!(endorsements -> organisations (sponsor_id));
diesel::allow_tables_to_appear_in_same_query!(endorsements, requests);
diesel::allow_tables_to_appear_in_same_query!(endorsements, organisations);
diesel::allow_tables_to_appear_in_same_query!(endorsements, users);

diesel::table! {
    clarification_versions (request_id, number) {
        request_id -> Text,
        number -> Integer,
        event_id -> Nullable<Text>,
        standard_id -> Text,
        clause -> Text,
        question -> Text,
        answer -> Text,
        answer_html -> Text,
        kind -> Nullable<Text>,
        note -> Nullable<Text>,
        published_at -> Timestamp,
        published_by -> Nullable<Text>,
    }
}

diesel::joinable!(clarification_versions -> requests (request_id));
diesel::joinable!(clarification_versions -> standards (standard_id));
diesel::allow_tables_to_appear_in_same_query!(clarification_versions, requests);
diesel::allow_tables_to_appear_in_same_query!(clarification_versions, standards);
diesel::allow_tables_to_appear_in_same_query!(clarification_versions, users);

diesel::table! {
    corrected_clarifications (request_id) {
        request_id -> Text,
        version -> Integer,
        corrected_at -> Timestamp,
        note -> Text,
    }
}

diesel::joinable!(corrected_clarifications -> requests (request_id));
diesel::allow_tables_to_appear_in_same_query!(corrected_clarifications, requests);
diesel::allow_tables_to_appear_in_same_query!(corrected_clarifications, standards);
diesel::allow_tables_to_appear_in_same_query!(corrected_clarifications, groups);

diesel::table! {
    clarification_translations (request_id, language) {
        request_id -> Text,
        language -> Text,
        question -> Text,
        answer -> Text,
        answer_html -> Text,
        of_version -> Integer,
        entered_by -> Nullable<Text>,
        entered_at -> Timestamp,
    }
}

diesel::joinable!(clarification_translations -> requests (request_id));
diesel::allow_tables_to_appear_in_same_query!(clarification_translations, requests);
diesel::allow_tables_to_appear_in_same_query!(clarification_translations, standards);
diesel::allow_tables_to_appear_in_same_query!(clarification_translations, groups);
diesel::allow_tables_to_appear_in_same_query!(clarification_translations, users);
diesel::allow_tables_to_appear_in_same_query!(clarification_translations, corrected_clarifications);
diesel::allow_tables_to_appear_in_same_query!(clarification_translations, clarification_numbers);

diesel::table! {
    appeals (id) {
        id -> Text,
        request_id -> Text,
        number -> Integer,
        appellant_kind -> Text,
        organisation_id -> Nullable<Text>,
        appellant_name -> Text,
        appellant_email -> Text,
        grounds -> Text,
        decision_appealed -> Text,
        received_on -> Date,
        acknowledge_by -> Date,
        decide_by -> Date,
        step -> Text,
        outcome -> Nullable<Text>,
        public_notice -> Bool,
        lodged_at -> Timestamp,
        decided_at -> Nullable<Timestamp>,
        appellant_erased_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    appeal_steps (event_id) {
        event_id -> Text,
        appeal_id -> Text,
    }
}

diesel::joinable!(appeals -> requests (request_id));
diesel::allow_tables_to_appear_in_same_query!(appeals, requests);
diesel::allow_tables_to_appear_in_same_query!(appeals, standards);
diesel::allow_tables_to_appear_in_same_query!(appeals, groups);
diesel::allow_tables_to_appear_in_same_query!(appeals, corrected_clarifications);
diesel::allow_tables_to_appear_in_same_query!(appeals, clarification_numbers);

diesel::table! {
    clarification_counters (standard_id) {
        standard_id -> Text,
        last_number -> Integer,
    }
}

diesel::table! {
    clarification_numbers (request_id) {
        request_id -> Text,
        standard_id -> Text,
        number -> Integer,
    }
}

diesel::joinable!(clarification_numbers -> requests (request_id));
diesel::allow_tables_to_appear_in_same_query!(clarification_numbers, requests);
diesel::allow_tables_to_appear_in_same_query!(clarification_numbers, standards);
diesel::allow_tables_to_appear_in_same_query!(clarification_numbers, groups);
diesel::allow_tables_to_appear_in_same_query!(clarification_numbers, corrected_clarifications);

diesel::table! {
    webhook_endpoints (id) {
        id -> Text,
        url -> Text,
        secret -> Text,
        events -> Text,
        description -> Text,
        enabled -> Bool,
        failing_since -> Nullable<Timestamp>,
        disabled_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        created_by -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_events (id) {
        id -> Text,
        event_type -> Text,
        payload -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Text,
        event_id -> Text,
        endpoint_id -> Text,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        locked_until -> Nullable<Timestamp>,
        last_attempt_at -> Nullable<Timestamp>,
        last_status_code -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        created_at -> Timestamp,
        delivered_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(webhook_deliveries -> webhook_endpoints (endpoint_id));
diesel::joinable!(webhook_deliveries -> webhook_events (event_id));
diesel::allow_tables_to_appear_in_same_query!(webhook_deliveries, webhook_endpoints);
diesel::allow_tables_to_appear_in_same_query!(webhook_deliveries, webhook_events);
diesel::allow_tables_to_appear_in_same_query!(webhook_endpoints, webhook_events);

diesel::table! {
    liaison_contacts (id) {
        id -> Text,
        organisation_id -> Text,
        email -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    consultations (id) {
        id -> Text,
        request_id -> Text,
        opened_at -> Timestamp,
        ends_at -> Timestamp,
        sent_back_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    consultation_answers (id) {
        id -> Text,
        consultation_id -> Text,
        organisation_id -> Text,
        token_hash -> Text,
        answered_at -> Nullable<Timestamp>,
        comments -> Nullable<Text>,
        response -> Nullable<Text>,
        responded_by -> Nullable<Text>,
        responded_at -> Nullable<Timestamp>,
        reminded_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(liaison_contacts -> organisations (organisation_id));
diesel::joinable!(consultations -> requests (request_id));
diesel::joinable!(consultation_answers -> consultations (consultation_id));
diesel::joinable!(consultation_answers -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(liaison_contacts, organisations);
diesel::allow_tables_to_appear_in_same_query!(consultations, requests);
diesel::allow_tables_to_appear_in_same_query!(consultation_answers, consultations);
diesel::allow_tables_to_appear_in_same_query!(consultation_answers, organisations);
diesel::allow_tables_to_appear_in_same_query!(consultations, organisations);
diesel::allow_tables_to_appear_in_same_query!(consultation_answers, requests);
diesel::joinable!(appeals -> organisations (organisation_id));
diesel::allow_tables_to_appear_in_same_query!(appeals, organisations);

diesel::table! {
    request_keys (key) {
        key -> BigInt,
        request_id -> Text,
    }
}

diesel::table! {
    request_changes (seq) {
        seq -> BigInt,
        request_id -> Text,
        commit_seq -> Nullable<BigInt>,
    }
}

diesel::table! {
    workspace_version (id) {
        id -> Integer,
        version -> BigInt,
    }
}

diesel::joinable!(request_keys -> requests (request_id));
diesel::allow_tables_to_appear_in_same_query!(request_keys, requests);
