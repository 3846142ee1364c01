//! Security checks as tests (issue 6, item 7), on the seeded demo.
//!
//! Already proven elsewhere, and not repeated here:
//! - a second sign-in replaces the session, the old id opens nothing, and
//!   cookies are HttpOnly and SameSite (accounts.rs,
//!   `signing_in_opens_a_fresh_session_and_signing_out_ends_it`);
//! - five failures pause signing in to one account (accounts.rs,
//!   `repeated_failures_pause_signing_in`); repeated submissions of the
//!   request form (submission.rs,
//!   `repeated_submissions_are_throttled_without_losing_the_input`) and of
//!   the subscription form (subscriptions.rs,
//!   `many_addresses_from_one_place_are_throttled`) are throttled;
//! - asking to follow a standard looks the same whoever already follows it
//!   (subscriptions.rs).

use std::collections::BTreeSet;

use clarion::db::schema::{
    comments, events, external_committees, groups, memberships, organisations, outbox,
    request_contacts, requests, rounds, sessions, standards, subscriptions, tokens, users, votes,
};
use clarion::models::tokens::hash;
use clarion::seed::demo;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::journey::{
    confirmed_request, file_request, request_count, send, valid_form, with,
};
use crate::support::routes::{self, Audience, Method};
use crate::support::server::Instance;
use crate::support::smtp::MailServer;
use crate::support::workspace::act;

on_both_databases!(
    every_page_and_every_refusal_carries_the_security_headers,
    every_form_refuses_a_forged_or_missing_token_and_changes_nothing,
    a_session_id_planted_before_signing_in_is_never_used,
    many_addresses_tried_from_one_place_pause_signing_in,
    signing_in_and_resetting_answer_alike_whoever_has_an_account,
    every_token_is_stored_only_as_its_hash,
    no_public_page_feed_export_or_api_answer_names_a_submitter,
    no_log_line_holds_a_credential_from_an_address,
    form_tokens_differ_on_every_page_and_each_is_accepted,
    over_https_cookies_are_bound_to_this_host,
    text_that_shows_one_thing_and_holds_another_is_refused,
    parameters_a_page_does_not_read_neither_copy_nor_render_it_again,
);

/// The demo, seeded into a running app; returns the plain tracking tokens
/// of its open requests.
async fn demo_site(backend: Backend) -> (TestApp, Vec<String>) {
    let app = TestApp::spawn(backend).await;
    let report =
        demo::seed(&mut app.db(), demo::DEFAULT_PASSWORD, app.clock.now()).expect("the demo seeds");
    let tracking = report.tracking_links.into_iter().map(|(_, t)| t).collect();
    (app, tracking)
}

