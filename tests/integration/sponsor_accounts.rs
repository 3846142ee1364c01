//! Sponsor accounts (issue 22): an account of a member body or liaison
//! sends requests its organisation endorses as they are sent, follows its
//! organisation's requests, and answers those awaiting its decision from
//! a queue; anything of another organisation is 404 to it.

use clarion::db::schema::{endorsements, events, requests, users};
use clarion::models::organisations;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{confirmed_request, form_token, press_confirm, valid_form, with};
use crate::support::workspace::add_the_people;

on_both_databases!(
    the_secretariat_invites_an_account_for_a_member_body,
    in_both_mode_a_sponsors_request_goes_straight_to_screening_while_a_public_one_waits,
    a_sponsor_sees_its_organisations_requests_and_not_others,
    a_sponsor_endorses_answers_locally_and_declines_from_its_queue,
    a_sponsor_acting_on_another_organisations_request_changes_nothing,
    the_workspace_lists_and_queue_name_the_sponsor,
    a_sponsors_requests_are_listed_fifty_a_page,
);

const CAMILLE: &str = "camille@afnor.example";

/// An app in `mode` where AFNOR and DIN take requests, with the people of
/// MG 17025 and Camille, AFNOR's sponsor account; returns AFNOR's and
/// DIN's ids.
async fn world(backend: Backend, mode: &str) -> (TestApp, String, String) {
    let app = TestApp::spawn_with(backend, &[("CLARION_INTAKE", mode.to_owned())]).await;
    add_the_people(&app);
    let mut ids = Vec::new();
    for (acronym, address) in [
        ("AFNOR", "requests@afnor.example"),
        ("DIN", "requests@din.example"),
    ] {
        let organisation = organisations::find_by_acronym(&mut app.db(), acronym)
            .unwrap()
            .expect("in the built-in registry");
        assert!(
            organisations::set_contact_email(&mut app.db(), &organisation.id, Some(address))
                .unwrap()
        );
        ids.push(organisation.id);
    }
    app.add_user(CAMILLE, "Camille Lefèvre", false, None);
    diesel::update(users::table.filter(users::email.eq(CAMILLE)))
        .set(users::sponsor_organisation_id.eq(&ids[0]))
        .execute(&mut app.db())
        .unwrap();
    let din = ids.pop().unwrap();
    (app, ids.pop().unwrap(), din)
}

/// The state and closure reason of the request `reference`.
fn state(app: &TestApp, reference: &str) -> (String, Option<String>) {
    requests::table
        .filter(requests::reference.eq(reference))
        .select((requests::state, requests::closure_reason))
        .first(&mut app.db())
        .unwrap()
}

/// The reference of the request confirmed last.
fn newest_reference(app: &TestApp) -> String {
    requests::table
        .filter(requests::reference.is_not_null())
        .order(requests::confirmed_at.desc())
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap()
}

/// A request from the public, confirmed, naming `sponsor`; its reference.
async fn public_request(app: &TestApp, sponsor: &str, question: &str) -> String {
    let form = with(with(valid_form(), "sponsor", sponsor), "question", question);
    confirmed_request(app, &form).await;
    newest_reference(app)
}

/// Sends the request form as `person`, signed in, from the address
/// `email`, and confirms it from the mail; its reference.
async fn request_sent_by(app: &TestApp, person: &Person, email: &str) -> String {
    let token = form_token(person).await;
    let mut form = with(valid_form(), "email", email);
    form.push(("csrf_token", token));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = person.post_form("/requests", &fields).await;
    assert_eq!(response.status(), 303, "the request is received");
    let confirm = eventually(BOUND, || async {
        app.mail
            .to(email)
            .iter()
            .flat_map(|m| m.links())
            .find(|l| l.contains("/requests/confirm/"))
            .map(|l| l.strip_prefix(&app.address).unwrap().to_owned())
            .ok_or_else(|| "no confirmation mail yet".to_owned())
    })
    .await;
    assert_eq!(press_confirm(app, &confirm).await.status(), 303);
    newest_reference(app)
}

/// Presses one of the three answers on the queue's page of `reference`.
async fn answer(person: &Person, reference: &str, choice: &str, note: &str) -> (u16, String) {
    let path = format!("/sponsor/requests/{reference}");
    let (status, page) = person.page(&path).await;
    assert_eq!(status, 200, "the request awaiting AFNOR opens");
    let token = csrf_token_in(&page);
    let response = person
        .post_form(
            &path,
            &[("csrf_token", &token), ("choice", choice), ("note", note)],
        )
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

/// Who decided the endorsement of `reference`, and what.
fn decision(app: &TestApp, reference: &str) -> (Option<String>, Option<String>) {
    endorsements::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(reference))
        .select((endorsements::decision, endorsements::decided_by))
        .first(&mut app.db())
        .unwrap()
}

