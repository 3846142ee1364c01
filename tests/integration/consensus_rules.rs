//! Consensus that stands up to an appeal (issue 19, items 2 to 5 and 9):
//! the voter list fixed when a round opens, the closing rules and why they
//! refuse, the tally by nominating body, oppositions answered, the agreed
//! text against the voted one (an editorial change open to objection, or a
//! new round), and the decision record that shows all of it.

use chrono::{NaiveDateTime, TimeDelta};
use clarion::db::schema::{
    events, groups, memberships, objections, organisations, requests, round_voters, rounds, votes,
};
use clarion::domain::consensus::{ChangeClass, Outcome};
use clarion::models::rounds::Round;
use diesel::prelude::*;

use crate::consensus::{DRAFT, balloting, everyone_agrees, mail_count, wait_for_mail};
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, duplicate_ids, text_of};
use crate::support::workspace::{act, screened_world, state_of};

/// The final answer as the convenor rewords it.
const REWORDED: &str =
    "No. Clause 7.2.1 requires documented methods: one procedure may cover several methods.";
const WHY: &str = "A colon introduces the explanation better than a semicolon.";
/// How the page marks the change of [`REWORDED`].
const CHANGE_MARKED: &str = "<del>methods;</del><ins>methods:</ins>";

on_both_databases!(
    consensus_is_refused_with_zero_votes_and_before_the_deadline,
    consensus_is_allowed_after_the_deadline_at_quorum,
    consensus_is_allowed_early_when_every_voter_has_voted,
    an_observer_cannot_vote_and_a_list_too_short_for_the_quorum_says_so,
    a_member_added_after_opening_cannot_vote_in_that_round,
    a_removed_or_deactivated_voters_vote_is_kept_and_counted,
    the_tally_is_shown_in_total_and_by_nominating_body,
    an_opposition_mails_the_convenor_and_the_queue_names_the_opposer,
    an_editorial_change_mails_every_voter_and_an_objection_sends_it_back,
    an_editorial_change_stands_when_nobody_objects_in_time,
    a_substantive_change_opens_a_new_round_linked_to_the_first,
);

/// Moves `email`'s membership of MG 17025 to another capacity.
pub fn set_capacity(app: &TestApp, email: &str, capacity: &str) {
    let user = app.user_id(email);
    let changed = diesel::update(
        memberships::table
            .filter(memberships::user_id.eq(&user))
            .filter(memberships::group_id.eq(app.group_id("MG 17025"))),
    )
    .set(memberships::capacity.eq(capacity))
    .execute(&mut app.db())
    .unwrap();
    assert_eq!(changed, 1, "{email} sits in MG 17025");
}

/// Records that `acronym` (a member body, added if the registry lacks it)
/// nominated `email` to MG 17025.
pub fn nominate(app: &TestApp, email: &str, acronym: &str, name: &str) {
    let conn = &mut app.db();
    let known: Option<String> = organisations::table
        .filter(organisations::acronym.eq(acronym))
        .select(organisations::id)
        .first(conn)
        .optional()
        .unwrap();
    let id = known.unwrap_or_else(|| {
        let id = clarion::db::new_id();
        diesel::insert_into(organisations::table)
            .values((
                organisations::id.eq(&id),
                organisations::kind.eq("member_body"),
                organisations::acronym.eq(acronym),
                organisations::name.eq(name),
                organisations::created_at.eq(app.clock.now()),
            ))
            .execute(conn)
            .unwrap();
        id
    });
    diesel::update(memberships::table.filter(memberships::user_id.eq(app.user_id(email))))
        .set(memberships::nominated_by_id.eq(id))
        .execute(conn)
        .unwrap();
}

/// The secretariat accepts the screened request and the convenor opens a
/// round on [`DRAFT`].
async fn open_round(app: &TestApp, reference: &str) {
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let opened = act(
        &carla,
        reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);
}

