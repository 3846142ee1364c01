//! The public pages in a real browser (headless Chromium): what a person
//! sees, what axe-core finds, and where a keyboard user's first keystrokes
//! take them.

use fantoccini::key::Key;
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;

on_both_databases!(
    the_home_page_in_a_browser,
    the_list_of_standards_in_a_browser,
    a_current_standard_in_a_browser,
    a_superseded_standard_in_a_browser,
    the_not_found_page_in_a_browser,
);

async fn the_home_page_in_a_browser(backend: Backend) {
    check_page(
        backend,
        "/",
        "Clarifications of conformity assessment standards · Clarion",
        "Find what a requirement means",
        &[("#latest-heading", "Latest clarifications")],
    )
    .await;
}

async fn the_list_of_standards_in_a_browser(backend: Backend) {
    check_page(
        backend,
        "/standards",
        "Standards · Clarion",
        "Standards",
        &[(
            "a[href='/standards/iso-iec-17025-2017']",
            "ISO/IEC 17025:2017",
        )],
    )
    .await;
}

async fn a_current_standard_in_a_browser(backend: Backend) {
    check_page(
        backend,
        "/standards/iso-iec-17025-2017",
        "ISO/IEC 17025:2017 · Clarion",
        "ISO/IEC 17025:2017",
        &[(".badges", "Current edition")],
    )
    .await;
}

async fn a_superseded_standard_in_a_browser(backend: Backend) {
    check_page(
        backend,
        "/standards/iso-iec-17025-2005",
        "ISO/IEC 17025:2005 · Clarion",
        "ISO/IEC 17025:2005",
        &[(".banner-title", "This edition is superseded")],
    )
    .await;
}

async fn the_not_found_page_in_a_browser(backend: Backend) {
    check_page(
        backend,
        "/no-such-page",
        "Page not found · Clarion",
        "Page not found",
        &[(".eyebrow", "Error 404")],
    )
    .await;
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

/// Opens `path` in a new browser and checks, as a person would: the title of
/// the tab, the main heading and each `(selector, visible text)` of
/// `visible`; that axe-core finds no serious or critical violation; that the
/// first Tab lands on a visible "Skip to main content" link whose Enter moves
/// the focus to the main content.
async fn check_page(
    backend: Backend,
    path: &str,
    title: &str,
    heading: &str,
    visible: &[(&str, &str)],
) {
    let app = TestApp::spawn(backend).await;
    let browser = Browser::open().await;
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

    browser.close().await;
}
