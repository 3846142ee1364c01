//! `clarion seed --demo`: accounts for every role, published samples and
//! requests in every state, with the trail the real workflow leaves.

use std::collections::{BTreeMap, HashSet};

use chrono::{NaiveDateTime, TimeDelta};
use clarion::clock::Clock;
use clarion::db::schema::{
    clarification_versions, comments, corrected_clarifications, endorsements, events, follow_ups,
    meetings, memberships, opposition_responses, reference_counters, request_contacts, requests,
    round_voters, rounds, standards, tokens, users, votes,
};
use clarion::db::{self, DatabaseUrl, DbConn};
use clarion::domain::consensus::{ChangeClass, Kind};
use clarion::domain::lifecycle::{ClosureReason, State};
use clarion::models::rounds::Round;
use clarion::search::RequestIndex;
use clarion::seed::demo::{self, DemoReport};
use clarion::seed::registry::Registry;
use clarion::workflow::queue::{self, Task};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, text_of};

/// A migrated database with the built-in registry; the directory keeps a
/// SQLite file alive.
fn registry_database(backend: Backend) -> (DbConn, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::parse(&backend.new_database_url(dir.path())).unwrap();
    let mut conn = db::establish(&url).unwrap();
    db::migrate(&mut conn).unwrap();
    Registry::built_in()
        .load(&mut conn, Clock::default().now())
        .unwrap();
    (conn, dir)
}

fn seed_demo(conn: &mut DbConn, now: NaiveDateTime) -> DemoReport {
    demo::seed(conn, demo::DEFAULT_PASSWORD, now).expect("the demo seeds")
}

macro_rules! count {
    ($conn:expr, $table:expr) => {
        $table.count().get_result::<i64>($conn).unwrap()
    };
}

type RequestRow = (String, Option<String>, String, i32, NaiveDateTime);

