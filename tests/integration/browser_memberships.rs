//! The pages of the registry where the secretariat sets who sits in a
//! group and on what terms, and keeps the organisations that nominate
//! them, in a real browser at a desktop's width and a phone's: what a
//! person sees, and what axe-core finds, a refused form included.

use serde_json::json;

use crate::in_a_browser;
use crate::support::app::{Backend, PASSWORD, TestApp};
use crate::support::browser::Browser;

in_a_browser!(the_membership_and_organisation_pages_in_a_browser_wide_and_narrow,);

/// Rendered text of `css`, whitespace collapsed.
async fn seen(browser: &Browser, css: &str) -> String {
    browser
        .text(css)
        .await
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Chooses the option of value `value` in the select matching `css`.
async fn choose(browser: &Browser, css: &str, value: &str) {
    let chosen = browser
        .execute(
            "const s = document.querySelector(arguments[0]); s.value = arguments[1]; return s.value;",
            vec![json!(css), json!(value)],
        )
        .await;
    assert_eq!(chosen, json!(value), "{css} offers {value}");
}

async fn the_membership_and_organisation_pages_in_a_browser_wide_and_narrow(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    clarion::seed::demo::seed(&mut app.db(), "clarion-demo", app.clock.now()).unwrap();
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    app.add_user("lia@example.org", "Lia Liaison", false, None);
    let group = format!("/admin/groups/{}", app.group_id("MG 17025"));
    let member = app.user_id("liaison.17025@example.org");
    let afnor: String = {
        use clarion::db::schema::organisations;
        use diesel::prelude::*;
        organisations::table
            .filter(organisations::acronym.eq("AFNOR"))
            .select(organisations::id)
            .first(&mut app.db())
            .unwrap()
    };

    for window in ["--window-size=1280,1000", "--window-size=390,844"] {
        let browser = Browser::open_with(&[window]).await;
        browser.goto(&app.url("/login")).await;
        browser.fill("#field-email", "sam@example.org").await;
        browser.fill("#field-password", PASSWORD).await;
        browser
            .follow("form[action='/login'] button[type=submit]")
            .await;

        browser.goto(&app.url(&group)).await;
        assert_eq!(browser.text("h1").await, "MG 17025", "{window}");
        assert!(
            seen(&browser, "[aria-labelledby=members-heading]")
                .await
                .contains("Marco Bellini"),
            "{window}"
        );
        browser.assert_accessible().await;

        // A liaison's seat for a member body: refused, said beside the field.
        choose(&browser, "#field-user", &app.user_id("lia@example.org")).await;
        choose(&browser, "#field-capacity", "liaison").await;
        choose(&browser, "#field-nominated_by", &afnor).await;
        browser
            .follow("form[action$='/members'] button[type=submit]")
            .await;
        assert_eq!(
            seen(&browser, "#nominated_by-error").await,
            "Error: AFNOR is a member body; a member in liaison capacity represents a liaison organisation. Choose one, or another capacity.",
            "{window}"
        );
        assert!(browser.title().await.starts_with("Error: "));
        browser.assert_accessible().await;

        browser
            .follow(&format!("a[href='{group}/members/{member}']"))
            .await;
        assert_eq!(browser.text("h1").await, "Marco Bellini");
        browser.assert_accessible().await;

        browser.goto(&app.url("/admin/organisations")).await;
        assert_eq!(browser.text("h1").await, "Organisations");
        browser.assert_accessible().await;
        browser.fill("#field-q", "ilac").await;
        browser.follow("form[role=search] button").await;
        assert_eq!(
            seen(&browser, "#liaisons-heading").await,
            "Liaison organisations (1)"
        );
        browser.assert_accessible().await;
        browser
            .goto(&app.url(&format!("/admin/organisations/{afnor}/edit")))
            .await;
        assert_eq!(browser.text("h1").await, "AFNOR");
        browser.fill("#field-contact_email", "not an address").await;
        browser
            .follow("form[action^='/admin/organisations/'] button[type=submit]")
            .await;
        assert!(
            seen(&browser, "#contact_email-error")
                .await
                .starts_with("Error: Enter the contact address")
        );
        browser.assert_accessible().await;
        browser.goto(&app.url("/admin/organisations/new")).await;
        browser.assert_accessible().await;
        browser.close().await;
    }
}
