//! The published wording is the secretariat's (issue 21, item 1): before
//! publication the secretariat, and the convenor while the group has the
//! request, edit the public form of the question, standard and clause. The
//! submitter's own stays in the record; each edit is an event with its
//! difference; what is published reads the public wording everywhere; a
//! standard of another group moves the request there.

use clarion::db::schema::{events, requests, wording_edits};
use diesel::prelude::*;
use serde_json::Value;

use crate::consensus::{DRAFT, balloting, everyone_agrees, mail_count};
use crate::support::app::{Backend, PASSWORD, Person, TestApp, csrf_token_in, text_of, version_in};
use crate::support::browser::Browser;
use crate::support::journey::QUESTION;
use crate::support::workspace::{
    act, an_out_of_date_form_is_kept_to_send_again, screened_world, state_of,
};
use crate::{in_a_browser, on_both_databases};

on_both_databases!(
    the_secretariat_rewords_the_question_and_the_submitters_stays_in_the_record,
    the_published_clarification_reads_the_public_wording_everywhere,
    a_standard_of_another_group_moves_the_request_there,
    the_convenor_rewords_while_the_group_has_the_request_and_not_after,
    bad_wording_is_refused_and_changes_nothing,
    a_wording_sent_from_a_page_out_of_date_is_kept_to_send_again,
);
in_a_browser!(the_wording_page_reads_well_wide_and_narrow_in_a_browser,);

/// The question without the submitter's name, asked for yes or no.
const REWORDED: &str = "Does clause 7.2.1 require one documented procedure for each test method?";

fn wording_path(reference: &str) -> String {
    format!("/workspace/requests/{reference}/wording")
}

/// Sends the wording form as `person` sees it now, with `fields` changed.
async fn edit_wording(
    person: &Person,
    reference: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (status, page) = person.page(&wording_path(reference)).await;
    assert_eq!(status, 200, "the wording page is served");
    let (token, version) = (csrf_token_in(&page), version_in(&page));
    let mut all: Vec<(&str, &str)> = vec![
        ("csrf_token", &token),
        ("version", &version),
        ("standard", "iso-iec-17025-2017"),
        ("clause", "7.2.1"),
        ("question", QUESTION),
        ("note", ""),
    ];
    for (name, value) in fields {
        all.retain(|(n, _)| n != name);
        all.push((name, value));
    }
    person.post_form(&wording_path(reference), &all).await
}

/// Question, clause, standard id, group id and version of the request.
type Stored = (String, String, String, Option<String>, i32);

fn stored(app: &TestApp) -> Stored {
    requests::table
        .select((
            requests::question,
            requests::clause,
            requests::standard_id,
            requests::group_id,
            requests::version,
        ))
        .first(&mut app.db())
        .unwrap()
}

fn edits_stored(app: &TestApp) -> i64 {
    wording_edits::table
        .count()
        .get_result(&mut app.db())
        .unwrap()
}

fn event_count(app: &TestApp) -> i64 {
    events::table.count().get_result(&mut app.db()).unwrap()
}