/// Everything the demo writes, as counts and the requests' state and version.
#[derive(Debug, PartialEq)]
struct Snapshot {
    counts: Vec<(&'static str, i64)>,
    counters: Vec<(i32, i32)>,
    requests: Vec<RequestRow>,
}

fn snapshot(conn: &mut DbConn) -> Snapshot {
    Snapshot {
        counts: vec![
            ("users", count!(conn, users::table)),
            ("memberships", count!(conn, memberships::table)),
            ("requests", count!(conn, requests::table)),
            ("request_contacts", count!(conn, request_contacts::table)),
            ("events", count!(conn, events::table)),
            ("rounds", count!(conn, rounds::table)),
            ("votes", count!(conn, votes::table)),
            (
                "opposition_responses",
                count!(conn, opposition_responses::table),
            ),
            ("comments", count!(conn, comments::table)),
            ("tokens", count!(conn, tokens::table)),
        ],
        counters: reference_counters::table
            .select((reference_counters::year, reference_counters::last_value))
            .order(reference_counters::year)
            .load(conn)
            .unwrap(),
        requests: requests::table
            .select((
                requests::id,
                requests::reference,
                requests::state,
                requests::version,
                requests::updated_at,
            ))
            .order(requests::id)
            .load(conn)
            .unwrap(),
    }
}

on_both_databases!(
    seeding_the_demo_twice_adds_and_changes_nothing,
    the_demo_has_requests_in_every_state_with_their_trail,
    every_demo_role_finds_something_waiting,
    the_published_samples_are_complete_and_spread_over_two_years,
    demo_references_are_unique_and_gapless_within_each_year,
    the_demo_secretariat_signs_in_and_the_public_reads_the_samples,
    each_consensus_rule_can_be_tried_in_the_demo,
    the_demo_group_page_shows_who_nominated_each_member_in_what_capacity,
    the_demo_has_an_appeal_under_consideration_with_its_public_notice,
);

async fn seeding_the_demo_twice_adds_and_changes_nothing(backend: Backend) {
    let (mut conn, _dir) = registry_database(backend);
    let now = Clock::default().now();
    let first = seed_demo(&mut conn, now);
    // A secretariat; in two groups a convenor and two experts, and in MG
    // 17025 an observer and a liaison's representative besides; and the two
    // experts who sit in where no demo account sits.
    assert_eq!(first.accounts_created, 13);
    assert_eq!(first.memberships_created, 8);
    assert!(first.requests_created >= 40, "{first:?}");
    assert!(!first.tracking_links.is_empty());
    let before = snapshot(&mut conn);

    // Later, as a person would run it again; the registry is reloaded first.
    let later = now + TimeDelta::days(3);
    Registry::built_in().load(&mut conn, later).unwrap();
    let second = seed_demo(&mut conn, later);
    assert!(second.is_empty(), "{second:?}");
    assert_eq!(
        second.summary("http://x"),
        "demo: already loaded, nothing added"
    );
    assert_eq!(snapshot(&mut conn), before);
}

async fn the_demo_has_requests_in_every_state_with_their_trail(backend: Backend) {
    let (mut conn, _dir) = registry_database(backend);
    seed_demo(&mut conn, Clock::default().now());
    let rows: Vec<(String, String, Option<String>, bool)> = requests::table
        .select((
            requests::id,
            requests::state,
            requests::closure_reason,
            requests::is_sample,
        ))
        .load(&mut conn)
        .unwrap();
    assert!(rows.iter().all(|r| r.3), "every demo request is a sample");
    for state in State::ALL {
        let n = rows.iter().filter(|r| r.1 == state.as_str()).count();
        if state == State::PendingConfirmation {
            assert_eq!(n, 0, "unconfirmed requests would be erased after 72 hours");
        } else {
            assert!(n >= 1, "no demo request in {state}");
        }
    }
    for reason in ClosureReason::ALL {
        assert!(
            rows.iter().any(|r| r.2.as_deref() == Some(reason.as_str())),
            "no request closed as {}",
            reason.as_str()
        );
    }

    // Each request's events chain from confirmation to where it stands, in order.
    for (id, state, _, _) in &rows {
        let trail = clarion::models::events::for_request(&mut conn, id).unwrap();
        // A request naming a sponsor is confirmed for its endorsement.
        let sponsored: bool = diesel::select(diesel::dsl::exists(
            endorsements::table.filter(endorsements::request_id.eq(id)),
        ))
        .get_result(&mut conn)
        .unwrap();
        let confirmation = if sponsored {
            "confirm_for_endorsement"
        } else {
            "confirm"
        };
        assert_eq!(trail[0].action.as_str(), confirmation, "{id}");
        assert_eq!(trail[0].actor_kind.as_str(), "submitter");
        assert_eq!(
            trail[0].from_state.map(State::as_str),
            Some("pending_confirmation")
        );
        for pair in trail.windows(2) {
            assert_eq!(
                pair[1].from_state.map(State::as_str),
                Some(pair[0].to_state.as_str()),
                "{id}"
            );
            assert!(pair[0].created_at <= pair[1].created_at);
        }
        assert_eq!(trail.last().unwrap().to_state.as_str(), *state);
    }

    // The secretariat's question is in the event that asked it.
    let asked: Vec<Option<String>> = requests::table
        .inner_join(events::table)
        .filter(requests::state.eq("awaiting_submitter"))
        .filter(events::action.eq("ask_for_information"))
        .select(events::note)
        .load(&mut conn)
        .unwrap();
    assert!(
        !asked.is_empty()
            && asked
                .iter()
                .all(|n| n.as_deref().is_some_and(|n| n.len() > 20))
    );

    // An open round with an opposition that has a comment.
    let opposed: Vec<(String, Option<String>)> = rounds::table
        .inner_join(requests::table)
        .inner_join(votes::table)
        .filter(requests::state.eq("balloting"))
        .filter(rounds::closed_at.is_null())
        .filter(votes::position.eq("oppose"))
        .select((rounds::id, votes::comment))
        .load(&mut conn)
        .unwrap();
    assert!(!opposed.is_empty() && opposed.iter().all(|(_, c)| c.is_some()));

    // A decided request: closed round with consensus, final answer, a response.
    let decided: Vec<(Option<String>, Option<String>, Option<String>)> = rounds::table
        .inner_join(requests::table)
        .filter(requests::state.eq("decided"))
        .filter(rounds::outcome.eq("consensus"))
        .select((rounds::final_answer, requests::answer, requests::reference))
        .load(&mut conn)
        .unwrap();
    assert!(!decided.is_empty());
    assert!(decided.iter().all(|(f, a, _)| f.is_some() && f == a));
    let responses: i64 = opposition_responses::table
        .inner_join(votes::table.inner_join(rounds::table.inner_join(requests::table)))
        .filter(requests::state.eq("decided"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert!(responses >= 1);

    // Submitter contacts stay on example.com: a reserved domain, and not
    // the members' (example.org), which would flag every voter for a
    // conflict of interest. The one exception is the secretariat, who asks
    // for the correction the group decides (its voters confirm they have
    // no conflict).
    let addresses: Vec<String> = request_contacts::table
        .select(request_contacts::email)
        .load(&mut conn)
        .unwrap();
    assert_eq!(addresses.len(), rows.len());
    let (secretariat, submitters): (Vec<&String>, Vec<&String>) = addresses
        .iter()
        .partition(|a| a.as_str() == "secretariat@example.org");
    assert_eq!(secretariat.len(), 1);
    assert!(submitters.iter().all(|a| a.ends_with("@example.com")));
}

async fn every_demo_role_finds_something_waiting(backend: Backend) {
    let (mut conn, _dir) = registry_database(backend);
    seed_demo(&mut conn, Clock::default().now());
    let waiting = |conn: &mut DbConn, state: &str| -> i64 {
        requests::table
            .filter(requests::state.eq(state))
            .count()
            .get_result(conn)
            .unwrap()
    };
    // The secretariat screens and publishes.
    assert!(waiting(&mut conn, "screening") >= 2);
    assert!(waiting(&mut conn, "decided") >= 1);
    // IAF and ILAC are consulted: a decided request is with them.
    let holds = clarion::workflow::consultations::holds(&mut conn, Clock::default().now()).unwrap();
    assert!(
        holds.values().any(|hold| matches!(
            hold,
            clarion::domain::consultation::Hold::WithLiaisons { silent: 2, .. }
        )),
        "{holds:?}"
    );
    // Among what it screens, a submitter's request for reconsideration of
    // a decision, linked to the request it follows.
    let reconsiderations: Vec<(String, String)> = follow_ups::table
        .inner_join(requests::table.on(requests::id.eq(follow_ups::request_id)))
        .filter(follow_ups::kind.eq("reconsideration"))
        .filter(requests::state.eq("screening"))
        .select((follow_ups::original_id, follow_ups::statement))
        .load(&mut conn)
        .unwrap();
    assert_eq!(reconsiderations.len(), 1, "{reconsiderations:?}");
    let original_state: String = requests::table
        .find(&reconsiderations[0].0)
        .select(requests::state)
        .first(&mut conn)
        .unwrap();
    assert_eq!(original_state, "closed", "it follows a decided request");

    let members: Vec<(String, String, String, String)> = memberships::table
        .inner_join(users::table)
        .filter(users::email.like("%@example.org"))
        .select((
            users::id,
            memberships::group_id,
            memberships::role,
            memberships::capacity,
        ))
        .load(&mut conn)
        .unwrap();
    assert_eq!(members.len(), 8);
    for (user_id, group_id, role, capacity) in members {
        let in_group: i64 = requests::table
            .filter(requests::group_id.eq(&group_id))
            .filter(requests::state.eq_any(["in_group", "balloting"]))
            .count()
            .get_result(&mut conn)
            .unwrap();
        assert!(in_group >= 2, "the group of {user_id} has work in progress");
        // Every expert has a vote to cast; every convenor a draft to write.
        let open_rounds: Vec<String> = rounds::table
            .inner_join(requests::table)
            .filter(requests::group_id.eq(&group_id))
            .filter(rounds::closed_at.is_null())
            .select(rounds::id)
            .load(&mut conn)
            .unwrap();
        let voted: HashSet<String> = votes::table
            .filter(votes::user_id.eq(&user_id))
            .select(votes::round_id)
            .load(&mut conn)
            .unwrap()
            .into_iter()
            .collect();
        // Observers and liaisons (MG 17025 does not let liaisons vote)
        // read and comment: work in progress is what they find.
        if role == "member" && capacity == "expert" {
            assert!(
                open_rounds.iter().any(|r| !voted.contains(r)),
                "member {user_id} has a vote waiting"
            );
        } else if role == "convenor" {
            let drafts: i64 = requests::table
                .filter(requests::group_id.eq(&group_id))
                .filter(requests::state.eq("in_group"))
                .count()
                .get_result(&mut conn)
                .unwrap();
            assert!(drafts >= 1, "convenor {user_id} has a draft to write");
        }
    }
}

type Published = (
    Option<String>,
    String,
    Option<String>,
    Option<NaiveDateTime>,
    Option<NaiveDateTime>,
    Option<String>,
    bool,
);

async fn the_published_samples_are_complete_and_spread_over_two_years(backend: Backend) {
    let (mut conn, _dir) = registry_database(backend);
    let now = Clock::default().now();
    seed_demo(&mut conn, now);
    let published: Vec<Published> = requests::table
        .inner_join(standards::table)
        .filter(requests::state.eq("published"))
        .select((
            requests::reference,
            standards::slug,
            requests::answer,
            requests::decided_at,
            requests::published_at,
            requests::publication_flag,
            requests::is_sample,
        ))
        .load(&mut conn)
        .unwrap();
    assert!(published.len() >= 25, "{} published", published.len());
    let standards: HashSet<&str> = published.iter().map(|p| p.1.as_str()).collect();
    assert!(standards.len() >= 5, "{standards:?}");
    for (reference, slug, answer, decided, published_at, _, sample) in &published {
        assert!(sample, "{slug}");
        assert!(reference.is_some(), "{slug}");
        assert!(
            answer.as_deref().is_some_and(|a| a.len() > 40),
            "{reference:?}"
        );
        let (decided, published_at) = (decided.unwrap(), published_at.unwrap());
        assert!(
            decided <= published_at && published_at < now,
            "{reference:?}"
        );
        assert!(published_at > now - TimeDelta::days(731), "{reference:?}");
    }
    let earliest = published.iter().filter_map(|p| p.4).min().unwrap();
    let latest = published.iter().filter_map(|p| p.4).max().unwrap();
    assert!(
        latest - earliest > TimeDelta::days(600),
        "spread over two years"
    );
    assert!(
        published
            .iter()
            .any(|p| p.5.as_deref() == Some("superseded")),
        "one is flagged superseded"
    );
    // Two are corrected: one editorially, one by the group, as a change of
    // meaning. The editorial one is version 2, with its note, version 1
    // kept, and the answer in force is version 2's.
    let corrected: Vec<(String, i32, String)> = corrected_clarifications::table
        .inner_join(requests::table)
        .order(requests::reference)
        .select((
            requests::reference.assume_not_null(),
            corrected_clarifications::version,
            corrected_clarifications::note,
        ))
        .load(&mut conn)
        .unwrap();
    assert_eq!(corrected.len(), 2, "{corrected:?}");
    let (reference, version, note) = corrected
        .iter()
        .find(|(_, _, note)| note.starts_with("Editorial:"))
        .expect("an editorial correction");
    assert_eq!(*version, 2, "{note}");
    let by_group: Vec<Option<String>> = clarification_versions::table
        .filter(clarification_versions::number.eq(2))
        .select(clarification_versions::kind)
        .load(&mut conn)
        .unwrap();
    assert!(
        by_group.contains(&Some("substantive".to_owned())),
        "{by_group:?}"
    );
    let versions: Vec<(i32, Option<String>, String)> = clarification_versions::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(reference))
        .order(clarification_versions::number)
        .select((
            clarification_versions::number,
            clarification_versions::kind,
            clarification_versions::answer,
        ))
        .load(&mut conn)
        .unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].1, None, "version 1 is the publication");
    assert_eq!(versions[1].1.as_deref(), Some("editorial"));
    let in_force = published
        .iter()
        .find(|p| p.0.as_ref() == Some(reference))
        .and_then(|p| p.2.clone())
        .unwrap();
    assert_eq!(in_force, versions[1].2);
    assert_ne!(versions[0].2, versions[1].2);
    let considered = requests::table
        .filter(requests::state.eq("published"))
        .filter(requests::consider_at_revision.eq(true))
        .count()
        .get_result::<i64>(&mut conn)
        .unwrap();
    assert!(
        considered * 2 > published.len() as i64,
        "mostly considered at revision"
    );
}

