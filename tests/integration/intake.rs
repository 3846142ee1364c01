//! Intake through member bodies and liaisons (issue 22): with
//! `CLARION_INTAKE` endorsed or both, a request from the public names its
//! sponsor, which endorses it by a private link (on to screening), answers
//! it locally or declines it; unanswered, it is reminded, then the request
//! lapses. In open mode nothing of this shows.

use chrono::TimeDelta;
use clarion::db::schema::{endorsements, requests};
use clarion::models::organisations;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of, version_in};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{
    confirmed_request, file_request, press_confirm, request_count, send, valid_form, with,
};
use crate::support::workspace::{act, add_the_people, state_of};

on_both_databases!(
    in_open_mode_the_form_names_no_sponsor_and_a_request_goes_to_screening,
    a_sponsor_endorses_a_request_by_its_link_and_it_goes_to_screening,
    a_sponsor_answers_a_request_locally_and_the_submitter_and_the_secretariat_get_the_answer,
    a_sponsor_declines_a_request_with_a_reason,
    an_answer_without_its_text_is_refused_and_changes_nothing,
    an_unanswered_sponsor_is_reminded_then_the_request_lapses,
    two_workers_reminding_at_once_send_one_reminder,
    a_request_without_a_sponsor_that_takes_requests_is_refused,
    in_both_mode_a_request_from_the_public_waits_for_its_endorsement,
    an_endorsement_link_works_once_for_its_own_request_only,
    the_workspace_names_the_sponsor_and_may_keep_the_submitter_from_the_group,
);

const AFNOR: &str = "requests@afnor.example";
const SAM: &str = "sam@example.org";
const ANA: &str = "ana.lima@lab.example";

/// An app in `mode` where AFNOR takes requests at its address, with Sam
/// of the secretariat and the people of MG 17025; returns AFNOR's id.
async fn world(backend: Backend, mode: &str) -> (TestApp, String) {
    world_with(backend, &[("CLARION_INTAKE", mode.to_owned())]).await
}

async fn world_with(backend: Backend, settings: &[(&str, String)]) -> (TestApp, String) {
    let app = TestApp::spawn_with(backend, settings).await;
    add_the_people(&app);
    let afnor = organisations::find_by_acronym(&mut app.db(), "AFNOR")
        .unwrap()
        .expect("AFNOR is in the built-in registry");
    assert!(organisations::set_contact_email(&mut app.db(), &afnor.id, Some(AFNOR)).unwrap());
    (app, afnor.id)
}

/// Files and confirms Ana's request naming `sponsor`; returns the
/// tracking page's path.
async fn sponsored_request(app: &TestApp, sponsor: &str) -> String {
    confirmed_request(app, &with(valid_form(), "sponsor", sponsor)).await
}

/// The path of the newest endorsement link mailed to AFNOR, once `count`
/// have arrived.
async fn endorsement_link(app: &TestApp, count: usize) -> String {
    eventually(BOUND, || async {
        let links: Vec<String> = app
            .mail
            .to(AFNOR)
            .iter()
            .flat_map(|m| m.links())
            .filter(|l| l.contains("/endorse/"))
            .collect();
        match links.get(count - 1) {
            Some(link) => Ok(link.strip_prefix(&app.address).unwrap().to_owned()),
            None => Err(format!("{} endorsement links mailed to AFNOR", links.len())),
        }
    })
    .await
}

