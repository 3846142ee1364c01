//! A publication's whole life in a real browser (issue 21): the secretariat
//! edits the public wording of a decided request, previews and publishes
//! it, corrects it, and lodges an appeal against it; the public page shows
//! the corrected text, the correction and the appeal, and the case file
//! holds all of it. axe checks each page on the way.

use crate::browser_workspace::{seen, sign_in};
use crate::consensus::DRAFT;
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;
use crate::support::workspace::{act, screened_world};

in_a_browser!(a_publication_is_edited_corrected_and_appealed_in_a_browser,);

const REWORDED: &str = "Must a laboratory document one procedure per method (clause 7.2.1)?";
const CORRECTED: &str =
    "No. Clause 7.2.1 requires documented methods; one procedure can cover several methods.";
const NOTE: &str = "A typing error: can, not may.";
const GROUNDS: &str = "The answer overlooks methods the laboratory developed itself.";

/// A request the group decided, by way of the workspace's forms.
async fn decided(app: &TestApp) -> String {
    let (reference, _) = screened_world(app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let round = [("draft", DRAFT), ("deadline", "")];
    assert_eq!(
        act(&carla, &reference, "rounds", &round).await.status(),
        303
    );
    for voter in ["carla@example.org", "mia@example.org", "nils@example.org"] {
        let voter = app.signed_in(voter).await;
        let agree = [("position", "agree"), ("comment", "")];
        assert_eq!(act(&voter, &reference, "vote", &agree).await.status(), 303);
    }
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    reference
}

async fn a_publication_is_edited_corrected_and_appealed_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided(&app).await;
    let request = app.url(&format!("/workspace/requests/{reference}"));
    let browser = Browser::open().await;
    sign_in(&browser, &app, "sam@example.org", false).await;

    // The public wording, edited before publication.
    browser.goto(&request).await;
    browser.follow("#edit-wording").await;
    browser.assert_accessible().await;
    browser.fill("#field-question", REWORDED).await;
    browser
        .fill("#field-note", "The question asked as yes or no.")
        .await;
    browser
        .follow("form[action$='/wording'] button[type=submit]")
        .await;
    assert!(
        browser
            .url()
            .await
            .ends_with(&format!("/workspace/requests/{reference}"))
    );
    assert!(
        seen(&browser, ".task-side .timeline")
            .await
            .contains("The question asked as yes or no.")
    );

    // Previewed, then published.
    browser.follow("button[name=preview]").await;
    assert!(
        seen(&browser, "#preview-notice")
            .await
            .starts_with("Preview: not published yet")
    );
    assert!(seen(&browser, "main").await.contains(REWORDED));
    browser.assert_accessible().await;
    browser.follow("#preview-notice button[type=submit]").await;
    browser.follow("#public-page").await;
    assert!(seen(&browser, "main").await.contains(REWORDED));

    // Corrected, editorially.
    browser.goto(&request).await;
    browser.follow("#correct-publication").await;
    browser.fill("#field-answer", CORRECTED).await;
    browser.fill("#field-note", NOTE).await;
    browser.follow("button[name=preview]").await;
    browser.assert_accessible().await;
    browser.follow("#preview-notice button[type=submit]").await;
    assert!(
        seen(&browser, "#banner")
            .await
            .starts_with("Version 2 is published")
    );

    // Appealed by the submitter, with the public notice, and acknowledged.
    browser.follow("#lodge-appeal").await;
    browser.click("#kind-submitter").await;
    browser.fill("#field-name", "Ana Lima").await;
    browser.fill("#field-email", "ana.lima@lab.example").await;
    browser.fill("#field-grounds", GROUNDS).await;
    browser.click("#field-public_notice").await;
    browser.follow("#lodge button[type=submit]").await;
    browser.click("#step-acknowledge").await;
    browser.follow("#next-step button[type=submit]").await;
    assert_eq!(
        seen(&browser, "#appeal-step").await,
        "Acknowledged: to refer for consideration"
    );
    browser.assert_accessible().await;

    // What everyone reads now, and the whole record.
    browser
        .goto(&app.url(&format!("/clarifications/{reference}")))
        .await;
    assert_eq!(seen(&browser, "#answer-heading + .prose").await, CORRECTED);
    assert!(seen(&browser, "#correction").await.contains(NOTE));
    assert!(
        seen(&browser, "#appeal-notice")
            .await
            .starts_with("Under appeal since")
    );
    browser.assert_accessible().await;
    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}/case")))
        .await;
    let case = seen(&browser, "main").await;
    for part in [REWORDED, "Consensus round 1", NOTE, GROUNDS] {
        assert!(case.contains(part), "{part} in the case file");
    }
    browser.assert_accessible().await;
    browser.close().await;
}
