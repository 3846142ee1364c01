//! Decisions taken at a meeting (issue 19, item 6): the convenor records
//! the day, who attended with their positions, the minutes and the answer;
//! the voting members who did not attend are mailed and may object; an
//! objection sends the request back, and without one the decision stands.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};
use clarion::db::schema::{events, meetings, objections, requests, round_voters, rounds, votes};
use clarion::domain::consensus::{ChangeClass, Kind, Outcome};
use clarion::models::rounds::Round;
use diesel::prelude::*;

use crate::consensus::{DRAFT, mail_count, wait_for_mail};
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::workspace::{act, screened_world, state_of};

const MINUTES: &str = "MG 17025 N 42";

on_both_databases!(
    a_meeting_decision_is_recorded_and_only_those_absent_are_mailed,
    an_absentees_objection_sends_it_back_and_an_attendees_is_refused,
    a_meeting_decision_stands_when_nobody_objects_in_time,
    a_bad_meeting_record_changes_nothing_and_keeps_what_was_typed,
    only_the_convenor_records_a_meeting_decision,
);

/// A request with MG 17025, whose voting members are Carla (convenor),
/// Mia and Nils; two days later, so that yesterday's meeting came after
/// the request.
async fn with_the_group(app: &TestApp) -> String {
    let (reference, _) = screened_world(app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    assert_eq!(state_of(app).0, "in_group");
    app.clock.advance(TimeDelta::days(2));
    reference
}

fn yesterday(app: &TestApp) -> NaiveDate {
    (app.clock.now() - TimeDelta::days(1)).date()
}

/// The meeting form's fields: `positions` by address, the others as given.
fn meeting_fields(
    app: &TestApp,
    held_on: &str,
    positions: &[(&str, &str)],
    minutes_reference: &str,
    answer: &str,
) -> Vec<(String, String)> {
    let mut fields = vec![
        ("held_on".to_owned(), held_on.to_owned()),
        ("minutes_reference".to_owned(), minutes_reference.to_owned()),
        ("minutes_text".to_owned(), String::new()),
        ("answer".to_owned(), answer.to_owned()),
    ];
    for (email, position) in positions {
        fields.push((
            format!("attended-{}", app.user_id(email)),
            (*position).to_owned(),
        ));
    }
    fields
}

async fn send_meeting(
    person: &Person,
    reference: &str,
    fields: &[(String, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    act(person, reference, "meeting", &fields).await
}

/// Carla records yesterday's meeting, which she and Mia attended and Nils
/// did not.
async fn decided_at_a_meeting(app: &TestApp, reference: &str) {
    let carla = app.signed_in("carla@example.org").await;
    let fields = meeting_fields(
        app,
        &yesterday(app).format("%Y-%m-%d").to_string(),
        &[
            ("carla@example.org", "agree"),
            ("mia@example.org", "agree_with_comments"),
            ("nils@example.org", ""),
        ],
        MINUTES,
        DRAFT,
    );
    let recorded = send_meeting(&carla, reference, &fields).await;
    assert_eq!(recorded.status(), 303);
    assert_eq!(state_of(app).0, "confirming");
}

async fn page(person: &Person, reference: &str) -> String {
    let (status, page) = person
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert_eq!(status, 200);
    page
}

async fn queue(person: &Person) -> String {
    let (_, page) = person.page("/workspace").await;
    text_of(&page, "main").unwrap()
}

async fn refusal(response: reqwest::Response) -> String {
    text_of(&response.text().await.unwrap(), "[role=alert]").unwrap_or_default()
}

fn the_round(app: &TestApp) -> Round {
    rounds::table
        .select(Round::as_select())
        .first(&mut app.db())
        .unwrap()
}

/// The mail to `address` whose subject ends so.
fn mail_to(app: &TestApp, address: &str, subject_end: &str) -> crate::support::smtp::ReceivedMail {
    app.mail
        .to(address)
        .into_iter()
        .find(|m| m.subject.ends_with(subject_end))
        .unwrap()
}

/// Who received mail whose subject ends so, in order.
fn told(app: &TestApp, subject_end: &str) -> Vec<String> {
    let mut told: Vec<String> = app
        .mail
        .received()
        .into_iter()
        .filter(|m| m.subject.ends_with(subject_end))
        .flat_map(|m| m.envelope_to)
        .collect();
    told.sort();
    told
}

/// What a bad record must leave alone.
fn stored(app: &TestApp) -> (i32, String, [i64; 5]) {
    let conn = &mut app.db();
    let (version, state): (i32, String) = requests::table
        .select((requests::version, requests::state))
        .first(conn)
        .unwrap();
    let counts = [
        rounds::table.count().get_result(conn).unwrap(),
        round_voters::table.count().get_result(conn).unwrap(),
        votes::table.count().get_result(conn).unwrap(),
        meetings::table.count().get_result(conn).unwrap(),
        events::table.count().get_result(conn).unwrap(),
    ];
    (version, state, counts)
}

async fn a_meeting_decision_is_recorded_and_only_those_absent_are_mailed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = with_the_group(&app).await;
    let form = "Record a decision taken at a meeting";
    let carla = app.signed_in("carla@example.org").await;
    let shown = page(&carla, &reference).await;
    assert!(shown.contains(form), "the convenor is offered the form");
    let offered = text_of(&shown, "#field-attendance").unwrap();
    for name in ["Carla Convenor", "Mia Member", "Nils Member"] {
        assert!(offered.contains(name), "{name} in {offered}");
    }
    let mia = app.signed_in("mia@example.org").await;
    assert!(!page(&mia, &reference).await.contains(form));

    decided_at_a_meeting(&app, &reference).await;
    assert!(
        !page(&carla, &reference).await.contains(form),
        "not once decided"
    );

    // The round of kind meeting, decided on the answer, its voter list the
    // group's voting members that day, the attendees' positions its votes.
    let round = the_round(&app);
    assert_eq!(round.kind, Kind::Meeting);
    assert_eq!(round.outcome, Some(Outcome::Consensus));
    assert_eq!(round.final_answer.as_deref(), Some(DRAFT));
    assert_eq!(round.change_class, Some(ChangeClass::None));
    let until = round.objections_until.unwrap();
    assert_eq!(
        until - round.closed_at.unwrap(),
        TimeDelta::days(14),
        "the group's default for meetings"
    );
    let conn = &mut app.db();
    let mut attended: Vec<(String, Option<bool>)> = round_voters::table
        .filter(round_voters::round_id.eq(&round.id))
        .select((round_voters::user_id, round_voters::attended))
        .load(conn)
        .unwrap();
    attended.sort();
    let mut expected = vec![
        (app.user_id("carla@example.org"), Some(true)),
        (app.user_id("mia@example.org"), Some(true)),
        (app.user_id("nils@example.org"), Some(false)),
    ];
    expected.sort();
    assert_eq!(attended, expected);
    let positions: Vec<String> = votes::table
        .filter(votes::round_id.eq(&round.id))
        .order(votes::position)
        .select(votes::position)
        .load(conn)
        .unwrap();
    assert_eq!(positions, ["agree", "agree_with_comments"]);
    let (held_at, minutes): (NaiveDateTime, Option<String>) = meetings::table
        .select((meetings::held_at, meetings::minutes_reference))
        .first(conn)
        .unwrap();
    assert_eq!(held_at.date(), yesterday(&app));
    assert_eq!(minutes.as_deref(), Some(MINUTES));
    let answer: Option<String> = requests::table
        .select(requests::answer)
        .first(conn)
        .unwrap();
    assert_eq!(answer.as_deref(), Some(DRAFT));

    // Nils, who was absent, is mailed the answer, the day and the deadline;
    // those who attended are not.
    let held = yesterday(&app).format("%-d %B %Y").to_string();
    let subject = format!(
        "decided at the meeting of {held}; object by {}",
        until.format("%-d %B %Y")
    );
    wait_for_mail(&app, &subject, 1).await;
    app.run_worker_once().await;
    assert_eq!(told(&app, &subject), ["nils@example.org"]);
    let mail = mail_to(&app, "nils@example.org", &subject);
    for part in [
        DRAFT,
        MINUTES,
        "Carla Convenor: Agree",
        "Mia Member: Agree, with comments",
        &until.format("%-d %B %Y, %H:%M UTC").to_string(),
    ] {
        assert!(mail.text.contains(part), "{part:?} in {}", mail.text);
    }

    // The decision record shows the meeting.
    let shown = page(&mia, &reference).await;
    assert_eq!(
        text_of(&shown, "[id^=round-heading]").unwrap(),
        format!("Decided at the meeting of {held}")
    );
    let record = text_of(&shown, "[id^=record-heading] + dl").unwrap();
    for part in [
        "Recorded By Carla Convenor".to_owned(),
        format!("Taken at The group's meeting of {held}"),
        "Carla Convenor (convenor): Agree".to_owned(),
        "Mia Member: Agree, with comments".to_owned(),
        "Quorum Reached: 2 of 3 attended, 2 needed".to_owned(),
        format!("Minutes {MINUTES}"),
        format!(
            "Objections Open to objection by the voting members who did not attend until {}",
            until.format("%-d %B %Y, %H:%M UTC")
        ),
    ] {
        assert!(record.contains(&part), "{part:?} in {record}");
    }
    let voters = text_of(&shown, "[aria-label=Votes]").unwrap();
    assert!(voters.contains("Nils Member Did not attend"), "{voters}");

    // Only Nils may object: his queue and page say so, Mia's do not.
    let nils = app.signed_in("nils@example.org").await;
    assert!(queue(&nils).await.contains(&format!(
        "Open to your objection until {}",
        until.format("%-d %B %Y")
    )));
    let offered = text_of(&page(&nils, &reference).await, ".task-main").unwrap();
    assert!(
        offered.contains("Object to the meeting's decision"),
        "{offered}"
    );
    assert!(!queue(&mia).await.contains("Open to your objection"));
    assert!(!page(&mia, &reference).await.contains("/objections"));
}

async fn an_absentees_objection_sends_it_back_and_an_attendees_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = with_the_group(&app).await;
    decided_at_a_meeting(&app, &reference).await;

    let mia = app.signed_in("mia@example.org").await;
    let refused = act(
        &mia,
        &reference,
        "objections",
        &[("note", "On reflection, no.")],
    )
    .await;
    assert_eq!(refused.status(), 409);
    assert!(refusal(refused).await.contains(
        "Only the group's voting members who did not attend the meeting may object to its decision."
    ));
    assert_eq!(state_of(&app).0, "confirming");
    let none: i64 = objections::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(none, 0);

    let objection = "The meeting did not consider 7.2.2, which the answer contradicts.";
    let nils = app.signed_in("nils@example.org").await;
    let objected = act(&nils, &reference, "objections", &[("note", objection)]).await;
    assert_eq!(objected.status(), 303);
    assert_eq!(state_of(&app).0, "in_group");
    assert_eq!(the_round(&app).outcome, Some(Outcome::Objected));
    let stored: Vec<(String, String)> = objections::table
        .select((objections::user_id, objections::reason))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        stored,
        [(app.user_id("nils@example.org"), objection.to_owned())]
    );

    // The convenor and the secretariat hear of it.
    let subject = "objection from Nils Member; back to the group";
    wait_for_mail(&app, subject, 2).await;
    assert_eq!(
        told(&app, subject),
        ["carla@example.org", "sam@example.org"]
    );
    let mail = mail_to(&app, "sam@example.org", subject);
    assert!(
        mail.text
            .contains("objected to the decision the group took at a meeting"),
        "{}",
        mail.text
    );
    assert!(mail.text.contains(objection));

    let carla = app.signed_in("carla@example.org").await;
    let shown = page(&carla, &reference).await;
    let record = text_of(&shown, "[id^=record-heading] + dl").unwrap();
    assert!(
        record.contains("Nils Member,") && record.contains(objection),
        "{record}"
    );
    assert!(record.contains("The decision did not stand"), "{record}");
    let timeline = text_of(&shown, ".timeline").unwrap();
    assert!(
        timeline.contains("Objected to the decision Nils Member"),
        "{timeline}"
    );
    // Back with the group: a new round, or another meeting.
    assert!(shown.contains("Record a decision taken at a meeting"));
    assert!(shown.contains("Circulate for consensus"));
}