/// Presses one of the endorsement page's buttons, with its text.
async fn answer(app: &TestApp, link: &str, choice: &str, note: &str) -> (u16, String) {
    let (status, page) = app.page(link).await;
    assert_eq!(status, 200, "the endorsement page opens");
    let token = csrf_token_in(&page);
    let response = app
        .post_form(
            link,
            &[("csrf_token", &token), ("choice", choice), ("note", note)],
        )
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

fn subjects_to(app: &TestApp, address: &str) -> Vec<String> {
    app.mail
        .to(address)
        .into_iter()
        .map(|m| m.subject)
        .collect()
}

async fn wait_for_subject(app: &TestApp, address: &str, ending: &str) -> String {
    eventually(BOUND, || async {
        app.mail
            .to(address)
            .into_iter()
            .find(|m| m.subject.ends_with(ending))
            .map(|m| m.text)
            .ok_or(format!(
                "no mail to {address} ending {ending:?}: {:?}",
                subjects_to(app, address)
            ))
    })
    .await
}

fn endorsement(app: &TestApp) -> (Option<String>, Option<String>, Option<String>) {
    endorsements::table
        .select((
            endorsements::decision,
            endorsements::note,
            endorsements::token_hash,
        ))
        .first(&mut app.db())
        .unwrap()
}

async fn in_open_mode_the_form_names_no_sponsor_and_a_request_goes_to_screening(backend: Backend) {
    let (app, afnor) = world(backend, "open").await;
    let (_, form) = app.page("/requests/new").await;
    assert!(!form.contains("field-sponsor"), "no sponsor is asked for");
    // A sponsor sent anyway is ignored, not an error.
    sponsored_request(&app, &afnor).await;
    assert_eq!(state_of(&app).0, "screening");
    let rows: i64 = endorsements::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(rows, 0, "no sponsor is recorded");
    wait_for_subject(&app, SAM, "to screen").await;
    app.run_worker_once().await;
    assert!(app.mail.to(AFNOR).is_empty(), "AFNOR is asked nothing");
}

async fn a_sponsor_endorses_a_request_by_its_link_and_it_goes_to_screening(backend: Backend) {
    let (app, afnor) = world(backend, "endorsed").await;
    let (_, form) = app.page("/requests/new").await;
    assert!(
        text_of(&form, "label[for=field-sponsor]")
            .unwrap()
            .contains("Member body or liaison"),
        "the form asks for a sponsor"
    );
    let tracking = sponsored_request(&app, &afnor).await;
    assert_eq!(state_of(&app).0, "awaiting_endorsement");
    let (_, page) = app.page(&tracking).await;
    assert_eq!(
        text_of(&page, ".badge--state").as_deref(),
        Some("Awaiting endorsement")
    );

    let link = endorsement_link(&app, 1).await;
    let (status, page) = app.page(&link).await;
    assert_eq!(status, 200);
    assert!(page.contains("Does clause 7.2.1 require a documented procedure"));
    assert!(page.contains("Ana Lima"), "the sponsor sees who asks");
    assert!(page.contains("<dd>Brazil</dd>"));
    let mut french = reqwest::header::HeaderMap::new();
    french.insert("accept-language", "fr".parse().unwrap());
    let (_, in_french) = Person::with_headers(&app.address, french).page(&link).await;
    assert!(
        in_french.contains("<dd>Brésil</dd>"),
        "the country in French"
    );
    app.run_worker_once().await;
    assert!(
        !subjects_to(&app, SAM)
            .iter()
            .any(|s| s.ends_with("to screen")),
        "the secretariat screens only what is endorsed: {:?}",
        subjects_to(&app, SAM)
    );

    let (_, form) = app.page(&link).await;
    let (status, done) = answer(&app, &link, "endorse", "").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&done, "h1").as_deref(), Some("Request endorsed"));
    assert_eq!(state_of(&app), ("screening".to_owned(), None));
    let (decision, _, token_hash) = endorsement(&app);
    assert_eq!(decision.as_deref(), Some("endorsed"));
    assert_eq!(token_hash, None, "the link is forgotten");
    let notice = wait_for_subject(&app, SAM, "to screen").await;
    assert!(notice.contains("Sponsor:   AFNOR (FR)"), "{notice}");
    let told = wait_for_subject(&app, ANA, "endorsed by AFNOR").await;
    assert!(told.contains("AFNOR endorsed your request"));
    assert_eq!(app.page(&link).await.0, 404, "the link worked once");
    // Pressed twice, or sent again from the browser's history: the page
    // says the link is used and that an answer given with it was recorded,
    // not "page not found".
    let again = app
        .post_form(
            &link,
            &[("csrf_token", &csrf_token_in(&form)), ("choice", "endorse")],
        )
        .await;
    assert_eq!(again.status(), 404);
    let again = again.text().await.unwrap();
    assert_eq!(text_of(&again, "h1").unwrap(), "This link no longer works");
    assert!(
        text_of(&again, ".lede")
            .unwrap()
            .contains("If you answered with it, your answer was recorded")
    );
    assert_eq!(state_of(&app), ("screening".to_owned(), None));
}

