//! Statistics for the secretariat (issue 5 item 7): requests per state, per
//! standard and per month, days from confirmation to publication and the
//! share accepted at screening, each chart beside a table of its numbers.

use chrono::{NaiveDateTime, TimeDelta};
use clarion::db::schema::{requests, standards};
use clarion::domain::charts::Month;
use clarion::domain::lifecycle::{Action, ActorKind, State};
use clarion::models::events::{self, NewEvent};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::eventually::{BOUND, eventually};

const SECRETARIAT: &str = "sam@example.org";
const ISO_17025: &str = "iso-iec-17025-2017";
const ISO_17065: &str = "iso-iec-17065-2012";

/// A request as the statistics see it, stored directly.
struct Known {
    standard: &'static str,
    state: &'static str,
    confirmed: Option<NaiveDateTime>,
    published: Option<NaiveDateTime>,
    closed: Option<(NaiveDateTime, &'static str)>,
    /// The event that ended screening: action and the state it led to.
    screened: Option<(&'static str, &'static str)>,
    sample: bool,
}

const REQUEST: Known = Known {
    standard: ISO_17025,
    state: "screening",
    confirmed: None,
    published: None,
    closed: None,
    screened: None,
    sample: false,
};

fn store(app: &TestApp, known: &Known) {
    let mut conn = app.db();
    let standard_id: String = standards::table
        .filter(standards::slug.eq(known.standard))
        .select(standards::id)
        .first(&mut conn)
        .unwrap();
    let id = clarion::db::new_id();
    let created = known.confirmed.unwrap_or_else(|| app.clock.now()) - TimeDelta::minutes(5);
    diesel::insert_into(requests::table)
        .values((
            requests::id.eq(&id),
            requests::state.eq(known.state),
            requests::standard_id.eq(standard_id),
            requests::clause.eq("7.2.1"),
            requests::question.eq("Does the clause require one procedure per method?"),
            requests::submitter_country.eq("BR"),
            requests::submitter_category.eq("other"),
            requests::is_sample.eq(known.sample),
            requests::created_at.eq(created),
            requests::updated_at.eq(created),
            requests::confirmed_at.eq(known.confirmed),
            requests::published_at.eq(known.published),
            requests::closed_at.eq(known.closed.map(|(at, _)| at)),
            requests::closure_reason.eq(known.closed.map(|(_, reason)| reason)),
        ))
        .execute(&mut conn)
        .unwrap();
    if let (Some((action, to)), Some(confirmed)) = (known.screened, known.confirmed) {
        let event = NewEvent {
            request_id: &id,
            actor_user_id: None,
            actor_kind: ActorKind::User,
            action: Action::parse(action).expect("an action"),
            from_state: Some(State::Screening),
            to_state: State::parse(to).expect("a state"),
            note: None,
        };
        events::record(&mut conn, event, confirmed + TimeDelta::hours(2)).unwrap();
    }
}

/// The rows of the table in the section headed `heading`, each as its
/// cells' text joined by spaces.
fn rows(page: &str, heading: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(page);
    let selector = format!("section[aria-labelledby={heading}] table tr");
    let selector = scraper::Selector::parse(&selector).unwrap();
    document
        .select(&selector)
        .map(|row| row.text().collect::<Vec<_>>().join(" "))
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The statistics page once its brief figures include `figure`: the worker
/// that computes them runs beside the test.
async fn computed_with(browser: &Person, figure: &str) -> String {
    eventually(BOUND, || async {
        let (status, page) = browser.page("/admin/stats").await;
        let brief = text_of(&page, ".stats").unwrap_or_default();
        match status {
            200 if brief.contains(figure) => Ok(page),
            _ => Err(format!("{status}, no {figure:?} in {brief:?}")),
        }
    })
    .await
}

fn assert_has_rows(page: &str, heading: &str, expected: &[&str]) {
    let rows = rows(page, heading);
    for row in expected {
        assert!(
            rows.iter().any(|r| r == row),
            "{heading}: no row {row:?} in {rows:#?}"
        );
    }
}

on_both_databases!(
    the_secretariat_reads_the_figures_of_known_requests,
    before_the_first_confirmed_request_the_page_says_so,
    only_the_secretariat_sees_the_statistics,
    the_figures_are_a_snapshot_computed_again_when_the_register_changes,
);

async fn the_secretariat_reads_the_figures_of_known_requests(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user(SECRETARIAT, "Sam Secretariat", true, None);
    let now = app.clock.now();
    let months = Month::last(12, now);
    let (two_ago, last, this) = (months[9], months[10], months[11]);
    let day = |month: Month, n: i64| month.start() + TimeDelta::days(n) + TimeDelta::hours(9);
    let accepted = Some(("accept", "in_group"));
    for known in [
        // Published after 10, 20 and 24 days: the median is 20.
        Known {
            state: "published",
            confirmed: Some(day(two_ago, 1)),
            published: Some(day(two_ago, 11)),
            screened: accepted,
            sample: true,
            ..REQUEST
        },
        Known {
            state: "published",
            confirmed: Some(day(two_ago, 2)),
            published: Some(day(two_ago, 22)),
            screened: accepted,
            ..REQUEST
        },
        Known {
            standard: ISO_17065,
            state: "closed",
            confirmed: Some(day(last, 3)),
            closed: Some((day(last, 5), "not_admissible")),
            screened: Some(("not_admissible", "closed")),
            ..REQUEST
        },
        // Withdrawn during screening: no screening decision.
        Known {
            standard: ISO_17065,
            state: "closed",
            confirmed: Some(day(last, 4)),
            closed: Some((day(last, 6), "withdrawn")),
            screened: Some(("withdraw", "closed")),
            ..REQUEST
        },
        Known {
            state: "in_group",
            confirmed: Some(day(this, 0)),
            screened: accepted,
            ..REQUEST
        },
        Known {
            confirmed: Some(now),
            ..REQUEST
        },
        // Never confirmed: not a request yet.
        Known {
            state: "pending_confirmation",
            ..REQUEST
        },
        // Two years ago: in every total, in no month.
        Known {
            standard: ISO_17065,
            state: "closed",
            confirmed: Some(now - TimeDelta::days(730)),
            closed: Some((now - TimeDelta::days(720), "referred")),
            screened: Some(("refer", "closed")),
            ..REQUEST
        },
        // Stored last: its publication moves the register on, so the
        // worker computes the figures again after every other request.
        Known {
            state: "published",
            confirmed: Some(day(last, 1)),
            published: Some(day(last, 25)),
            screened: accepted,
            ..REQUEST
        },
    ] {
        store(&app, &known);
    }

    let sam = app.signed_in(SECRETARIAT).await;
    app.run_worker_once().await;
    let page = computed_with(&sam, "8 Requests").await;

    let brief = text_of(&page, ".stats").unwrap();
    for figure in [
        "8 Requests",
        "2 Open",
        "3 Published",
        "20 Median days to publication",
        "67% Accepted at screening",
    ] {
        assert!(brief.contains(figure), "{figure:?} in {brief}");
    }

    assert_has_rows(
        &page,
        "by-state-heading",
        &[
            "Screening 1",
            "Awaiting submitter 0",
            "With the group 1",
            "Consensus round 0",
            "Decided 0",
            "Published 3",
            "Closed 3",
            "All requests 8",
        ],
    );
    assert!(
        !rows(&page, "by-state-heading")
            .iter()
            .any(|r| r.starts_with("Awaiting confirmation")),
        "unconfirmed requests count nowhere"
    );
    assert_has_rows(
        &page,
        "by-standard-heading",
        &["ISO/IEC 17025:2017 2 3 0 5", "ISO/IEC 17065:2012 0 0 3 3"],
    );
    let english = clarion::i18n::Lang::english();
    assert_has_rows(
        &page,
        "per-month-heading",
        &[
            &format!("{} 2 0 2 0 100%", two_ago.short(&english)),
            &format!("{} 3 0 1 2 50%", last.short(&english)),
            &format!("{} 2 2 0 0 100%", this.short(&english)),
            &format!("{} 0 0 0 0 —", months[0].short(&english)),
        ],
    );
    assert_has_rows(
        &page,
        "median-days-heading",
        &[
            &format!("{} 2 15", two_ago.short(&english)),
            &format!("{} 1 24", last.short(&english)),
            &format!("{} 0 —", this.short(&english)),
        ],
    );
    assert_has_rows(
        &page,
        "screening-heading",
        &[
            "Accepted 4",
            "Not admissible 1",
            "Referred 1",
            "Duplicate 0",
            "Decided 6",
            "Share accepted 67%",
        ],
    );

    // Each table has a chart beside it, an image named by its title.
    let document = scraper::Html::parse_document(&page);
    let charts = scraper::Selector::parse("svg[role=img]").unwrap();
    let titles: Vec<(String, String)> = document
        .select(&charts)
        .map(|svg| {
            let id = svg.value().attr("aria-labelledby").unwrap().to_owned();
            let title = scraper::Selector::parse(&format!("title[id='{id}']")).unwrap();
            let text = document
                .select(&title)
                .next()
                .expect("the title the chart names")
                .text()
                .collect();
            (id, text)
        })
        .collect();
    assert_eq!(titles.len(), 5, "{titles:?}");
    assert!(titles.contains(&("by-state-title".to_owned(), "Requests by state".to_owned())));
    assert!(titles.contains(&(
        "by-standard-title".to_owned(),
        "Requests by standard".to_owned()
    )));
    assert!(
        !page.contains("style="),
        "the Content-Security-Policy forbids inline styles"
    );

    let counting = text_of(&page, "section[aria-labelledby=counting-heading]").unwrap();
    assert!(
        counting.contains("1 of the 8 requests here are samples"),
        "{counting}"
    );
    assert!(counting.contains("withdrawn or still being screened are left out"));

    let (_, index) = sam.page("/admin").await;
    assert!(index.contains(r#"href="/admin/stats""#));
}

async fn before_the_first_confirmed_request_the_page_says_so(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user(SECRETARIAT, "Sam Secretariat", true, None);
    store(
        &app,
        &Known {
            state: "pending_confirmation",
            ..REQUEST
        },
    );
    let sam = app.signed_in(SECRETARIAT).await;
    app.run_worker_once().await;
    let (status, page) = sam.page("/admin/stats").await;
    assert_eq!(status, 200);
    assert!(page.contains("Figures computed on"), "{page}");
    assert_eq!(
        text_of(&page, ".empty h2").as_deref(),
        Some("No requests yet")
    );
    assert!(!page.contains("<svg"), "no charts of nothing");
}

async fn only_the_secretariat_sees_the_statistics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user(
        "carla@example.org",
        "Carla Convenor",
        false,
        Some(("MG 17025", "convenor")),
    );
    let carla = app.signed_in("carla@example.org").await;
    let (status, _) = carla.page("/admin/stats").await;
    assert_eq!(status, 404);

    let response = app.get("/admin/stats").await;
    assert_eq!(response.status(), 303);
    let to = response.headers()["location"].to_str().unwrap();
    assert!(to.starts_with("/login"), "{to}");
}

async fn the_figures_are_a_snapshot_computed_again_when_the_register_changes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user(SECRETARIAT, "Sam Secretariat", true, None);
    let now = app.clock.now();
    let published = Known {
        state: "published",
        confirmed: Some(now - TimeDelta::days(20)),
        published: Some(now - TimeDelta::days(2)),
        ..REQUEST
    };
    store(&app, &published);
    let sam = app.signed_in(SECRETARIAT).await;
    app.run_worker_once().await;
    let page = computed_with(&sam, "1 Requests").await;
    let computed = text_of(&page, "#computed-at").unwrap();
    assert!(
        computed.contains(&now.format("%-d %B %Y at").to_string()),
        "the page says when: {computed}"
    );

    // A request that reached screening moves no clarification: the page
    // reads the snapshot, not the requests.
    let screening = Known {
        confirmed: Some(now),
        ..REQUEST
    };
    store(&app, &screening);
    app.run_worker_once().await;
    let (_, page) = sam.page("/admin/stats").await;
    let brief = text_of(&page, ".stats").unwrap();
    assert!(brief.contains("1 Requests"), "{brief}");

    // A publication does: the next pass of the worker counts both.
    store(&app, &published);
    app.run_worker_once().await;
    computed_with(&sam, "3 Requests").await;

    // Requests moving on inside the workspace count within the hour.
    store(&app, &screening);
    app.clock
        .advance(clarion::models::stats::REFRESH_EVERY + TimeDelta::minutes(1));
    app.run_worker_once().await;
    computed_with(&sam, "4 Requests").await;
}
