//! Accounts (issue 4, item 1): sign-in with session renewal, throttling,
//! password reset without enumeration, sign-out.

use std::time::Duration;

use clarion::db::schema::{sessions, users};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in, text_of};

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
    repeated_failures_pause_signing_in,
    a_password_reset_never_reveals_who_has_an_account,
    the_workspace_sends_anonymous_visitors_to_sign_in,
    signing_in_never_leads_to_another_site,
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

async fn a_password_reset_never_reveals_who_has_an_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_account(&app, "carla@example.org");
    let known = ask_for_reset(&app, "carla@example.org").await;
    let unknown = ask_for_reset(&app, "nobody@example.org").await;
    assert_eq!(known, unknown);

    let mail = app.mail.wait_for(1, Duration::from_secs(20)).await;
    app.settle().await;
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
    assert_eq!(response.headers()["location"], "/login?done=password");
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