async fn demo_references_are_unique_and_gapless_within_each_year(backend: Backend) {
    let (mut conn, _dir) = registry_database(backend);
    seed_demo(&mut conn, Clock::default().now());
    let references: Vec<Option<String>> = requests::table
        .select(requests::reference)
        .load(&mut conn)
        .unwrap();
    let mut by_year: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    for reference in references {
        let reference = reference.expect("every demo request is confirmed");
        let (year, number) = reference
            .strip_prefix("CR-")
            .and_then(|r| r.split_once('-'))
            .expect("CR-YYYY-NNNN");
        by_year
            .entry(year.parse().unwrap())
            .or_default()
            .push(number.parse().unwrap());
    }
    assert!(by_year.len() >= 2, "the samples span years: {by_year:?}");
    let counters: BTreeMap<i32, i32> = reference_counters::table
        .select((reference_counters::year, reference_counters::last_value))
        .load(&mut conn)
        .unwrap()
        .into_iter()
        .collect();
    for (year, mut numbers) in by_year {
        numbers.sort_unstable();
        let expected: Vec<i32> = (1..=numbers.len() as i32).collect();
        assert_eq!(numbers, expected, "{year}: unique and without gaps");
        assert_eq!(counters[&year], numbers.len() as i32, "{year}: counter");
    }
}