async fn page(person: &Person, reference: &str) -> String {
    let (status, page) = person
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert_eq!(status, 200);
    page
}

/// Why an action was refused, as the page says it.
async fn refusal(response: reqwest::Response) -> String {
    text_of(&response.text().await.unwrap(), "[role=alert]").unwrap_or_default()
}

async fn queue(person: &Person) -> String {
    let (_, page) = person.page("/workspace").await;
    text_of(&page, "main").unwrap()
}

/// The newest round's deadline, as pages and mail show it.
fn deadline(app: &TestApp) -> String {
    let deadline: NaiveDateTime = rounds::table
        .order(rounds::number.desc())
        .select(rounds::deadline_at)
        .first(&mut app.db())
        .unwrap();
    deadline.format("%-d %B %Y").to_string()
}

fn events_recorded(app: &TestApp) -> i64 {
    events::table.count().get_result(&mut app.db()).unwrap()
}

async fn vote(app: &TestApp, email: &str, reference: &str, position: &str, comment: &str) -> u16 {
    let voter = app.signed_in(email).await;
    let fields = [("position", position), ("comment", comment)];
    act(&voter, reference, "vote", &fields)
        .await
        .status()
        .as_u16()
}

async fn consensus_is_refused_with_zero_votes_and_before_the_deadline(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let until = deadline(&app);
    let carla = app.signed_in("carla@example.org").await;
    let before = events_recorded(&app);
    let refused = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(refused.status(), 422);
    let why = refusal(refused).await;
    assert!(
        why.contains(&format!(
            "The deadline has not passed: before {until}, consensus can be recorded only once every eligible voter has voted, and 0 of 3 have."
        )),
        "{why}"
    );
    assert!(
        why.contains(
            "The quorum is not reached: 0 of 3 eligible voters have voted, and the group needs at least 2."
        ),
        "{why}"
    );
    assert!(why.ends_with("Nothing was changed."), "{why}");
    assert_eq!(state_of(&app).0, "balloting");
    assert_eq!(events_recorded(&app), before, "nothing recorded");
    let outcome: Option<String> = rounds::table
        .select(rounds::outcome)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(outcome, None, "the round stays open");

    // The same rules stand next to the button before anyone presses it.
    let shown = page(&carla, &reference).await;
    let rules = text_of(&shown, "form[action$='/consensus'] #closing-rules").unwrap();
    assert!(rules.contains("0 of 3 have"), "{rules}");
    assert!(rules.contains("needs at least 2"), "{rules}");
    assert_eq!(
        text_of(&shown, "#participation-1").unwrap(),
        "0 of 3 eligible voters have voted; the quorum is 2."
    );
    let voters = text_of(&shown, "[aria-label=Votes] tbody").unwrap();
    for name in ["Carla Convenor Convenor", "Mia Member", "Nils Member"] {
        assert!(
            voters.contains(&format!("{name} Not voted yet")),
            "{voters}"
        );
    }
}

async fn consensus_is_allowed_after_the_deadline_at_quorum(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    assert_eq!(
        vote(&app, "mia@example.org", &reference, "agree", "").await,
        303
    );
    assert_eq!(
        vote(&app, "nils@example.org", &reference, "abstain", "").await,
        303
    );
    let carla = app.signed_in("carla@example.org").await;
    let early = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(early.status(), 422);
    let why = refusal(early).await;
    assert!(why.contains("and 2 of 3 have"), "{why}");
    assert!(!why.contains("quorum"), "the quorum is reached: {why}");

    app.clock.advance(TimeDelta::days(22));
    let carla = app.signed_in("carla@example.org").await;
    assert!(
        queue(&carla)
            .await
            .contains("Overdue Deadline passed: close the round")
    );
    let shown = page(&carla, &reference).await;
    assert!(
        text_of(&shown, "#closing-rules")
            .unwrap()
            .starts_with("The closing rules are met")
    );
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    assert_eq!(state_of(&app).0, "decided");

    // The decision record, as the secretariat reads it.
    let sam = app.signed_in("sam@example.org").await;
    let shown = page(&sam, &reference).await;
    let record = text_of(&shown, "[id^=record-heading] + dl").unwrap();
    for part in [
        "Recorded By Carla Convenor,",
        "Voter list 3 eligible voters, fixed when the round opened on",
        "Quorum Reached: 2 of 3 voted, 2 needed",
        "Oppositions None",
        "The agreed text The voted text, unchanged",
    ] {
        assert!(record.contains(part), "{part:?} in {record}");
    }
    let voters = text_of(&shown, "[aria-label=Votes] tbody").unwrap();
    assert!(
        voters.contains("Carla Convenor Convenor Not voted yet"),
        "{voters}"
    );
    assert!(voters.contains("Nils Member Abstain"), "{voters}");
}

