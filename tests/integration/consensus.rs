//! Consensus rounds and decisions (issue 4, items 6 and 7): open a round,
//! vote, answer every opposition, record consensus, publish; and the timed
//! jobs — reminders before the deadline, expiry of unanswered requests.

use chrono::TimeDelta;
use clarion::db::schema::{opposition_responses, requests, rounds, votes};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::workspace::{act, filled, screened_world, state_of};

pub const DRAFT: &str =
    "No. Clause 7.2.1 requires documented methods; one procedure may cover several methods.";
const RESPONSE: &str =
    "Kept as drafted: 7.2.1 already requires each method to be documented, which names it.";

/// Accepted and with a round open by the convenor; returns the reference.
pub async fn balloting(app: &TestApp) -> String {
    let (reference, _) = screened_world(app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let response = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(app).0, "balloting");
    reference
}

/// Every voter of the round (Carla, Mia, Nils) agrees, so that the
/// closing rules let the convenor record consensus before the deadline.
pub async fn everyone_agrees(app: &TestApp, reference: &str) {
    for email in ["carla@example.org", "mia@example.org", "nils@example.org"] {
        let voter = app.signed_in(email).await;
        let agree = [("position", "agree"), ("comment", "")];
        assert_eq!(act(&voter, reference, "vote", &agree).await.status(), 303);
    }
}

pub fn mail_count(app: &TestApp, subject_end: &str) -> usize {
    app.mail
        .received()
        .iter()
        .filter(|m| m.subject.ends_with(subject_end))
        .count()
}

/// Waits until `count` messages with this subject ending have arrived.
pub async fn wait_for_mail(app: &TestApp, subject_end: &str, count: usize) {
    eventually(BOUND, || async {
        if mail_count(app, subject_end) >= count {
            return Ok(());
        }
        let subjects: Vec<String> = app.mail.received().into_iter().map(|m| m.subject).collect();
        Err(format!(
            "expected {count} mail ending {subject_end:?}: {subjects:?}"
        ))
    })
    .await
}

on_both_databases!(
    a_round_reaches_consensus_and_the_clarification_is_published,
    members_who_have_not_voted_are_reminded_once,
    the_convenor_can_go_back_to_drafting_or_give_up,
    the_secretariat_can_send_a_decision_back,
    an_unanswered_request_expires_after_30_days,
    a_published_answer_is_never_edited_only_marked,
    oppositions_sent_as_consensus_is_recorded_are_answered_or_refused,
    a_members_votes_sent_together_are_one_vote,
);

async fn a_published_answer_is_never_edited_only_marked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    everyone_agrees(&app, &reference).await;
    let carla = app.signed_in("carla@example.org").await;
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    let sam = app.signed_in("sam@example.org").await;
    act(&sam, &reference, "publish", &[]).await;
    let consider: bool = requests::table
        .select(requests::consider_at_revision)
        .first(&mut app.db())
        .unwrap();
    assert!(!consider, "the box was left unticked");
    let response = act(
        &sam,
        &reference,
        "mark",
        &[
            ("reason", "incorporated"),
            // Any other edition of the registry will do for the mark.
            ("standard", "iso-iec-17025-2005"),
            ("clause", "7.2.1.3"),
            ("note", "Now clause 7.2.1.3 of the 2027 edition."),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    let (state, answer, flag, note): (String, Option<String>, Option<String>, Option<String>) =
        requests::table
            .select((
                requests::state,
                requests::answer,
                requests::publication_flag,
                requests::publication_flag_note,
            ))
            .first(&mut app.db())
            .unwrap();
    assert_eq!(state, "published");
    assert_eq!(answer.as_deref(), Some(DRAFT), "the answer is unchanged");
    assert_eq!(flag.as_deref(), Some("incorporated"));
    assert_eq!(
        note.as_deref(),
        Some("Now clause 7.2.1.3 of the 2027 edition.")
    );
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&page, ".timeline")
            .unwrap()
            .contains("Marked the publication Sam Secretariat")
    );
    // Nobody else may mark it.
    let refused = act(
        &carla,
        &reference,
        "mark",
        &[("reason", "withdrawn"), ("note", "No.")],
    )
    .await;
    assert_eq!(refused.status(), 409);
}

