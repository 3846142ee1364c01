//! A person files a request in a real browser (issue 3): meets the error
//! summary, corrects the form, reaches "check your e-mail", confirms from
//! the mail and lands on the tracking page; axe checks each page.

use std::time::Duration;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;

on_both_databases!(a_person_files_a_request_in_a_browser);

async fn a_person_files_a_request_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = Browser::open().await;

    browser
        .goto(&app.url("/requests/new?standard=iso-iec-17025-2017"))
        .await;
    assert_eq!(browser.text("h1").await, "Ask for a clarification");
    browser.assert_accessible().await;

    // A first attempt with mistakes.
    browser.fill("#field-clause", "7.2.1").await;
    browser.fill("#field-question", "Is this clear?").await;
    browser.fill("#field-name", "Ana Lima").await;
    browser.fill("#field-email", "ana.lima@").await;
    browser.follow("button[value=send]").await;

    let summary = browser.text(".error-summary").await;
    for message in [
        "Write your question in at least 20 characters",
        "Enter an e-mail address in the form name@example.org.",
        "Choose the country you are in.",
        "Confirm that your question is about the intent of a requirement.",
    ] {
        assert!(summary.contains(message), "{message} in {summary}");
    }
    assert!(browser.title().await.starts_with("Error: "));
    // What was typed survived the round trip.
    let kept = browser
        .execute("return document.getElementById('field-name').value", vec![])
        .await;
    assert_eq!(kept, "Ana Lima");
    browser.assert_accessible().await;

    // The summary's link takes the person to the field.
    browser.click(".error-summary a[href='#field-email']").await;
    let focused = browser
        .execute("return document.activeElement.id", vec![])
        .await;
    assert_eq!(focused, "field-email");

    // Corrected.
    fill_valid_form(&browser).await;
    browser.follow("button[value=send]").await;
    assert_eq!(browser.text("h1").await, "Check your e-mail");
    assert!(browser.url().await.ends_with("/requests/sent"));
    browser.assert_accessible().await;

    confirm_from_mail(&browser, &app).await;
    browser.close().await;
}

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