async fn consensus_is_allowed_early_when_every_voter_has_voted(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    everyone_agrees(&app, &reference).await;
    let carla = app.signed_in("carla@example.org").await;
    assert!(
        queue(&carla)
            .await
            .contains("Every vote is in: close the round")
    );
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    assert_eq!(state_of(&app).0, "decided");
    let (final_answer, class): (Option<String>, Option<String>) = rounds::table
        .select((rounds::final_answer, rounds::change_class))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(final_answer.as_deref(), Some(DRAFT));
    assert_eq!(class.as_deref(), Some("none"));
}

async fn an_observer_cannot_vote_and_a_list_too_short_for_the_quorum_says_so(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    set_capacity(&app, "mia@example.org", "observer");
    open_round(&app, &reference).await;
    let listed: i64 = round_voters::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(listed, 1, "the convenor alone votes");

    let mia = app.signed_in("mia@example.org").await;
    let shown = page(&mia, &reference).await;
    assert!(!shown.contains("/vote\""), "no vote form for an observer");
    assert!(queue(&mia).await.contains("Nothing waits for you"));
    let refused = act(
        &mia,
        &reference,
        "vote",
        &[("position", "agree"), ("comment", "")],
    )
    .await;
    assert_eq!(refused.status(), 409);
    assert!(
        refusal(refused)
            .await
            .contains("You are not on the voter list of this round")
    );
    let stored: i64 = votes::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(stored, 0);
    let commented = act(
        &mia,
        &reference,
        "comments",
        &[("body", "I read it; fine.")],
    )
    .await;
    assert_eq!(commented.status(), 303, "an observer comments");

    assert_eq!(
        vote(&app, "carla@example.org", &reference, "agree", "").await,
        303
    );
    let carla = app.signed_in("carla@example.org").await;
    let refused = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(refused.status(), 422);
    let why = refusal(refused).await;
    assert!(
        why.contains(
            "This round can never reach its quorum: the group needs 2 votes and its voter list has only 1 person."
        ),
        "{why}"
    );
    let voters = text_of(&page(&carla, &reference).await, "[aria-label=Votes] tbody").unwrap();
    assert!(!voters.contains("Mia Member"), "{voters}");
}

async fn a_member_added_after_opening_cannot_vote_in_that_round(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    app.add_user(
        "pia@example.org",
        "Pia Newcomer",
        false,
        Some(("MG 17025", "member")),
    );
    let pia = app.signed_in("pia@example.org").await;
    let shown = page(&pia, &reference).await;
    assert!(!shown.contains("/vote\""), "no vote form");
    assert!(
        !text_of(&shown, "[aria-label=Votes] tbody")
            .unwrap()
            .contains("Pia"),
        "not on the voter list"
    );
    assert!(queue(&pia).await.contains("Nothing waits for you"));
    let refused = act(
        &pia,
        &reference,
        "vote",
        &[("position", "agree"), ("comment", "")],
    )
    .await;
    assert_eq!(refused.status(), 409);
    assert!(
        refusal(refused)
            .await
            .contains("You are not on the voter list of this round")
    );
    let commented = act(
        &pia,
        &reference,
        "comments",
        &[("body", "Just joined; reading.")],
    )
    .await;
    assert_eq!(commented.status(), 303, "a newcomer comments");

    // In the next round, she votes.
    let carla = app.signed_in("carla@example.org").await;
    let back = act(
        &carla,
        &reference,
        "no-consensus-yet",
        &[("note", "Redraft."), ("confirm", "on")],
    )
    .await;
    assert_eq!(back.status(), 303);
    let reopened = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(reopened.status(), 303);
    assert!(queue(&pia).await.contains("Vote on the draft answer"));
    assert_eq!(
        vote(&app, "pia@example.org", &reference, "agree", "").await,
        303
    );
}

