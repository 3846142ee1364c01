//! Follow-ups in a real browser: the submitter of a published answer asks
//! for reconsideration from their tracking page, a reader sends new
//! information from the clarification's page, and the secretariat screens
//! the reconsideration with the original in view; axe checks each new
//! page, and a screenshot of the whole of each is left in
//! `target/screenshots/` (on SQLite; PostgreSQL's run overwrites them).

use std::path::Path;

use crate::browser_workspace::{seen, sign_in};
use crate::follow_ups::published;
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;

in_a_browser!(follow_ups_are_asked_for_and_screened_in_a_browser,);

const REASONS: &str = "The answer reads 7.2.1 as if it named methods; it names procedures.";
const INFORMATION: &str = "A 2024 amendment changed the clause this answer relies on.";

/// Checks the page with axe and leaves a screenshot of all of it as
/// `follow-ups-{name}.png`.
async fn looked_at(browser: &Browser, name: &str) {
    browser.assert_accessible().await;
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let tall = browser
        .execute("return document.documentElement.scrollHeight;", vec![])
        .await
        .as_u64()
        .map_or(900, |tall| tall.clamp(900, 6000) as u32);
    browser.set_viewport(1280, tall).await;
    browser
        .screenshot(shots.join(format!("follow-ups-{name}.png")))
        .await;
    browser.set_viewport(1280, 900).await;
}

async fn follow_ups_are_asked_for_and_screened_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (original, tracking) = published(&app).await;
    let browser = Browser::open().await;

    // The submitter asks for reconsideration; empty reasons are refused.
    browser.goto(&app.url(&tracking)).await;
    assert_eq!(
        seen(&browser, "#reconsideration-heading").await,
        "Ask for reconsideration"
    );
    looked_at(&browser, "tracking-reconsideration").await;
    browser
        .follow("form[action$='/reconsideration'] button[type=submit]")
        .await;
    assert!(
        seen(&browser, ".error-summary")
            .await
            .contains("Give your reasons")
    );
    looked_at(&browser, "tracking-reconsideration-refused").await;
    browser.fill("#field-reasons", REASONS).await;
    let landed = browser
        .follow("form[action$='/reconsideration'] button[type=submit]")
        .await;
    assert!(landed.contains("/track/"), "{landed}");
    assert!(
        seen(&browser, "#follows")
            .await
            .contains(&format!("reconsideration of {original}"))
    );
    let follow_up = browser.text("h1").await;
    assert_ne!(follow_up, original);
    looked_at(&browser, "tracking-of-reconsideration").await;

    // A reader sends new information from the published page.
    browser
        .goto(&app.url(&format!("/clarifications/{original}")))
        .await;
    browser.follow("#new-information").await;
    assert_eq!(
        browser.text("h1").await,
        format!("New information on {original}")
    );
    looked_at(&browser, "new-information").await;
    browser.follow("form button[type=submit]").await;
    assert!(
        seen(&browser, ".error-summary")
            .await
            .contains("information")
    );
    looked_at(&browser, "new-information-refused").await;
    browser.fill("#field-information", INFORMATION).await;
    browser.fill("#field-name", "Kai Reader").await;
    browser.fill("#field-email", "kai@reader.example").await;
    browser.follow("form button[type=submit]").await;
    assert_eq!(browser.text("h1").await, "Check your e-mail");

    // The secretariat screens the reconsideration with the original open.
    sign_in(&browser, &app, "sam@example.org", false).await;
    assert!(
        seen(&browser, ".follows")
            .await
            .contains(&format!("Reconsideration of {original}"))
    );
    browser
        .goto(&app.url(&format!("/workspace/requests/{follow_up}")))
        .await;
    assert_eq!(
        seen(&browser, "#follows-line").await,
        format!("Reconsideration of {original}")
    );
    browser.click("#original summary").await;
    assert!(seen(&browser, "#original").await.contains("Published"));
    looked_at(&browser, "screening-reconsideration").await;
    browser
        .goto(&app.url(&format!("/workspace/requests/{original}/case")))
        .await;
    assert!(
        seen(&browser, "#case-follow-ups")
            .await
            .contains(&follow_up)
    );
    looked_at(&browser, "case-file-follow-ups").await;
    browser.close().await;
}