/// A demo account, signed in with the demo password.
async fn demo_person(app: &TestApp, email: &str) -> Person {
    let person = Person::new(&app.address);
    let response = person
        .submit_form(
            "/login",
            "/login",
            &[("email", email), ("password", demo::DEFAULT_PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 303, "{email} signs in");
    person
}

/// A visitor whose browser already holds a CSRF cookie.
async fn visitor(app: &TestApp) -> Person {
    let person = Person::new(&app.address);
    assert_eq!(person.get("/login").await.status(), 200);
    person
}

fn reference_in(app: &TestApp, state: &str) -> String {
    requests::table
        .filter(requests::state.eq(state))
        .filter(requests::reference.is_not_null())
        .select(requests::reference.assume_not_null())
        .order(requests::reference)
        .first(&mut app.db())
        .unwrap()
}

// ---------------------------------------------------------------------

/// Checks the headers of one answer; returns what is wrong with them.
fn header_problems(response: &reqwest::Response) -> Vec<String> {
    let headers = response.headers();
    let value = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let mut problems = Vec::new();
    let csp = value("content-security-policy");
    for needed in [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
    ] {
        if !csp.contains(needed) {
            problems.push(format!("CSP lacks {needed}: {csp:?}"));
        }
    }
    if csp.contains("unsafe-") {
        problems.push(format!("CSP allows unsafe code: {csp}"));
    }
    for (name, expected) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
    ] {
        if value(name) != expected {
            problems.push(format!("{name} is {:?}", value(name)));
        }
    }
    for cookie in headers.get_all("set-cookie") {
        let cookie = cookie.to_str().unwrap_or_default();
        if !(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax")) {
            problems.push(format!("cookie without HttpOnly and SameSite: {cookie}"));
        }
    }
    problems
}

async fn every_page_and_every_refusal_carries_the_security_headers(backend: Backend) {
    let (app, tracking) = demo_site(backend).await;
    let confirm = file_request(&app, &valid_form()).await;
    let secretariat = demo_person(&app, demo::SECRETARIAT_EMAIL).await;
    let anonymous = visitor(&app).await;
    let sponsor = demo_person(&app, "sponsor.afnor@example.org").await;
    let reference = reference_in(&app, "in_group");
    let published = reference_in(&app, "published");
    let group = app.group_id("MG 17025");
    let committee: String = external_committees::table
        .select(external_committees::id)
        .first(&mut app.db())
        .unwrap();
    let user = app.user_id("convenor.17065@example.org");
    let member = app.user_id("convenor.17025@example.org");
    let organisation: String = organisations::table
        .select(organisations::id)
        .first(&mut app.db())
        .unwrap();
    let stylesheet = clarion::assets::stylesheet_path();
    let slug = "iso-iec-17025-2017";
    let track = &tracking[0];
    let never = "0123456789abcdef0123456789abcdef";
    let webhook = clarion::db::new_id();
    clarion::models::webhooks::insert_endpoint(
        &mut app.db(),
        &clarion::models::webhooks::NewEndpoint {
            id: &webhook,
            url: "https://hooks.example.org/clarion",
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            events: "published,withdrawn",
            description: "",
            enabled: true,
            created_at: app.clock.now(),
            created_by: None,
        },
    )
    .unwrap();

    // Every page a person reads (GET), as someone who may read it, with
    // the status it answers: a page of each GET route of the route table
    // at least. The access table (access.rs) covers who else.
    #[rustfmt::skip]
    let pages: Vec<(&Person, String, u16)> = vec![
        (&anonymous, "/".into(), 200),
        (&anonymous, "/clarifications".into(), 200),
        (&anonymous, "/clarifications?q=laboratory&page=1".into(), 200),
        (&anonymous, format!("/clarifications/{published}"), 200),
        (&anonymous, format!("/clarifications/{published}/v1"), 200),
        (&anonymous, format!("/clarifications/{published}/versions"), 200),
        (&anonymous, format!("/clarifications/{published}.pdf"), 200),
        (&anonymous, format!("/clarifications/{published}/v1.pdf"), 200),
        (&anonymous, format!("/standards/{slug}/clarifications.pdf"), 200),
        (&anonymous, format!("/clarifications/{published}/new-information"), 200),
        (&anonymous, "/clarifications.csv".into(), 200),
        (&anonymous, "/standards".into(), 200),
        (&anonymous, format!("/standards/{slug}"), 200),
        (&anonymous, format!("/standards/{slug}/revision"), 200),
        (&anonymous, format!("/standards/{slug}/subscribe"), 200),
        (&anonymous, format!("/standards/{slug}/subscribe/sent"), 200),
        (&anonymous, format!("/subscriptions/confirm/{never}"), 404),
        (&anonymous, format!("/subscriptions/unsubscribe/{never}/{never}"), 404),
        (&anonymous, "/feeds/clarifications.atom".into(), 200),
        (&anonymous, format!("/feeds/standards/{slug}.atom"), 200),
        (&anonymous, "/api/openapi.json".into(), 200),
        (&anonymous, "/api/v1/clarifications".into(), 200),
        (&anonymous, format!("/api/v1/clarifications/{published}"), 200),
        (&anonymous, format!("/api/v1/clarifications/{published}/versions/1"), 200),
        (&anonymous, "/api/v1/standards".into(), 200),
        (&anonymous, "/requests/new".into(), 200),
        (&anonymous, "/requests".into(), 303),
        (&anonymous, "/requests/sent".into(), 200),
        (&anonymous, confirm.clone(), 200),
        (&anonymous, format!("/track/{track}"), 200),
        (&anonymous, format!("/track/{track}/withdraw"), 200),
        (&anonymous, format!("/endorse/{never}"), 404),
        (&anonymous, "/refer".into(), 200),
        (&anonymous, format!("/consultation/{never}"), 404),
        (&anonymous, "/login".into(), 200),
        (&anonymous, "/logout".into(), 303),
        (&anonymous, "/language".into(), 200),
        (&anonymous, "/password/forgot".into(), 200),
        (&anonymous, format!("/password/reset/{never}"), 404),
        (&anonymous, format!("/invitation/{never}"), 404),
        (&anonymous, format!("/setup/{never}"), 404),
        (&anonymous, "/workspace".into(), 303),
        (&anonymous, stylesheet.into(), 200),
        (&anonymous, "/healthz".into(), 200),
        (&anonymous, "/readyz".into(), 200),
        (&anonymous, "/metrics".into(), 200),
        (&secretariat, "/workspace".into(), 200),
        (&secretariat, "/workspace/requests".into(), 200),
        (&secretariat, format!("/workspace/requests/{reference}"), 200),
        (&secretariat, format!("/workspace/requests/{reference}/case"), 200),
        (&secretariat, format!("/workspace/requests/{reference}/case.json"), 200),
        (&secretariat, format!("/workspace/requests/{reference}/wording"), 200),
        (&secretariat, format!("/workspace/requests/{published}/correct"), 200),
        (&secretariat, format!("/workspace/requests/{published}/translation"), 200),
        (&secretariat, format!("/workspace/requests/{published}/appeals/new"), 200),
        (&secretariat, format!("/workspace/requests/{published}/appeals/1"), 404),
        (&secretariat, "/admin".into(), 200),
        (&secretariat, "/admin/standards".into(), 200),
        (&secretariat, "/admin/standards/new".into(), 200),
        (&secretariat, format!("/admin/standards/{slug}/edit"), 200),
        (&secretariat, format!("/admin/standards/{slug}"), 303),
        (&secretariat, "/admin/groups".into(), 200),
        (&secretariat, "/admin/groups/new".into(), 200),
        (&secretariat, format!("/admin/groups/{group}"), 200),
        (&secretariat, format!("/admin/groups/{group}/members"), 303),
        (&secretariat, format!("/admin/groups/{group}/members/{user}/remove"), 303),
        (&secretariat, format!("/admin/groups/{group}/members/{member}"), 200),
        (&secretariat, format!("/admin/groups/{group}/rules"), 303),
        (&secretariat, "/admin/organisations".into(), 200),
        (&secretariat, "/admin/consultation".into(), 200),
        (&secretariat, "/admin/organisations?q=france".into(), 200),
        (&secretariat, "/admin/organisations/new".into(), 200),
        (&secretariat, format!("/admin/organisations/{organisation}/edit"), 200),
        (&secretariat, format!("/admin/organisations/{organisation}"), 303),
        (&secretariat, "/admin/committees".into(), 200),
        (&secretariat, "/admin/committees/new".into(), 200),
        (&secretariat, format!("/admin/committees/{committee}/edit"), 200),
        (&secretariat, format!("/admin/committees/{committee}"), 303),
        (&secretariat, "/admin/users".into(), 200),
        (&secretariat, "/admin/users/invite".into(), 200),
        (&secretariat, format!("/admin/users/{user}/deactivate"), 303),
        (&secretariat, "/admin/mail".into(), 200),
        (&secretariat, "/admin/stats".into(), 200),
        (&secretariat, "/admin/webhooks".into(), 200),
        (&secretariat, format!("/admin/webhooks/{webhook}"), 200),
        (&secretariat, format!("/admin/webhooks/{webhook}/remove"), 303),
        (&sponsor, "/sponsor".into(), 200),
        (&sponsor, format!("/sponsor/requests/{reference}"), 404),
        // Refusals and errors are pages too.
        (&anonymous, "/no-such-page".into(), 404),
        (&anonymous, "/api/v1/no-such-thing".into(), 404),
        (&anonymous, "/clarifications/CR-1999-0001".into(), 404),
        (&anonymous, "/clarifications?q=%00".into(), 400),
        (&anonymous, "/api/v1/clarifications?year=often".into(), 422),
        (&secretariat, "/admin/no-such-page".into(), 404),
    ];
    let mut failures: Vec<String> = routes::with_method(Method::Get)
        .filter(|route| {
            !pages
                .iter()
                .any(|(_, path, _)| routes::matches(route.pattern, path))
        })
        .map(|route| format!("GET {}: no page of the route is read", route.pattern))
        .collect();
    for (person, path, status) in &pages {
        let response = person.get(path).await;
        if response.status() != *status {
            failures.push(format!(
                "GET {path}: {} instead of {status}",
                response.status()
            ));
        }
        failures.extend(
            header_problems(&response)
                .into_iter()
                .map(|p| format!("GET {path}: {p}")),
        );
    }

    // Refused posts: a form with mistakes (422), a forged token (403), a
    // body over 64 KiB (413), an address that does not exist (404).
    let mistaken = anonymous
        .submit_form(
            "/login",
            "/login",
            &[("email", "x@example.org"), ("password", "no")],
        )
        .await;
    let forged = anonymous
        .post_form("/requests", &[("csrf_token", never)])
        .await;
    let huge = anonymous
        .post_form("/password/forgot", &[("email", &"x".repeat(70_000))])
        .await;
    let missing = anonymous.get("/no/such/page").await;
    for (what, response, status) in [
        ("a form with mistakes", mistaken, 422),
        ("a forged token", forged, 403),
        ("a body over 64 KiB", huge, 413),
        ("an address that does not exist", missing, 404),
    ] {
        if response.status() != status {
            failures.push(format!("{what}: {} instead of {status}", response.status()));
        }
        failures.extend(
            header_problems(&response)
                .into_iter()
                .map(|p| format!("{what}: {p}")),
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------

/// Everything a post could change, row by row.
fn fingerprint(app: &TestApp) -> Vec<String> {
    use chrono::NaiveDateTime as At;
    let conn = &mut app.db();
    let mut all: Vec<String> = Vec::new();
    macro_rules! rows {
        ($table:ident as $row:ty: $columns:expr) => {
            let rows: Vec<$row> = $table::table.select($columns).load(conn).unwrap();
            let mut rows: Vec<String> = rows
                .iter()
                .map(|row| format!("{}: {row:?}", stringify!($table)))
                .collect();
            rows.sort();
            all.extend(rows);
        };
    }
    macro_rules! count {
        ($($table:ident),*) => {
            $(
                let n: i64 = $table::table.count().get_result(conn).unwrap();
                all.push(format!("{}: {n} rows", stringify!($table)));
            )*
        };
    }
    rows!(requests as (String, String, i32, Option<String>): (
        requests::id,
        requests::state,
        requests::version,
        requests::group_id,
    ));
    rows!(users as (String, bool, Option<String>): (
        users::email,
        users::active,
        users::password_hash,
    ));
    rows!(sessions as String: sessions::token_hash);
    rows!(tokens as (String, Option<At>): (tokens::token_hash, tokens::used_at));
    rows!(subscriptions as (String, Option<At>): (
        subscriptions::email,
        subscriptions::confirmed_at,
    ));
    rows!(standards as (String, String, Option<String>): (
        standards::slug,
        standards::title,
        standards::group_id,
    ));
    rows!(groups as (String, String, i32, i32, bool, i32, i32): (
        groups::code,
        groups::name,
        groups::quorum_percent,
        groups::quorum_minimum,
        groups::liaisons_vote,
        groups::objection_days,
        groups::meeting_objection_days,
    ));
    rows!(memberships as (String, String, String, String, Option<String>, At, Option<At>, Option<String>): (
        memberships::group_id,
        memberships::user_id,
        memberships::role,
        memberships::capacity,
        memberships::nominated_by_id,
        memberships::starts_at,
        memberships::ends_at,
        memberships::interests,
    ));
    rows!(organisations as (String, String, Option<String>): (
        organisations::acronym,
        organisations::name,
        organisations::contact_email,
    ));
    count!(
        request_contacts,
        events,
        comments,
        rounds,
        votes,
        outbox,
        external_committees
    );
    all
}

async fn every_form_refuses_a_forged_or_missing_token_and_changes_nothing(backend: Backend) {
    let (app, tracking) = demo_site(backend).await;
    let confirm = file_request(&app, &valid_form()).await;
    app.run_worker_once().await;
    let visitor = visitor(&app).await;
    let secretariat = demo_person(&app, demo::SECRETARIAT_EMAIL).await;
    let convenor = demo_person(&app, "convenor.17025@example.org").await;
    let reference = reference_in(&app, "balloting");
    let member = app.user_id("member1.17025@example.org");
    let committee: String = external_committees::table
        .select(external_committees::id)
        .first(&mut app.db())
        .unwrap();
    let value = |kind: &str| -> String {
        match kind {
            "token" => tracking[0].clone(),
            "reference" => reference.clone(),
            "slug" => "iso-iec-17025-2017".into(),
            "group" => app.group_id("MG 17025"),
            "user" | "subscription" => member.clone(),
            "committee" => committee.clone(),
            other => other.to_owned(),
        }
    };
    // The fields the forms carry, so that only the token is wrong.
    let fields = [
        ("version", "1"),
        ("email", "someone@example.org"),
        ("password", demo::DEFAULT_PASSWORD),
        ("name", "Someone"),
        ("note", "A note."),
        ("body", "A comment."),
        ("position", "agree"),
        ("title", "A new title"),
        ("code", "MG 99"),
    ];
    // A well-formed token of this site, but of another browser.
    let (_, other_page) = Person::new(&app.address).page("/login").await;
    let borrowed = csrf_token_in(&other_page);
    let mut failures = Vec::new();
    let before = fingerprint(&app);
    for route in routes::with_method(Method::Post) {
        let path = match route.example {
            "/requests/confirm/{token}" => confirm.clone(),
            _ => route.address(&value),
        };
        // Whoever may send the form, so that only its token is wrong. A
        // post without a form (one-click unsubscribe, RFC 8058) comes from
        // a mail program: the link's MAC is its credential instead.
        let person = match route.audience {
            _ if !route.csrf => &visitor,
            Audience::Public | Audience::LinkHolder => &visitor,
            Audience::SignedIn | Audience::Secretariat | Audience::Sponsor => &secretariat,
            Audience::Member | Audience::Convenor | Audience::ConvenorOrSecretariat => &convenor,
        };
        for token in [None, Some(borrowed.as_str()), Some("forged")] {
            let mut sent = fields.to_vec();
            sent.extend(token.map(|t| ("csrf_token", t)));
            let response = person.post_form(&path, &sent).await;
            let status = response.status();
            let page = response.text().await.unwrap();
            let refused = match route.csrf {
                false => status == 404,
                true => {
                    status == 403
                        && text_of(&page, "h1").as_deref() == Some("This form has expired")
                }
            };
            if !refused {
                failures.push(format!("POST {path} with token {token:?}: {status}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(
        fingerprint(&app),
        before,
        "a refused post changed something"
    );
    // The people are still signed in: not even sign-out went through.
    assert_eq!(secretariat.get("/admin").await.status(), 200);
}

// ---------------------------------------------------------------------

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|c| c.split(';').next()?.strip_prefix("clarion_session="))
        .map(str::to_owned)
        .next()
}

/// Session fixation: a session id planted in the browser (by a sibling
/// site, a shared computer) before signing in never becomes the session.
async fn a_session_id_planted_before_signing_in_is_never_used(backend: Backend) {
    let (app, _) = demo_site(backend).await;
    let planted = "ab".repeat(32);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client.get(app.url("/login")).send().await.unwrap();
    let csrf = login
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next().map(str::to_owned))
        .find(|c| c.starts_with("clarion_csrf="))
        .unwrap();
    let token = csrf_token_in(&login.text().await.unwrap());
    let cookie = format!("{csrf}; clarion_session={planted}");
    let response = client
        .post(app.url("/login"))
        .header("cookie", &cookie)
        .form(&[
            ("email", demo::SECRETARIAT_EMAIL),
            ("password", demo::DEFAULT_PASSWORD),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let issued = session_cookie(&response).expect("a new session cookie");
    assert_ne!(issued, planted);
    let stored: Vec<String> = sessions::table
        .select(sessions::token_hash)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        stored,
        [hash(&issued)],
        "only the new session exists, hashed"
    );
    let with_planted = client
        .get(app.url("/workspace"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(with_planted.status(), 303, "the planted id opens nothing");
    let with_issued = client
        .get(app.url("/workspace"))
        .header("cookie", format!("clarion_session={issued}"))
        .send()
        .await
        .unwrap();
    assert_eq!(with_issued.status(), 200);
}

/// Credential stuffing: many addresses tried from one place pause signing
/// in there, even with a right password (the per-account pause is tested
/// in accounts.rs).
async fn many_addresses_tried_from_one_place_pause_signing_in(backend: Backend) {
    let (app, _) = demo_site(backend).await;
    let person = visitor(&app).await;
    let attempts = clarion::workflow::accounts::LOGIN_FAILURES_PER_CLIENT;
    for n in 0..attempts {
        let email = format!("guess{n}@example.org");
        let response = person
            .submit_form(
                "/login",
                "/login",
                &[("email", &email), ("password", "password1")],
            )
            .await;
        assert_eq!(response.status(), 422, "attempt {n}");
    }
    let response = person
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", demo::SECRETARIAT_EMAIL),
                ("password", demo::DEFAULT_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 429);
    let signed_in: i64 = sessions::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(signed_in, 0);
    app.clock.advance(chrono::TimeDelta::minutes(16));
    let response = person
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", demo::SECRETARIAT_EMAIL),
                ("password", demo::DEFAULT_PASSWORD),
            ],
        )
        .await;
    assert_eq!(response.status(), 303, "the pause ends");
}

/// A page as a program comparing answers sees it: the address typed and the
/// CSRF token, which differ by design, replaced.
async fn normalized(response: reqwest::Response, typed: &str) -> (u16, Vec<String>, String) {
    let status = response.status().as_u16();
    let cookies = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().split('=').next().unwrap().to_owned())
        .collect();
    let mut body = response.text().await.unwrap().replace(typed, "ADDRESS");
    // Each page masks its form's token afresh.
    if body.contains("csrf_token") {
        body = body.replace(&csrf_token_in(&body), "TOKEN");
    }
    (status, cookies, body)
}

async fn signing_in_and_resetting_answer_alike_whoever_has_an_account(backend: Backend) {
    let (app, _) = demo_site(backend).await;
    // An account, an account that was deactivated, and no account.
    let addresses = [
        "member1.17025@example.org",
        "member2.17025@example.org",
        "nobody.at.all@example.org",
    ];
    diesel::update(users::table.filter(users::email.eq(addresses[1])))
        .set(users::active.eq(false))
        .execute(&mut app.db())
        .unwrap();
    let person = visitor(&app).await;
    let (_, page) = person.page("/login").await;
    let token = csrf_token_in(&page);
    for (form, fields) in [
        ("/login", vec![("password", "not the password")]),
        ("/password/forgot", vec![]),
    ] {
        let mut answers = Vec::new();
        for address in addresses {
            let mut sent = fields.clone();
            sent.extend([("email", address), ("csrf_token", token.as_str())]);
            let response = person.post_form(form, &sent).await;
            answers.push(normalized(response, address).await);
        }
        assert!(
            answers.iter().all(|a| *a == answers[0]),
            "{form} answers differ: {:#?}",
            answers.iter().map(|(s, c, _)| (s, c)).collect::<Vec<_>>()
        );
    }
    // Only the active account was sent a reset link (a delivered message
    // keeps a hash of its address only).
    app.run_worker_once().await;
    let resets: Vec<String> = outbox::table
        .filter(outbox::subject.like("%password%"))
        .select(outbox::recipient_hash)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        resets,
        [clarion::mail::outbox::recipient_hash(addresses[0])]
    );
}

// ---------------------------------------------------------------------

/// The last segment of a link: the token.
fn token_of(link: &str) -> String {
    link.rsplit('/').next().unwrap().to_owned()
}

async fn every_token_is_stored_only_as_its_hash(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let setup =
        clarion::workflow::accounts::issue_setup_link(&mut app.db(), &app.address, app.clock.now())
            .unwrap()
            .expect("no account yet: a setup link");
    let mut issued = vec![("setup", token_of(&setup))];

    let form = with(valid_form(), "email", "tess@submit.example");
    let confirm = file_request(&app, &form).await;
    issued.push(("confirm", token_of(&confirm)));
    let tracking = confirmed_request(
        &app,
        &with(
            form,
            "question",
            "Is one procedure per method required by clause 7.2.1 of the standard?",
        ),
    )
    .await;
    issued.push(("track", token_of(&tracking)));
    let mailed_tracking =
        link_mailed_to(&app.mail, &app.address, "tess@submit.example", "/track/").await;
    issued.push(("track", token_of(&mailed_tracking)));

    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    let sam = app.signed_in("sam@example.org").await;
    let response = sam
        .submit_form(
            "/admin/users/invite",
            "/admin/users/invite",
            &[
                ("name", "Ivo Invited"),
                ("email", "ivo@example.org"),
                ("group", ""),
                ("role", "member"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    issued.push((
        "invite",
        token_of(&link_mailed_to(&app.mail, &app.address, "ivo@example.org", "/invitation/").await),
    ));

    let response = app
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "sam@example.org")],
        )
        .await;
    assert_eq!(response.status(), 200);
    issued.push((
        "reset",
        token_of(
            &link_mailed_to(
                &app.mail,
                &app.address,
                "sam@example.org",
                "/password/reset/",
            )
            .await,
        ),
    ));

    let response = app
        .submit_form(
            "/standards/iso-iec-17025-2017/subscribe",
            "/standards/iso-iec-17025-2017/subscribe",
            &[("email", "fay@follow.example")],
        )
        .await;
    assert_eq!(response.status(), 303);
    issued.push((
        "subscribe",
        token_of(
            &link_mailed_to(
                &app.mail,
                &app.address,
                "fay@follow.example",
                "/subscriptions/confirm/",
            )
            .await,
        ),
    ));

    type TokenRow = (
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<TokenRow> = tokens::table
        .select((
            tokens::token_hash,
            tokens::purpose,
            tokens::request_id,
            tokens::user_id,
            tokens::subscription_id,
        ))
        .load(&mut app.db())
        .unwrap();
    let session_rows: Vec<(String, String)> = sessions::table
        .select((sessions::token_hash, sessions::user_id))
        .load(&mut app.db())
        .unwrap();
    let stored = format!("{rows:?}{session_rows:?}");
    for (purpose, token) in &issued {
        assert_eq!(token.len(), 32, "{purpose}: 128 bits in hex");
        assert!(
            !stored.contains(token.as_str()),
            "{purpose} token stored in clear"
        );
        assert!(
            rows.iter().any(|r| r.0 == hash(token) && r.1 == *purpose),
            "{purpose}: its SHA-256 is stored"
        );
    }
}

// ---------------------------------------------------------------------

/// Submitters with names, addresses and organizations found nowhere else.
const PROBES: [(&str, &str, &str); 3] = [
    (
        "Zebulon Quarrington",
        "zebulon.q@privacy-probe.example",
        "Quarrington Assessment Bureau",
    ),
    (
        "Henrike Vasquez-Oyelaran",
        "h.vo@oyelaran-labs.example",
        "Oyelaran Calibration GmbH",
    ),
    (
        "Pim Thistlewood",
        "pim@thistlewood.example",
        "Thistlewood Certification",
    ),
];

async fn no_public_page_feed_export_or_api_answer_names_a_submitter(backend: Backend) {
    let (app, _) = demo_site(backend).await;
    // One request of each probe: the first is published through the
    // workflow, the others stay in screening and in the group.
    let mut references = Vec::new();
    for (n, (name, email, organization)) in PROBES.iter().enumerate() {
        let question = format!(
            "Does clause 7.{n}.1 require a documented procedure for each method, or is one procedure enough?"
        );
        let form = [
            ("name", *name),
            ("email", *email),
            ("organization", *organization),
            ("question", question.as_str()),
        ]
        .into_iter()
        .fold(valid_form(), |form, (k, v)| with(form, k, v));
        confirmed_request(&app, &form).await;
        references.push(
            requests::table
                .inner_join(request_contacts::table)
                .filter(request_contacts::email.eq(*email))
                .select(requests::reference.assume_not_null())
                .first::<String>(&mut app.db())
                .unwrap(),
        );
    }
    let secretariat = demo_person(&app, demo::SECRETARIAT_EMAIL).await;
    let convenor = demo_person(&app, "convenor.17025@example.org").await;
    let member1 = demo_person(&app, "member1.17025@example.org").await;
    let member2 = demo_person(&app, "member2.17025@example.org").await;
    let answer = "One documented procedure may cover several methods.";
    for (who, action, fields) in [
        (&secretariat, "accept", vec![]),
        (
            &convenor,
            "rounds",
            vec![("draft", answer), ("deadline", "")],
        ),
        (
            &convenor,
            "vote",
            vec![("position", "agree"), ("comment", "")],
        ),
        (
            &member1,
            "vote",
            vec![("position", "agree"), ("comment", "")],
        ),
        (
            &member2,
            "vote",
            vec![("position", "agree"), ("comment", "")],
        ),
        (&convenor, "consensus", vec![("final_answer", answer)]),
    ] {
        let response = act(who, &references[0], action, &fields).await;
        assert_eq!(response.status(), 303, "{action}");
    }
    // The demo consults IAF and ILAC: neither objects.
    app.run_worker_once().await;
    for liaison in [
        "clarifications@iaf.example.org",
        "clarifications@ilac.example.org",
    ] {
        crate::consultations::has_no_objection(&app, liaison).await;
    }
    let published = act(
        &secretariat,
        &references[0],
        "publish",
        &[("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(published.status(), 303, "publish");
    assert_eq!(
        act(&secretariat, &references[1], "accept", &[])
            .await
            .status(),
        303
    );

    // What must never be public: every submitter's name, address and
    // organization, the demo's included, as stored.
    let contacts: Vec<(String, String, Option<String>)> = request_contacts::table
        .select((
            request_contacts::name,
            request_contacts::email,
            request_contacts::organization,
        ))
        .load(&mut app.db())
        .unwrap();
    let secrets: BTreeSet<String> = contacts
        .into_iter()
        .flat_map(|(name, email, organization)| [Some(name), Some(email), organization])
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    assert!(secrets.len() >= 9, "{secrets:?}");

    let published: Vec<String> = requests::table
        .filter(requests::state.eq("published"))
        .select(requests::reference.assume_not_null())
        .load(&mut app.db())
        .unwrap();
    assert!(published.contains(&references[0]));
    let slugs: Vec<String> = standards::table
        .select(standards::slug)
        .load(&mut app.db())
        .unwrap();
    let mut paths: Vec<String> = [
        "/",
        "/clarifications",
        "/clarifications?q=procedure",
        "/clarifications?standard=iso-iec-17025-2017&clause=7.0.1",
        "/standards",
        "/refer",
        "/requests/new",
        "/feeds/clarifications.atom",
        "/clarifications.csv",
        "/api/v1/standards",
        "/api/v1/clarifications?q=procedure",
        "/api/openapi.json",
    ]
    .map(str::to_owned)
    .to_vec();
    for reference in &published {
        paths.push(format!("/clarifications/{reference}"));
        paths.push(format!("/api/v1/clarifications/{reference}"));
    }
    for slug in &slugs {
        paths.push(format!("/standards/{slug}"));
        paths.push(format!("/feeds/standards/{slug}.atom"));
    }
    // Every page of the list and of the API.
    let api_pages: serde_json::Value = app
        .get("/api/v1/clarifications")
        .await
        .json()
        .await
        .unwrap();
    let pages = api_pages["pages"].as_i64().expect("a page count");
    for page in 1..=pages.max(1) {
        paths.push(format!("/clarifications?page={page}"));
        paths.push(format!("/api/v1/clarifications?page={page}"));
    }

    let mut leaks = Vec::new();
    for path in &paths {
        let (status, body) = app.page(path).await;
        assert_eq!(status, 200, "{path}");
        let lower = body.to_lowercase();
        leaks.extend(
            secrets
                .iter()
                .filter(|s| lower.contains(&s.to_lowercase()))
                .map(|s| format!("{path} shows {s:?}")),
        );
    }
    // Searching for a submitter finds nothing of theirs: only the search
    // box repeats what was typed.
    for (name, email, organization) in PROBES {
        for words in [name, email, organization] {
            let query = serde_urlencoded::to_string([("q", words)]).unwrap();
            let api: serde_json::Value = app
                .get(&format!("/api/v1/clarifications?{query}"))
                .await
                .json()
                .await
                .unwrap();
            let items = api["items"].to_string().to_lowercase();
            if items.contains(&words.to_lowercase()) {
                leaks.push(format!("the API's search for {words:?} shows it"));
            }
            let (_, page) = app.page(&format!("/clarifications?{query}")).await;
            let results = text_of(&page, "main ol").unwrap_or_default().to_lowercase();
            if results.contains(&words.to_lowercase()) {
                leaks.push(format!("the search page for {words:?} shows it"));
            }
        }
    }
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));
}

// ---------------------------------------------------------------------

/// The first link in mail to `address` with `part` in it, as a path.
async fn link_mailed_to(mail: &MailServer, base: &str, address: &str, part: &str) -> String {
    let link = mail.link_to(address, part).await;
    link.strip_prefix(base).unwrap().to_owned()
}

/// Tracking, confirmation, reset, invitation, setup and subscription links
/// carry their credential in the path. Whatever happens at such an address
/// — served, refused for its CSRF token, not found — the log names the
/// route's pattern, never the address, even at RUST_LOG=debug.
async fn no_log_line_holds_a_credential_from_an_address(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let mail = MailServer::start();
    let server = Instance::start(
        "probed",
        dir.path(),
        &[
            ("CLARION_DATABASE_URL", backend.new_database_url(dir.path())),
            ("CLARION_SMTP_URL", mail.url()),
            ("CLARION_LOG_FORMAT", "json".to_owned()),
            ("RUST_LOG", "debug".to_owned()),
        ],
    )
    .await;
    let person = server.person();
    let mut secrets = Vec::new();

    // Live links, used as their owners use them.
    let form = valid_form();
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = person
        .submit_form("/requests/new", "/requests", &fields)
        .await;
    assert_eq!(response.status(), 303);
    let confirm = link_mailed_to(
        &mail,
        &server.address,
        "ana.lima@lab.example",
        "/requests/confirm/",
    )
    .await;
    let response = person.submit_form(&confirm, &confirm, &[]).await;
    assert_eq!(response.status(), 303);
    let track = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(track.starts_with("/track/"), "{track}");
    assert_eq!(person.get(&track).await.status(), 200);
    assert_eq!(person.get(&format!("{track}/withdraw")).await.status(), 200);
    secrets.push(token_of(&confirm));
    secrets.push(token_of(&track));

    let response = person
        .submit_form(
            "/standards/iso-iec-17025-2017/subscribe",
            "/standards/iso-iec-17025-2017/subscribe",
            &[("email", "fay@follow.example")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let subscribe = link_mailed_to(
        &mail,
        &server.address,
        "fay@follow.example",
        "/subscriptions/confirm/",
    )
    .await;
    assert_eq!(person.get(&subscribe).await.status(), 200);
    secrets.push(token_of(&subscribe));

    // Every route with a part taken from the address, that part a made-up
    // credential of its own, got and posted with and without a CSRF token.
    let (_, page) = person.page("/login").await;
    let csrf = csrf_token_in(&page);
    for route in routes::ROUTES.iter().filter(|r| r.example.contains('{')) {
        let path = route.address(|_| {
            let probe = clarion::models::tokens::generate();
            secrets.push(probe.clone());
            probe
        });
        let next = clarion::models::tokens::generate();
        let query = format!("?next=%2Ftrack%2F{next}");
        secrets.push(next);
        let statuses = if route.method == Method::Get {
            vec![person.get(&format!("{path}{query}")).await.status()]
        } else {
            let mut statuses = Vec::new();
            for token in [None, Some(csrf.as_str())] {
                let mut fields = vec![("email", "someone@example.org"), ("version", "1")];
                fields.extend(token.map(|t| ("csrf_token", t)));
                // Answered without reading the body (a sign-in page, say),
                // a post ends its connection: never reuse it.
                let response = person
                    .client
                    .post(person.url(&path))
                    .header("connection", "close")
                    .form(&fields)
                    .send()
                    .await
                    .unwrap();
                statuses.push(response.status());
            }
            statuses
        };
        assert!(
            statuses.iter().all(|s| s.as_u16() < 500),
            "{:?} {path}: {statuses:?}",
            route.method
        );
    }

    let log = server.log();
    assert!(
        log.contains(r#""route":"/track/{token}""#) && log.contains(r#""route":"/setup/{token}""#),
        "requests are logged by their pattern:\n{log}"
    );
    let leaked: Vec<&String> = secrets
        .iter()
        .filter(|s| log.contains(s.as_str()))
        .collect();
    assert!(
        leaked.is_empty(),
        "{} of {} credentials in the log, e.g.:\n{}",
        leaked.len(),
        secrets.len(),
        log.lines()
            .filter(|line| leaked.iter().any(|s| line.contains(s.as_str())))
            .take(5)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---------------------------------------------------------------------

/// A token that read the same on every page could be guessed a character
/// at a time from the size of compressed answers (BREACH): each page masks
/// it afresh, and every masking is accepted from its browser alone.
async fn form_tokens_differ_on_every_page_and_each_is_accepted(backend: Backend) {
    let (app, _) = demo_site(backend).await;
    let person = visitor(&app).await;
    let mut tokens = BTreeSet::new();
    for _ in 0..5 {
        let (_, page) = person.page("/login").await;
        tokens.insert(csrf_token_in(&page));
    }
    assert_eq!(tokens.len(), 5, "{tokens:?}");
    let stranger = visitor(&app).await;
    for token in &tokens {
        let response = stranger
            .post_form(
                "/password/forgot",
                &[("email", "x@example.org"), ("csrf_token", token)],
            )
            .await;
        assert_eq!(response.status(), 403, "another browser's token");
    }
    for token in &tokens {
        let response = person
            .post_form(
                "/login",
                &[
                    ("email", demo::SECRETARIAT_EMAIL),
                    ("password", demo::DEFAULT_PASSWORD),
                    ("csrf_token", token),
                ],
            )
            .await;
        assert_eq!(response.status(), 303, "each masking of the token");
    }
}

/// The value of the cookie `name` a response sets, with its attributes.
fn set_cookie(response: &reqwest::Response, name: &str) -> Option<(String, String)> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            let value = c.split(';').next()?.strip_prefix(&format!("{name}="))?;
            Some((value.to_owned(), c.to_owned()))
        })
}

/// Over https, cookies named `__Host-` are kept by browsers only as set by
/// this host itself, Secure, for the whole site: a sibling subdomain
/// cannot plant a session or a CSRF cookie.
async fn over_https_cookies_are_bound_to_this_host(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[("CLARION_BASE_URL", "https://clarion.test".into())],
    )
    .await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    // TLS ends at a proxy in front; this client speaks to the app behind it
    // and carries cookies itself, as a browser would over https.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let login = client.get(app.url("/login")).send().await.unwrap();
    let (csrf, attributes) =
        set_cookie(&login, "__Host-clarion_csrf").expect("a __Host- CSRF cookie");
    for needed in ["Secure", "Path=/", "HttpOnly"] {
        assert!(attributes.contains(needed), "{attributes}");
    }
    assert!(!attributes.contains("Domain"), "{attributes}");
    let token = csrf_token_in(&login.text().await.unwrap());
    let sign_in = |cookie: String| {
        let request = client
            .post(app.url("/login"))
            .header("cookie", cookie)
            .form(&[
                ("email", "sam@example.org"),
                ("password", crate::support::app::PASSWORD),
                ("csrf_token", token.as_str()),
            ]);
        async move { request.send().await.unwrap() }
    };
    let planted = sign_in(format!("clarion_csrf={csrf}")).await;
    assert_eq!(planted.status(), 403, "a CSRF cookie without the prefix");
    let response = sign_in(format!("__Host-clarion_csrf={csrf}")).await;
    assert_eq!(response.status(), 303);
    let (session, attributes) =
        set_cookie(&response, "__Host-clarion_session").expect("a __Host- session cookie");
    for needed in ["Secure", "Path=/", "HttpOnly"] {
        assert!(attributes.contains(needed), "{attributes}");
    }
    assert!(!attributes.contains("Domain"), "{attributes}");
    let workspace = |cookie: String| {
        let request = client.get(app.url("/workspace")).header("cookie", cookie);
        async move { request.send().await.unwrap().status() }
    };
    assert_eq!(
        workspace(format!("__Host-clarion_session={session}")).await,
        200
    );
    assert_eq!(
        workspace(format!("clarion_session={session}")).await,
        303,
        "a session cookie without the prefix opens nothing"
    );
}

// ---------------------------------------------------------------------

/// A right-to-left override shows "7.2.1" for "1.2.7" and one name for
/// another; zero-width characters make look-alikes differ. The staff read
/// these fields to decide, so they must show what they hold.
async fn text_that_shows_one_thing_and_holds_another_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for (field, value) in [
        ("clause", "7.2.1\u{202E}"),
        ("clause", "\u{2067}7.2.1\u{2069}"),
        ("name", "Ana\u{200B} Lima"),
        ("name", "\u{202E}amiL anA"),
        ("organization", "Lab\u{FEFF} Example"),
        ("organization", "Lab \u{200D}Example"),
    ] {
        let response = send(&app, &with(valid_form(), field, value)).await;
        assert_eq!(response.status(), 422, "{field}: {value:?}");
        let page = response.text().await.unwrap();
        assert!(
            page.contains(&format!(r##"<a href="#field-{field}">"##)),
            "{field}: {value:?} is named in the summary"
        );
    }
    assert_eq!(request_count(&app), 0, "nothing stored");
    let plain = with(
        with(valid_form(), "name", "Zoë Ørsted"),
        "organization",
        "مختبر",
    );
    assert_eq!(
        send(&app, &plain).await.status(),
        303,
        "letters of any script"
    );
}

// ---------------------------------------------------------------------

/// Register pages are kept in memory; a parameter no page reads (a
/// campaign tag, a random one meant to bust the cache) once made a copy of
/// its own and rendered the page again. Only parameters a page reads count
/// now, read as the page reads them.
async fn parameters_a_page_does_not_read_neither_copy_nor_render_it_again(backend: Backend) {
    use crate::support::register::{Published, publish};
    let app = TestApp::spawn_with(
        backend,
        &[("CLARION_REGISTER_REVALIDATE_MS", "3600000".to_owned())],
    )
    .await;
    let reference = publish(&mut app.db(), Published::default());
    // No cookie store: an anonymous reader, whom kept pages are served to.
    let reader = reqwest::Client::new();
    let read = |path: String| {
        let request = reader.get(app.url(&path));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200, "{path}");
            response.text().await.unwrap()
        }
    };
    let page = format!("/clarifications/{reference}");
    for _ in 0..2 {
        let first = read(format!("{page}?utm_source=newsletter")).await;
        assert!(first.contains("Clause 7.2.2 applies to methods the laboratory developed."));
    }
    // Changed behind the server's back: a page rendered again would show it.
    diesel::update(requests::table.filter(requests::reference.eq(&reference)))
        .set(requests::answer.eq("Yes, and it keeps the validation records."))
        .execute(&mut app.db())
        .unwrap();
    for busting in ["?utm_source=feed", "?x=8d1f0a", "?x=8d1f0a&y=2", ""] {
        let kept = read(format!("{page}{busting}")).await;
        assert!(
            kept.contains("Clause 7.2.2 applies to methods the laboratory developed."),
            "{busting} rendered the page again"
        );
    }

    // What a page reads still counts, however it is written: `%71` is `q`.
    let unfindable = "/clarifications?%71=zzyzzyva";
    for _ in 0..2 {
        assert!(!read(unfindable.to_owned()).await.contains(&reference));
    }
    assert!(
        read("/clarifications?utm_source=x".to_owned())
            .await
            .contains(&reference),
        "the list is not the search's copy"
    );
}
