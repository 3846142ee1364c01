//! A person files a request in a real browser (issue 3): meets the error
//! summary, corrects the form, reaches "check your e-mail", confirms from
//! the mail and lands on the tracking page; axe checks each page. The same
//! story once in French (issue 24), chosen with the footer's switch.

use std::time::Duration;

use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;
use crate::support::journey::{confirm_from_mail, fill_valid_form};

in_a_browser!(
    a_person_files_a_request_in_a_browser,
    a_person_files_a_request_in_french_in_a_browser,
);

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

async fn a_person_files_a_request_in_french_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = Browser::open().await;

    let form = "/requests/new?standard=iso-iec-17025-2017";
    browser.goto(&app.url(form)).await;
    browser.follow("footer a[lang=fr]").await;
    browser.follow("button[value=fr]").await;
    assert!(browser.url().await.ends_with(form));
    assert_eq!(browser.text("h1").await, "Demander une clarification");
    assert_eq!(
        browser
            .execute("return document.documentElement.lang", vec![])
            .await,
        "fr"
    );
    browser.assert_accessible().await;

    // A first attempt with mistakes comes back with the form in French.
    browser.fill("#field-clause", "7.2.1").await;
    browser.follow("button[value=send]").await;
    assert!(browser.title().await.starts_with("Erreur\u{a0}: "));
    assert_eq!(browser.text("legend").await, "Votre question");
    browser.assert_accessible().await;

    fill_valid_form(&browser).await;
    browser.follow("button[value=send]").await;
    assert_eq!(browser.text("h1").await, "Consultez votre messagerie");
    browser.assert_accessible().await;

    let mail = app.mail.wait_for(1, Duration::from_secs(20)).await;
    let link = mail[0]
        .links()
        .into_iter()
        .find(|l| l.contains("/requests/confirm/"))
        .unwrap();
    browser.goto(&link).await;
    assert_eq!(browser.text("h1").await, "Confirmez votre demande");
    browser.assert_accessible().await;
    let landed = browser.follow("form button[type=submit]").await;
    assert!(landed.contains("/track/"), "{landed}");
    assert_eq!(browser.text("#question-heading").await, "Votre question");
    assert!(
        browser
            .text(".lede")
            .await
            .starts_with("Le secrétariat vérifie")
    );
    assert_eq!(browser.text("#progress-heading").await, "Avancement");
    browser.assert_accessible().await;
    browser.close().await;
}
