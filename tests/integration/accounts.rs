//! Accounts (issue 4, item 1): sign-in with session renewal, throttling,
//! password reset without enumeration, sign-out.

use std::time::Duration;

use clarion::db::schema::{sessions, users};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{
    Backend, Person, TestApp, csrf_token_in, links as links_in, text_of, value_of,
};

const PASSWORD: &str = "correct horse battery staple";

fn add_account(app: &TestApp, email: &str) {
    clarion::models::users::insert(
        &mut app.db(),
        &clarion::models::users::NewUser {
            id: &clarion::db::new_id(),
            email,
            name: "Carla Convenor",
            password_hash: Some(&clarion::domain::password::hash(PASSWORD)),
            is_secretariat: true,
            active: true,
            created_at: app.clock.now(),
            sponsor_organisation_id: None,
        },
    )
    .unwrap();
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.submit_form(
        "/login",
        "/login",
        &[
            ("email", email),
            ("password", password),
            ("next", "/workspace"),
        ],
    )
    .await
}

fn session_cookie(response: &reqwest::Response) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("clarion_session="))
}

fn session_count(app: &TestApp) -> i64 {
    sessions::table.count().get_result(&mut app.db()).unwrap()
}

on_both_databases!(
    signing_in_opens_a_fresh_session_and_signing_out_ends_it,
    a_wrong_password_and_an_unknown_address_get_the_same_answer,
    an_empty_address_or_password_is_named_beside_its_field,
    repeated_failures_pause_signing_in,
    a_password_reset_never_reveals_who_has_an_account,
    a_reset_asked_for_what_is_no_address_says_so_beside_the_field,
    the_workspace_sends_anonymous_visitors_to_sign_in,
    signing_in_never_leads_to_another_site,
    parallel_wrong_passwords_are_counted_before_any_is_checked,
    one_client_cannot_lock_an_account_holder_out_from_elsewhere,
    failures_from_many_places_pause_an_account_everywhere,
    reset_links_are_throttled_per_address_and_per_client,
    using_one_reset_link_revokes_the_others,
    a_session_in_use_lasts_eight_idle_hours_not_eight_hours,
);

async fn signing_in_opens_a_fresh_session_and_signing_out_ends_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");

    let first = sign_in(&app, "Carla@Example.org", PASSWORD).await;
    assert_eq!(first.status(), 303);
    assert_eq!(first.headers()["location"], "/workspace");
    let cookie = session_cookie(&first).expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http in tests");
    let first_value = cookie.split(';').next().unwrap().to_owned();

    let (status, page) = app.page("/workspace").await;
    assert_eq!(status, 200);
    assert!(
        text_of(&page, ".site-account")
            .unwrap()
            .contains("Signed in as Carla Convenor")
    );

    // Signing in again replaces the session rather than reusing it.
    let second = sign_in(&app, "carla@example.org", PASSWORD).await;
    let second_value = session_cookie(&second)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(first_value, second_value);
    assert_eq!(session_count(&app), 1, "the old session is closed");
    let stale = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let response = stale
        .get(app.url("/workspace"))
        .header("cookie", &first_value)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303, "the old session id opens nothing");

    let (_, page) = app.page("/logout").await;
    let token = csrf_token_in(&page);
    let response = app.post_form("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(response.status(), 303);
    assert!(session_cookie(&response).unwrap().contains("Max-Age=0"));
    assert_eq!(session_count(&app), 0);
    assert_eq!(app.get("/workspace").await.status(), 303);

    let last_login: Option<chrono::NaiveDateTime> = users::table
        .select(users::last_login_at)
        .first(&mut app.db())
        .unwrap();
    assert!(last_login.is_some());
}

async fn a_wrong_password_and_an_unknown_address_get_the_same_answer(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    let wrong = sign_in(&app, "carla@example.org", "not the password").await;
    let unknown = sign_in(&app, "nobody@example.org", "not the password").await;
    assert_eq!(wrong.status(), 422);
    assert_eq!(unknown.status(), 422);
    let (wrong, unknown) = (wrong.text().await.unwrap(), unknown.text().await.unwrap());
    assert_eq!(
        text_of(&wrong, ".error-summary"),
        text_of(&unknown, ".error-summary")
    );
    assert!(
        wrong.contains(r#"value="carla@example.org""#),
        "the address is kept"
    );
    assert_eq!(session_count(&app), 0);
}

async fn repeated_failures_pause_signing_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    for _ in 0..5 {
        assert_eq!(
            sign_in(&app, "carla@example.org", "guess").await.status(),
            422
        );
    }
    // Even the right password waits now.
    let response = sign_in(&app, "carla@example.org", PASSWORD).await;
    assert_eq!(response.status(), 429);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("signing in is paused for 15 minutes")
    );
    app.clock.advance(chrono::TimeDelta::minutes(16));
    assert_eq!(
        sign_in(&app, "carla@example.org", PASSWORD).await.status(),
        303
    );
}