async fn the_secretariat_invites_an_account_for_a_member_body(backend: Backend) {
    let (app, afnor, _) = world(backend, "endorsed").await;
    let sam = app.signed_in("sam@example.org").await;
    let (status, page) = sam.page("/admin/users/invite").await;
    assert_eq!(status, 200);
    assert!(
        page.contains("France — AFNOR"),
        "the organisations are offered"
    );
    let token = csrf_token_in(&page);
    let invite = |email: &'static str, secretariat: Option<&'static str>| {
        let mut fields = vec![
            ("csrf_token", token.as_str()),
            ("name", "Pierre Martin"),
            ("email", email),
            ("group", ""),
            ("role", "member"),
            ("sponsor", afnor.as_str()),
        ];
        fields.extend(secretariat.map(|s| ("secretariat", s)));
        let sam = &sam;
        async move { sam.post_form("/admin/users/invite", &fields).await }
    };

    // A sponsor's account is not also the secretariat's.
    let refused = invite("pierre@afnor.example", Some("on")).await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("neither in the secretariat nor in a group")
    );
    let none: i64 = users::table
        .filter(users::email.eq("pierre@afnor.example"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(none, 0, "nothing is stored");

    let done = invite("pierre@afnor.example", None).await;
    assert_eq!(done.status(), 303);
    let stored: Option<String> = users::table
        .filter(users::email.eq("pierre@afnor.example"))
        .select(users::sponsor_organisation_id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, Some(afnor), "the account speaks for AFNOR");
    app.run_worker_once().await;
    let invitation = eventually(BOUND, || async {
        app.mail
            .to("pierre@afnor.example")
            .into_iter()
            .next()
            .map(|m| m.text)
            .ok_or_else(|| "no invitation yet".to_owned())
    })
    .await;
    assert!(invitation.contains("sponsor for AFNOR"), "{invitation}");
}

async fn in_both_mode_a_sponsors_request_goes_straight_to_screening_while_a_public_one_waits(
    backend: Backend,
) {
    let (app, afnor, _) = world(backend, "both").await;
    let camille = app.signed_in(CAMILLE).await;
    let (_, form) = camille.page("/requests/new").await;
    assert!(
        form.contains("Sponsor: France — AFNOR"),
        "the form names Camille's organisation"
    );
    assert!(!form.contains("field-sponsor"), "and asks for no other");

    let own = request_sent_by(&app, &camille, CAMILLE).await;
    assert_eq!(state(&app, &own), ("screening".to_owned(), None));
    let camille_id = app.user_id(CAMILLE);
    assert_eq!(
        decision(&app, &own),
        (Some("endorsed".to_owned()), Some(camille_id))
    );
    let no_link: Option<String> = endorsements::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(&own))
        .select(endorsements::token_hash)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        no_link, None,
        "AFNOR is not asked to endorse its own request"
    );

    let public = public_request(
        &app,
        &afnor,
        "How is the measurement uncertainty of a sampling step to be evaluated here?",
    )
    .await;
    assert_eq!(state(&app, &public).0, "awaiting_endorsement");
}