async fn a_removed_or_deactivated_voters_vote_is_kept_and_counted(backend: Backend) {
    use clarion::models::{groups as group_rows, users};
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    assert_eq!(
        vote(&app, "mia@example.org", &reference, "agree", "").await,
        303
    );
    let comment = "Fine as drafted.";
    assert_eq!(
        vote(
            &app,
            "nils@example.org",
            &reference,
            "agree_with_comments",
            comment
        )
        .await,
        303
    );
    {
        let conn = &mut app.db();
        let group = app.group_id("MG 17025");
        assert!(group_rows::remove_member(conn, &group, &app.user_id("mia@example.org")).unwrap());
        assert!(users::set_active(conn, &app.user_id("nils@example.org"), false).unwrap());
    }
    let carla = app.signed_in("carla@example.org").await;
    let shown = page(&carla, &reference).await;
    let voters = text_of(&shown, "[aria-label=Votes] tbody").unwrap();
    assert!(voters.contains("Mia Member Agree"), "{voters}");
    assert!(
        voters.contains(&format!("Nils Member Agree, with comments {comment}")),
        "{voters}"
    );
    assert_eq!(
        text_of(&shown, "#participation-1").unwrap(),
        "2 of 3 eligible voters have voted; the quorum is 2."
    );
    assert!(
        text_of(&shown, "[aria-label=Tally]")
            .unwrap()
            .starts_with("1 Agree 1 Agree, with comments")
    );
    // With the convenor's vote every listed voter has voted.
    assert_eq!(
        vote(&app, "carla@example.org", &reference, "agree", "").await,
        303
    );
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    let record = text_of(&page(&carla, &reference).await, "[id^=record-heading] + dl").unwrap();
    assert!(record.contains("Reached: 3 of 3 voted"), "{record}");
}

async fn the_tally_is_shown_in_total_and_by_nominating_body(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    nominate(
        &app,
        "carla@example.org",
        "AFNOR",
        "Association Française de Normalisation",
    );
    nominate(
        &app,
        "mia@example.org",
        "SIS",
        "Svenska institutet för standarder",
    );
    // Nils speaks for a liaison, and the group lets liaisons vote.
    set_capacity(&app, "nils@example.org", "liaison");
    diesel::update(groups::table.filter(groups::code.eq("MG 17025")))
        .set(groups::liaisons_vote.eq(true))
        .execute(&mut app.db())
        .unwrap();
    open_round(&app, &reference).await;
    assert_eq!(
        vote(&app, "mia@example.org", &reference, "agree", "").await,
        303
    );
    let opposition = "Name each method.";
    assert_eq!(
        vote(&app, "nils@example.org", &reference, "oppose", opposition).await,
        303
    );
    assert_eq!(
        vote(&app, "carla@example.org", &reference, "abstain", "").await,
        303
    );

    let sam = app.signed_in("sam@example.org").await;
    let shown = page(&sam, &reference).await;
    assert_eq!(
        text_of(&shown, "[aria-label=Tally]").unwrap(),
        "1 Agree 0 Agree, with comments 1 Oppose (sustained opposition) 1 Abstain"
    );
    assert_eq!(
        text_of(&shown, "[aria-label='Tally by nominating body'] tbody").unwrap(),
        "AFNOR 0 0 0 1 SIS 1 0 0 0 No nominating body 0 0 1 0"
    );
    let voters = text_of(&shown, "[aria-label=Votes] tbody").unwrap();
    assert!(
        voters.contains("Carla Convenor Convenor Abstain AFNOR Expert"),
        "{voters}"
    );
    assert!(voters.contains("Mia Member Agree SIS Expert"), "{voters}");
    assert!(
        voters.contains(&format!(
            "Nils Member Oppose (sustained opposition) {opposition} No response yet None Liaison"
        )),
        "{voters}"
    );
    assert!(shown.contains("<abbr title=\"Association Française de Normalisation\">AFNOR</abbr>"));
}

