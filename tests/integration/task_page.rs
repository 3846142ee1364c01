//! The request page laid out for the task (issue 20, items 3 and 4): each
//! person finds what they are doing now in the main column, the secretariat
//! answers one screening question, closing actions ask to be confirmed,
//! errors point at their field with what was typed kept, and screening
//! shows the requests already asked on the same clause.

use clarion::db::schema::{events, requests, rounds};
use diesel::prelude::*;
use serde_json::Value;

use crate::consensus::balloting;
use crate::support::app::{Backend, PASSWORD, TestApp, text_of};
use crate::support::browser::Browser;
use crate::support::journey::{confirmed_request, outbox_count, valid_form, with};
use crate::support::workspace::{act, reply, screened_world};
use crate::{in_a_browser, on_both_databases};

on_both_databases!(
    each_person_finds_their_task_in_the_main_column,
    the_screening_question_carries_out_each_choice,
    closing_needs_a_ticked_confirmation_and_nothing_changes_without_it,
    a_workspace_error_points_at_its_field_and_keeps_what_was_typed,
    screening_lists_the_requests_already_asked_on_the_clause,
);
in_a_browser!(the_request_page_reads_well_for_each_person_wide_and_narrow,);

const DRAFT: &str = "Each **method** is validated.\n\n- before use\n- after a change\n\n<script>alert('x')</script>";

/// Another request filed and confirmed by `email`, on clause `clause` of
/// ISO/IEC 17025; returns its reference and tracking path.
async fn another_request(app: &TestApp, email: &str, clause: &str) -> (String, String) {
    let before = references(app);
    let form = with(with(valid_form(), "email", email), "clause", clause);
    let tracking = confirmed_request(app, &form).await;
    let reference = references(app)
        .into_iter()
        .find(|r| !before.contains(r))
        .expect("the new request");
    (reference, tracking)
}

fn references(app: &TestApp) -> Vec<String> {
    requests::table
        .filter(requests::reference.is_not_null())
        .select(requests::reference.assume_not_null())
        .load(&mut app.db())
        .unwrap()
}

/// The state and closure reason of the request `reference`.
fn state(app: &TestApp, reference: &str) -> (String, Option<String>) {
    requests::table
        .filter(requests::reference.eq(reference))
        .select((requests::state, requests::closure_reason))
        .first(&mut app.db())
        .unwrap()
}

fn events_of(app: &TestApp, reference: &str) -> i64 {
    events::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(reference))
        .count()
        .get_result(&mut app.db())
        .unwrap()
}

fn page_of(reference: &str) -> String {
    format!("/workspace/requests/{reference}")
}