async fn a_sponsor_sees_its_organisations_requests_and_not_others(backend: Backend) {
    let (app, afnor, din) = world(backend, "endorsed").await;
    let ours = public_request(
        &app,
        &afnor,
        "Does clause 7.2.1 require validating a method adopted unchanged from a standard?",
    )
    .await;
    let theirs = public_request(
        &app,
        &din,
        "Does clause 6.4 apply to equipment borrowed for a single test from another lab?",
    )
    .await;

    let camille = app.signed_in(CAMILLE).await;
    let (status, page) = camille.page("/sponsor").await;
    assert_eq!(status, 200);
    assert!(page.contains(&ours), "AFNOR's request is listed");
    assert!(page.contains("Awaiting endorsement"), "with its state");
    assert!(!page.contains(&theirs), "DIN's is not");

    // Signed in, Camille lands on the workspace, which points there.
    let (_, workspace) = camille.page("/workspace").await;
    assert!(workspace.contains("You speak for AFNOR"));
    assert!(workspace.contains(r#"href="/sponsor""#));

    // Nobody else has such a page.
    let sam = app.signed_in("sam@example.org").await;
    assert!(
        !sam.page("/workspace")
            .await
            .1
            .contains(r#"href="/sponsor""#)
    );
    assert_eq!(sam.page("/sponsor").await.0, 404);
    assert_eq!(sam.page(&format!("/sponsor/requests/{ours}")).await.0, 404);
}

async fn a_sponsor_endorses_answers_locally_and_declines_from_its_queue(backend: Backend) {
    let (app, afnor, _) = world(backend, "endorsed").await;
    let questions = [
        "Does clause 7.2.1 require validating a method adopted unchanged from a standard?",
        "Must the laboratory keep the raw data of a calibration it subcontracted elsewhere?",
        "Is an interlaboratory comparison with two participants enough under clause 7.7.2?",
    ];
    let mut references = Vec::new();
    for question in questions {
        references.push(public_request(&app, &afnor, question).await);
    }
    let camille = app.signed_in(CAMILLE).await;
    let (_, desk) = camille.page("/sponsor").await;
    for reference in &references {
        assert!(
            desk.contains(&format!("/sponsor/requests/{reference}")),
            "{reference} awaits AFNOR's decision"
        );
    }
    let camille_id = app.user_id(CAMILLE);

    // A local answer without its text is refused and changes nothing.
    let (status, page) = answer(&camille, &references[1], "answer", "  ").await;
    assert_eq!(status, 422);
    assert!(page.contains("Write your answer"));
    assert_eq!(state(&app, &references[1]).0, "awaiting_endorsement");

    // Endorsed twice (a double click, or the form sent again from the
    // browser's history): the first stands, the second changes nothing
    // and says so; another answer then is told the request changed.
    let path = format!("/sponsor/requests/{}", references[0]);
    let (_, page) = camille.page(&path).await;
    let token = csrf_token_in(&page);
    let send = |choice: &'static str, note: &'static str| {
        let (camille, path, token) = (&camille, &path, &token);
        async move {
            camille
                .post_form(
                    path,
                    &[("csrf_token", token), ("choice", choice), ("note", note)],
                )
                .await
        }
    };
    let recorded = || -> i64 {
        events::table
            .inner_join(requests::table)
            .filter(requests::reference.eq(&references[0]))
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let events_before = recorded();
    for _ in 0..2 {
        let response = send("endorse", "").await;
        assert_eq!(response.status(), 303, "back to the queue");
        assert_eq!(response.headers()["location"], "/sponsor");
        let (_, desk) = camille.page("/sponsor").await;
        assert!(
            desk.contains(&format!("You endorsed {}", references[0])),
            "the queue says what was done"
        );
        assert_eq!(state(&app, &references[0]), ("screening".to_owned(), None));
        assert_eq!(
            decision(&app, &references[0]),
            (Some("endorsed".to_owned()), Some(camille_id.clone()))
        );
        assert_eq!(recorded(), events_before + 1, "recorded once");
    }
    let other = send("decline", "Ask your accreditation body.").await;
    assert_eq!(other.status(), 409);
    assert!(
        other
            .text()
            .await
            .unwrap()
            .contains("This request changed while you were looking at it.")
    );
    assert_eq!(recorded(), events_before + 1);

    let (status, _) = answer(
        &camille,
        &references[1],
        "answer",
        "Yes: keep them, or an agreement that the subcontractor keeps them for you.",
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(
        state(&app, &references[1]),
        ("closed".to_owned(), Some("answered_locally".to_owned()))
    );

    let (status, _) = answer(
        &camille,
        &references[2],
        "decline",
        "Ask your accreditation body.",
    )
    .await;
    assert_eq!(status, 303);
    assert_eq!(
        state(&app, &references[2]),
        ("closed".to_owned(), Some("endorsement_declined".to_owned()))
    );
    assert_eq!(
        decision(&app, &references[2]),
        (Some("declined".to_owned()), Some(camille_id))
    );

    // Answered, a request leaves the queue and stays on the list.
    let (_, desk) = camille.page("/sponsor").await;
    assert!(!desk.contains("/sponsor/requests/"), "nothing awaits AFNOR");
    assert!(desk.contains("No request awaits AFNOR"));
    assert!(references.iter().all(|r| desk.contains(r)));
    assert_eq!(
        camille
            .page(&format!("/sponsor/requests/{}", references[0]))
            .await
            .0,
        404,
        "an answered request cannot be answered again"
    );
    app.run_worker_once().await;
    eventually(BOUND, || async {
        app.mail
            .to("ana.lima@lab.example")
            .iter()
            .find(|m| m.text.contains("Ask your accreditation body."))
            .map(drop)
            .ok_or_else(|| "the submitter has not heard of the refusal".to_owned())
    })
    .await;
}

async fn a_sponsor_acting_on_another_organisations_request_changes_nothing(backend: Backend) {
    let (app, _, din) = world(backend, "endorsed").await;
    let theirs = public_request(
        &app,
        &din,
        "Does clause 6.4 apply to equipment borrowed for a single test from another lab?",
    )
    .await;
    let camille = app.signed_in(CAMILLE).await;
    // The token of a page Camille may open, to post with.
    let (_, desk) = camille.page("/sponsor").await;
    let token = csrf_token_in(&desk);
    for path in [
        format!("/sponsor/requests/{theirs}"),
        "/sponsor/requests/CASCO-1999-0001".to_owned(),
        "/sponsor/requests/%27%20OR%201%3D1".to_owned(),
    ] {
        assert_eq!(camille.page(&path).await.0, 404, "{path}");
        for choice in ["endorse", "decline"] {
            let response = camille
                .post_form(
                    &path,
                    &[("csrf_token", &token), ("choice", choice), ("note", "No.")],
                )
                .await;
            assert_eq!(response.status(), 404, "{choice} {path}");
        }
    }
    assert_eq!(
        state(&app, &theirs),
        ("awaiting_endorsement".to_owned(), None)
    );
    assert_eq!(decision(&app, &theirs), (None, None));
}

async fn the_workspace_lists_and_queue_name_the_sponsor(backend: Backend) {
    let (app, _, _) = world(backend, "both").await;
    let camille = app.signed_in(CAMILLE).await;
    let reference = request_sent_by(&app, &camille, CAMILLE).await;
    let sam = app.signed_in("sam@example.org").await;
    for page in ["/workspace", "/workspace/requests"] {
        let (status, html) = sam.page(page).await;
        assert_eq!(status, 200);
        assert!(html.contains(&reference), "{page} lists {reference}");
        assert!(
            html.contains("Sponsor: AFNOR (FR)"),
            "{page} names the sponsor"
        );
    }
}

/// AFNOR's account sees its 60 requests over two pages of 50, the
/// newest first; a page past the last says how many there are.
async fn a_sponsors_requests_are_listed_fifty_a_page(backend: Backend) {
    use clarion::seed::synthetic::{self, Volume};
    let (app, afnor, _) = world(backend, "endorsed").await;
    let volume = Volume {
        published: 0,
        open_requests: 60,
        users: 0,
    };
    synthetic::seed(&mut app.db(), volume, "clarion-demo", app.clock.now()).unwrap();
    let references: Vec<(String, String)> = requests::table
        .filter(requests::reference.is_not_null())
        .order((requests::confirmed_at.desc(), requests::id.desc()))
        .select((requests::id, requests::reference.assume_not_null()))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(references.len(), 60);
    for (id, _) in &references {
        diesel::insert_into(endorsements::table)
            .values((
                endorsements::request_id.eq(id),
                endorsements::sponsor_id.eq(&afnor),
                endorsements::decision.eq("endorsed"),
                endorsements::decided_at.eq(app.clock.now()),
            ))
            .execute(&mut app.db())
            .unwrap();
    }

    let camille = app.signed_in(CAMILLE).await;
    let rows = |page: &str| page.matches(r#"data-label="Submitted""#).count();
    let (status, first) = camille.page("/sponsor").await;
    assert_eq!(status, 200);
    assert_eq!(rows(&first), 50);
    assert!(first.contains("60 requests, showing 1–50"), "{first}");
    assert!(first.contains(r#"href="/sponsor?page=2""#));
    assert!(
        first.contains(&references[0].1),
        "the newest on the first page"
    );
    assert!(!first.contains(&references[59].1));

    let (status, second) = camille.page("/sponsor?page=2").await;
    assert_eq!(status, 200);
    assert_eq!(rows(&second), 10);
    assert!(second.contains("60 requests, showing 51–60"));
    assert!(text_of(&second, "title").unwrap().contains("(page 2 of 2)"));
    assert!(second.contains(&references[59].1), "the oldest on the last");
    assert!(!second.contains(&references[0].1));
    assert!(
        second.contains("No request awaits AFNOR"),
        "none is undecided"
    );

    let (status, past) = camille.page("/sponsor?page=3").await;
    assert_eq!(status, 200);
    assert!(past.contains("There are only 2 pages of requests."));
    assert!(past.contains(r#"href="/sponsor?page=2""#));
    assert_eq!(camille.page("/sponsor?page=second").await.0, 404);
}