async fn an_opposition_mails_the_convenor_and_the_queue_names_the_opposer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let carla = app.signed_in("carla@example.org").await;
    assert!(queue(&carla).await.contains("Vote on the draft answer"));
    let first = "Say that one procedure must name each method.";
    assert_eq!(
        vote(&app, "nils@example.org", &reference, "oppose", first).await,
        303
    );
    wait_for_mail(&app, "opposition from Nils Member", 1).await;
    let told: Vec<_> = app
        .mail
        .received()
        .into_iter()
        .filter(|m| m.subject.ends_with("opposition from Nils Member"))
        .collect();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].envelope_to, ["carla@example.org"], "the convenor");
    assert!(told[0].subject.starts_with(&reference));
    assert!(told[0].text.contains(first), "{}", told[0].text);
    assert!(
        told[0]
            .links()
            .contains(&app.url(&format!("/workspace/requests/{reference}")))
    );

    let waiting = queue(&carla).await;
    assert!(
        waiting.contains("Answer the opposition of Nils Member"),
        "{waiting}"
    );
    assert!(!waiting.contains("Vote on the draft answer"), "{waiting}");

    // A member may not answer for the convenor.
    let vote_id: String = votes::table
        .filter(votes::position.eq("oppose"))
        .select(votes::id)
        .first(&mut app.db())
        .unwrap();
    let mia = app.signed_in("mia@example.org").await;
    let answer = [("vote", vote_id.as_str()), ("response", "No.")];
    assert_eq!(
        act(&mia, &reference, "responses", &answer).await.status(),
        409
    );

    let response = "Each method is named in the procedure's scope.";
    let answered = act(
        &carla,
        &reference,
        "responses",
        &[("vote", &vote_id), ("response", response)],
    )
    .await;
    assert_eq!(answered.status(), 303);
    let waiting = queue(&carla).await;
    assert!(!waiting.contains("Answer the opposition"), "{waiting}");
    assert!(waiting.contains("Vote on the draft answer"), "{waiting}");
    let shown = page(&carla, &reference).await;
    assert!(
        text_of(&shown, "[aria-label=Votes] tbody")
            .unwrap()
            .contains(&format!("{first} {response}"))
    );
    assert!(
        text_of(&shown, ".timeline")
            .unwrap()
            .contains("Answered an opposition Carla Convenor")
    );

    // A changed opposition is mailed again and needs a new answer.
    let second = "Also say where the methods are listed.";
    assert_eq!(
        vote(&app, "nils@example.org", &reference, "oppose", second).await,
        303
    );
    wait_for_mail(&app, "opposition from Nils Member", 2).await;
    assert!(
        queue(&carla)
            .await
            .contains("Answer the opposition of Nils Member")
    );
    assert!(
        page(&carla, &reference)
            .await
            .contains("Answers an earlier version")
    );
    // The same opposition sent again is no news.
    assert_eq!(
        vote(&app, "nils@example.org", &reference, "oppose", second).await,
        303
    );
    app.run_worker_once().await;
    assert_eq!(mail_count(&app, "opposition from Nils Member"), 2);
}