async fn a_meeting_decision_stands_when_nobody_objects_in_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = with_the_group(&app).await;
    decided_at_a_meeting(&app, &reference).await;
    app.clock.advance(TimeDelta::days(13));
    app.run_worker_once().await;
    assert_eq!(state_of(&app).0, "confirming", "the window is still open");

    app.clock.advance(TimeDelta::days(2));
    // The worker confirms the decision once the window has ended.
    app.run_worker_once().await;
    assert_eq!(state_of(&app).0, "decided");
    let (decided_at, answer): (Option<NaiveDateTime>, Option<String>) = requests::table
        .select((requests::decided_at, requests::answer))
        .first(&mut app.db())
        .unwrap();
    assert!(decided_at.is_some());
    assert_eq!(answer.as_deref(), Some(DRAFT));
    let subject = "no objection; ready to publish";
    wait_for_mail(&app, subject, 4).await;
    assert_eq!(
        told(&app, subject),
        [
            "carla@example.org",
            "mia@example.org",
            "nils@example.org",
            "sam@example.org"
        ]
    );
    let mail = mail_to(&app, "sam@example.org", subject);
    assert!(
        mail.text
            .contains("Nobody objected to the decision the group took at a meeting"),
        "{}",
        mail.text
    );

    // Too late for Nils; the secretariat publishes.
    let nils = app.signed_in("nils@example.org").await;
    let late = act(&nils, &reference, "objections", &[("note", "Too late?")]).await;
    assert_eq!(late.status(), 409);
    let sam = app.signed_in("sam@example.org").await;
    let record = text_of(&page(&sam, &reference).await, "[id^=record-heading] + dl").unwrap();
    assert!(record.contains("the decision stood"), "{record}");
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    let (status, public) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(status, 200);
    assert!(public.contains("one procedure may cover several methods"));
}