async fn the_demo_secretariat_signs_in_and_the_public_reads_the_samples(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let report = demo::seed(&mut app.db(), "clarion-demo", app.clock.now()).unwrap();
    assert_eq!(report.accounts_created, 13);

    let response = app
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", demo::SECRETARIAT_EMAIL),
                ("password", "clarion-demo"),
                ("next", "/workspace"),
            ],
        )
        .await;
    assert_eq!(
        response.status().as_u16(),
        303,
        "the demo secretariat signs in"
    );
    assert_eq!(response.headers()["location"], "/workspace");

    let (status, page) = app.page("/standards/iso-iec-17025-2017").await;
    assert_eq!(status, 200);
    let on_17025: Vec<(Option<String>, String)> = requests::table
        .inner_join(standards::table)
        .filter(standards::slug.eq("iso-iec-17025-2017"))
        .select((requests::reference, requests::state))
        .load(&mut app.db())
        .unwrap();
    let (published, unpublished): (Vec<_>, Vec<_>) = on_17025
        .into_iter()
        .partition(|(_, state)| state == "published");
    assert!(published.len() >= 5);
    for (reference, _) in &published {
        assert!(
            page.contains(reference.as_deref().unwrap()),
            "{reference:?} is listed"
        );
    }
    for (reference, state) in &unpublished {
        assert!(
            !page.contains(reference.as_deref().unwrap()),
            "{reference:?} ({state}) stays private"
        );
    }
}

