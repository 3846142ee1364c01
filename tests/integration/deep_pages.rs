//! Every page of the public lists against the queries the search index
//! replaced (issue 25): on a generated register of a few thousand
//! clarifications, each page of the register's list (with and without
//! filters), the API, a standard's list, its revision list and the feeds
//! shows what the old query gives for the same page. The old list query
//! is `register::newest` with an OFFSET, which downloads still use; the
//! old standard list read every clarification of the standard and sorted
//! them, as the test does here.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use clarion::db::DbConn;
use clarion::db::schema::{requests, standards};
use clarion::domain::clauses::ClauseKey;
use clarion::domain::search::{Filters, Status};
use clarion::models::register::{self, Window};
use clarion::seed::synthetic::{self, Volume};
use diesel::prelude::*;
use num_format::{Locale, ToFormattedString};
use scraper::{Html, Selector};
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, links, text_of, texts_of};

const PUBLISHED: usize = 3_000;
const STANDARD: &str = "iso-iec-17025-2017";
/// A standard's list and its revision list show this many a page.
const STANDARD_PAGE: usize = 100;
const FEED_SIZE: i64 = 50;

/// The references a list links to, in its order.
fn linked(html: &str, selector: &str) -> Vec<String> {
    links(html, selector)
        .into_iter()
        .map(|href| href.trim_start_matches("/clarifications/").to_owned())
        .collect()
}

/// The old list query: the filters' page, newest first, by OFFSET.
fn old_page(conn: &mut DbConn, filters: &Filters, page: i64, per_page: i64) -> Vec<String> {
    let filters = Filters {
        page,
        per_page,
        ..filters.clone()
    };
    register::newest(conn, &filters, None, Window::page(&filters))
        .unwrap()
        .into_iter()
        .map(|c| c.reference)
        .collect()
}

/// The old count: every row the filters let through.
fn old_total(conn: &mut DbConn, filters: &Filters) -> usize {
    let all = Window {
        limit: PUBLISHED as i64 + 1,
        offset: 0,
    };
    register::newest(conn, filters, None, all).unwrap().len()
}

/// A published clarification as the old standard lists read it.
struct Row {
    standard: String,
    reference: String,
    clause: String,
    published_at: NaiveDateTime,
    backlog: bool,
}

/// Slug, reference, clause, publication, consider at revision, flag.
type Stored = (
    String,
    Option<String>,
    String,
    Option<NaiveDateTime>,
    bool,
    Option<String>,
);

fn published(conn: &mut DbConn) -> Vec<Row> {
    let rows: Vec<Stored> = requests::table
        .inner_join(standards::table)
        .filter(requests::state.eq("published"))
        .select((
            standards::slug,
            requests::reference,
            requests::clause,
            requests::published_at,
            requests::consider_at_revision,
            requests::publication_flag,
        ))
        .load(conn)
        .unwrap();
    rows.into_iter()
        .map(|(standard, reference, clause, at, consider, flag)| Row {
            standard,
            reference: reference.unwrap(),
            clause,
            published_at: at.unwrap(),
            backlog: register::in_revision_backlog(consider, Status::of_flag(flag.as_deref())),
        })
        .collect()
}

/// The value seen most often, ties to the smallest.
fn commonest<T: Ord + Clone>(values: impl Iterator<Item = T>) -> T {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for value in values {
        *counts.entry(value).or_default() += 1;
    }
    let most = counts.values().copied().max().unwrap();
    counts.into_iter().find(|(_, n)| *n == most).unwrap().0
}

