//! The public shell: home, standards, error pages, assets, headers.

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, text_of};

on_both_databases!(
    a_visitor_finds_the_standards_of_the_registry,
    a_standard_has_its_own_page,
    a_superseded_edition_points_to_the_current_one,
    an_unknown_address_gets_a_helpful_404_page,
    every_page_carries_the_security_headers,
);

async fn a_visitor_finds_the_standards_of_the_registry(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let (status, home) = app.page("/").await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&home, "h1").unwrap(),
        "Find what a requirement means"
    );
    let nav = text_of(&home, "nav[aria-label=Main]").unwrap();
    assert_eq!(nav, "Clarifications Standards Ask for a clarification");
    let footer = text_of(&home, "footer").unwrap();
    assert!(
        footer.contains("does not add or change a requirement and has no binding effect"),
        "{footer}"
    );

    let (status, standards) = app.page("/standards").await;
    assert_eq!(status, 200);
    assert!(
        standards.contains(r#"<a href="/standards/iso-iec-17025-2017">ISO/IEC 17025:2017</a>"#)
    );
    assert!(standards.contains(
        "General requirements for the competence of testing and calibration laboratories"
    ));
    assert!(
        standards.contains(r#"<a href="/standards/iso-iec-17065-2012">ISO/IEC 17065:2012</a>"#)
    );
    // Standards of other committees are not in the registry of this one.
    assert!(!standards.contains("ISO 9001"));
}

async fn a_standard_has_its_own_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, page) = app.page("/standards/iso-iec-17025-2017").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&page, "h1").unwrap(), "ISO/IEC 17025:2017");
    assert!(page.contains("MG 17025"));
    assert!(page.contains(r#"href="/requests/new?standard=iso-iec-17025-2017""#));
    assert!(page.contains("No clarification has been published on this edition yet."));
    assert_eq!(
        text_of(&page, "title").unwrap(),
        "ISO/IEC 17025:2017 · Clarion"
    );
}

async fn a_superseded_edition_points_to_the_current_one(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, page) = app.page("/standards/iso-iec-17025-2005").await;
    assert_eq!(status, 200);
    let banner = text_of(&page, ".banner").unwrap();
    assert!(
        banner.contains("superseded") && banner.contains("ISO/IEC 17025:2017"),
        "{banner}"
    );
    // No new requests against an old edition.
    assert!(!page.contains("/requests/new?standard=iso-iec-17025-2005"));
}

async fn an_unknown_address_gets_a_helpful_404_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/no-such-page",
        "/standards/iso-9999-1999",
        "/static/clarion.0000.css",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "text/html; charset=utf-8"
        );
        let body = response.text().await.unwrap();
        assert_eq!(text_of(&body, "h1").unwrap(), "Page not found", "{path}");
        assert!(
            text_of(&body, "nav[aria-label=Main]").is_some(),
            "the error page keeps the layout"
        );
    }
}

async fn every_page_carries_the_security_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/",
        "/standards",
        "/standards/iso-iec-17065-2012",
        "/missing",
        "/healthz",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert!(!headers["x-request-id"].is_empty(), "{path}");
        let again = app.get(path).await;
        assert_ne!(
            headers["x-request-id"],
            again.headers()["x-request-id"],
            "{path}: a page kept in memory is still a response of its own"
        );
    }
}

#[tokio::test]
async fn the_stylesheet_is_cached_for_good_and_revalidates() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let (_, home) = app.page("/").await;
    let document = scraper::Html::parse_document(&home);
    let link = scraper::Selector::parse("link[rel=stylesheet]").unwrap();
    let href = document
        .select(&link)
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    assert!(
        href.starts_with("/static/clarion.") && href.ends_with(".css"),
        "{href}"
    );

    let response = app.get(&href).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/css; charset=utf-8"
    );
    let cache = response.headers()["cache-control"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cache.contains("max-age=31536000") && cache.contains("immutable"),
        "{cache}"
    );
    let etag = response.headers()["etag"].clone();
    assert!(response.text().await.unwrap().contains(".site-header"));

    let again = app
        .client
        .get(app.url(&href))
        .header("if-none-match", etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
}