/// The tasks in the queue of the demo account `email`, with whom each
/// concerns.
fn tasks_of(conn: &mut DbConn, email: &str) -> Vec<(Task, Option<String>)> {
    let user = clarion::models::users::find_by_email(conn, email)
        .unwrap()
        .unwrap();
    queue::queue(
        conn,
        &RequestIndex::default(),
        &user,
        Clock::default().now(),
        false,
    )
    .unwrap()
    .items
    .into_iter()
    .map(|item| (item.task(), item.person().map(str::to_owned)))
    .collect()
}

async fn each_consensus_rule_can_be_tried_in_the_demo(backend: Backend) {
    let (mut conn, _dir) = registry_database(backend);
    seed_demo(&mut conn, Clock::default().now());
    let conn = &mut conn;

    // Convenors answer oppositions, and one round may close.
    let lukas = tasks_of(conn, "convenor.17065@example.org");
    assert!(
        lukas.contains(&(Task::AnswerOpposition, Some("Sofia Lindqvist".into()))),
        "{lukas:?}"
    );
    assert!(
        lukas.iter().any(|(task, _)| *task == Task::CloseRound),
        "{lukas:?}"
    );
    let amara = tasks_of(conn, "convenor.17025@example.org");
    assert!(
        amara.contains(&(Task::AnswerOpposition, Some("Tomás Ferreira".into()))),
        "{amara:?}"
    );

    // Two decisions open to objection: one after an editorial change,
    // which its voters may object to, and one taken at a meeting.
    let confirming: Vec<Round> = rounds::table
        .inner_join(requests::table)
        .filter(requests::state.eq("confirming"))
        .select(Round::as_select())
        .load(conn)
        .unwrap();
    assert_eq!(confirming.len(), 2);
    let (editorial, meeting): (Vec<&Round>, Vec<&Round>) = confirming
        .iter()
        .partition(|round| round.kind == Kind::Correspondence);
    let round = editorial[0];
    assert_eq!(round.change_class, Some(ChangeClass::Editorial));
    assert!(round.change_reason.is_some());
    assert!(
        round.objections_until.unwrap() > Clock::default().now(),
        "still open"
    );
    assert_ne!(Some(&round.draft_answer), round.final_answer.as_ref());
    let yuki = tasks_of(conn, "member2.17025@example.org");
    assert!(
        yuki.iter().any(|(task, _)| *task == Task::OpenToObjection),
        "{yuki:?}"
    );

    // The meeting's decision: Sofia Lindqvist did not attend and may
    // object; Priya Raman attended and may not.
    let round = meeting[0];
    assert_eq!(round.kind, Kind::Meeting);
    assert!(
        round.objections_until.unwrap() > Clock::default().now(),
        "still open"
    );
    let (held_at, minutes): (NaiveDateTime, Option<String>) = meetings::table
        .filter(meetings::round_id.eq(&round.id))
        .select((meetings::held_at, meetings::minutes_reference))
        .first(conn)
        .unwrap();
    assert!(held_at < round.closed_at.unwrap());
    assert!(minutes.is_some());
    let attended: Vec<(String, Option<bool>)> = round_voters::table
        .inner_join(users::table)
        .filter(round_voters::round_id.eq(&round.id))
        .order(users::email)
        .select((users::email, round_voters::attended))
        .load(conn)
        .unwrap();
    assert_eq!(
        attended,
        [
            ("convenor.17065@example.org".to_owned(), Some(true)),
            ("member1.17065@example.org".to_owned(), Some(true)),
            ("member2.17065@example.org".to_owned(), Some(false)),
        ]
    );
    let sofia = tasks_of(conn, "member2.17065@example.org");
    assert!(
        sofia.iter().any(|(task, _)| *task == Task::OpenToObjection),
        "{sofia:?}"
    );
    let priya = tasks_of(conn, "member1.17065@example.org");
    assert!(
        !priya.iter().any(|(task, _)| *task == Task::OpenToObjection),
        "{priya:?}"
    );

    // A decision reached in a second round, after a substantive change of
    // the first round's text.
    let replaced: Vec<(String, Option<String>)> = rounds::table
        .filter(rounds::outcome.eq("replaced"))
        .select((rounds::id, rounds::change_class))
        .load(conn)
        .unwrap();
    assert_eq!(replaced.len(), 1);
    assert_eq!(replaced[0].1.as_deref(), Some("substantive"));
    let following: Option<String> = rounds::table
        .filter(rounds::follows_round_id.eq(&replaced[0].0))
        .select(rounds::outcome)
        .first(conn)
        .unwrap();
    assert_eq!(following.as_deref(), Some("consensus"));

    // Every round has its voter list, and the experts who sat in left.
    let unlisted: i64 = rounds::table
        .left_join(round_voters::table)
        .filter(round_voters::user_id.nullable().is_null())
        .count()
        .get_result(conn)
        .unwrap();
    assert_eq!(unlisted, 0);
    let experts_seated: i64 = memberships::table
        .inner_join(users::table)
        .filter(users::email.like("expert%@example.org"))
        .count()
        .get_result(conn)
        .unwrap();
    assert_eq!(experts_seated, 0);

    // One voter is flagged for a conflict of interest and has yet to
    // answer: Tomás Ferreira, on a request from AFNOR, which nominated him.
    let flagged: Vec<(String, String, Option<String>, String)> = round_voters::table
        .inner_join(users::table)
        .inner_join(rounds::table.inner_join(requests::table))
        .filter(round_voters::conflict.eq("flagged"))
        .select((
            users::email,
            round_voters::conflict,
            round_voters::conflict_reason,
            requests::state,
        ))
        .load(conn)
        .unwrap();
    assert_eq!(
        flagged,
        [(
            "member1.17025@example.org".to_owned(),
            "flagged".to_owned(),
            Some("same_organisation".to_owned()),
            "balloting".to_owned()
        )]
    );
}

