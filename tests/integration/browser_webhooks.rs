//! The webhook pages of the registry in a real browser at a desktop's
//! width and a phone's: the secretariat adds an endpoint, a refused
//! address is said beside its field, the secret is shown once, and
//! axe-core finds nothing on any of the pages.

use crate::in_a_browser;
use crate::support::app::{Backend, PASSWORD, TestApp};
use crate::support::browser::Browser;

in_a_browser!(the_webhook_pages_in_a_browser_wide_and_narrow,);

async fn the_webhook_pages_in_a_browser_wide_and_narrow(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);

    for (n, window) in ["--window-size=1280,1000", "--window-size=390,844"]
        .into_iter()
        .enumerate()
    {
        let browser = Browser::open_with(&[window]).await;
        browser.goto(&app.url("/login")).await;
        browser.fill("#field-email", "sam@example.org").await;
        browser.fill("#field-password", PASSWORD).await;
        browser
            .follow("form[action='/login'] button[type=submit]")
            .await;

        browser.goto(&app.url("/admin/webhooks")).await;
        assert_eq!(browser.text("h1").await, "Webhooks", "{window}");
        browser.assert_accessible().await;

        // An address on this machine: refused beside the field, kept.
        browser.fill("#field-url", "http://127.0.0.1:8080/in").await;
        browser
            .follow("form[action='/admin/webhooks'] button[type=submit]")
            .await;
        assert!(
            browser.text("#url-error").await.contains("private network"),
            "{window}"
        );
        browser.assert_accessible().await;

        let url = format!("https://hooks{n}.example.org/clarion");
        browser.fill("#field-url", &url).await;
        browser
            .follow("form[action='/admin/webhooks'] button[type=submit]")
            .await;
        assert_eq!(browser.text("#endpoint-url").await, url, "{window}");
        let secret = browser.text("#secret").await;
        assert!(secret.starts_with("whsec_"), "{window}: {secret}");
        browser.assert_accessible().await;
        browser
            .screenshot(std::env::temp_dir().join(format!("clarion-webhook-{n}.png")))
            .await;

        // Its page from the list: no secret, nothing sent yet.
        browser.goto(&app.url("/admin/webhooks")).await;
        browser
            .follow(&format!("#endpoints tbody tr:nth-child({}) a", n + 1))
            .await;
        assert_eq!(browser.text("#endpoint-url").await, url, "{window}");
        assert!(browser.text("main").await.contains("Nothing was sent"));
        assert!(!browser.text("main").await.contains(&secret));
        browser.assert_accessible().await;
        browser.close().await;
    }
}
