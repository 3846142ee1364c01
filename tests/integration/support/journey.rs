//! The submitter's steps, shared by the tests that need a request to exist.

use std::time::Duration;

use clarion::db::DbConn;
use clarion::db::schema::{outbox, request_contacts, requests};
use diesel::prelude::*;
use reqwest::Response;

use super::app::{Person, TestApp, csrf_token_in};
use super::browser::Browser;
use super::eventually::{BOUND, eventually};

pub const QUESTION: &str = "Does clause 7.2.1 require a documented procedure for each test method, or is one procedure covering all methods enough?";

pub fn valid_form() -> Vec<(&'static str, String)> {
    [
        ("standard", "iso-iec-17025-2017"),
        ("clause", "7.2.1"),
        ("question", QUESTION),
        ("background", "Assessors read the clause differently."),
        ("proposed_answer", ""),
        ("name", "Ana Lima"),
        ("email", "ana.lima@lab.example"),
        ("organization", "Lab Example"),
        ("country", "BR"),
        ("category", "conformity_assessment_body"),
        ("confirm_intent", "on"),
        ("confirm_not_specific_case", "on"),
        ("confirm_not_new_requirement", "on"),
        ("confirm_publication", "on"),
        ("website", ""),
        ("intent", "send"),
    ]
    .into_iter()
    .map(|(k, v)| (k, v.to_owned()))
    .collect()
}

pub fn with(
    mut form: Vec<(&'static str, String)>,
    key: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    form.retain(|(k, _)| *k != key);
    form.push((key, value.to_owned()));
    form
}

pub async fn send(app: &TestApp, form: &[(&'static str, String)]) -> Response {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.submit_form("/requests/new", "/requests", &fields).await
}

/// The CSRF token of the request form, which stays valid for this person.
pub async fn form_token(person: &Person) -> String {
    let (status, page) = person.page("/requests/new").await;
    assert_eq!(status, 200, "the form is served");
    csrf_token_in(&page)
}

/// The valid form with `email`, from a page opened before (its `token`).
fn fields_with(token: &str, email: &str) -> Vec<(&'static str, String)> {
    let mut form = with(valid_form(), "email", email);
    form.push(("csrf_token", token.to_owned()));
    form
}

/// Sends the request form, as opened before, with `email`.
pub async fn send_as(person: &Person, token: &str, email: &str) -> Response {
    let form = fields_with(token, email);
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    person.post_form("/requests", &fields).await
}

/// Sends the form with `email` while the server may be going away: true
/// when answered "received" (the only answer allowed), false when the
/// connection broke without an answer.
pub async fn submit_unless_cut_off(person: &Person, token: &str, email: &str) -> bool {
    let Ok(response) = person
        .client
        .post(person.url("/requests"))
        .form(&fields_with(token, email))
        .send()
        .await
    else {
        return false;
    };
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap());
    assert_eq!(
        (response.status().as_u16(), location),
        (303, Some("/requests/sent")),
        "a submission under load is received, never refused"
    );
    true
}

/// The e-mail addresses of every stored request's submitter, sorted.
pub fn stored_contacts(conn: &mut DbConn) -> Vec<String> {
    request_contacts::table
        .select(request_contacts::email)
        .order(request_contacts::email)
        .load(conn)
        .unwrap()
}

pub fn request_count(app: &TestApp) -> i64 {
    requests::table.count().get_result(&mut app.db()).unwrap()
}

pub fn outbox_count(app: &TestApp) -> i64 {
    outbox::table.count().get_result(&mut app.db()).unwrap()
}

/// Files a valid request and returns the path of its confirmation link,
/// read from the mail the submitter received.
pub async fn file_request(app: &TestApp, form: &[(&'static str, String)]) -> String {
    let confirmations = || -> Vec<String> {
        app.mail
            .received()
            .iter()
            .flat_map(|m| m.links())
            .filter(|l| l.contains("/requests/confirm/"))
            .collect()
    };
    let before = confirmations().len();
    let response = send(app, form).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/requests/sent");
    eventually(BOUND, || async {
        if let Some(link) = confirmations().get(before) {
            return Ok(link.strip_prefix(&app.address).unwrap().to_owned());
        }
        let subjects: Vec<String> = app.mail.received().into_iter().map(|m| m.subject).collect();
        Err(format!("no confirmation mail arrived: {subjects:?}"))
    })
    .await
}

/// Presses the button on the confirmation page; returns the response.
pub async fn press_confirm(app: &TestApp, confirm_path: &str) -> Response {
    let (status, page) = app.page(confirm_path).await;
    assert_eq!(status, 200);
    let token = csrf_token_in(&page);
    app.post_form(confirm_path, &[("csrf_token", &token)]).await
}

/// Files and confirms a request; returns the tracking page path.
pub async fn confirmed_request(app: &TestApp, form: &[(&'static str, String)]) -> String {
    let confirm = file_request(app, form).await;
    let response = press_confirm(app, &confirm).await;
    assert_eq!(response.status(), 303);
    response.headers()["location"].to_str().unwrap().to_owned()
}

// In a browser.

/// Fills every field of the request form about clause 7.2.1 of ISO/IEC
/// 17025 correctly, replacing what is there.
pub async fn fill_valid_form(browser: &Browser) {
    browser.fill("#field-clause", "7.2.1").await;
    browser
        .fill(
            "#field-question",
            "Does clause 7.2.1 require a separate documented procedure for each test method?",
        )
        .await;
    browser.fill("#field-name", "Ana Lima").await;
    browser.fill("#field-email", "ana.lima@lab.example").await;
    browser
        .find("#field-country")
        .await
        .select_by_value("BR")
        .await
        .unwrap();
    browser
        .find("#field-category")
        .await
        .select_by_value("conformity_assessment_body")
        .await
        .unwrap();
    for checkbox in [
        "#field-confirm_intent",
        "#field-confirm_not_specific_case",
        "#field-confirm_not_new_requirement",
        "#field-confirm_publication",
    ] {
        let ticked = browser
            .execute(
                &format!("return document.querySelector('{checkbox}').checked"),
                vec![],
            )
            .await;
        if ticked != true {
            browser.click(checkbox).await;
        }
    }
}

/// Follows the link of the confirmation mail, presses its button, and
/// returns the reference the tracking page then shows.
pub async fn confirm_from_mail(browser: &Browser, app: &TestApp) -> String {
    let mail = app.mail.wait_for(1, Duration::from_secs(20)).await;
    let link = mail[0]
        .links()
        .into_iter()
        .find(|l| l.contains("/requests/confirm/"))
        .unwrap();
    browser.goto(&link).await;
    assert_eq!(browser.text("h1").await, "Confirm your request");
    browser.assert_accessible().await;
    let landed = browser.follow("form button[type=submit]").await;
    assert!(landed.contains("/track/"), "{landed}");
    let heading = browser.text("h1").await;
    assert!(
        heading.starts_with("CR-") && heading.ends_with("-0001"),
        "{heading}"
    );
    assert!(
        browser
            .text(".lede")
            .await
            .contains("The secretariat is checking")
    );
    browser.assert_accessible().await;
    heading
}