async fn the_secretariat_rewords_the_question_and_the_submitters_stays_in_the_record(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (reference, tracking) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(
        text_of(&request_page, "#edit-wording").as_deref(),
        Some("Edit the public wording")
    );
    let (status, form) = sam.page(&wording_path(&reference)).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&form, "#field-question").as_deref(),
        Some(QUESTION),
        "prefilled with the wording in force"
    );
    assert_eq!(
        text_of(&form, "#field-standard option[selected]").unwrap(),
        "ISO/IEC 17025:2017 (MG 17025) — General requirements for the competence of testing and calibration laboratories"
    );
    assert!(
        text_of(&form, "#submitted-wording-heading").is_none(),
        "nothing edited yet: the wording in force is the submitter's"
    );

    // Words an attacker might send come back as text.
    let marked_up =
        "Does clause 7.2.1 require one <b>documented</b> procedure for each test method?";
    let saved = edit_wording(
        &sam,
        &reference,
        &[("question", marked_up), ("note", "Asked for yes or no.")],
    )
    .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(
        saved.headers()["location"],
        format!("/workspace/requests/{reference}").as_str()
    );
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&page, "#banner")
            .unwrap()
            .starts_with("The public wording was saved")
    );
    assert_eq!(stored(&app).0, marked_up);
    assert_eq!(
        text_of(&page, "#submitted-wording-heading + p + dl .preserve-lines").as_deref(),
        Some(QUESTION),
        "the submitter's words beside the public ones"
    );
    assert!(!page.contains("<b>documented"), "escaped, never markup");
    assert!(
        text_of(&page, "main b").is_none(),
        "no element from the words"
    );
    let edited = text_of(&page, ".timeline li:last-child").unwrap();
    assert!(
        edited.starts_with("Edited the public wording Sam Secretariat"),
        "{edited}"
    );
    assert!(
        edited.contains("Asked for yes or no."),
        "the note: {edited}"
    );
    let document = scraper::Html::parse_document(&page);
    let words = |selector: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(selector).unwrap();
        document
            .select(&selector)
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    let taken_out = words(".timeline li:last-child .difference del").concat();
    let put_in = words(".timeline li:last-child .difference ins").concat();
    assert!(
        taken_out.contains("method, or is one procedure covering all methods enough?"),
        "{taken_out}"
    );
    assert!(
        !taken_out.contains("Does clause 7.2.1 require"),
        "the same words stay plain"
    );
    assert!(
        put_in.contains("<b>documented</b>") && put_in.contains("method?"),
        "{put_in}"
    );

    // A second edit: the submitter's words are still the first.
    let clause = edit_wording(
        &sam,
        &reference,
        &[("question", REWORDED), ("clause", "7.2.2")],
    )
    .await;
    assert_eq!(clause.status(), 303);
    assert_eq!(edits_stored(&app), 2);
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(
        text_of(&page, "#submitted-wording-heading + p + dl .preserve-lines").as_deref(),
        Some(QUESTION)
    );
    assert!(
        text_of(&page, ".timeline li:last-child")
            .unwrap()
            .contains("Clause: 7.2.1 7.2.2")
    );

    // The case file keeps both edits, page and JSON.
    let (status, case) = sam
        .page(&format!("/workspace/requests/{reference}/case"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&case, "#submitted-wording-heading + p + dl .preserve-lines").as_deref(),
        Some(QUESTION)
    );
    assert_eq!(case.matches("Edited the public wording").count(), 2);
    let (_, json) = sam
        .page(&format!("/workspace/requests/{reference}/case.json"))
        .await;
    let record: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(record["submitted_wording"]["question"], QUESTION);
    assert_eq!(record["submitted_wording"]["clause"], "7.2.1");
    assert_eq!(record["request"]["question"], REWORDED);
    let edits: Vec<&Value> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "edit_wording")
        .collect();
    assert_eq!(edits.len(), 2);
    assert_eq!(edits[0]["note"], "Asked for yes or no.");
    assert_eq!(edits[0]["by"], "Sam Secretariat");
    assert_eq!(edits[0]["wording"]["question_before"], QUESTION);
    assert_eq!(edits[0]["wording"]["question_after"], marked_up);
    assert_eq!(edits[1]["wording"]["question_before"], marked_up);
    assert_eq!(edits[1]["wording"]["clause_before"], "7.2.1");
    assert_eq!(edits[1]["wording"]["clause_after"], "7.2.2");
    assert_eq!(edits[1]["wording"]["standard_after"], "ISO/IEC 17025:2017");
    assert_eq!(state_of(&app).0, "screening", "an edit moves nothing on");

    // The submitter reads their own words, and those to be published.
    let (_, track) = app.page(&tracking).await;
    assert_eq!(
        text_of(&track, "#question-heading + dl .preserve-lines").as_deref(),
        Some(QUESTION)
    );
    assert_eq!(
        text_of(&track, "#public-wording-heading + p + dl .preserve-lines").as_deref(),
        Some(REWORDED)
    );
}