async fn a_sponsor_answers_a_request_locally_and_the_submitter_and_the_secretariat_get_the_answer(
    backend: Backend,
) {
    let (app, afnor) = world(backend, "endorsed").await;
    let tracking = sponsored_request(&app, &afnor).await;
    let link = endorsement_link(&app, 1).await;
    let local = "One procedure may cover several methods if it addresses each of them.";
    let (status, done) = answer(&app, &link, "answer", local).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&done, "h1").as_deref(), Some("Answer sent"));
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("answered_locally".to_owned()))
    );
    let to_ana = wait_for_subject(&app, ANA, "answered by AFNOR").await;
    assert!(to_ana.contains(local), "the submitter gets the answer");
    let copy = wait_for_subject(&app, SAM, "answered locally by AFNOR").await;
    assert!(copy.contains(local), "the secretariat gets a copy");
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("answered by the member body")
    );
    let (_, note, _) = endorsement(&app);
    assert_eq!(note.as_deref(), Some(local));
}

async fn a_sponsor_declines_a_request_with_a_reason(backend: Backend) {
    let (app, afnor) = world(backend, "endorsed").await;
    sponsored_request(&app, &afnor).await;
    let link = endorsement_link(&app, 1).await;
    let reason = "This asks about one laboratory's assessment, not the standard.";
    let (status, done) = answer(&app, &link, "decline", reason).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&done, "h1").as_deref(), Some("Request declined"));
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("endorsement_declined".to_owned()))
    );
    let told = wait_for_subject(&app, ANA, "not endorsed by AFNOR").await;
    assert!(told.contains(reason));
    app.run_worker_once().await;
    assert!(
        !subjects_to(&app, SAM)
            .iter()
            .any(|s| s.ends_with("to screen")),
        "nothing reaches screening"
    );
}

async fn an_answer_without_its_text_is_refused_and_changes_nothing(backend: Backend) {
    let (app, afnor) = world(backend, "endorsed").await;
    sponsored_request(&app, &afnor).await;
    let link = endorsement_link(&app, 1).await;
    for (choice, field, message) in [
        ("decline", "decline-note", "Write why you decline"),
        ("answer", "answer-note", "Write your answer"),
    ] {
        let (status, page) = answer(&app, &link, choice, "   ").await;
        assert_eq!(status, 422, "{choice}");
        assert!(
            text_of(&page, &format!("#{field}-error"))
                .unwrap()
                .contains(message),
            "{choice}"
        );
        assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    }
    let (status, page) = answer(&app, &link, "publish", "x").await;
    assert_eq!(status, 422);
    assert!(text_of(&page, "#answer-refused").is_some());
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    let (status, _) = answer(&app, &link, "decline", &"x".repeat(5_001)).await;
    assert_eq!(status, 422);
    assert_eq!(state_of(&app).0, "awaiting_endorsement");
    assert_eq!(endorsement(&app).0, None, "nothing decided");
    assert_eq!(app.page(&link).await.0, 200, "the link still works");
}