async fn a_round_reaches_consensus_and_the_clarification_is_published(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let (deadline, opened): (chrono::NaiveDateTime, chrono::NaiveDateTime) = rounds::table
        .select((rounds::deadline_at, rounds::opened_at))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        deadline - opened,
        TimeDelta::days(21),
        "the default deadline"
    );
    let subject = format!(
        "draft answer for your vote by {}",
        deadline.format("%-d %B %Y")
    );
    wait_for_mail(&app, &subject, 3).await;
    assert_eq!(
        mail_count(
            &app,
            &format!(
                "draft answer for your vote by {}",
                deadline.format("%-d %B %Y")
            )
        ),
        3
    );

    let (mia, nils, carla, sam) = (
        app.signed_in("mia@example.org").await,
        app.signed_in("nils@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("sam@example.org").await,
    );
    assert_eq!(
        act(
            &mia,
            &reference,
            "vote",
            &[("position", "agree"), ("comment", "")]
        )
        .await
        .status(),
        303
    );
    let bare_opposition = act(
        &nils,
        &reference,
        "vote",
        &[("position", "oppose"), ("comment", " ")],
    )
    .await;
    assert_eq!(bare_opposition.status(), 422);
    assert!(
        bare_opposition
            .text()
            .await
            .unwrap()
            .contains("An opposition needs a comment")
    );
    assert_eq!(
        act(
            &nils,
            &reference,
            "vote",
            &[("position", "agree"), ("comment", "")]
        )
        .await
        .status(),
        303
    );
    // Votes may change until the round closes.
    let oppose = [
        ("position", "oppose"),
        ("comment", "Say that one procedure must name each method."),
    ];
    assert_eq!(act(&nils, &reference, "vote", &oppose).await.status(), 303);
    let cast: Vec<String> = votes::table
        .select(votes::position)
        .order(votes::position)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(cast, ["agree", "oppose"]);

    let (_, page) = carla
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    let tally = text_of(&page, "[aria-label=Tally]").unwrap();
    assert!(
        tally.contains("1 Agree") && tally.contains("1 Oppose"),
        "{tally}"
    );

    // Every vote is in once the convenor votes; still no consensus while an
    // opposition is unanswered.
    let agree = [("position", "agree"), ("comment", "")];
    assert_eq!(act(&carla, &reference, "vote", &agree).await.status(), 303);
    let refused = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(refused.status(), 422);
    let refusal = text_of(&refused.text().await.unwrap(), "[role=alert]").unwrap();
    assert!(
        refusal.contains("while an opposition has no response: answer Nils Member"),
        "{refusal}"
    );
    assert_eq!(state_of(&app).0, "balloting");

    let vote_id: String = votes::table
        .filter(votes::position.eq("oppose"))
        .select(votes::id)
        .first(&mut app.db())
        .unwrap();
    let response = act(
        &carla,
        &reference,
        "responses",
        &[("vote", &vote_id), ("response", RESPONSE)],
    )
    .await;
    assert_eq!(response.status(), 303);
    let response = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app).0, "decided");
    let (answer, decided): (Option<String>, Option<chrono::NaiveDateTime>) = requests::table
        .select((requests::answer, requests::decided_at))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(answer.as_deref(), Some(DRAFT), "the voted text");
    assert!(decided.is_some());
    let responses: i64 = opposition_responses::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(responses, 1);

    // The decision record, as the secretariat reads it before publishing.
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    let record = text_of(&page, "[id^=round-heading]").unwrap();
    assert!(record.contains("closed"), "{record}");
    assert!(page.contains("one procedure may cover several methods"));
    assert!(page.contains(RESPONSE));
    assert!(
        text_of(&page, ".timeline")
            .unwrap()
            .contains("Recorded consensus Carla Convenor")
    );

    let response = act(
        &sam,
        &reference,
        "publish",
        &[("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(response.status(), 303);
    let (state, consider, published): (String, bool, Option<chrono::NaiveDateTime>) =
        requests::table
            .select((
                requests::state,
                requests::consider_at_revision,
                requests::published_at,
            ))
            .first(&mut app.db())
            .unwrap();
    assert_eq!(state, "published");
    assert!(consider && published.is_some());
    wait_for_mail(&app, "the answer is published", 1).await;
    let published_mail = app
        .mail
        .to("ana.lima@lab.example")
        .into_iter()
        .find(|m| m.subject.ends_with("the answer is published"))
        .unwrap();
    assert!(
        published_mail
            .text
            .contains(&format!("/clarifications/{reference}"))
    );
    wait_for_mail(&app, "consensus recorded; ready to publish", 3).await;
    assert!(
        mail_count(&app, "consensus recorded; ready to publish") >= 3,
        "secretariat and group"
    );
    // A published decision is not decided again: only marking it remains.
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(!page.contains("/publish\"") && !page.contains("/send-back\""));
    assert!(page.contains("Mark the publication"));
}

async fn members_who_have_not_voted_are_reminded_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let mia = app.signed_in("mia@example.org").await;
    act(
        &mia,
        &reference,
        "vote",
        &[("position", "agree"), ("comment", "")],
    )
    .await;
    app.clock.advance(TimeDelta::days(17));
    app.run_worker_once().await;
    assert_eq!(
        mail_count(&app, "please vote by"),
        0,
        "not yet: more than 3 days left"
    );
    app.clock.advance(TimeDelta::days(2));
    app.run_worker_once().await;
    // Later passes of the worker send no second reminder.
    app.run_worker_once().await;
    let mut reminded: Vec<String> = app
        .mail
        .received()
        .iter()
        .filter(|m| m.subject.contains("please vote by"))
        .flat_map(|m| m.envelope_to.clone())
        .collect();
    reminded.sort();
    assert_eq!(
        reminded,
        ["carla@example.org", "nils@example.org"],
        "only those who have not voted"
    );
}

async fn the_convenor_can_go_back_to_drafting_or_give_up(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let carla = app.signed_in("carla@example.org").await;
    let response = act(
        &carla,
        &reference,
        "no-consensus-yet",
        &[("note", "Two members need more time.")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app).0, "in_group");
    let outcome: Option<String> = rounds::table
        .select(rounds::outcome)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(outcome.as_deref(), Some("no_consensus_yet"));
    let response = act(
        &carla,
        &reference,
        "no-consensus",
        &[("note", "The text must change in the revision.")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("no_consensus".to_owned()))
    );
    wait_for_mail(&app, "no consensus could be reached", 1).await;
    let told = app
        .mail
        .to("ana.lima@lab.example")
        .into_iter()
        .find(|m| m.subject.ends_with("no consensus could be reached"));
    assert!(
        told.unwrap()
            .text
            .contains("The text must change in the revision.")
    );
}

async fn the_secretariat_can_send_a_decision_back(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    everyone_agrees(&app, &reference).await;
    let carla = app.signed_in("carla@example.org").await;
    act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(state_of(&app).0, "decided");
    let sam = app.signed_in("sam@example.org").await;
    let response = act(
        &sam,
        &reference,
        "send-back",
        &[("note", "Please cite the clause in the answer.")],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(state_of(&app).0, "in_group");
    wait_for_mail(&app, "decision sent back to the group", 1).await;
    let told: Vec<_> = app
        .mail
        .received()
        .into_iter()
        .filter(|m| m.subject.ends_with("decision sent back to the group"))
        .collect();
    assert_eq!(told.len(), 1);
    assert_eq!(told[0].envelope_to, ["carla@example.org"], "the convenor");
}

async fn an_unanswered_request_expires_after_30_days(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, tracking) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    act(&sam, &reference, "ask", &[("note", "Which method?")]).await;
    app.clock.advance(TimeDelta::days(29));
    app.run_worker_once().await;
    assert_eq!(state_of(&app).0, "awaiting_submitter");
    app.clock.advance(TimeDelta::days(2));
    app.run_worker_once().await;
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("expired".to_owned()))
    );
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("no reply to the secretariat's question arrived within 30 days")
    );
    wait_for_mail(&app, "closed: no reply within 30 days", 1).await;
    assert_eq!(mail_count(&app, "closed: no reply within 30 days"), 1);
}