async fn a_bad_meeting_record_changes_nothing_and_keeps_what_was_typed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = with_the_group(&app).await;
    let before = stored(&app);
    let carla = app.signed_in("carla@example.org").await;

    // No attendee, a day to come, no minutes, an empty answer: each said.
    let tomorrow = (app.clock.now() + TimeDelta::days(1))
        .format("%Y-%m-%d")
        .to_string();
    let fields = meeting_fields(
        &app,
        &tomorrow,
        &[
            ("carla@example.org", ""),
            ("mia@example.org", ""),
            ("nils@example.org", ""),
        ],
        "  ",
        " \n ",
    );
    let refused = send_meeting(&carla, &reference, &fields).await;
    assert_eq!(refused.status(), 422);
    let shown = refused.text().await.unwrap();
    let alert = text_of(&shown, "[role=alert]").unwrap();
    for message in [
        "The meeting cannot be in the future: enter the day it was held.",
        "Say who attended: choose the position of at least one member.",
        "Give the minutes' reference, or paste the minutes.",
        "Write the answer the meeting decided.",
    ] {
        assert!(alert.contains(message), "{message:?} in {alert}");
    }
    for (field, message) in [
        ("held_on", "The meeting cannot be in the future"),
        ("attendance", "Say who attended"),
        ("minutes_reference", "Give the minutes' reference"),
        ("meeting_answer", "Write the answer the meeting decided."),
    ] {
        let beside = text_of(&shown, &format!("#{field}-error")).unwrap();
        assert!(beside.contains(message), "{field}: {beside}");
    }
    assert!(
        shown.contains(&format!("value=\"{tomorrow}\"")),
        "the date typed stays"
    );
    assert!(shown.contains("<details class=\"card stack-sm\" id=\"meeting\" open>"));
    assert_eq!(stored(&app), before);

    // Pasted minutes and an answer, but too few attended: the typing
    // stays.
    let mut fields = meeting_fields(
        &app,
        &yesterday(&app).format("%Y-%m-%d").to_string(),
        &[
            ("carla@example.org", "oppose"),
            ("mia@example.org", ""),
            ("nils@example.org", ""),
        ],
        "",
        "A typed answer kept.",
    );
    fields[2].1 = "Item 4: the group agreed the answer.".into();
    let refused = send_meeting(&carla, &reference, &fields).await;
    assert_eq!(refused.status(), 422);
    let shown = refused.text().await.unwrap();
    let alert = text_of(&shown, "[role=alert]").unwrap();
    assert!(
        alert.contains("The quorum is not reached: 1 of the group's 3 voting members attended, and the group needs at least 2."),
        "{alert}"
    );
    assert!(!alert.contains("minutes"), "{alert}");
    assert!(shown.contains(">A typed answer kept.</textarea>"));
    assert!(shown.contains(">Item 4: the group agreed the answer.</textarea>"));
    let carla_id = app.user_id("carla@example.org");
    let chosen = text_of(&shown, &format!("#attended-{carla_id} option[selected]")).unwrap();
    assert_eq!(chosen, "Oppose (sustained opposition)");
    assert_eq!(stored(&app), before);

    // A meeting before the request was received cannot have decided it.
    let early = (app.clock.now() - TimeDelta::days(30))
        .format("%Y-%m-%d")
        .to_string();
    let fields = meeting_fields(
        &app,
        &early,
        &[("carla@example.org", "agree"), ("mia@example.org", "agree")],
        MINUTES,
        DRAFT,
    );
    let refused = send_meeting(&carla, &reference, &fields).await;
    assert_eq!(refused.status(), 422);
    assert!(
        refusal(refused)
            .await
            .contains("The meeting cannot have decided this request before it was received on")
    );
    assert_eq!(stored(&app), before);
    app.run_worker_once().await;
    assert_eq!(mail_count(&app, "object by"), 0, "nobody mailed");
}

async fn only_the_convenor_records_a_meeting_decision(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = with_the_group(&app).await;
    let before = stored(&app);
    let fields = meeting_fields(
        &app,
        &yesterday(&app).format("%Y-%m-%d").to_string(),
        &[("mia@example.org", "agree"), ("nils@example.org", "agree")],
        MINUTES,
        DRAFT,
    );
    let mia = app.signed_in("mia@example.org").await;
    let refused = send_meeting(&mia, &reference, &fields).await;
    assert_eq!(refused.status(), 409);
    assert!(
        refusal(refused)
            .await
            .contains("You are not the person who can do this.")
    );
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(send_meeting(&sam, &reference, &fields).await.status(), 409);
    assert_eq!(stored(&app), before);
}