async fn every_page_of_every_list_shows_what_the_old_queries_show(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let volume = Volume {
        published: PUBLISHED,
        ..Volume::default()
    };
    synthetic::seed(&mut app.db(), volume, "clarion-demo", app.clock.now()).unwrap();
    let mut conn = app.db();
    // The generator spreads them over some forty standards; a third of
    // them moved onto one give its lists several pages.
    let (id, group): (String, Option<String>) = standards::table
        .filter(standards::slug.eq(STANDARD))
        .select((standards::id, standards::group_id))
        .first(&mut conn)
        .unwrap();
    let ids: Vec<String> = requests::table
        .filter(requests::state.eq("published"))
        .order(requests::reference)
        .select(requests::id)
        .load(&mut conn)
        .unwrap();
    let moved: Vec<&String> = ids.iter().step_by(3).collect();
    diesel::update(requests::table.filter(requests::id.eq_any(moved)))
        .set((requests::standard_id.eq(id), requests::group_id.eq(group)))
        .execute(&mut conn)
        .unwrap();
    let rows = published(&mut conn);
    assert_eq!(rows.len(), PUBLISHED);
    let year = commonest(rows.iter().map(|r| r.published_at.year()));
    let of_standard = |filters: Filters| Filters {
        standard: Some(STANDARD.to_owned()),
        ..filters
    };
    // 7.1.1 takes in 7.1.1.4, not 7.1.12 or 7.1.13 (which the generator
    // makes); an annex takes in its items.
    let cases = [
        Filters::default(),
        of_standard(Filters::default()),
        of_standard(Filters {
            clause: Some("7".into()),
            ..Filters::default()
        }),
        of_standard(Filters {
            clause: Some("7.1.1".into()),
            ..Filters::default()
        }),
        of_standard(Filters {
            clause: Some("Annex A".into()),
            ..Filters::default()
        }),
        Filters {
            year: Some(year),
            ..Filters::default()
        },
        Filters {
            status: Some(Status::Superseded),
            ..Filters::default()
        },
        Filters {
            status: Some(Status::Withdrawn),
            ..Filters::default()
        },
        of_standard(Filters {
            year: Some(year),
            status: Some(Status::Current),
            ..Filters::default()
        }),
    ];

    for filters in &cases {
        let total = old_total(&mut conn, filters);
        assert!(total > 0, "{filters:?} finds some");
        // The list, 20 a page, and one page past its end.
        let pages = total.div_ceil(20) as i64;
        for page in 1..=pages + 1 {
            let address = filters.address("/clarifications", page);
            let (status, html) = app.visitor.page(&address).await;
            assert_eq!(status, 200, "{address}");
            let shown = linked(&html, "ol.result-list h3 a");
            assert_eq!(shown, old_page(&mut conn, filters, page, 20), "{address}");
            if page > pages {
                // Past the end: nothing, and a way to the last page.
                let back = links(&html, ".empty a");
                assert_eq!(
                    back,
                    [filters.address("/clarifications", pages)],
                    "{address}"
                );
                continue;
            }
            let count = text_of(&html, "[role=status]").unwrap();
            let grouped = total.to_formatted_string(&Locale::en);
            assert!(
                count.starts_with(&format!("{grouped} clarifications")),
                "{address}: {count}"
            );
            if pages > 1 {
                let first = (page - 1) * 20 + 1;
                let last = first + shown.len() as i64 - 1;
                let showing = format!(
                    ", showing {}–{}",
                    first.to_formatted_string(&Locale::en),
                    last.to_formatted_string(&Locale::en)
                );
                assert!(count.contains(&showing), "{address}: {count}");
            }
        }
        // The API, 100 a page.
        let pages = total.div_ceil(100) as i64;
        for page in 1..=pages {
            let mut address = filters.address("/api/v1/clarifications", page);
            address.push(if address.contains('?') { '&' } else { '?' });
            address.push_str("per_page=100");
            let response = app.get(&address).await;
            assert_eq!(response.status(), 200, "{address}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["total"], total, "{address}");
            let shown: Vec<&str> = body["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|item| item["reference"].as_str().unwrap())
                .collect();
            assert_eq!(shown, old_page(&mut conn, filters, page, 100), "{address}");
        }
    }

    // Each standard's list and revision list: every clarification of the
    // standard sorted by clause (as numbers, annexes last), then by
    // clause as written and reference, as the old list did.
    let mut by_standard: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for row in &rows {
        by_standard.entry(&row.standard).or_default().push(row);
    }
    for list in by_standard.values_mut() {
        list.sort_by_cached_key(|r| {
            (
                ClauseKey::of(&r.clause),
                r.clause.clone(),
                r.reference.clone(),
            )
        });
    }
    let all = &by_standard[STANDARD];
    let backlog: Vec<&Row> = all.iter().copied().filter(|r| r.backlog).collect();
    assert!(all.len() > 2 * STANDARD_PAGE, "{} of {STANDARD}", all.len());
    let grouped = |n: usize| n.to_formatted_string(&Locale::en);
    let lists = [
        (
            "",
            all,
            "#clarifications-heading",
            format!("Clarifications ({})", grouped(all.len())),
        ),
        (
            "/revision",
            &backlog,
            "#list-heading",
            format!("{} clarifications", grouped(backlog.len())),
        ),
    ];
    for (under, list, heading, count) in lists {
        for (page, slice) in list.chunks(STANDARD_PAGE).enumerate() {
            let address = format!("/standards/{STANDARD}{under}?page={}", page + 1);
            let (status, html) = app.visitor.page(&address).await;
            assert_eq!(status, 200, "{address}");
            let expected: Vec<&str> = slice.iter().map(|r| r.reference.as_str()).collect();
            let references = texts_of(&html, "table tbody td[data-label=Reference]");
            assert_eq!(references, expected, "{address}");
            assert_eq!(text_of(&html, heading).unwrap(), count, "{address}");
        }
    }

    // Every standard's counts, on the standards' page and in the API.
    let count_of = |slug: &str| {
        let list = by_standard.get(slug).map(Vec::as_slice).unwrap_or_default();
        (list.len(), list.iter().filter(|r| r.backlog).count())
    };
    let (_, index) = app.visitor.page("/standards").await;
    let document = Html::parse_document(&index);
    let row = Selector::parse("tbody tr").unwrap();
    let link = Selector::parse("a").unwrap();
    let number = Selector::parse("td.num").unwrap();
    let mut listed = 0;
    for tr in document.select(&row) {
        let href = tr
            .select(&link)
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap();
        let slug = href.trim_start_matches("/standards/");
        let numbers: Vec<usize> = tr
            .select(&number)
            .map(|td| {
                let digits: String = td
                    .text()
                    .collect::<String>()
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                digits.parse().unwrap()
            })
            .collect();
        let (published, backlog) = count_of(slug);
        assert_eq!(numbers, [published, backlog], "{slug}");
        listed += published;
    }
    assert_eq!(
        listed, PUBLISHED,
        "every clarification is under a current standard"
    );
    let api: Value = app.get("/api/v1/standards").await.json().await.unwrap();
    for item in api["items"].as_array().unwrap() {
        let slug = item["slug"].as_str().unwrap();
        let (published, backlog) = count_of(slug);
        assert_eq!(item["published"], published, "{slug}");
        assert_eq!(item["backlog"], backlog, "{slug}");
    }

    // The feeds: the newest of the register and of the standard.
    for (address, filters) in [
        ("/feeds/clarifications.atom".to_owned(), Filters::default()),
        (
            format!("/feeds/standards/{STANDARD}.atom"),
            of_standard(Filters::default()),
        ),
    ] {
        let body = app.get(&address).await.bytes().await.unwrap();
        let feed = feed_rs::parser::parse(&body[..]).unwrap();
        let entries: Vec<String> = feed.entries.iter().map(|e| e.id.clone()).collect();
        let expected: Vec<String> = old_page(&mut conn, &filters, 1, FEED_SIZE)
            .into_iter()
            .map(|reference| app.url(&format!("/clarifications/{reference}")))
            .collect();
        assert_eq!(entries, expected, "{address}");
    }
}

on_both_databases!(every_page_of_every_list_shows_what_the_old_queries_show);