/// A request decided on the draft; returns its reference.
async fn decided(app: &TestApp) -> String {
    let reference = balloting(app).await;
    everyone_agrees(app, &reference).await;
    let carla = app.signed_in("carla@example.org").await;
    let consensus = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(consensus.status(), 303);
    assert_eq!(state_of(app).0, "decided");
    reference
}

async fn the_published_clarification_reads_the_public_wording_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let saved = edit_wording(
        &sam,
        &reference,
        &[("question", REWORDED), ("clause", "7.2.1.1")],
    )
    .await;
    assert_eq!(saved.status(), 303);

    let preview = act(
        &sam,
        &reference,
        "publish",
        &[("preview", "1"), ("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(preview.status(), 200);
    let preview = preview.text().await.unwrap();
    assert!(
        preview.contains(REWORDED),
        "the preview shows the public wording"
    );
    assert!(!preview.contains(QUESTION), "and never the submitter's");
    let published = act(
        &sam,
        &reference,
        "publish",
        &[("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(published.status(), 303);
    assert_eq!(state_of(&app).0, "published");

    let (status, public) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(status, 200);
    assert!(public.contains(REWORDED));
    assert!(public.contains("7.2.1.1"));
    let (_, api) = app
        .page(&format!("/api/v1/clarifications/{reference}"))
        .await;
    let item: Value = serde_json::from_str(&api).unwrap();
    assert_eq!(item["question"], REWORDED);
    assert_eq!(item["clause"], "7.2.1.1");
    let (_, list) = app.page("/api/v1/clarifications").await;
    let list: Value = serde_json::from_str(&list).unwrap();
    assert_eq!(list["items"][0]["question"], REWORDED);
    let (_, csv) = app.page("/clarifications.csv").await;
    let (_, atom) = app.page("/feeds/clarifications.atom").await;
    for (what, body) in [
        ("the public page", &public),
        ("the API", &api),
        ("the CSV", &csv),
        ("the Atom feed", &atom),
    ] {
        assert!(body.contains(REWORDED), "{what} carries the public wording");
        assert!(
            !body.contains(QUESTION) && !body.contains("covering all methods"),
            "{what} never carries the submitter's"
        );
    }
    // Published: the wording is what everyone read, and stays so.
    let (status, _) = sam.page(&wording_path(&reference)).await;
    assert_eq!(status, 409);
}

async fn a_standard_of_another_group_moves_the_request_there(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    app.add_user(
        "cleo@example.org",
        "Cleo Convenor",
        false,
        Some(("MG 17065", "convenor")),
    );
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    app.run_worker_once().await;
    let before_mail = app.mail.received().len();

    // The convenor rewords, but does not send the request to another group.
    let carla = app.signed_in("carla@example.org").await;
    let before = stored(&app);
    let (events_before, edits_before) = (event_count(&app), edits_stored(&app));
    let refused = edit_wording(&carla, &reference, &[("standard", "iso-iec-17065-2012")]).await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    let said = text_of(&page, "#standard-error").unwrap();
    assert!(
        said.contains("ISO/IEC 17065:2012 is answered by MG 17065"),
        "{said}"
    );
    assert_eq!(stored(&app), before, "nothing changed");
    assert_eq!(
        (event_count(&app), edits_stored(&app)),
        (events_before, edits_before)
    );

    // The secretariat does, as a reassignment.
    let moved = edit_wording(
        &sam,
        &reference,
        &[("standard", "iso-iec-17065-2012"), ("clause", "7.4")],
    )
    .await;
    assert_eq!(moved.status(), 303);
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&page, "#banner")
            .unwrap()
            .contains("The new standard is answered by MG 17065"),
    );
    let (_, _, standard, group, _) = stored(&app);
    assert_eq!(group.as_deref(), Some(app.group_id("MG 17065").as_str()));
    let slug: String = clarion::db::schema::standards::table
        .find(&standard)
        .select(clarion::db::schema::standards::slug)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(slug, "iso-iec-17065-2012");
    let actions: Vec<String> = events::table
        .order((events::created_at, events::id))
        .select(events::action)
        .load(&mut app.db())
        .unwrap();
    assert!(
        actions.ends_with(&["edit_wording".to_owned(), "reassign".to_owned()]),
        "{actions:?}"
    );
    app.run_worker_once().await;
    assert_eq!(
        mail_count(&app, "reassigned to MG 17065"),
        2,
        "Cleo and Otto"
    );
    let to_cleo = app.mail.to("cleo@example.org");
    assert_eq!(to_cleo.len(), 1);
    assert!(
        to_cleo[0].text.contains("ISO/IEC 17065:2012"),
        "the new standard"
    );
    assert!(
        app.mail.received()[before_mail..]
            .iter()
            .all(|m| !m.envelope_to.iter().any(|to| to == "mia@example.org")),
        "the old group is not told"
    );
    // The old group no longer has it; the new one does.
    for email in ["carla@example.org", "mia@example.org"] {
        let person = app.signed_in(email).await;
        let (status, _) = person
            .page(&format!("/workspace/requests/{reference}"))
            .await;
        assert_eq!(status, 404, "{email}");
    }
    let cleo = app.signed_in("cleo@example.org").await;
    let (status, page) = cleo.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(status, 200);
    assert!(
        text_of(&page, ".eyebrow")
            .unwrap()
            .contains("ISO/IEC 17065:2012 · clause 7.4")
    );
}

async fn the_convenor_rewords_while_the_group_has_the_request_and_not_after(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let carla = app.signed_in("carla@example.org").await;
    let saved = edit_wording(&carla, &reference, &[("question", REWORDED)]).await;
    assert_eq!(saved.status(), 303);
    assert_eq!(stored(&app).0, REWORDED);

    // A member comments on the wording; others do not even see it.
    let mia = app.signed_in("mia@example.org").await;
    let (status, _) = mia.page(&wording_path(&reference)).await;
    assert_eq!(status, 409);
    let (_, mias_page) = mia.page(&format!("/workspace/requests/{reference}")).await;
    assert!(text_of(&mias_page, "#edit-wording").is_none());
    let otto = app.signed_in("otto@example.org").await;
    let (status, _) = otto.page(&wording_path(&reference)).await;
    assert_eq!(status, 404);
    // The submitter (or anyone without an account) is asked to sign in.
    let submitter = app.get(&wording_path(&reference)).await;
    assert_eq!(submitter.status(), 303);
    assert!(
        submitter.headers()["location"]
            .to_str()
            .unwrap()
            .starts_with("/login")
    );

    everyone_agrees(&app, &reference).await;
    let consensus = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(consensus.status(), 303);
    // Decided: the secretariat's, no longer the group's.
    let (status, _) = carla.page(&wording_path(&reference)).await;
    assert_eq!(status, 409);
    let (_, carlas_page) = carla
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert!(text_of(&carlas_page, "#edit-wording").is_none());
    let sam = app.signed_in("sam@example.org").await;
    let (_, sams_page) = sam.page(&wording_path(&reference)).await;
    let before = stored(&app);
    let events_before = event_count(&app);
    let late = carla
        .post_form(
            &wording_path(&reference),
            &[
                ("csrf_token", &csrf_token_in(&carlas_page)),
                ("version", &version_in(&sams_page)),
                ("standard", "iso-iec-17025-2017"),
                ("clause", "7.2.1"),
                (
                    "question",
                    "Does clause 7.2.1 need a procedure per method at all?",
                ),
            ],
        )
        .await;
    assert_eq!(late.status(), 409);
    assert_eq!(stored(&app), before);
    assert_eq!(event_count(&app), events_before);
}

async fn bad_wording_is_refused_and_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let before = stored(&app);
    let events_before = event_count(&app);

    let empty = edit_wording(&sam, &reference, &[("question", "  "), ("clause", "7.2.9")]).await;
    assert_eq!(empty.status(), 422);
    let page = empty.text().await.unwrap();
    assert_eq!(
        text_of(&page, ".error-summary a[href='#field-question']").as_deref(),
        Some("Enter the question as it is to be published.")
    );
    assert!(
        text_of(&page, "#question-error")
            .unwrap()
            .contains("Enter the question as it is to be published.")
    );
    assert_eq!(
        scraper::Html::parse_document(&page)
            .select(&scraper::Selector::parse("#field-clause").unwrap())
            .next()
            .and_then(|input| input.value().attr("value").map(str::to_owned))
            .as_deref(),
        Some("7.2.9"),
        "what was typed is kept"
    );

    let unknown = edit_wording(&sam, &reference, &[("standard", "iso-9001-2015")]).await;
    assert_eq!(unknown.status(), 422);
    let page = unknown.text().await.unwrap();
    assert!(
        text_of(&page, "#standard-error")
            .unwrap()
            .contains("Choose a standard from the list")
    );

    let unchanged = edit_wording(&sam, &reference, &[]).await;
    assert_eq!(unchanged.status(), 422, "an edit changes something");

    let (_, form) = sam.page(&wording_path(&reference)).await;
    let stale = sam
        .post_form(
            &wording_path(&reference),
            &[
                ("csrf_token", &csrf_token_in(&form)),
                ("version", &(before.4 - 1).to_string()),
                ("standard", "iso-iec-17025-2017"),
                ("clause", "7.2.1"),
                ("question", REWORDED),
            ],
        )
        .await;
    assert_eq!(stale.status(), 409, "a page out of date is told so");
    let page = stale.text().await.unwrap();
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));

    assert_eq!(stored(&app), before, "nothing stored");
    assert_eq!(event_count(&app), events_before);
    assert_eq!(edits_stored(&app), 0);
}