/// The convenor records consensus on a reworded text, classified as
/// editorial, after being told to classify it and to give a reason.
async fn decided_editorially(app: &TestApp, reference: &str) {
    let carla = app.signed_in("carla@example.org").await;
    let unclassified = act(
        &carla,
        reference,
        "consensus",
        &[("final_answer", REWORDED)],
    )
    .await;
    assert_eq!(unclassified.status(), 422);
    let shown = unclassified.text().await.unwrap();
    assert!(
        text_of(&shown, "[role=alert]")
            .unwrap()
            .contains("Say whether the change is editorial or substantive."),
    );
    assert!(shown.contains(CHANGE_MARKED), "the difference word by word");
    let unexplained = act(
        &carla,
        reference,
        "consensus",
        &[("final_answer", REWORDED), ("change_class", "editorial")],
    )
    .await;
    assert_eq!(unexplained.status(), 422);
    assert!(
        refusal(unexplained)
            .await
            .contains("Give the reason for the editorial change")
    );
    assert_eq!(state_of(app).0, "balloting");
    let decided = act(
        &carla,
        reference,
        "consensus",
        &[
            ("final_answer", REWORDED),
            ("change_class", "editorial"),
            ("change_reason", WHY),
        ],
    )
    .await;
    assert_eq!(decided.status(), 303);
    assert_eq!(state_of(app).0, "confirming");
}

