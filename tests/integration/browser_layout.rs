//! Every page at a desktop's and a phone's width, in headless Chromium,
//! with the demo's data: nothing scrolls sideways, axe finds no serious
//! problem, and a screenshot of the whole of each is left in `target/screenshots/`
//! (`layout-<page>-<width>.png`) for a person to look at.

use std::path::{Path, PathBuf};

use clarion::db::schema::requests;
use clarion::seed::demo;
use diesel::prelude::*;
use serde_json::Value;

use crate::browser_workspace::sign_out;
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::{Browser, describe};

in_a_browser!(every_page_reads_well_on_a_desktop_and_a_phone,);

/// A desktop's and a phone's viewport, in CSS pixels.
const VIEWPORTS: [(u32, u32); 2] = [(1280, 1000), (390, 844)];

/// A page to look at: how its screenshots are named, and its address.
type Page<'a> = (&'a str, &'a str);

/// The lists of records, whose every table becomes stacked rows on a phone.
const LISTS: &[&str] = &[
    "/workspace",
    "/workspace/requests",
    "/workspace/requests?state=balloting",
    "/admin/users",
    "/admin/standards",
    "/admin/groups",
    "/admin/organisations",
    "/admin/mail",
    "/standards",
    "/standards/iso-iec-17025-2017",
];

/// Tables that may scroll within their box even on a desktop: a round's
/// record on the request page (the tally by nominating body, and every vote
/// with its comment), in the column beside the sidebar.
const MAY_SCROLL_WITHIN: &str = "[aria-label=Votes], [aria-label='Tally by nominating body']";