/// The wording page, once edited, in headless Chromium at a desktop's and
/// a phone's width: free of serious axe findings, never wider than the
/// window; a screenshot of it and of the request page is left in
/// `target/screenshots/` to look at.
async fn the_wording_page_reads_well_wide_and_narrow_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let saved = edit_wording(
        &sam,
        &reference,
        &[("question", REWORDED), ("note", "Names removed.")],
    )
    .await;
    assert_eq!(saved.status(), 303);
    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (width, window) in [
        (1280, "--window-size=1280,1000"),
        (390, "--window-size=390,844"),
    ] {
        let browser = Browser::open_with(&[window]).await;
        browser.goto(&app.url("/login")).await;
        browser.fill("#field-email", "sam@example.org").await;
        browser.fill("#field-password", PASSWORD).await;
        browser
            .follow("form[action='/login'] button[type=submit]")
            .await;
        for (path, name) in [
            (wording_path(&reference), "wording"),
            (
                format!("/workspace/requests/{reference}"),
                "wording-request",
            ),
        ] {
            browser.goto(&app.url(&path)).await;
            assert!(
                browser
                    .text("#submitted-wording-heading + p + dl")
                    .await
                    .contains(QUESTION)
            );
            browser.assert_accessible().await;
            let sideways = browser
                .execute(
                    "return document.documentElement.scrollWidth > window.innerWidth;",
                    vec![],
                )
                .await;
            assert_eq!(
                sideways,
                Value::Bool(false),
                "{path} at {width} px scrolls sideways"
            );
            browser
                .screenshot(shots.join(format!("{name}-{width}.png")))
                .await;
            browser
                .execute(
                    "document.getElementById('submitted-wording-heading').scrollIntoView();",
                    vec![],
                )
                .await;
            browser
                .screenshot(shots.join(format!("{name}-{width}-submitted.png")))
                .await;
        }
        browser.close().await;
    }
}

/// Two tabs on the wording: the one read before the other saved is told
/// so, keeps what was typed in it, and sends it again on the wording as
/// it now is.
async fn a_wording_sent_from_a_page_out_of_date_is_kept_to_send_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let path = wording_path(&reference);
    let (_, stale) = sam.page(&path).await;
    let first = edit_wording(&sam, &reference, &[("question", REWORDED)]).await;
    assert_eq!(first.status(), 303);
    let mine = "Does clause 7.2.1 ask for one procedure per method, or one for all of them?";
    an_out_of_date_form_is_kept_to_send_again(
        &sam,
        &path,
        &stale,
        &[("question", mine), ("note", "Asked as a choice.")],
    )
    .await;
    assert_eq!(stored(&app).0, mine);
    assert_eq!(edits_stored(&app), 2);
}