/// Races are tried this many times each: on PostgreSQL an opposition
/// slipped past the convenor in about one race in five.
const RACES: usize = 30;

/// The newest round: its id and outcome.
fn latest_round(app: &TestApp) -> (String, Option<String>) {
    rounds::table
        .order(rounds::number.desc())
        .select((rounds::id, rounds::outcome))
        .first(&mut app.db())
        .unwrap()
}

/// The oppositions of a round, and how many of them have no response.
fn oppositions(app: &TestApp, round: &str) -> (i64, i64) {
    let of_round = || {
        votes::table
            .left_join(opposition_responses::table)
            .filter(votes::round_id.eq(round))
            .filter(votes::position.eq("oppose"))
    };
    let all = of_round().count().get_result(&mut app.db()).unwrap();
    let unanswered = of_round()
        .filter(opposition_responses::vote_id.nullable().is_null())
        .count()
        .get_result(&mut app.db())
        .unwrap();
    (all, unanswered)
}

/// From wherever the last race left the request, a new round is open.
async fn next_round(app: &TestApp, reference: &str, carla: &Person, sam: &Person) {
    let (state, _) = state_of(app);
    let (person, action) = match state.as_str() {
        "decided" => (sam, "send-back"),
        "balloting" => (carla, "no-consensus-yet"),
        other => panic!("a race left the request {other}"),
    };
    let back = act(person, reference, action, &[("note", "Once more.")]).await;
    assert_eq!(back.status(), 303);
    let opened = act(
        carla,
        reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);
}

