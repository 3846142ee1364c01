//! Liaison consultation in a real browser (issue 23, item 1): the
//! secretariat consults ILAC, the group decides, ILAC reviews the answer
//! through its private link and comments, and the request page shows the
//! comments and why publication waits. axe checks each page on the way.

use std::path::Path;

use crate::browser_workspace::{seen, sign_in};
use crate::consensus::{DRAFT, balloting};
use crate::consultations::{COMMENTS, ILAC, decide, review_link};
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;

in_a_browser!(a_liaison_reviews_a_decided_answer_in_a_browser,);

async fn a_liaison_reviews_a_decided_answer_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let browser = Browser::open().await;
    sign_in(&browser, &app, "sam@example.org", false).await;

    // The secretariat consults ILAC, from its admin page.
    browser.goto(&app.url("/admin/consultation")).await;
    browser.assert_accessible().await;
    browser.follow("#add-liaison button[type=submit]").await;
    assert_eq!(
        seen(&browser, ".error-summary li").await,
        "Choose a liaison organisation of the registry."
    );
    browser.assert_accessible().await;
    let ilac = browser
        .execute(
            "return [...document.querySelectorAll('#field-organisation option')]
                .find(o => o.textContent.startsWith('ILAC')).value;",
            vec![],
        )
        .await;
    browser
        .execute(
            "document.querySelector('#field-organisation').value = arguments[0];",
            vec![ilac],
        )
        .await;
    browser.fill("#field-email", ILAC).await;
    browser.follow("#add-liaison button[type=submit]").await;
    assert!(seen(&browser, "#consulted").await.contains(ILAC));

    decide(&app, &reference).await;
    app.run_worker_once().await;
    let link = review_link(&app, ILAC, 1).await;

    // ILAC reviews the answer: a refused form first, then its comments.
    let liaison = Browser::open().await;
    liaison.goto(&app.url(&link)).await;
    assert_eq!(seen(&liaison, "#decided-answer").await, DRAFT);
    liaison.assert_accessible().await;
    liaison
        .screenshot(shots.join("consultation-review-1280.png"))
        .await;
    liaison
        .follow("form[action^='/consultation/'] button[type=submit]")
        .await;
    assert_eq!(
        seen(&liaison, ".error-summary li").await,
        "Choose no objection, or comments."
    );
    liaison.assert_accessible().await;
    liaison.click("#field-answer-comments").await;
    liaison.fill("#field-comments", COMMENTS).await;
    liaison
        .follow("form[action^='/consultation/'] button[type=submit]")
        .await;
    assert_eq!(seen(&liaison, "#your-comments").await, COMMENTS);
    liaison.assert_accessible().await;
    liaison.set_viewport(390, 844).await;
    liaison
        .screenshot(shots.join("consultation-review-390.png"))
        .await;
    liaison.close().await;

    // The request page: ILAC's comments, and why publication waits.
    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}")))
        .await;
    assert_eq!(seen(&browser, ".liaison-comments").await, COMMENTS);
    assert!(
        seen(&browser, "#publication-held")
            .await
            .starts_with("Publication waits for a response to the comments of 1 liaison")
    );
    browser.assert_accessible().await;
    browser.close().await;
}