async fn the_demo_group_page_shows_who_nominated_each_member_in_what_capacity(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    demo::seed(&mut app.db(), "clarion-demo", app.clock.now()).unwrap();
    let response = app
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", demo::SECRETARIAT_EMAIL),
                ("password", "clarion-demo"),
                ("next", "/workspace"),
            ],
        )
        .await;
    assert_eq!(response.status().as_u16(), 303);
    let (status, page) = app
        .page(&format!("/admin/groups/{}", app.group_id("MG 17025")))
        .await;
    assert_eq!(status, 200);
    let document = scraper::Html::parse_document(&page);
    let rows = scraper::Selector::parse("[aria-labelledby=members-heading] tbody tr").unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    let seen: Vec<Vec<String>> = document
        .select(&rows)
        .map(|row| {
            row.select(&cells)
                .take(4)
                .map(|cell| cell.text().collect::<Vec<_>>().join(" "))
                .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect();
    let row_of = |name: &str| {
        seen.iter()
            .find(|row| row[0].starts_with(name))
            .unwrap_or_else(|| panic!("{name} in {seen:?}"))
    };
    assert_eq!(row_of("Amara Okafor")[1..], ["Convenor", "Expert", "BSI"]);
    assert_eq!(row_of("Tomás Ferreira")[1..], ["Member", "Expert", "AFNOR"]);
    assert_eq!(
        row_of("Nomvula Dlamini")[1..],
        ["Member", "Observer", "SABS"]
    );
    assert_eq!(row_of("Marco Bellini")[1..], ["Member", "Liaison", "ILAC"]);
    assert!(
        text_of(&page, "[aria-labelledby=members-heading]")
            .unwrap()
            .contains("Chairs the accreditation committee of ILAC"),
        "declared interests are shown"
    );
}

async fn the_demo_has_an_appeal_under_consideration_with_its_public_notice(backend: Backend) {
    use clarion::db::schema::appeals;
    let app = TestApp::spawn(backend).await;
    demo::seed(&mut app.db(), "clarion-demo", app.clock.now()).unwrap();
    let appealed: Vec<(Option<String>, String, String, bool, chrono::NaiveDate)> = appeals::table
        .inner_join(requests::table)
        .select((
            requests::reference,
            requests::state,
            appeals::step,
            appeals::public_notice,
            appeals::received_on,
        ))
        .load(&mut app.db())
        .unwrap();
    let [(Some(reference), state, step, true, received)] = appealed.as_slice() else {
        panic!("one public appeal on a published clarification: {appealed:?}");
    };
    assert_eq!(
        (state.as_str(), step.as_str()),
        ("published", "considering")
    );
    let (_, page) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(
        text_of(&page, "#appeal-notice .banner-title"),
        Some(format!(
            "Under appeal since {}",
            received.format("%-d %B %Y")
        ))
    );
    let steps: Vec<String> = events::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(reference))
        .filter(events::action.like("%appeal"))
        .order(events::created_at)
        .select(events::action)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        steps,
        ["lodge_appeal", "acknowledge_appeal", "consider_appeal"]
    );
}