async fn an_unanswered_sponsor_is_reminded_then_the_request_lapses(backend: Backend) {
    let (app, afnor) = world(backend, "endorsed").await;
    let tracking = sponsored_request(&app, &afnor).await;
    let first = endorsement_link(&app, 1).await;
    // Every message sent is recorded sent before the clock moves on.
    app.run_worker_once().await;
    app.clock.advance(TimeDelta::days(13));
    app.run_worker_once().await;
    assert_eq!(
        subjects_to(&app, AFNOR).len(),
        1,
        "no reminder before 14 days: {:?}",
        subjects_to(&app, AFNOR)
    );
    app.clock.advance(TimeDelta::days(2));
    app.run_worker_once().await;
    let reminder =
        wait_for_subject(&app, AFNOR, "reminder: a request awaits your endorsement").await;
    assert!(reminder.contains("14 days ago"));
    let second = endorsement_link(&app, 2).await;
    assert_ne!(first, second);
    assert_eq!(
        app.page(&first).await.0,
        404,
        "the earlier link is replaced"
    );
    assert_eq!(app.page(&second).await.0, 200);
    app.run_worker_once().await;
    assert_eq!(app.mail.to(AFNOR).len(), 2, "reminded once");

    app.clock.advance(TimeDelta::days(46));
    app.run_worker_once().await;
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("endorsement_expired".to_owned()))
    );
    let told = wait_for_subject(&app, ANA, "closed: not endorsed in time").await;
    assert!(told.contains("AFNOR did not endorse your request within 60 days"));
    assert_eq!(app.page(&second).await.0, 404, "the link lapsed with it");
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("did not answer in time")
    );
}

