//! A corrected version in a real browser (issue 21, item 3): the
//! secretariat writes an editorial correction, previews the public page it
//! gives and issues it; the public reads the corrected clarification, the
//! earlier version at its own address and the history. axe checks each
//! new page.

use crate::browser_workspace::{seen, sign_in};
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;
use crate::support::register::{Published, publish};
use crate::support::workspace::add_the_people;

in_a_browser!(the_secretariat_corrects_a_clarification_in_a_browser,);

const ANSWER: &str = "Yes. Clause 7.2.2 applies to methods the laboratory developed.";
const CORRECTED: &str = "Yes. Clause 7.2.2 applies to the methods the laboratory developed itself.";
const NOTE: &str = "Editorial: the answer now says whose methods it means.";

async fn the_secretariat_corrects_a_clarification_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = publish(
        &mut app.db(),
        Published {
            answer: ANSWER,
            ..Published::default()
        },
    );
    let browser = Browser::open().await;
    sign_in(&browser, &app, "sam@example.org", false).await;

    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}")))
        .await;
    browser.follow("#correct-publication").await;
    assert_eq!(
        seen(&browser, "h1").await,
        format!("A corrected version of {reference}")
    );
    browser.assert_accessible().await;

    // A note left out is pointed at, what was typed kept.
    browser.fill("#field-answer", CORRECTED).await;
    browser.follow("button[name=preview]").await;
    assert!(
        seen(&browser, ".error-summary")
            .await
            .contains("Write a note saying what was corrected and why.")
    );
    browser.assert_accessible().await;

    browser.fill("#field-note", NOTE).await;
    browser.follow("button[name=preview]").await;
    assert!(
        seen(&browser, "#preview-notice")
            .await
            .starts_with("Preview: not corrected yet")
    );
    assert_eq!(seen(&browser, "#answer-heading + .prose").await, CORRECTED);
    browser.assert_accessible().await;

    browser.follow("#preview-notice button[type=submit]").await;
    assert!(
        seen(&browser, "#banner")
            .await
            .starts_with("Version 2 is published")
    );

    browser
        .goto(&app.url(&format!("/clarifications/{reference}")))
        .await;
    assert!(seen(&browser, "#correction").await.contains(NOTE));
    browser.assert_accessible().await;

    browser.follow("#correction a").await;
    assert_eq!(
        seen(&browser, "h1").await,
        format!("Versions of {reference}")
    );
    browser.assert_accessible().await;

    browser.follow("#versions tbody tr:last-child a").await;
    assert!(browser.url().await.ends_with(&format!("/{reference}/v1")));
    assert_eq!(seen(&browser, "#answer-heading + .prose").await, ANSWER);
    assert!(
        seen(&browser, "#newer-version")
            .await
            .starts_with("A newer version of this clarification exists")
    );
    browser.assert_accessible().await;

    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}/case")))
        .await;
    assert!(seen(&browser, "#versions").await.contains(NOTE));
    browser.assert_accessible().await;
    browser.close().await;
}