async fn oppositions_sent_as_consensus_is_recorded_are_answered_or_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let (mia, nils, carla, sam) = (
        app.signed_in("mia@example.org").await,
        app.signed_in("nils@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("sam@example.org").await,
    );
    let oppose = [("position", "oppose"), ("comment", "Name each method.")];
    for race in 0..RACES {
        if race > 0 {
            next_round(&app, &reference, &carla, &sam).await;
        }
        // Every vote is in, so consensus may be recorded, unless one of
        // the oppositions sent meanwhile is counted first.
        everyone_agrees(&app, &reference).await;
        let (mia_vote, nils_vote, consensus) = (
            filled(&mia, &reference, "vote", &oppose).await,
            filled(&nils, &reference, "vote", &oppose).await,
            filled(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await,
        );
        let answers = tokio::join!(
            mia_vote.send(&mia),
            nils_vote.send(&nils),
            consensus.send(&carla)
        );
        let (mut votes_stored, mut refusals) = (0, Vec::new());
        for vote in [answers.0, answers.1] {
            match vote.status().as_u16() {
                303 => votes_stored += 1,
                409 => refusals.push(vote.text().await.unwrap()),
                other => panic!("race {race}: a vote answered {other}"),
            }
        }
        let consensus = answers.2.status().as_u16();
        let (round, outcome) = latest_round(&app);
        let (stored, unanswered) = oppositions(&app, &round);
        assert_eq!(
            stored, votes_stored,
            "race {race}: a refused vote stored nothing"
        );
        match consensus {
            303 => {
                assert_eq!(outcome.as_deref(), Some("consensus"), "race {race}");
                assert_eq!(
                    unanswered, 0,
                    "race {race}: a round closed by consensus holds an unanswered opposition"
                );
            }
            422 => {
                assert!(votes_stored > 0, "race {race}: refused for no opposition");
                assert_eq!(outcome, None, "race {race}: the round stays open");
            }
            other => panic!("race {race}: recording consensus answered {other}"),
        }
        for page in refusals {
            let message = text_of(&page, "[role=alert]").unwrap_or_default();
            assert!(
                message.contains("This request changed while you were looking at it."),
                "race {race}: {message}"
            );
        }
    }
}

async fn a_members_votes_sent_together_are_one_vote(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let (mia, carla, sam) = (
        app.signed_in("mia@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("sam@example.org").await,
    );
    let mia_id = app.user_id("mia@example.org");
    let positions = ["agree", "agree_with_comments", "oppose", "abstain"];
    for race in 0..RACES {
        if race > 0 {
            next_round(&app, &reference, &carla, &sam).await;
        }
        let mut forms = Vec::new();
        for position in positions {
            let fields = [("position", position), ("comment", "As discussed.")];
            forms.push(filled(&mia, &reference, "vote", &fields).await);
        }
        let answers =
            futures_util::future::join_all(forms.iter().map(|form| form.send(&mia))).await;
        for answer in answers {
            assert_eq!(answer.status(), 303, "race {race}: every vote is taken");
        }
        let (round, _) = latest_round(&app);
        let stored: Vec<String> = votes::table
            .filter(votes::round_id.eq(&round))
            .filter(votes::user_id.eq(&mia_id))
            .select(votes::position)
            .load(&mut app.db())
            .unwrap();
        assert_eq!(stored.len(), 1, "race {race}: one vote per member");
        assert!(positions.contains(&stored[0].as_str()), "race {race}");
    }
}