/// Every instance's worker runs the reminders. Two running at the same
/// moment each found the endorsement unreminded and each mailed a link,
/// the second replacing the first: the sponsor's first reminder led to
/// a dead page.
async fn two_workers_reminding_at_once_send_one_reminder(backend: Backend) {
    let (app, afnor) = world(backend, "endorsed").await;
    sponsored_request(&app, &afnor).await;
    endorsement_link(&app, 1).await;
    app.run_worker_once().await;
    app.clock.advance(TimeDelta::days(15));
    let ctx = app.state.workflow();
    let start = std::sync::Barrier::new(2);
    let reminded: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let mut conn = app.db();
                let (ctx, start) = (&ctx, &start);
                scope.spawn(move || {
                    start.wait();
                    clarion::workflow::endorsements::send_reminders(&mut conn, ctx).unwrap()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    assert_eq!(reminded, 1, "one worker claims the reminder");
    app.run_worker_once().await;
    let link = endorsement_link(&app, 2).await;
    assert_eq!(
        app.mail.to(AFNOR).len(),
        2,
        "the request, then one reminder"
    );
    assert_eq!(app.page(&link).await.0, 200, "the reminder's link works");
}

async fn a_request_without_a_sponsor_that_takes_requests_is_refused(backend: Backend) {
    let (app, _) = world(backend, "endorsed").await;
    let din = organisations::find_by_acronym(&mut app.db(), "DIN")
        .unwrap()
        .unwrap();
    for sponsor in ["", "no-such-organisation", din.id.as_str()] {
        let response = send(&app, &with(valid_form(), "sponsor", sponsor)).await;
        assert_eq!(response.status(), 422, "{sponsor:?}");
        let page = response.text().await.unwrap();
        assert!(
            text_of(&page, "#sponsor-error")
                .unwrap()
                .contains("Choose the member body or liaison"),
            "{sponsor:?}"
        );
    }
    // Refused with another mistake, it says both.
    let form = with(with(valid_form(), "sponsor", ""), "question", "Too short");
    let page = send(&app, &form).await.text().await.unwrap();
    assert!(text_of(&page, "#sponsor-error").is_some());
    assert!(text_of(&page, "#question-error").is_some());
    assert_eq!(request_count(&app), 0, "nothing was stored");
    // DIN has no address for requests, so the form does not offer it.
    let (_, form) = app.page("/requests/new").await;
    assert!(form.contains("France — AFNOR"));
    assert!(!form.contains("Germany — DIN"));
}

async fn in_both_mode_a_request_from_the_public_waits_for_its_endorsement(backend: Backend) {
    let (app, afnor) = world(backend, "both").await;
    let link = {
        sponsored_request(&app, &afnor).await;
        endorsement_link(&app, 1).await
    };
    assert_eq!(state_of(&app).0, "awaiting_endorsement");
    answer(&app, &link, "endorse", "").await;
    assert_eq!(state_of(&app).0, "screening");
    let sponsor: String = endorsements::table
        .inner_join(requests::table)
        .select(endorsements::sponsor_id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(sponsor, afnor, "the sponsor is named on the request");
}

async fn an_endorsement_link_works_once_for_its_own_request_only(backend: Backend) {
    let (app, afnor) = world(backend, "endorsed").await;
    for made_up in [
        "/endorse/0123456789abcdef0123456789abcdef",
        "/endorse/not-a-token",
        "/endorse/%27%20OR%201%3D1",
    ] {
        assert_eq!(app.page(made_up).await.0, 404, "{made_up}");
    }
    // The confirmation link is not an endorsement link, nor the reverse.
    let confirm = file_request(&app, &with(valid_form(), "sponsor", &afnor)).await;
    let token = confirm.rsplit('/').next().unwrap();
    assert_eq!(app.page(&format!("/endorse/{token}")).await.0, 404);
    let confirmed = press_confirm(&app, &confirm).await;
    let tracking = confirmed.headers()["location"].to_str().unwrap().to_owned();
    let link = endorsement_link(&app, 1).await;
    let token = link.rsplit('/').next().unwrap();
    assert_eq!(app.page(&format!("/requests/confirm/{token}")).await.0, 404);
    assert_eq!(app.page(&format!("/track/{token}")).await.0, 404);
    // Only its hash is stored.
    let stored = endorsement(&app).2.unwrap();
    assert_ne!(stored, token);
    assert_eq!(stored.len(), 64);

    // A withdrawn request's link stops working.
    let (status, page) = app.page(&link).await;
    assert_eq!(status, 200);
    let csrf = csrf_token_in(&page);
    let withdraw = format!("{tracking}/withdraw");
    let (_, confirm_page) = app.page(&withdraw).await;
    let response = app
        .post_form(
            &withdraw,
            &[
                ("csrf_token", &csrf_token_in(&confirm_page)),
                ("version", &version_in(&confirm_page)),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        state_of(&app),
        ("closed".to_owned(), Some("withdrawn".to_owned()))
    );
    assert_eq!(app.page(&link).await.0, 404);
    let response = app
        .post_form(
            &link,
            &[("csrf_token", &csrf), ("choice", "endorse"), ("note", "")],
        )
        .await;
    assert_eq!(response.status(), 404, "nothing is endorsed");
    assert_eq!(endorsement(&app).0, None);
}

async fn the_workspace_names_the_sponsor_and_may_keep_the_submitter_from_the_group(
    backend: Backend,
) {
    let (app, afnor) = world_with(
        backend,
        &[
            ("CLARION_INTAKE", "endorsed".to_owned()),
            ("CLARION_GROUP_SEES_SUBMITTER", "off".to_owned()),
        ],
    )
    .await;
    sponsored_request(&app, &afnor).await;
    let link = endorsement_link(&app, 1).await;
    answer(&app, &link, "endorse", "").await;
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    let sam = app.signed_in(SAM).await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let page_of = format!("/workspace/requests/{reference}");
    let case_of = format!("/workspace/requests/{reference}/case");

    for path in [&page_of, &case_of] {
        let (status, page) = sam.page(path).await;
        assert_eq!(status, 200);
        assert!(
            text_of(&page, "#sponsor").unwrap().contains("AFNOR (FR)"),
            "{path}"
        );
        assert!(page.contains("Ana Lima"), "the secretariat sees who asked");
    }
    let mia = app.signed_in("mia@example.org").await;
    for path in [&page_of, &case_of] {
        let (status, page) = mia.page(path).await;
        assert_eq!(status, 200);
        assert!(
            text_of(&page, "#sponsor").unwrap().contains("AFNOR (FR)"),
            "{path}"
        );
        for kept in ["Ana Lima", "Lab Example", ANA] {
            assert!(!page.contains(kept), "{path} shows {kept}");
        }
    }

    // The statistics count requests per sponsor.
    app.clock.advance(TimeDelta::hours(2));
    app.run_worker_once().await;
    let (status, stats) = sam.page("/admin/stats").await;
    assert_eq!(status, 200);
    let row = text_of(&stats, "#by-sponsor tbody tr").unwrap();
    assert!(row.contains("AFNOR (FR)") && row.contains('1'), "{row}");
}