async fn each_person_finds_their_task_in_the_main_column(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;

    // The secretariat: one question, with a choice for each way forward.
    let sam = app.signed_in("sam@example.org").await;
    let (_, page) = sam.page(&page_of(&reference)).await;
    let question = text_of(&page, ".task-main #screening legend").unwrap();
    assert_eq!(question, "What do you want to do?");
    for choice in [
        "accept",
        "ask_for_information",
        "not_admissible",
        "refer",
        "duplicate",
        "reassign",
    ] {
        assert!(
            page.contains(&format!(r#"name="choice" value="{choice}""#)),
            "{choice} is offered"
        );
    }
    let beside = text_of(&page, ".task-side").unwrap();
    assert!(beside.contains("The request"), "{beside}");
    assert!(beside.contains("Timeline"), "{beside}");
    assert!(text_of(&page, ".task-main form[action$='/rounds']").is_none());

    // The convenor: the draft editor, and its preview stores nothing.
    let accepted = act(&sam, &reference, "screen", &[("choice", "accept")]).await;
    assert_eq!(accepted.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let (_, page) = carla.page(&page_of(&reference)).await;
    assert!(text_of(&page, ".task-main #draft textarea[name=draft]").is_some());
    assert!(text_of(&page, "#screening").is_none());
    let previewed = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", ""), ("preview", "1")],
    )
    .await;
    assert_eq!(previewed.status(), 200);
    let page = previewed.text().await.unwrap();
    let preview = text_of(&page, "#draft-preview .prose").unwrap();
    assert!(
        preview.starts_with("Each method is validated."),
        "{preview}"
    );
    assert!(
        page.contains("<strong>method</strong>"),
        "Markdown rendered"
    );
    assert!(page.contains("<li>before use</li>"), "lists rendered");
    assert!(!page.contains("<script>alert"), "the script is not run");
    let kept = text_of(&page, "textarea#field-rounds-draft").unwrap();
    assert!(kept.contains("<script>alert('x')</script>"), "{kept}");
    let opened: i64 = rounds::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(opened, 0, "a preview opens no round");
    assert_eq!(state(&app, &reference).0, "in_group");

    // A member: the vote form, under the draft it votes on.
    let circulated = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(circulated.status(), 303);
    let mia = app.signed_in("mia@example.org").await;
    let (_, page) = mia.page(&page_of(&reference)).await;
    let vote = text_of(&page, ".task-main form[action$='/vote']").unwrap();
    assert!(vote.contains("The draft answer you vote on"), "{vote}");
    assert!(vote.contains("Each method is validated."), "{vote}");
    assert!(vote.contains("Record my vote"), "{vote}");
    assert!(text_of(&page, "#screening").is_none());
    assert!(text_of(&page, "#draft").is_none());
}

async fn the_screening_question_carries_out_each_choice(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (first, tracking) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;

    // Reassign: another group, still screened.
    let mg_17065 = app.group_id("MG 17065");
    let reassigned = act(
        &sam,
        &first,
        "screen",
        &[("choice", "reassign"), ("reassign_to", &mg_17065)],
    )
    .await;
    assert_eq!(reassigned.status(), 303);
    let (_, page) = sam.page(&page_of(&first)).await;
    let banner = text_of(&page, "#banner").unwrap();
    assert!(banner.contains("Reassigned to MG 17065"), "{banner}");
    let group: Option<String> = requests::table
        .filter(requests::reference.eq(&first))
        .select(requests::group_id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(group.as_deref(), Some(mg_17065.as_str()));
    assert_eq!(state(&app, &first).0, "screening");

    // Ask the submitter, who replies.
    let asked = act(
        &sam,
        &first,
        "screen",
        &[
            ("choice", "ask_for_information"),
            ("question", "Which method do you mean?"),
        ],
    )
    .await;
    assert_eq!(asked.status(), 303);
    assert_eq!(state(&app, &first).0, "awaiting_submitter");
    assert_eq!(reply(&app, &tracking, "Method A of annex B.").await, 303);
    assert_eq!(state(&app, &first).0, "screening");

    // Accept, for the group chosen.
    let mg_17025 = app.group_id("MG 17025");
    let accepted = act(
        &sam,
        &first,
        "screen",
        &[("choice", "accept"), ("group", &mg_17025)],
    )
    .await;
    assert_eq!(accepted.status(), 303);
    assert_eq!(state(&app, &first).0, "in_group");

    // Duplicate of a published clarification, from the group.
    let (original, _) = another_request(&app, "bea@lab.example", "7.2.1").await;
    diesel::update(requests::table.filter(requests::reference.eq(&original)))
        .set((
            requests::state.eq("published"),
            requests::published_at.eq(Some(app.clock.now())),
        ))
        .execute(&mut app.db())
        .unwrap();
    let duplicate = act(
        &sam,
        &first,
        "screen",
        &[("choice", "duplicate"), ("duplicate_of", &original)],
    )
    .await;
    assert_eq!(duplicate.status(), 303);
    assert_eq!(
        state(&app, &first),
        ("closed".to_owned(), Some("duplicate".to_owned()))
    );

    // Refer to the committee owning the standard.
    let (second, _) = another_request(&app, "cai@lab.example", "7.2.1").await;
    let referred = act(
        &sam,
        &second,
        "screen",
        &[
            ("choice", "refer"),
            ("committee", "ISO/TC 176"),
            ("referral_note", ""),
        ],
    )
    .await;
    assert_eq!(referred.status(), 303);
    assert_eq!(
        state(&app, &second),
        ("closed".to_owned(), Some("referred".to_owned()))
    );

    // Not admissible, confirmed.
    let (third, _) = another_request(&app, "dan@lab.example", "7.2.1").await;
    let closed = act(
        &sam,
        &third,
        "screen",
        &[
            ("choice", "not_admissible"),
            ("reason", "specific_situation"),
            ("note", "Your question is about one assessment."),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(closed.status(), 303);
    assert_eq!(
        state(&app, &third),
        ("closed".to_owned(), Some("not_admissible".to_owned()))
    );
}

async fn closing_needs_a_ticked_confirmation_and_nothing_changes_without_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let note = "Your question is about one assessment.";
    let unconfirmed = act(
        &sam,
        &reference,
        "screen",
        &[
            ("choice", "not_admissible"),
            ("reason", "new_requirement"),
            ("note", note),
        ],
    )
    .await;
    assert_eq!(unconfirmed.status(), 422);
    let page = unconfirmed.text().await.unwrap();
    let summary = text_of(&page, ".error-summary").unwrap();
    assert!(
        summary.contains(
            "Tick the box to confirm that you want to close the request as not admissible."
        ),
        "{summary}"
    );
    assert!(page.contains(r##"href="#field-screen-confirm""##));
    assert!(text_of(&page, "#screen-confirm-error").is_some());
    assert!(
        page.contains(r#"id="choice-not_admissible" name="choice" value="not_admissible" checked"#)
    );
    assert_eq!(text_of(&page, "#field-screen-note").unwrap(), note);
    assert!(page.contains(r#"<option value="new_requirement" selected>"#));
    assert_eq!(state(&app, &reference), ("screening".to_owned(), None));
    assert_eq!(events_of(&app, &reference), 1, "only the confirmation");

    // The convenor closing a round without consensus is asked the same.
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let carla = app.signed_in("carla@example.org").await;
    let (_, page) = carla.page(&page_of(&reference)).await;
    assert!(
        text_of(
            &page,
            "form.card--danger[action$='/no-consensus-yet'] button.btn-danger"
        )
        .is_some(),
        "the closing form looks apart from the others"
    );
    let unconfirmed = act(
        &carla,
        &reference,
        "no-consensus-yet",
        &[("note", "Two members need more time.")],
    )
    .await;
    assert_eq!(unconfirmed.status(), 422);
    let page = unconfirmed.text().await.unwrap();
    assert!(page.contains(r##"href="#field-no-consensus-yet-confirm""##));
    assert_eq!(
        text_of(&page, "#field-no-consensus-yet-note").unwrap(),
        "Two members need more time."
    );
    assert_eq!(state(&app, &reference).0, "balloting");
    let open: i64 = rounds::table
        .filter(rounds::closed_at.is_null())
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(open, 1, "the round stays open");
}

async fn a_workspace_error_points_at_its_field_and_keeps_what_was_typed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let queued = outbox_count(&app);

    // No choice made.
    let none = act(&sam, &reference, "screen", &[]).await;
    assert_eq!(none.status(), 422);
    let page = none.text().await.unwrap();
    let summary = text_of(&page, ".error-summary").unwrap();
    assert!(
        summary.contains("Choose what to do with the request."),
        "{summary}"
    );
    assert!(page.contains(r##"href="#field-screen-choice""##));

    // An empty question to the submitter.
    let empty = act(
        &sam,
        &reference,
        "screen",
        &[("choice", "ask_for_information"), ("question", "   ")],
    )
    .await;
    assert_eq!(empty.status(), 422);
    let page = empty.text().await.unwrap();
    let summary = text_of(&page, ".error-summary").unwrap();
    assert!(
        summary.contains("Write your question to the submitter."),
        "{summary}"
    );
    assert!(page.contains(r##"<a href="#field-screen-question">"##));
    let field = text_of(&page, "#screen-question-error").unwrap();
    assert_eq!(field, "Error: Write your question to the submitter.");
    assert!(page.contains(r#"aria-invalid="true""#));
    assert!(
        text_of(&page, ".notice--error").is_none(),
        "no generic alert"
    );

    // An unknown clarification: the reference typed comes back.
    let unknown = act(
        &sam,
        &reference,
        "screen",
        &[("choice", "duplicate"), ("duplicate_of", "CR-1999-0001")],
    )
    .await;
    assert_eq!(unknown.status(), 422);
    let page = unknown.text().await.unwrap();
    assert!(text_of(&page, "#screen-duplicate_of-error").is_some());
    assert!(
        page.contains(r#"id="field-screen-duplicate_of" name="duplicate_of" value="CR-1999-0001""#)
    );
    assert_eq!(state(&app, &reference), ("screening".to_owned(), None));
    assert_eq!(events_of(&app, &reference), 1, "nothing stored");
    assert_eq!(outbox_count(&app), queued, "no mail queued");

    // The convenor's empty draft, in the draft editor.
    let accepted = act(&sam, &reference, "screen", &[("choice", "accept")]).await;
    assert_eq!(accepted.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let empty = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", ""), ("deadline", "")],
    )
    .await;
    assert_eq!(empty.status(), 422);
    let page = empty.text().await.unwrap();
    assert!(page.contains(r##"<a href="#field-rounds-draft">Write the draft answer.</a>"##));
    assert!(text_of(&page, "#rounds-draft-error").is_some());

    // A deadline in the past: the draft and the date typed come back.
    let past = act(
        &carla,
        &reference,
        "rounds",
        &[
            ("draft", "Each method is validated."),
            ("deadline", "2020-01-31"),
        ],
    )
    .await;
    assert_eq!(past.status(), 422);
    let page = past.text().await.unwrap();
    assert!(
        page.contains(r##"<a href="#field-rounds-deadline">Choose a deadline in the future.</a>"##)
    );
    assert!(text_of(&page, "#rounds-deadline-error").is_some());
    assert!(page.contains(r#"name="deadline" type="date" value="2020-01-31""#));
    assert_eq!(
        text_of(&page, "#field-rounds-draft").unwrap(),
        "Each method is validated."
    );
    let opened: i64 = rounds::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(opened, 0);
}

async fn screening_lists_the_requests_already_asked_on_the_clause(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (first, _) = screened_world(&app).await;
    let (second, _) = another_request(&app, "bea@lab.example", "7.2.1").await;
    let (elsewhere, _) = another_request(&app, "cai@lab.example", "7.2.2").await;
    let sam = app.signed_in("sam@example.org").await;

    let (_, page) = sam.page(&page_of(&second)).await;
    let similar = text_of(&page, "#similar").unwrap();
    assert!(similar.contains(&first), "{similar}");
    assert!(!similar.contains(&elsewhere), "{similar}");
    assert!(!similar.contains(&second), "not itself: {similar}");
    assert!(page.contains(&format!(r#"<a href="/workspace/requests/{first}">"#)));

    let (_, page) = sam.page(&page_of(&elsewhere)).await;
    assert!(text_of(&page, "#similar").is_none(), "nothing on 7.2.2");

    // Once screened, the list is gone; the first still lists the second.
    let accepted = act(&sam, &second, "screen", &[("choice", "accept")]).await;
    assert_eq!(accepted.status(), 303);
    let (_, page) = sam.page(&page_of(&second)).await;
    assert!(text_of(&page, "#similar").is_none());
    let (_, page) = sam.page(&page_of(&first)).await;
    let similar = text_of(&page, "#similar").unwrap();
    assert!(similar.contains(&second), "{similar}");
}

/// The request page in headless Chromium at a desktop's and a phone's
/// width, as the secretariat screening, the convenor drafting (after a
/// preview) and a member voting see it: free of serious axe findings, never
/// wider than the window, the task before the request on a phone; a
/// screenshot of each is left in `target/screenshots/` to look at.
async fn the_request_page_reads_well_for_each_person_wide_and_narrow(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (screened, _) = screened_world(&app).await;
    let (drafting, _) = another_request(&app, "bea@lab.example", "7.2.1").await;
    let (voting, _) = another_request(&app, "cai@lab.example", "7.2.1").await;
    let sam = app.signed_in("sam@example.org").await;
    for reference in [&drafting, &voting] {
        let accepted = act(&sam, reference, "screen", &[("choice", "accept")]).await;
        assert_eq!(accepted.status(), 303);
    }
    let carla = app.signed_in("carla@example.org").await;
    let opened = act(
        &carla,
        &voting,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);

    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (width, height) in [(1280, 1000), (390, 844)] {
        for (role, email, reference) in [
            ("secretariat", "sam@example.org", &screened),
            ("convenor", "carla@example.org", &drafting),
            ("member", "mia@example.org", &voting),
        ] {
            let browser = Browser::open_sized(width, height).await;
            browser.goto(&app.url("/login")).await;
            browser.fill("#field-email", email).await;
            browser.fill("#field-password", PASSWORD).await;
            browser
                .follow("form[action='/login'] button[type=submit]")
                .await;
            browser.goto(&app.url(&page_of(reference))).await;
            match role {
                "secretariat" => browser.click("#choice-not_admissible").await,
                "convenor" => {
                    browser.fill("#field-rounds-draft", DRAFT).await;
                    browser
                        .follow("form[action$='/rounds'] button[name=preview]")
                        .await;
                }
                _ => {}
            }
            browser.assert_accessible().await;
            let viewport = browser.execute("return window.innerWidth;", vec![]).await;
            assert_eq!(viewport, Value::from(width));
            let sideways = browser
                .execute(
                    "return document.documentElement.scrollWidth > window.innerWidth;",
                    vec![],
                )
                .await;
            assert_eq!(
                sideways,
                Value::Bool(false),
                "{role} at {width} px scrolls sideways"
            );
            // The task comes first: beside the request when wide, above it
            // when narrow.
            let task_first = browser
                .execute(
                    "const main = document.querySelector('.task-main').getBoundingClientRect();
                     const side = document.querySelector('.task-side').getBoundingClientRect();
                     return arguments[0] ? side.left >= main.right : side.top >= main.bottom;",
                    vec![Value::Bool(width == 1280)],
                )
                .await;
            assert_eq!(task_first, Value::Bool(true), "{role} at {width} px");
            browser
                .screenshot(shots.join(format!("request-{role}-{width}.png")))
                .await;
            browser.close().await;
        }
    }
}