/// How wide the page is against the window; the boxes of tables that scroll
/// sideways within them (but those matching the selector given); and the
/// innermost elements sticking out on the right, to say what is too wide.
const WIDER_THAN_THE_WINDOW: &str = r##"
const width = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > width + 0.5)
  .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > width + 0.5))
  .slice(0, 5)
  .map((e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.className ? "." + String(e.className).split(" ").join(".") : ""}`);
const scrolling = [...document.querySelectorAll(".table-wrap")]
  .filter((e) => e.scrollWidth > e.clientWidth + 0.5 && !e.matches(arguments[0]))
  .map((e) => `${e.getAttribute("aria-label") || e.getAttribute("aria-labelledby")}: ${e.scrollWidth} > ${e.clientWidth} [${[...e.querySelectorAll("thead th")].map((th) => Math.round(th.getBoundingClientRect().width)).join(" ")}]`);
const stacking = [...document.querySelectorAll(".table--stack")];
return {
  tables: document.querySelectorAll("main table").length,
  stacking: stacking.length,
  unlabelled: stacking.flatMap((t) => [...t.querySelectorAll("td:not([data-label])")]).length,
  rowsSideBySide: stacking
    .flatMap((t) => [...t.querySelectorAll("tbody tr")])
    .filter((tr) => getComputedStyle(tr).display !== "block").length,
  scrolling,
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  wide,
};
"##;

async fn every_page_reads_well_on_a_desktop_and_a_phone(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let report = demo::seed(&mut app.db(), demo::DEFAULT_PASSWORD, app.clock.now()).unwrap();
    let (_, token) = report
        .tracking_links
        .first()
        .expect("the demo has open requests with a tracking link");
    let balloting: String = requests::table
        .filter(requests::state.eq("balloting"))
        .filter(requests::group_id.eq(app.group_id("MG 17025")))
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .expect("the demo has a consensus round in MG 17025");
    let published: String = requests::table
        .filter(requests::state.eq("published"))
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    let request = format!("/workspace/requests/{balloting}");
    let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let browser = Browser::open().await;

    let people: [(&str, &str, &[Page]); 3] = [
        (
            demo::SECRETARIAT_EMAIL,
            "secretariat",
            &[
                ("queue", "/workspace"),
                ("requests", "/workspace/requests"),
                ("requests-filtered", "/workspace/requests?state=balloting"),
                ("request", request.as_str()),
                ("users", "/admin/users"),
                ("standards", "/admin/standards"),
                ("groups", "/admin/groups"),
                ("organisations", "/admin/organisations"),
                ("mail", "/admin/mail"),
                ("stats", "/admin/stats"),
            ],
        ),
        (
            "convenor.17025@example.org",
            "convenor",
            &[
                ("queue", "/workspace"),
                ("requests", "/workspace/requests"),
                ("request", request.as_str()),
            ],
        ),
        (
            "member1.17025@example.org",
            "member",
            &[
                ("queue", "/workspace"),
                ("requests", "/workspace/requests"),
                ("request", request.as_str()),
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (email, role, pages) in people {
        sign_in(&browser, &app, email).await;
        for (name, path) in pages {
            wrong.extend(check(&browser, &app, path, &format!("{role}-{name}"), &shots).await);
        }
        sign_out(&browser).await;
    }

    let clarification = format!("/clarifications/{published}");
    let tracking = format!("/track/{token}");
    for (name, path) in [
        ("home", "/"),
        ("register", "/clarifications"),
        (
            "register-filtered",
            "/clarifications?standard=iso-iec-17025-2017",
        ),
        (
            "register-nothing-found",
            "/clarifications?q=zeppelin&year=2025",
        ),
        ("clarification", clarification.as_str()),
        ("standards", "/standards"),
        ("standard", "/standards/iso-iec-17025-2017"),
        ("ask", "/requests/new"),
        ("tracking", tracking.as_str()),
    ] {
        wrong.extend(check(&browser, &app, path, &format!("public-{name}"), &shots).await);
    }
    browser.close().await;
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Signs in with the demo password from the login page.
async fn sign_in(browser: &Browser, app: &TestApp, email: &str) {
    browser.set_viewport(VIEWPORTS[0].0, VIEWPORTS[0].1).await;
    browser.goto(&app.url("/login")).await;
    browser.fill("#field-email", email).await;
    browser
        .fill("#field-password", demo::DEFAULT_PASSWORD)
        .await;
    let landed = browser
        .follow("form[action='/login'] button[type=submit]")
        .await;
    assert!(landed.ends_with("/workspace"), "{email}: {landed}");
}

/// Opens `path` at each width and takes a screenshot; returns what is
/// wrong there: sideways scrolling, a table too wide for a desktop, a list
/// whose rows do not stack on a phone, what axe finds serious.
async fn check(
    browser: &Browser,
    app: &TestApp,
    path: &str,
    name: &str,
    shots: &Path,
) -> Vec<String> {
    let mut wrong = Vec::new();
    for (width, height) in VIEWPORTS {
        browser.set_viewport(width, height).await;
        browser.goto(&app.url(path)).await;
        let measured = browser
            .execute(WIDER_THAN_THE_WINDOW, vec![Value::from(MAY_SCROLL_WITHIN)])
            .await;
        assert_eq!(
            measured["innerWidth"],
            Value::from(width),
            "the viewport of {path}"
        );
        let number = |key: &str| {
            measured[key]
                .as_u64()
                .unwrap_or_else(|| panic!("no {key} measured on {path}: {measured}"))
        };
        if number("scrollWidth") > number("innerWidth") {
            wrong.push(format!("{path} scrolls sideways at {width} px: {measured}"));
        }
        if LISTS.contains(&path) && number("stacking") < number("tables") {
            wrong.push(format!("a table of {path} does not stack: {measured}"));
        }
        if number("unlabelled") > 0 {
            wrong.push(format!("cells of {path} lack a data-label: {measured}"));
        }
        let narrow = width < 640;
        if narrow && number("rowsSideBySide") > 0 {
            wrong.push(format!(
                "rows of {path} are not stacked at {width} px: {measured}"
            ));
        }
        if width >= 1280 && measured["scrolling"] != Value::Array(vec![]) {
            wrong.push(format!(
                "{path} has a table wider than the page at {width} px: {measured}"
            ));
        }
        let violations = browser.axe_violations().await;
        if !violations.is_empty() {
            wrong.push(format!(
                "axe on {path} at {width} px:\n{}",
                describe(&violations)
            ));
        }
        // The whole page in one picture, up to a few screens long.
        let tall = browser
            .execute("return document.documentElement.scrollHeight;", vec![])
            .await;
        let tall = tall
            .as_u64()
            .map_or(height, |tall| tall.clamp(height as u64, 6000) as u32);
        browser.set_viewport(width, tall).await;
        browser.screenshot(shot(shots, name, width)).await;
    }
    wrong
}

fn shot(shots: &Path, name: &str, width: u32) -> PathBuf {
    shots.join(format!("layout-{name}-{width}.png"))
}
