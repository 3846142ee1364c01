//! First run: the setup link creates the first secretariat account; forms
//! are protected by CSRF and bounded in size.

use std::time::Duration;

use clarion::db::schema::{tokens, users};
use clarion::workflow::accounts::issue_setup_link;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in, text_of};

/// The path of a fresh setup link, as the log would print it on start.
fn setup_path(app: &TestApp) -> String {
    let link = issue_setup_link(&mut app.db(), &app.address, app.clock.now())
        .unwrap()
        .expect("no account exists yet");
    link.strip_prefix(&app.address).unwrap().to_owned()
}

fn user_count(app: &TestApp) -> i64 {
    users::table.count().get_result(&mut app.db()).unwrap()
}

on_both_databases!(
    the_setup_link_creates_the_first_secretariat_account,
    a_mistyped_setup_form_keeps_the_input_and_says_what_to_fix,
    a_form_without_its_csrf_token_is_refused_and_stores_nothing,
    an_oversized_form_is_refused_with_413,
);

async fn the_setup_link_creates_the_first_secretariat_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = setup_path(&app);

    let (status, form) = app.page(&path).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&form, "h1").unwrap(),
        "Create the secretariat account"
    );

    let response = app
        .submit_form(
            &path,
            &path,
            &[
                ("name", "Maria Secretariat"),
                ("email", "Maria.Secretariat@Example.org"),
                ("password", "a long enough passphrase"),
                ("password_confirmation", "a long enough passphrase"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/workspace");
    let (status, queue) = app.page("/workspace").await;
    assert_eq!(status, 200, "signed in at once");
    assert!(
        text_of(&queue, "#banner")
            .unwrap()
            .starts_with("Your secretariat account is ready")
    );

    let (email, hash, secretariat): (String, Option<String>, bool) = users::table
        .select((users::email, users::password_hash, users::is_secretariat))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(email, "maria.secretariat@example.org");
    assert!(secretariat);
    let hash = hash.unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("a long enough passphrase"));

    // The link is spent, and only its hash was ever stored.
    assert_eq!(app.page(&path).await.0, 410);
    let token = path.trim_start_matches("/setup/");
    let stored: Vec<String> = tokens::table
        .select(tokens::token_hash)
        .load(&mut app.db())
        .unwrap();
    assert!(stored.iter().all(|h| h != token && h.len() == 64));
    // With an account in place, no new setup link is issued at start.
    assert!(
        issue_setup_link(&mut app.db(), &app.address, app.clock.now())
            .unwrap()
            .is_none()
    );

    let mail = app.mail.wait_for(1, Duration::from_secs(20)).await;
    let welcome = &mail[0];
    assert_eq!(
        welcome.envelope_to,
        vec!["maria.secretariat@example.org".to_owned()]
    );
    assert_eq!(welcome.subject, "Your Clarion secretariat account is ready");
    assert!(
        welcome.text.contains("Dear Maria Secretariat"),
        "{}",
        welcome.text
    );
    assert!(
        welcome.html.contains("Dear Maria Secretariat"),
        "{}",
        welcome.html
    );
    assert_eq!(
        welcome.links(),
        vec![format!("{}/login", app.address), app.address.clone()]
    );
    assert!(welcome.message_id.starts_with("setup-") && welcome.message_id.ends_with("@localhost"));
}

async fn a_mistyped_setup_form_keeps_the_input_and_says_what_to_fix(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = setup_path(&app);
    let response = app
        .submit_form(
            &path,
            &path,
            &[
                ("name", "Maria Secretariat"),
                ("email", "maria@"),
                ("password", "short"),
                ("password_confirmation", "short"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    let summary = text_of(&page, ".error-summary").unwrap();
    assert!(
        summary.contains("Enter an e-mail address in the form name@example.org."),
        "{summary}"
    );
    assert!(
        summary.contains("Choose a password of at least 12 characters."),
        "{summary}"
    );
    assert!(page.contains(r##"<a href="#field-email">"##));
    assert!(
        page.contains(r#"value="Maria Secretariat""#),
        "the name is kept"
    );
    assert!(page.contains(r#"value="maria@""#), "the address is kept");
    assert!(!page.contains("short\""), "passwords are never echoed");
    assert_eq!(user_count(&app), 0);
    // The link still works after a failed attempt.
    assert_eq!(app.page(&path).await.0, 200);
}

async fn a_form_without_its_csrf_token_is_refused_and_stores_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = setup_path(&app);
    let (_, form) = app.page(&path).await;
    let good_token = csrf_token_in(&form);
    let fields = [
        ("name", "Mallory"),
        ("email", "mallory@example.org"),
        ("password", "a long enough passphrase"),
        ("password_confirmation", "a long enough passphrase"),
    ];

    // No token, a forged token, and a valid token from a browser without the cookie.
    let forged = "0".repeat(64);
    let stranger = reqwest::Client::new();
    let mut with_token = fields.to_vec();
    with_token.push(("csrf_token", &good_token));
    let mut with_forged = fields.to_vec();
    with_forged.push(("csrf_token", &forged));
    let attempts = [
        app.post_form(&path, &fields).await,
        app.post_form(&path, &with_forged).await,
        stranger
            .post(app.url(&path))
            .form(&with_token)
            .send()
            .await
            .unwrap(),
    ];
    for response in attempts {
        assert_eq!(response.status(), 403);
        let page = response.text().await.unwrap();
        assert_eq!(text_of(&page, "h1").unwrap(), "This form has expired");
        assert!(
            page.contains(&format!(r#"href="{path}""#)),
            "offers the way back"
        );
    }
    assert_eq!(user_count(&app), 0);
}

async fn an_oversized_form_is_refused_with_413(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = setup_path(&app);
    let huge = "x".repeat(70 * 1024);
    let response = app
        .submit_form(&path, &path, &[("name", &huge), ("email", "a@example.org")])
        .await;
    assert_eq!(response.status(), 413);
    let page = response.text().await.unwrap();
    assert_eq!(text_of(&page, "h1").unwrap(), "What you sent is too large");
    assert_eq!(user_count(&app), 0);
}