/// What the page says after asking for a reset link.
async fn ask_for_reset(app: &TestApp, email: &str) -> String {
    let response = app
        .submit_form("/password/forgot", "/password/forgot", &[("email", email)])
        .await;
    assert_eq!(response.status(), 200);
    text_of(&response.text().await.unwrap(), "main").unwrap()
}

async fn a_reset_asked_for_what_is_no_address_says_so_beside_the_field(backend: Backend) {
    use clarion::db::schema::{outbox, rate_events};
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    for (typed, message) in [
        ("", "Enter your e-mail address"),
        (
            "carla at example.org",
            "Enter an e-mail address in the form name@example.org.",
        ),
    ] {
        let response = app
            .submit_form("/password/forgot", "/password/forgot", &[("email", typed)])
            .await;
        assert_eq!(response.status(), 422, "{typed:?}");
        let page = response.text().await.unwrap();
        let summary = text_of(&page, ".error-summary").unwrap();
        assert!(summary.contains(message), "{typed:?}: {summary}");
        let beside = text_of(&page, "#email-error").unwrap();
        assert!(beside.contains(message), "{typed:?}: {beside}");
        assert!(
            page.contains(&format!(r#"name="email" value="{typed}""#)),
            "what was typed is kept: {typed:?}"
        );
        assert!(
            !text_of(&page, "main")
                .unwrap()
                .contains("Check your e-mail")
        );
        assert!(
            text_of(&page, "title")
                .unwrap()
                .starts_with("Error: Forgot")
        );
    }
    let mut conn = app.db();
    let queued: i64 = outbox::table.count().get_result(&mut conn).unwrap();
    assert_eq!(queued, 0, "nothing is mailed");
    let counted: i64 = rate_events::table.count().get_result(&mut conn).unwrap();
    assert_eq!(counted, 0, "no asking is counted against the throttle");
    drop(conn);
    // The same form still sends a link to a real address.
    assert!(
        ask_for_reset(&app, "Carla@Example.org")
            .await
            .contains("Check your e-mail")
    );
}

async fn an_empty_address_or_password_is_named_beside_its_field(backend: Backend) {
    use clarion::db::schema::rate_events;
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    for (email, password, email_error, password_error) in [
        (
            "",
            "",
            Some("Enter your e-mail address."),
            Some("Enter your password."),
        ),
        ("carla@example.org", "", None, Some("Enter your password.")),
        ("  ", PASSWORD, Some("Enter your e-mail address."), None),
    ] {
        let response = sign_in(&app, email, password).await;
        assert_eq!(response.status(), 422, "{email:?}");
        let page = response.text().await.unwrap();
        let beside = |field: &str| {
            text_of(&page, &format!("#{field}-error"))
                .map(|text| text.trim_start_matches("Error:").trim().to_owned())
        };
        assert_eq!(beside("email").as_deref(), email_error, "{email:?}");
        assert_eq!(beside("password").as_deref(), password_error, "{email:?}");
        let summary = text_of(&page, ".error-summary").unwrap();
        for message in [email_error, password_error].into_iter().flatten() {
            assert!(summary.contains(message), "{summary}");
        }
        assert!(!summary.contains("not right"), "{summary}");
        assert_eq!(text_of(&page, "title").unwrap(), "Error: Sign in · Clarion");
        assert_eq!(
            value_of(&page, "email").unwrap(),
            email,
            "what was typed is kept"
        );
    }
    let counted: i64 = rate_events::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(counted, 0, "an empty field is not a failed sign-in");
    assert_eq!(session_count(&app), 0);
}

async fn a_password_reset_never_reveals_who_has_an_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    let known = ask_for_reset(&app, "carla@example.org").await;
    let unknown = ask_for_reset(&app, "nobody@example.org").await;
    assert_eq!(known, unknown);

    let mail = app.mail.wait_for(1, Duration::from_secs(20)).await;
    app.run_worker_once().await;
    assert_eq!(
        app.mail.received().len(),
        1,
        "only the real account gets mail"
    );
    assert_eq!(mail[0].envelope_to, ["carla@example.org"]);
    let link = mail[0]
        .links()
        .into_iter()
        .find(|l| l.contains("/password/reset/"))
        .unwrap();
    let path = link.strip_prefix(&app.address).unwrap().to_owned();

    // A signed-in session elsewhere ends when the password changes.
    sign_in(&app, "carla@example.org", PASSWORD).await;
    assert_eq!(session_count(&app), 1);
    let response = app
        .submit_form(
            &path,
            &path,
            &[("password", "short"), ("password_confirmation", "short")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        text_of(&page, "title").unwrap().starts_with("Error: "),
        "{page}"
    );
    let new_password = "a brand new passphrase";
    let response = app
        .submit_form(
            &path,
            &path,
            &[
                ("password", new_password),
                ("password_confirmation", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/login");
    assert_eq!(session_count(&app), 0);
    assert_eq!(app.page(&path).await.0, 404, "the link is spent");
    assert_eq!(
        sign_in(&app, "carla@example.org", PASSWORD).await.status(),
        422
    );
    assert_eq!(
        sign_in(&app, "carla@example.org", new_password)
            .await
            .status(),
        303
    );
}

async fn the_workspace_sends_anonymous_visitors_to_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let response = app.get("/workspace?tab=mine").await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        response.headers()["location"],
        "/login?next=%2Fworkspace%3Ftab%3Dmine"
    );
    let (status, page) = app.page("/login?next=%2Fworkspace%3Ftab%3Dmine").await;
    assert_eq!(status, 200);
    assert!(page.contains(r#"name="next" value="/workspace?tab=mine""#));
    // A sign-in never sends the browser to another site.
    let (_, page) = app.page("/login?next=https%3A%2F%2Fevil.example").await;
    assert!(page.contains(r#"name="next" value="/workspace""#));
    let (_, page) = app.page("/login?next=%2F%2Fevil.example").await;
    assert!(page.contains(r#"name="next" value="/workspace""#));
}

/// Browsers drop tabs and line breaks from an address and read a backslash
/// as a slash: `/\t/evil.example` is `//evil.example`, another site.
async fn signing_in_never_leads_to_another_site(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    for next in [
        "/%09/evil.example",
        "/%5C/evil.example",
        "%2F%0A%2Fevil.example",
    ] {
        let (status, page) = app.page(&format!("/login?next={next}")).await;
        assert_eq!(status, 200, "{next}");
        assert!(
            page.contains(r#"name="next" value="/workspace""#),
            "{next} is offered as the page to go to"
        );
    }
    let sent_back = |next: &'static str| {
        let app = &app;
        async move {
            let response = app
                .submit_form(
                    "/login",
                    "/login",
                    &[
                        ("email", "carla@example.org"),
                        ("password", PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(response.status(), 303, "{next:?}");
            response.headers()["location"].to_str().unwrap().to_owned()
        }
    };
    assert_eq!(sent_back("/\t/evil.example").await, "/workspace");
    assert_eq!(sent_back("/ /evil.example").await, "/workspace");
    // A line break cannot go into a header: once it gave a 500 after the
    // session was made.
    assert_eq!(
        sent_back("/workspace\r\nSet-Cookie: planted=1").await,
        "/workspace"
    );
    assert_eq!(session_count(&app), 1, "each sign-in replaced the last");
    assert_eq!(
        sent_back("/workspace?tab=mine").await,
        "/workspace?tab=mine",
        "a page of this site is still followed"
    );
}

/// The status of one sign-in by `person`.
async fn sign_in_from(person: &Person, email: &str, password: &str) -> u16 {
    person
        .submit_form(
            "/login",
            "/login",
            &[("email", email), ("password", password)],
        )
        .await
        .status()
        .as_u16()
}

/// An app behind a proxy on 127.0.0.1, which it trusts: each
/// [`Person::behind_proxy`] is a client of its own.
async fn behind_a_proxy(backend: Backend) -> TestApp {
    TestApp::spawn_with(backend, &[("CLARION_TRUSTED_PROXIES", "127.0.0.1".into())]).await
}

/// Once, 40 wrong passwords sent at once ran 12 password checks where 5
/// are allowed: each read the count before any had raised it.
async fn parallel_wrong_passwords_are_counted_before_any_is_checked(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    let (_, page) = app.page("/login").await;
    let token = csrf_token_in(&page);
    let attempts: Vec<_> = (0..40)
        .map(|n| {
            let (person, token) = (app.visitor.clone(), token.clone());
            tokio::spawn(async move {
                let guess = format!("guess number {n}");
                person
                    .post_form(
                        "/login",
                        &[
                            ("email", "carla@example.org"),
                            ("password", &guess),
                            ("csrf_token", &token),
                        ],
                    )
                    .await
                    .status()
                    .as_u16()
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s == 422).count();
    let paused = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!(
        (checked, paused),
        (5, 35),
        "five passwords checked, the rest paused: {statuses:?}"
    );
    assert_eq!(
        sign_in(&app, "carla@example.org", PASSWORD).await.status(),
        429
    );
    assert_eq!(session_count(&app), 0);
}

/// Failing on one account, or on twenty unknown addresses, pauses the
/// client that failed, not the account's holder signing in elsewhere.
async fn one_client_cannot_lock_an_account_holder_out_from_elsewhere(backend: Backend) {
    let app = behind_a_proxy(backend).await;
    add_account(&app, "carla@example.org");
    let attacker = Person::behind_proxy(&app.address, "198.51.100.7");
    for _ in 0..5 {
        assert_eq!(
            sign_in_from(&attacker, "carla@example.org", "guess").await,
            422
        );
    }
    assert_eq!(
        sign_in_from(&attacker, "carla@example.org", "guess").await,
        429,
        "the client that failed five times is paused for this account"
    );
    for n in 0..15 {
        let unknown = format!("guess{n}@example.org");
        assert_eq!(sign_in_from(&attacker, &unknown, "guess").await, 422);
    }
    assert_eq!(
        sign_in_from(&attacker, "someone.else@example.org", "guess").await,
        429,
        "after twenty failures the client is paused for every account"
    );
    let carla = Person::behind_proxy(&app.address, "203.0.113.5");
    assert_eq!(
        sign_in_from(&carla, "carla@example.org", PASSWORD).await,
        303
    );

    // IPv6 clients are counted per /64: one subscriber holds a whole one.
    let first = Person::behind_proxy(&app.address, "2001:db8:1:2::1");
    for n in 0..5 {
        let neighbour = Person::behind_proxy(&app.address, &format!("2001:db8:1:2::{n:x}"));
        let person = if n == 0 { &first } else { &neighbour };
        assert_eq!(
            sign_in_from(person, "carla@example.org", "guess").await,
            422
        );
    }
    let same_network = Person::behind_proxy(&app.address, "2001:db8:1:2:ffff::9");
    assert_eq!(
        sign_in_from(&same_network, "carla@example.org", PASSWORD).await,
        429
    );
    let other_network = Person::behind_proxy(&app.address, "2001:db8:1:3::1");
    assert_eq!(
        sign_in_from(&other_network, "carla@example.org", PASSWORD).await,
        303
    );
}

/// A guess spread over many places is bounded for the account as a whole.
async fn failures_from_many_places_pause_an_account_everywhere(backend: Backend) {
    let app = behind_a_proxy(backend).await;
    add_account(&app, "carla@example.org");
    let limit = clarion::workflow::accounts::LOGIN_FAILURES_PER_ACCOUNT;
    for n in 0..limit {
        let place =
            Person::behind_proxy(&app.address, &format!("198.51.{}.{}", n / 200, n % 200 + 1));
        assert_eq!(
            sign_in_from(&place, "carla@example.org", "guess").await,
            422,
            "place {n}"
        );
    }
    let carla = Person::behind_proxy(&app.address, "203.0.113.5");
    assert_eq!(
        sign_in_from(&carla, "carla@example.org", PASSWORD).await,
        429
    );
    assert_eq!(
        sign_in_from(&carla, "someone.else@example.org", "guess").await,
        422,
        "other accounts are not paused"
    );
    app.clock.advance(chrono::TimeDelta::minutes(16));
    assert_eq!(
        sign_in_from(&carla, "carla@example.org", PASSWORD).await,
        303
    );
}

/// The status of asking for a reset link for `email`, and what was mailed.
async fn ask_reset_from(person: &Person, email: &str) -> u16 {
    person
        .submit_form("/password/forgot", "/password/forgot", &[("email", email)])
        .await
        .status()
        .as_u16()
}

async fn reset_links_are_throttled_per_address_and_per_client(backend: Backend) {
    let app = behind_a_proxy(backend).await;
    add_account(&app, "carla@example.org");
    let per_address = clarion::workflow::accounts::RESETS_PER_ADDRESS;
    for n in 0..per_address {
        let place = Person::behind_proxy(&app.address, &format!("198.51.100.{}", n + 1));
        assert_eq!(ask_reset_from(&place, "carla@example.org").await, 200);
    }
    let elsewhere = Person::behind_proxy(&app.address, "203.0.113.5");
    let response = elsewhere
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "Carla@Example.org")],
        )
        .await;
    assert_eq!(response.status(), 429, "this address had enough links");
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, ".error-summary h2").as_deref(),
        Some("Too many links asked for")
    );
    // Unknown addresses are counted alike, or the pause would tell them apart.
    for n in 0..per_address {
        let place = Person::behind_proxy(&app.address, &format!("198.51.100.{}", n + 1));
        assert_eq!(ask_reset_from(&place, "nobody@example.org").await, 200);
    }
    assert_eq!(ask_reset_from(&elsewhere, "nobody@example.org").await, 429);

    let sender = Person::behind_proxy(&app.address, "192.0.2.44");
    let per_client = clarion::workflow::accounts::RESETS_PER_CLIENT;
    for n in 0..per_client {
        assert_eq!(
            ask_reset_from(&sender, &format!("someone{n}@example.org")).await,
            200
        );
    }
    assert_eq!(
        ask_reset_from(&sender, "one.more@example.org").await,
        429,
        "this client asked for enough links"
    );

    app.run_worker_once().await;
    let mails = app.mail.received();
    assert_eq!(mails.len(), per_address as usize, "{mails:?}");
    assert_eq!(app.mail.to("carla@example.org").len(), per_address as usize);
    app.clock.advance(chrono::TimeDelta::minutes(61));
    assert_eq!(ask_reset_from(&elsewhere, "carla@example.org").await, 200);
}

async fn using_one_reset_link_revokes_the_others(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    ask_for_reset(&app, "carla@example.org").await;
    ask_for_reset(&app, "carla@example.org").await;
    let mails = app.mail.wait_for(2, Duration::from_secs(20)).await;
    let links: Vec<String> = mails
        .iter()
        .flat_map(|m| m.links())
        .filter(|l| l.contains("/password/reset/"))
        .map(|l| l.strip_prefix(&app.address).unwrap().to_owned())
        .collect();
    assert_eq!(links.len(), 2);
    assert_ne!(links[0], links[1]);
    for link in &links {
        assert_eq!(
            app.page(link).await.0,
            200,
            "both links work until one is used"
        );
    }
    let new_password = "a brand new passphrase";
    let response = app
        .submit_form(
            &links[1],
            &links[1],
            &[
                ("password", new_password),
                ("password_confirmation", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (status, gone) = app.page(&links[0]).await;
    assert_eq!(status, 404, "the other link is revoked");
    assert_eq!(text_of(&gone, "h1").unwrap(), "This link no longer works");
    assert!(
        text_of(&gone, ".lede")
            .unwrap()
            .contains("Ask for a new one"),
        "{gone}"
    );
    assert_eq!(
        links_in(&gone, "main ul a"),
        ["/password/forgot", "/login"],
        "the way on: a new link, or signing in"
    );
    let (_, page) = app.page("/login").await;
    let token = csrf_token_in(&page);
    let response = app
        .post_form(
            &links[0],
            &[
                ("password", "someone else's choice"),
                ("password_confirmation", "someone else's choice"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(response.status(), 404);
    let page = response.text().await.unwrap();
    assert_eq!(text_of(&page, "h1").unwrap(), "This link no longer works");
    assert_eq!(
        sign_in(&app, "carla@example.org", new_password)
            .await
            .status(),
        303
    );
}

/// Eight hours after signing in, someone who kept working is still signed
/// in: the session and its cookie last eight hours from the last use.
async fn a_session_in_use_lasts_eight_idle_hours_not_eight_hours(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    let first = sign_in(&app, "carla@example.org", PASSWORD).await;
    let issued = session_cookie(&first).unwrap();
    assert!(issued.contains("Max-Age=28800"), "{issued}");
    let value = issued.split(';').next().unwrap().to_owned();
    for hours_later in [7, 14, 21] {
        app.clock.advance(chrono::TimeDelta::hours(7));
        let response = app.get("/workspace").await;
        assert_eq!(
            response.status(),
            200,
            "{hours_later} hours after signing in"
        );
        let renewed = session_cookie(&response).expect("the cookie is given its eight hours again");
        assert!(renewed.starts_with(&value), "the same session: {renewed}");
        assert!(renewed.contains("Max-Age=28800"), "{renewed}");
    }
    app.clock
        .advance(chrono::TimeDelta::hours(8) + chrono::TimeDelta::minutes(1));
    assert_eq!(
        app.get("/workspace").await.status(),
        303,
        "eight hours unused end it"
    );
}
