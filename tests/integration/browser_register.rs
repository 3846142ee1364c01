//! A visitor finds a published answer in a real browser (issue 5): home
//! page search, the results, the clarification, its standard; axe checks
//! every public page on the way, the empty and the error states too.

use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;
use clarion::clock::Clock;

in_a_browser!(a_visitor_searches_reads_and_reaches_the_standard,);

async fn a_visitor_searches_reads_and_reaches_the_standard(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    clarion::seed::demo::seed(
        &mut app.db(),
        clarion::seed::demo::DEFAULT_PASSWORD,
        Clock::default().now(),
    )
    .unwrap();
    let browser = Browser::open().await;

    browser.goto(&app.url("/")).await;
    browser.assert_accessible().await;
    // A word that only the answer holds.
    browser.fill("#home-search", "confidence").await;
    let landed = browser.follow(".search-form button").await;
    assert!(landed.ends_with("/clarifications?q=confidence"), "{landed}");
    assert!(
        browser
            .text("[role=status]")
            .await
            .starts_with("1 clarification for “confidence”")
    );
    assert_eq!(browser.text(".snippet mark").await, "confidence");
    browser.assert_accessible().await;

    browser.follow(".result-list h3 a").await;
    assert_eq!(browser.text("h1").await, "ISO/IEC 17043:2023, clause 6.4");
    assert!(
        browser
            .text("#answer-heading + .prose")
            .await
            .contains("confidence")
    );
    browser.assert_accessible().await;

    browser.follow(".breadcrumbs li:nth-child(2) a").await;
    assert_eq!(browser.text("h1").await, "ISO/IEC 17043:2023");
    assert!(browser.text("table").await.contains("6.4"));
    browser.assert_accessible().await;

    // Filters open without JavaScript-driven widgets: a native <details>.
    browser
        .goto(&app.url("/clarifications?standard=iso-iec-17025-2017&clause=7.8"))
        .await;
    assert!(
        browser
            .text("[role=status]")
            .await
            .starts_with("2 clarifications")
    );
    browser.assert_accessible().await;

    // The states a visitor may meet are accessible too.
    browser.goto(&app.url("/clarifications?q=zeppelin")).await;
    assert!(
        browser
            .text(".empty")
            .await
            .contains("No published clarification matches")
    );
    browser.assert_accessible().await;
    browser.goto(&app.url("/clarifications?year=soon")).await;
    assert!(
        browser
            .text(".error-summary")
            .await
            .contains("Enter a year of publication")
    );
    browser.assert_accessible().await;
    browser.goto(&app.url("/standards")).await;
    browser.assert_accessible().await;
    browser
        .goto(&app.url("/standards/iso-iec-17025-2017/revision"))
        .await;
    assert_eq!(browser.text("h1").await, "For the next revision");
    browser.assert_accessible().await;
    browser.close().await;
}
