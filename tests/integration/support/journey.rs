//! The submitter's steps, shared by the tests that need a request to exist.

use std::time::Duration;

use clarion::db::schema::{outbox, requests};
use diesel::prelude::*;
use reqwest::Response;

use super::app::{TestApp, csrf_token_in};

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
    for _ in 0..400 {
        if let Some(link) = confirmations().get(before) {
            return link.strip_prefix(&app.address).unwrap().to_owned();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "no confirmation mail arrived: {:?}",
        app.mail
            .received()
            .iter()
            .map(|m| &m.subject)
            .collect::<Vec<_>>()
    );
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
