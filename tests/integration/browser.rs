//! The public pages in a real browser (headless Chromium): what a person
//! sees, what axe-core finds, and where a keyboard user's first keystrokes
//! take them.

use fantoccini::key::Key;
use serde_json::Value;

use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;

in_a_browser!(
    the_public_pages_in_a_browser,
    the_pages_in_dark_mode_on_a_phone,
);

/// The pages a visitor meets first, one after the other in one browser:
/// the home page, the list of standards, a current and a superseded
/// standard, and the page of an address that does not exist.
async fn the_public_pages_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = Browser::open().await;
    check_page(
        &browser,
        &app,
        "/",
        "Clarifications of conformity assessment standards · Clarion",
        "Find what a requirement means",
        &[("#latest-heading", "Latest clarifications")],
    )
    .await;
    check_page(
        &browser,
        &app,
        "/standards",
        "Standards · Clarion",
        "Standards",
        &[(
            "a[href='/standards/iso-iec-17025-2017']",
            "ISO/IEC 17025:2017",
        )],
    )
    .await;
    check_page(
        &browser,
        &app,
        "/standards/iso-iec-17025-2017",
        "ISO/IEC 17025:2017 · Clarion",
        "ISO/IEC 17025:2017",
        &[(".badges", "Current edition")],
    )
    .await;
    check_page(
        &browser,
        &app,
        "/standards/iso-iec-17025-2005",
        "ISO/IEC 17025:2005 · Clarion",
        "ISO/IEC 17025:2005",
        &[(".banner-title", "This edition is superseded")],
    )
    .await;
    check_page(
        &browser,
        &app,
        "/no-such-page",
        "Page not found · Clarion",
        "Page not found",
        // The stylesheet sets the eyebrow in capitals.
        &[(".eyebrow", "ERROR 404")],
    )
    .await;
    browser.close().await;
}

/// The stylesheet has a dark palette and a narrow layout: axe checks them
/// too (contrast above all).
async fn the_pages_in_dark_mode_on_a_phone(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let browser = Browser::open_with(&["--force-dark-mode"]).await;
    browser.set_viewport(390, 844).await;
    for path in [
        "/",
        "/standards",
        "/standards/iso-iec-17025-2017",
        "/standards/iso-iec-17025-2005",
        "/no-such-page",
    ] {
        browser.goto(&app.url(path)).await;
        let dark = browser
            .execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches \
                 && !matchMedia('(min-width: 40em)').matches;",
                vec![],
            )
            .await;
        assert_eq!(dark, Value::Bool(true), "{path} in dark mode, narrow");
        browser.assert_accessible().await;
    }
    browser.close().await;
}

/// The element that has the keyboard focus, as data.
const FOCUSED: &str = r#"
const e = document.activeElement;
if (!e || e === document.body) return null;
const r = e.getBoundingClientRect();
return {
  tag: e.tagName.toLowerCase(),
  id: e.id,
  text: e.textContent.trim(),
  href: e.getAttribute("href"),
  onScreen: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
    && r.bottom <= window.innerHeight && r.right <= window.innerWidth,
};
"#;

/// Opens `path` and checks, as a person would: the title of the tab, the
/// main heading and each `(selector, visible text)` of `visible`; that
/// axe-core finds no serious or critical violation; that the first Tab
/// lands on a visible "Skip to main content" link whose Enter moves the
/// focus to the main content.
async fn check_page(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    title: &str,
    heading: &str,
    visible: &[(&str, &str)],
) {
    browser.goto(&app.url(path)).await;

    assert_eq!(browser.title().await, title, "title of {path}");
    assert_eq!(browser.text("h1").await, heading, "h1 of {path}");
    for (selector, text) in visible {
        assert_eq!(&browser.text(selector).await, text, "{selector} on {path}");
    }

    browser.press(Key::Tab).await;
    let focused = browser.execute(FOCUSED, vec![]).await;
    assert_eq!(
        focused["text"], "Skip to main content",
        "the first Tab on {path} should focus the skip link, not {focused}"
    );
    assert_eq!(focused["href"], "#main", "{path}: {focused}");
    assert_eq!(
        focused["onScreen"],
        Value::Bool(true),
        "the focused skip link on {path} should be visible: {focused}"
    );

    // With the skip link focused, and so shown, axe checks it too.
    browser.assert_accessible().await;

    browser.press(Key::Enter).await;
    let focused = browser.execute(FOCUSED, vec![]).await;
    assert_eq!(
        (&focused["tag"], &focused["id"]),
        (&Value::from("main"), &Value::from("main")),
        "following the skip link on {path} should focus <main>, not {focused}"
    );
}

/// A page with problems axe must report: no language, an image without a
/// text alternative, a field without a label, grey on grey.
const BAD_PAGE: &str = r#"<!doctype html>
<html><head><title>Bad page</title></head><body><main>
<h1>Bad page</h1>
<img id="no-alt" src="data:,">
<p style="color: rgb(119, 119, 119); background: rgb(136, 136, 136)">Hard to read</p>
<form><input id="name" type="text"> <label><input id="agree" type="checkbox"> I agree</label></form>
</main></body></html>"#;

/// A `data:` address that shows `html`, no server needed.
fn data_url(html: &str) -> String {
    let mut url = String::from("data:text/html;charset=utf-8,");
    for byte in html.bytes() {
        if byte.is_ascii_alphanumeric() {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axe_reports_the_serious_problems_of_a_bad_page() {
    let browser = Browser::open().await;
    browser.goto(&data_url(BAD_PAGE)).await;
    let violations = browser.axe_violations().await;
    let report = crate::support::browser::describe(&violations);
    let mut rules: Vec<&str> = violations.iter().map(|v| v.id.as_str()).collect();
    rules.sort_unstable();
    assert_eq!(
        rules,
        ["color-contrast", "html-has-lang", "image-alt", "label"],
        "{report}"
    );
    assert!(
        violations
            .iter()
            .all(|v| v.impact == "serious" || v.impact == "critical"),
        "{report}"
    );
    // The report names the offending element and what to fix.
    assert!(report.contains("#no-alt: <img id=\"no-alt\""), "{report}");
    assert!(report.contains("[critical] image-alt"), "{report}");
    assert!(report.contains("Fix any of the following"), "{report}");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_browser_types_clicks_and_takes_screenshots() {
    let browser = Browser::open().await;
    browser.goto(&data_url(BAD_PAGE)).await;

    browser.fill("#name", "first").await;
    browser.fill("#name", "Ada Lovelace").await;
    let value = browser
        .execute("return document.getElementById('name').value;", vec![])
        .await;
    assert_eq!(value, "Ada Lovelace", "fill replaces what the field held");

    browser.click("#agree").await;
    let checked = browser
        .execute("return document.getElementById('agree').checked;", vec![])
        .await;
    assert_eq!(checked, Value::Bool(true));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.png");
    browser.screenshot(&path).await;
    let png = std::fs::read(&path).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    browser.close().await;
}
