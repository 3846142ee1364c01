//! An appeal in a real browser: the secretariat lodges it from the request
//! page, is told what to correct, records its steps on the appeal's page,
//! and the public page of the clarification says it is under appeal; axe
//! checks each new page, and screenshots of them are kept in
//! target/screenshots.

use std::path::Path;

use serde_json::json;

use crate::appeals::published;
use crate::browser_workspace::{seen, sign_in};
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;
use crate::support::workspace::add_the_people;

in_a_browser!(an_appeal_is_lodged_and_taken_through_its_steps_in_a_browser,);

async fn an_appeal_is_lodged_and_taken_through_its_steps_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = published(&app);
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let browser = Browser::open().await;
    sign_in(&browser, &app, "sam@example.org", false).await;

    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}")))
        .await;
    assert!(seen(&browser, "#appeals").await.contains("Lodge an appeal"));
    browser.follow("#lodge-appeal").await;
    assert_eq!(browser.text("h1").await, "Lodge an appeal");
    browser.assert_accessible().await;
    browser.screenshot(shots.join("appeal-new-1280.png")).await;

    // Sent without saying who appeals: told, field by field.
    browser.follow("#lodge button[type=submit]").await;
    assert!(
        seen(&browser, ".error-summary")
            .await
            .contains("Choose who appeals")
    );
    browser.assert_accessible().await;

    browser.click("#kind-member_body").await;
    browser
        .execute(
            "const select = document.getElementById('field-organisation');
             select.value = [...select.options].find(o => o.text.includes('AFNOR')).value;",
            vec![],
        )
        .await;
    browser.fill("#field-name", "Claire Martin").await;
    browser.fill("#field-email", "appeals@afnor.example").await;
    browser
        .fill(
            "#field-grounds",
            "The answer adds a requirement the standard does not state.",
        )
        .await;
    browser.click("#field-public_notice").await;
    let landed = browser.follow("#lodge button[type=submit]").await;
    assert!(
        landed.ends_with(&format!("/workspace/requests/{reference}/appeals/1")),
        "{landed}"
    );
    assert_eq!(
        browser.text("h1").await,
        "Appeal 1 from AFNOR (Claire Martin)"
    );
    assert!(
        seen(&browser, "#banner")
            .await
            .contains("The appeal was lodged")
    );
    assert_eq!(
        seen(&browser, "#appeal-step").await,
        "Lodged: to acknowledge"
    );
    browser.assert_accessible().await;

    for step in ["acknowledge", "consider"] {
        browser.click(&format!("#step-{step}")).await;
        browser.follow("#next-step button[type=submit]").await;
    }
    assert_eq!(seen(&browser, "#appeal-step").await, "Under consideration");
    assert_eq!(
        browser
            .execute(
                "return document.querySelectorAll('#appeal-steps li').length",
                vec![json!(null)],
            )
            .await,
        json!(3)
    );
    browser.assert_accessible().await;
    browser.screenshot(shots.join("appeal-1280.png")).await;
    browser.set_viewport(390, 844).await;
    browser.screenshot(shots.join("appeal-390.png")).await;
    browser.assert_accessible().await;
    browser.set_viewport(1280, 900).await;

    browser.goto(&app.url("/workspace")).await;
    assert!(seen(&browser, "main").await.contains("Appeals (1)"));
    browser.assert_accessible().await;

    browser
        .goto(&app.url(&format!("/clarifications/{reference}")))
        .await;
    assert!(
        seen(&browser, "#appeal-notice")
            .await
            .starts_with("Under appeal since")
    );
    browser.assert_accessible().await;
    browser
        .screenshot(shots.join("appeal-public-notice-1280.png"))
        .await;

    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}/case")))
        .await;
    assert!(seen(&browser, "#case-appeals").await.contains("Appeal 1"));
    browser.assert_accessible().await;
    browser.close().await;
}