async fn an_editorial_change_mails_every_voter_and_an_objection_sends_it_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    everyone_agrees(&app, &reference).await;

    // "Preview the difference" shows it and stores nothing.
    let carla = app.signed_in("carla@example.org").await;
    let before = events_recorded(&app);
    let preview = act(
        &carla,
        &reference,
        "consensus",
        &[("final_answer", REWORDED), ("preview", "1")],
    )
    .await;
    assert_eq!(preview.status(), 200);
    let shown = preview.text().await.unwrap();
    assert_eq!(
        text_of(&shown, "#preview .difference").unwrap(),
        "No. Clause 7.2.1 requires documented methods; methods: one procedure may cover several methods."
    );
    assert!(shown.contains(CHANGE_MARKED));
    assert!(
        shown.contains(&format!(">{REWORDED}</textarea>")),
        "the typed text stays"
    );
    assert_eq!(events_recorded(&app), before);
    assert_eq!(state_of(&app).0, "balloting");

    decided_editorially(&app, &reference).await;
    let round: Round = rounds::table
        .select(Round::as_select())
        .first(&mut app.db())
        .unwrap();
    let until = round.objections_until.unwrap();
    assert_eq!(
        until - round.closed_at.unwrap(),
        TimeDelta::days(7),
        "the group's default"
    );
    assert_eq!(round.change_class, Some(ChangeClass::Editorial));
    assert_eq!(round.change_reason.as_deref(), Some(WHY));
    assert_eq!(round.final_answer.as_deref(), Some(REWORDED));
    assert_eq!(round.draft_answer, DRAFT, "the voted text is kept");

    // Every voter is mailed the change, its reason and the deadline.
    let subject = format!(
        "editorial change to the agreed answer; object by {}",
        until.format("%-d %B %Y")
    );
    wait_for_mail(&app, &subject, 3).await;
    let mut told: Vec<String> = app
        .mail
        .received()
        .into_iter()
        .filter(|m| m.subject.ends_with(&subject))
        .flat_map(|m| m.envelope_to)
        .collect();
    told.sort();
    assert_eq!(
        told,
        ["carla@example.org", "mia@example.org", "nils@example.org"]
    );
    let mail = app
        .mail
        .to("mia@example.org")
        .into_iter()
        .find(|m| m.subject.ends_with(&subject))
        .unwrap();
    for part in [WHY, DRAFT, REWORDED] {
        assert!(mail.text.contains(part), "{part:?} in {}", mail.text);
    }
    assert!(
        mail.html.contains("<ins"),
        "the difference in the HTML part"
    );

    // The decision record, open to objection.
    let mia = app.signed_in("mia@example.org").await;
    let shown = page(&mia, &reference).await;
    assert_eq!(
        text_of(&shown, ".badge--state").unwrap(),
        "Open to objection"
    );
    let record = text_of(&shown, "[id^=record-heading] + dl").unwrap();
    for part in [
        "The agreed text Changed editorially from the voted text",
        &format!("Why the text changed {WHY}"),
        &format!("The voted text {DRAFT}"),
        "Quorum Reached: 3 of 3 voted, 2 needed",
        &format!(
            "Objections Open to objection by the voters until {}",
            until.format("%-d %B %Y, %H:%M UTC")
        ),
    ] {
        assert!(record.contains(part), "{part:?} in {record}");
    }
    assert!(queue(&mia).await.contains(&format!(
        "Open to your objection until {}",
        until.format("%-d %B %Y")
    )));

    // Only a voter of the round objects.
    app.add_user(
        "pia@example.org",
        "Pia Newcomer",
        false,
        Some(("MG 17025", "member")),
    );
    let pia = app.signed_in("pia@example.org").await;
    let refused = act(&pia, &reference, "objections", &[("note", "I object.")]).await;
    assert_eq!(refused.status(), 409);
    assert!(
        refusal(refused)
            .await
            .contains("Only the voters of the round may object to its decision.")
    );

    let objection = "With a colon the second half reads as the requirement itself.";
    let objected = act(&mia, &reference, "objections", &[("note", objection)]).await;
    assert_eq!(objected.status(), 303);
    assert_eq!(state_of(&app).0, "in_group");
    let outcome: Option<String> = rounds::table
        .select(rounds::outcome)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(outcome.as_deref(), Some("objected"));
    let stored: Vec<String> = objections::table
        .select(objections::reason)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(stored, [objection]);
    wait_for_mail(&app, "objection from Mia Member; back to the group", 2).await;
    let mut told: Vec<String> = app
        .mail
        .received()
        .into_iter()
        .filter(|m| {
            m.subject
                .ends_with("objection from Mia Member; back to the group")
        })
        .flat_map(|m| m.envelope_to)
        .collect();
    told.sort();
    assert_eq!(
        told,
        ["carla@example.org", "sam@example.org"],
        "convenor and secretariat"
    );
    let carla = app.signed_in("carla@example.org").await;
    let shown = page(&carla, &reference).await;
    let record = text_of(&shown, "[id^=record-heading] + dl").unwrap();
    assert!(
        record.contains("Mia Member,") && record.contains(objection),
        "{record}"
    );
    assert!(record.contains("The decision did not stand"), "{record}");
    assert!(
        queue(&carla)
            .await
            .contains("Draft an answer and open a round")
    );
}

async fn an_editorial_change_stands_when_nobody_objects_in_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    everyone_agrees(&app, &reference).await;
    decided_editorially(&app, &reference).await;
    app.clock.advance(TimeDelta::days(6));
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
    assert_eq!(answer.as_deref(), Some(REWORDED));
    let confirmed: Vec<(Option<String>, String)> = events::table
        .filter(events::action.eq("confirm_decision"))
        .select((events::actor_user_id, events::actor_kind))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(confirmed, [(None, "system".to_owned())]);
    wait_for_mail(&app, "no objection; ready to publish", 4).await;
    let mut told: Vec<String> = app
        .mail
        .received()
        .into_iter()
        .filter(|m| m.subject.ends_with("no objection; ready to publish"))
        .flat_map(|m| m.envelope_to)
        .collect();
    told.sort();
    assert_eq!(
        told,
        [
            "carla@example.org",
            "mia@example.org",
            "nils@example.org",
            "sam@example.org"
        ]
    );

    // Too late to object; the secretariat publishes the final text.
    let mia = app.signed_in("mia@example.org").await;
    let late = act(&mia, &reference, "objections", &[("note", "Too late?")]).await;
    assert_eq!(late.status(), 409);
    let sam = app.signed_in("sam@example.org").await;
    let record = text_of(&page(&sam, &reference).await, "[id^=record-heading] + dl").unwrap();
    assert!(record.contains("the decision stood"), "{record}");
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    let (_, public) = app.page(&format!("/clarifications/{reference}")).await;
    assert!(public.contains("methods: one procedure may cover several methods"));
}

async fn a_substantive_change_opens_a_new_round_linked_to_the_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    assert_eq!(
        vote(&app, "mia@example.org", &reference, "agree", "").await,
        303
    );
    let opposition = "It must say that the procedure names each method.";
    assert_eq!(
        vote(&app, "nils@example.org", &reference, "oppose", opposition).await,
        303
    );
    app.add_user(
        "pia@example.org",
        "Pia Newcomer",
        false,
        Some(("MG 17025", "member")),
    );
    let changed =
        "No. One documented procedure may cover several methods if it names each of them.";
    let carla = app.signed_in("carla@example.org").await;
    let replaced = act(
        &carla,
        &reference,
        "consensus",
        &[
            ("final_answer", changed),
            ("change_class", "substantive"),
            ("change_reason", "Accepts the opposition of Nils Member."),
        ],
    )
    .await;
    assert_eq!(replaced.status(), 303);
    assert_eq!(state_of(&app).0, "balloting");

    let all: Vec<Round> = rounds::table
        .order(rounds::number)
        .select(Round::as_select())
        .load(&mut app.db())
        .unwrap();
    assert_eq!(all.len(), 2);
    let (first, second) = (&all[0], &all[1]);
    assert_eq!(first.draft_answer, DRAFT);
    assert_eq!(first.outcome, Some(Outcome::Replaced));
    assert_eq!(first.final_answer.as_deref(), Some(changed));
    assert_eq!(first.change_class, Some(ChangeClass::Substantive));
    assert_eq!((second.number, second.draft_answer.as_str()), (2, changed));
    assert_eq!(second.outcome, None, "open");
    assert_eq!(
        second.follows_round_id.as_ref(),
        Some(&first.id),
        "linked to the first"
    );
    let listed: i64 = round_voters::table
        .filter(round_voters::round_id.eq(&second.id))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(listed, 4, "today's voters, the newcomer too");
    let kept: i64 = votes::table
        .filter(votes::round_id.eq(&first.id))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(kept, 2, "the first round's votes are kept");

    let until = deadline(&app);
    wait_for_mail(&app, &format!("draft answer for your vote by {until}"), 4).await;
    let shown = page(&carla, &reference).await;
    assert!(
        text_of(&shown, "[id^=round-heading]")
            .unwrap()
            .starts_with("Consensus round 2, open until")
    );
    assert!(shown.contains(
        "This round votes on the text of round 1 as the convenor changed it substantively (Accepts the opposition of Nils Member.)"
    ));
    assert_eq!(
        text_of(&shown, "#participation-2").unwrap(),
        "0 of 4 eligible voters have voted; the quorum is 2."
    );
    // The case file shows both rounds, each with its own participation.
    let (_, case) = carla
        .page(&format!("/workspace/requests/{reference}/case"))
        .await;
    assert_eq!(
        text_of(&case, "#participation-1").unwrap(),
        "2 of 3 eligible voters have voted; the quorum is 2."
    );
    assert_eq!(
        text_of(&case, "#participation-2").unwrap(),
        "0 of 4 eligible voters have voted; the quorum is 2."
    );
    assert_eq!(duplicate_ids(&case), Vec::<String>::new());
    assert!(
        text_of(&shown, ".timeline")
            .unwrap()
            .contains("Changed the text substantively and opened a new round Carla Convenor")
    );
    assert!(
        queue(&app.signed_in("pia@example.org").await)
            .await
            .contains("Vote on the draft answer")
    );
}
