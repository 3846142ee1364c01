//! The public register: search, filters, pagination, a clarification's
//! page and the standards' pages, as a visitor reads them.

use chrono::NaiveDate;
use clarion::clock::Clock;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, links, text_of, texts_of};
use crate::support::register::{Published, publish};

/// The meta line (reference · standard · clause · date) of each result.
fn results(html: &str) -> Vec<String> {
    texts_of(html, "ol.result-list > li > p.meta")
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn demo_app(backend: Backend) -> TestApp {
    let app = TestApp::spawn(backend).await;
    clarion::seed::demo::seed(
        &mut app.db(),
        clarion::seed::demo::DEFAULT_PASSWORD,
        Clock::default().now(),
    )
    .unwrap();
    app
}

async fn people_find_the_answer_to_their_question_first(backend: Backend) {
    let app = demo_app(backend).await;
    // (what someone types, the standard and clause of the answer they need)
    let cases = [
        (
            "proficiency testing every year",
            "ISO/IEC 17025:2017 · clause 7.7.2",
        ),
        (
            "volumetric glassware thermometers",
            "ISO/IEC 17025:2017 · clause 6.4.13",
        ),
        (
            "first surveillance audit 14 months",
            "ISO/IEC 17021-1:2015 · clause 9.6.2.2",
        ),
        ("examiner trained the candidate", "clause 6.2.2 ·"),
        ("type C inspection body design", "clause Annex A.3"),
        (
            "laboratory information management system off the shelf",
            "clause 7.11.2",
        ),
        ("technical expert audit time", "clause 9.1.4"),
        // A question typed in full, with its common words.
        (
            "Does the accreditation body have to witness every activity in the scope?",
            "ISO/IEC 17011:2017 · clause 7.9",
        ),
        // Stemming: "validating" finds "validated".
        ("validating a LIMS bought commercially", "clause 7.11.2"),
        // Words of the answer only.
        ("homogeneity stability external laboratory", "clause 6.4"),
    ];
    for (query, expected) in cases {
        let (status, html) = app
            .visitor
            .page(&format!("/clarifications?q={}", urlencode(query)))
            .await;
        assert_eq!(status, 200, "{query}");
        let found = results(&html);
        assert!(
            found.first().is_some_and(|first| first.contains(expected)),
            "{backend:?}: {query:?} should find {expected:?} first, found {found:#?}"
        );
        assert!(
            html.contains("<mark>"),
            "{query:?}: matched words are highlighted"
        );
    }
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)]).unwrap()[1..].to_owned()
}

async fn a_word_of_the_answer_finds_it_and_its_page_shows_everything(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = publish(
        &mut app.db(),
        Published {
            standard: "iso-iec-17065-2012",
            clause: "7.4.5",
            question: "May evaluation results from before the application be used?",
            answer: "Yes, when the certification body takes **responsibility** for them: see the \
                     [scheme](https://example.org/scheme). <script>alert(1)</script>",
            published_on: day(2025, 6, 2),
            ..Published::default()
        },
    );
    let (_, html) = app.visitor.page("/clarifications?q=responsibility").await;
    assert_eq!(results(&html).len(), 1);
    assert!(results(&html)[0].starts_with(&reference));
    assert!(
        html.contains("<mark>responsibility</mark>"),
        "the snippet marks the word: {html}"
    );

    let (status, page) = app
        .visitor
        .page(&format!("/clarifications/{reference}"))
        .await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "ISO/IEC 17065:2012, clause 7.4.5"
    );
    assert!(page.contains(r#"href="/standards/iso-iec-17065-2012""#));
    assert!(
        page.contains("<strong>responsibility</strong>"),
        "Markdown rendered"
    );
    assert!(!page.contains("<script>alert"), "and sanitised");
    assert!(page.contains("Published 2 June 2025"));
    assert!(page.contains("Decided 2 June 2025"));
    assert!(page.contains("MG 17065"), "the responsible group");
    assert!(page.contains("is no new requirement"), "the notice");
    let citation = text_of(&page, "p.code").unwrap();
    assert!(
        citation.contains(&format!(
            "clarification {reference} on ISO/IEC 17065:2012, clause 7.4.5, published 2 June 2025"
        )) && citation.ends_with(&format!("/clarifications/{reference}")),
        "{citation}"
    );
    assert!(!page.contains("class=\"banner"), "no banner while current");

    // Addresses people type loosely lead to the one address.
    let response = app
        .visitor
        .get(&format!("/clarifications/{}", reference.to_lowercase()))
        .await;
    assert_eq!(response.status(), 301);
    assert_eq!(
        response.headers()["location"],
        format!("/clarifications/{reference}").as_str()
    );
    for missing in ["CR-2019-0001", "nonsense"] {
        let (status, _) = app
            .visitor
            .page(&format!("/clarifications/{missing}"))
            .await;
        assert_eq!(status, 404, "{missing}");
    }
    // Nobody can type a NUL: such an address is refused as a bad request.
    for garbled in ["CR-2025-0001%00", "cr-2025-0001%00"] {
        let (status, page) = app
            .visitor
            .page(&format!("/clarifications/{garbled}"))
            .await;
        assert_eq!(status, 400, "{garbled}");
        assert!(page.contains("Part of the address or of what was sent is not valid"));
    }
}

async fn banners_and_related_clarifications(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    let base = Published {
        clause: "7.2",
        ..Published::default()
    };
    let superseded = publish(
        &mut conn,
        Published {
            flag: Some("superseded"),
            ..base
        },
    );
    let withdrawn = publish(
        &mut conn,
        Published {
            clause: "7.2.1",
            flag: Some("withdrawn"),
            ..Published::default()
        },
    );
    let incorporated = publish(
        &mut conn,
        Published {
            clause: "7.2.2",
            flag: Some("incorporated"),
            ..Published::default()
        },
    );
    let elsewhere = publish(
        &mut conn,
        Published {
            clause: "7.20",
            ..Published::default()
        },
    );
    // Under 7.2 too, however the number goes on; not so 7.2-1 or 7.2a.
    let mut publish_all = |clauses: [&str; 3]| -> Vec<String> {
        clauses
            .into_iter()
            .map(|clause| {
                publish(
                    &mut conn,
                    Published {
                        clause,
                        ..Published::default()
                    },
                )
            })
            .collect()
    };
    let under = publish_all(["7.2 a)", "7.2(b)", "7.2)c"]);
    let beside = publish_all(["7.2-1", "7.2a", "7.1"]);
    drop(conn);
    let (_, page) = app
        .visitor
        .page(&format!("/clarifications/{superseded}"))
        .await;
    assert_eq!(
        text_of(&page, ".banner-title").unwrap(),
        "This clarification is superseded"
    );
    assert!(page.contains("See the new edition."), "the note");
    let related = texts_of(&page, "aside li a");
    assert!(
        related.contains(&withdrawn) && related.contains(&incorporated),
        "{related:?}"
    );
    assert!(!related.contains(&elsewhere), "7.20 is not under 7.2");
    assert!(under.iter().all(|r| related.contains(r)), "{related:?}");
    assert!(!beside.iter().any(|r| related.contains(r)), "{related:?}");
    assert!(
        links(&page, "#related-all").is_empty(),
        "all five are shown: no link to the list"
    );
    let (_, page) = app
        .visitor
        .page(&format!("/clarifications/{withdrawn}"))
        .await;
    assert!(page.contains("banner banner--danger"));
    assert_eq!(
        text_of(&page, ".banner-title").unwrap(),
        "This clarification is withdrawn"
    );
    let (_, page) = app
        .visitor
        .page(&format!("/clarifications/{incorporated}"))
        .await;
    assert_eq!(
        text_of(&page, ".banner-title").unwrap(),
        "Incorporated into a new edition of the standard"
    );
}

/// A clause with many clarifications: its pages show the newest few
/// others and link to the list of them all, which holds as many as the
/// link says.
async fn a_page_shows_the_newest_related_and_links_to_all_of_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    let references: Vec<String> = (1..=12)
        .map(|day| {
            publish(
                &mut conn,
                Published {
                    clause: if day == 12 { "6.2.1" } else { "6.2" },
                    published_on: NaiveDate::from_ymd_opt(2025, 3, day).unwrap(),
                    ..Published::default()
                },
            )
        })
        .collect();
    publish(
        &mut conn,
        Published {
            clause: "6.3",
            ..Published::default()
        },
    );
    drop(conn);

    let (_, page) = app
        .visitor
        .page(&format!("/clarifications/{}", references[0]))
        .await;
    let mut related = texts_of(&page, "#related li > a");
    related.sort();
    let mut newest: Vec<String> = references[4..].to_vec();
    newest.sort();
    assert_eq!(related, newest, "the eight newest others");
    assert_eq!(
        texts_of(&page, "#related-all"),
        ["All 12 on clause 6.2 and under it"]
    );
    let all = links(&page, "#related-all");
    assert_eq!(
        all,
        ["/clarifications?standard=iso-iec-17025-2017&clause=6.2"]
    );
    let (_, list) = app.visitor.page(&all[0]).await;
    let count = text_of(&list, "[role=status]").unwrap_or_default();
    assert!(count.starts_with("12 clarifications"), "{count}");
    assert!(results(&list).iter().all(|r| !r.contains("clause 6.3")));
}

async fn filters_pagination_and_stable_addresses(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    for i in 0..45 {
        publish(
            &mut conn,
            Published {
                clause: ["7.2", "7.2.1", "7.20", "6.4"][i % 4],
                question: "Is a sampling plan needed for every proficiency test?",
                published_on: day(2024 + (i % 2) as i32, 1 + (i % 12) as u32, 10),
                flag: (i % 5 == 0).then_some("superseded"),
                ..Published::default()
            },
        );
    }
    publish(
        &mut conn,
        Published {
            standard: "iso-iec-17020-2012",
            clause: "7.2",
            question: "Is sampling part of inspection?",
            ..Published::default()
        },
    );
    drop(conn);

    let (_, html) = app.visitor.page("/clarifications").await;
    assert!(
        text_of(&html, "[role=status]")
            .unwrap()
            .starts_with("46 clarifications, showing 1–20")
    );
    assert_eq!(results(&html).len(), 20);
    assert_eq!(
        text_of(&html, "title").unwrap(),
        "Published clarifications · Clarion"
    );
    let (_, html) = app.visitor.page("/clarifications?page=3").await;
    assert_eq!(results(&html).len(), 6);
    // Tabs and screen readers tell the pages of the list apart.
    assert_eq!(
        text_of(&html, "title").unwrap(),
        "Published clarifications (page 3 of 3) · Clarion"
    );
    assert_eq!(
        links(&html, "a.pagination-prev"),
        ["/clarifications?page=2"]
    );
    // Past the last page: where the last page is, never "showing 61–60".
    let (status, html) = app.visitor.page("/clarifications?page=4").await;
    assert_eq!(status, 200);
    let count = text_of(&html, "[role=status]").unwrap_or_default();
    assert!(!count.contains("showing"), "{count}");
    assert_eq!(
        text_of(&html, "title").unwrap(),
        "Published clarifications · Clarion",
        "no page 4 of 3"
    );
    assert_eq!(results(&html).len(), 0);
    let empty = text_of(&html, ".empty").unwrap();
    assert!(
        empty.starts_with("There are only 3 pages of results. Go to the last page"),
        "{empty}"
    );
    assert_eq!(links(&html, ".empty a"), ["/clarifications?page=3"]);
    // However deep: a register of more than 100,000 has more than 5,000
    // pages, and its last page must be answered like the first.
    let (status, html) = app.visitor.page("/clarifications?page=6000").await;
    assert_eq!(status, 200);
    assert!(
        text_of(&html, ".empty")
            .unwrap()
            .starts_with("There are only 3 pages of results.")
    );
    let past = app.get("/api/v1/clarifications?page=6000").await;
    assert_eq!(past.status(), 200);
    let body: serde_json::Value = past.json().await.unwrap();
    assert_eq!(body["pages"], 3);
    assert_eq!(body["items"].as_array().map(Vec::len), Some(0));
    for refused in ["/clarifications", "/api/v1/clarifications"] {
        let (status, body) = app
            .visitor
            .page(&format!("{refused}?page=1000000001"))
            .await;
        assert_eq!(status, 422, "{refused}");
        assert!(
            body.contains("Pages are numbered from 1 to 1,000,000,000."),
            "{body}"
        );
    }

    let count = |html: &str| text_of(html, "[role=status]").unwrap_or_default();
    let (_, html) = app
        .visitor
        .page("/clarifications?standard=iso-iec-17025-2017&clause=7.2")
        .await;
    assert!(
        count(&html).starts_with("23 clarifications"),
        "7.2 and 7.2.1, not 7.20: {}",
        count(&html)
    );
    assert!(
        results(&html)
            .iter()
            .all(|r| r.contains("clause 7.2") && !r.contains("7.20"))
    );
    let (_, html) = app.visitor.page("/clarifications?year=2025").await;
    assert!(
        count(&html).starts_with("23 clarifications"),
        "22 + the 17020 one: {}",
        count(&html)
    );
    let (_, html) = app.visitor.page("/clarifications?status=superseded").await;
    assert!(
        count(&html).starts_with("9 clarifications"),
        "{}",
        count(&html)
    );
    let (_, html) = app
        .visitor
        .page("/clarifications?status=current&q=sampling&standard=iso-iec-17025-2017")
        .await;
    assert!(
        count(&html).starts_with("36 clarifications for “sampling”"),
        "{}",
        count(&html)
    );
    // The next page of a filtered search keeps the filters, in a fixed order.
    assert_eq!(
        links(&html, "a.pagination-next"),
        ["/clarifications?q=sampling&standard=iso-iec-17025-2017&status=current&page=2"]
    );
    // No word in common: the empty state says what to try.
    let (status, html) = app
        .visitor
        .page("/clarifications?q=zeppelin&year=2024")
        .await;
    assert_eq!(status, 200);
    assert!(html.contains("No published clarification matches this search."));
    assert!(links(&html, ".empty a").contains(&"/clarifications?q=zeppelin".to_owned()));
    // Some words in common, not all: offered, and said so.
    let (_, html) = app
        .visitor
        .page("/clarifications?q=zeppelin+inspection")
        .await;
    assert!(html.contains("No clarification contains all of these words"));
    assert_eq!(results(&html).len(), 1);

    // Bad filters are explained beside the field, with what was typed kept.
    let (status, html) = app
        .visitor
        .page(&format!(
            "/clarifications?q=sampling&year=twenty&status=open&clause={}&page=-1",
            "7".repeat(51)
        ))
        .await;
    assert_eq!(status, 422);
    let summary = texts_of(&html, ".error-summary li");
    assert_eq!(summary.len(), 4, "{summary:?}");
    assert_eq!(
        text_of(&html, "title").unwrap(),
        "Error: Published clarifications · Clarion",
        "nothing was searched"
    );
    assert!(html.contains(r#"value="sampling""#));
    let (status, html) = app
        .visitor
        .page("/clarifications?standard=iso-9001-2015")
        .await;
    assert_eq!(status, 422);
    assert!(html.contains("There is no such standard"));
}

async fn standards_list_their_clarifications_in_clause_order(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    for (clause, consider, flag) in [
        ("Annex A.2", true, None),
        ("4.10", true, Some("incorporated")),
        ("10.1", false, None),
        ("4.2", true, None),
        ("4.2.1", true, Some("withdrawn")),
        ("Annex A.10", true, Some("superseded")),
    ] {
        publish(
            &mut conn,
            Published {
                standard: "iso-iec-17065-2012",
                clause,
                consider_at_revision: consider,
                flag,
                ..Published::default()
            },
        );
    }
    drop(conn);
    let (_, html) = app.visitor.page("/standards/iso-iec-17065-2012").await;
    assert_eq!(
        texts_of(&html, "table tbody td:first-child"),
        ["4.2", "4.2.1", "4.10", "10.1", "Annex A.2", "Annex A.10"]
    );
    let backlog = texts_of(&html, "[aria-labelledby=backlog-heading] li > span.nowrap");
    assert_eq!(
        backlog,
        ["Clause 4.2", "Clause Annex A.2", "Clause Annex A.10"],
        "flagged, neither incorporated nor withdrawn"
    );
    assert!(html.contains(r#"href="/requests/new?standard=iso-iec-17065-2012""#));
    assert!(html.contains(r#"action="/standards/iso-iec-17065-2012/subscribe""#));
    let (_, index) = app.visitor.page("/standards").await;
    let row = texts_of(&index, "tbody tr")
        .into_iter()
        .find(|r| r.starts_with("ISO/IEC 17065:2012"))
        .unwrap();
    assert!(
        row.ends_with("6 3"),
        "6 clarifications, 3 for the revision: {row}"
    );
    let (status, _) = app
        .visitor
        .page("/standards/iso-iec-17065-2012?page=2")
        .await;
    assert_eq!(status, 404);
    assert!(
        !html.contains("/standards/iso-iec-17065-2012/revision"),
        "the whole list is on the page"
    );

    // A long list for the next revision: the standard's page shows its
    // start and links to the whole of it, which has its own page.
    let mut conn = app.db();
    for n in 1..=10 {
        publish(
            &mut conn,
            Published {
                standard: "iso-iec-17065-2012",
                clause: &format!("7.{n}"),
                ..Published::default()
            },
        );
    }
    drop(conn);
    let (_, html) = app.visitor.page("/standards/iso-iec-17065-2012").await;
    assert_eq!(
        text_of(&html, "#backlog-heading").unwrap(),
        "For the next revision (13)"
    );
    let shown = texts_of(&html, "[aria-labelledby=backlog-heading] li > span.nowrap");
    assert_eq!(shown.len(), 10);
    assert_eq!(shown[..3], ["Clause 4.2", "Clause 7.1", "Clause 7.2"]);
    assert!(html.contains(
        r#"<a href="/standards/iso-iec-17065-2012/revision">The whole list: 13 clarifications</a>"#
    ));
    let (status, list) = app
        .visitor
        .page("/standards/iso-iec-17065-2012/revision")
        .await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&list, "h1").unwrap(), "For the next revision");
    let clauses = texts_of(&list, "table tbody td:first-child");
    assert_eq!(clauses.len(), 13);
    assert_eq!(clauses[..2], ["4.2", "7.1"]);
    assert_eq!(clauses[11..], ["Annex A.2", "Annex A.10"]);
    assert!(
        !clauses
            .iter()
            .any(|c| ["4.10", "4.2.1", "10.1"].contains(&c.as_str())),
        "incorporated, withdrawn and unflagged ones are not on it: {clauses:?}"
    );
    for missing in [
        "/standards/iso-iec-17065-2012/revision?page=2",
        "/standards/no-such-standard/revision",
    ] {
        assert_eq!(app.visitor.page(missing).await.0, 404, "{missing}");
    }

    // A long question is cut, and says so.
    let long = format!("Does clause 7.11 {}apply?", "really ".repeat(40));
    publish(
        &mut app.db(),
        Published {
            standard: "iso-iec-17065-2012",
            clause: "7.11",
            question: &long,
            ..Published::default()
        },
    );
    let (_, list) = app
        .visitor
        .page("/standards/iso-iec-17065-2012/revision")
        .await;
    let cut = texts_of(&list, "table tbody tr")
        .into_iter()
        .find(|row| row.starts_with("7.11"))
        .unwrap();
    assert!(
        cut.contains("really r...") && !cut.contains("apply?"),
        "{cut}"
    );
}

/// A standard with more clarifications than a page: every page of its
/// list, of its revision list and its feed shows the rows of the whole
/// order at that place, and every count is the whole list's.
async fn deep_pages_of_a_standard_show_their_slice_of_the_whole_order(backend: Backend) {
    const STANDARD: &str = "iso-iec-17065-2012";
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    // Clauses out of publication order, compared as numbers (4.2 before
    // 4.10) with annexes last; equal clauses by reference.
    let place = |n: u32| match n % 10 {
        9 => (1, 0, n / 10 % 4 + 1),
        _ => (0, 4 + n % 6, 1 + n / 6 % 12),
    };
    struct Item {
        reference: String,
        place: (u32, u32, u32),
        published_on: NaiveDate,
        backlog: bool,
    }
    let mut items = Vec::new();
    for n in 0..250u32 {
        let clause = match place(n) {
            (1, _, number) => format!("Annex A.{number}"),
            (_, major, minor) => format!("{major}.{minor}"),
        };
        let flag = [Some("withdrawn"), Some("incorporated"), Some("superseded")]
            .get(n as usize % 7)
            .copied()
            .flatten();
        // Two a day, so that the feed orders them by reference, and days
        // not in the order of the references, which the clause order
        // breaks ties with.
        let published_on = day(2024, 1, 1) + chrono::Days::new(u64::from(n * 37 % 125));
        let consider = n % 3 != 0;
        let reference = publish(
            &mut conn,
            Published {
                standard: STANDARD,
                clause: &clause,
                published_on,
                flag,
                consider_at_revision: consider,
                ..Published::default()
            },
        );
        items.push(Item {
            reference,
            place: place(n),
            published_on,
            backlog: consider && !matches!(flag, Some("withdrawn" | "incorporated")),
        });
        if n % 10 == 0 {
            // Another standard's, between them.
            publish(&mut conn, Published::default());
        }
    }
    drop(conn);
    items.sort_by(|a, b| (a.place, &a.reference).cmp(&(b.place, &b.reference)));
    let every: Vec<&str> = items.iter().map(|i| i.reference.as_str()).collect();
    let backlog: Vec<&str> = items
        .iter()
        .filter(|i| i.backlog)
        .map(|i| i.reference.as_str())
        .collect();
    assert!(backlog.len() > 100, "the revision list has two pages");

    let references = |html: &str| texts_of(html, "table tbody td[data-label=Reference]");
    let path = format!("/standards/{STANDARD}");
    for (page, slice) in every.chunks(100).enumerate() {
        let page = page + 1;
        let (status, html) = app.visitor.page(&format!("{path}?page={page}")).await;
        assert_eq!(status, 200, "page {page}");
        assert_eq!(references(&html), slice, "page {page}");
        assert_eq!(
            text_of(&html, "#clarifications-heading").unwrap(),
            "Clarifications (250)"
        );
        assert!(html.contains(&format!("page {page} of 3")), "page {page}");
        assert_eq!(
            text_of(&html, "#backlog-heading").unwrap(),
            format!("For the next revision ({})", backlog.len())
        );
        let shown: Vec<String> = links(&html, "[aria-labelledby=backlog-heading] li > a")
            .into_iter()
            .map(|href| href.trim_start_matches("/clarifications/").to_owned())
            .collect();
        assert_eq!(shown, backlog[..10], "the revision list's start");
    }
    assert_eq!(app.visitor.page(&format!("{path}?page=4")).await.0, 404);

    let revision = format!("{path}/revision");
    for (page, slice) in backlog.chunks(100).enumerate() {
        let page = page + 1;
        let (status, html) = app.visitor.page(&format!("{revision}?page={page}")).await;
        assert_eq!(status, 200, "revision page {page}");
        assert_eq!(references(&html), slice, "revision page {page}");
        assert_eq!(
            text_of(&html, "#list-heading").unwrap(),
            format!("{} clarifications", backlog.len())
        );
    }
    assert_eq!(app.visitor.page(&format!("{revision}?page=3")).await.0, 404);

    // The counts of the standards' page and API are the lists' lengths.
    let (_, index) = app.visitor.page("/standards").await;
    let row = texts_of(&index, "tbody tr")
        .into_iter()
        .find(|r| r.starts_with("ISO/IEC 17065:2012"))
        .unwrap();
    assert!(row.ends_with(&format!("250 {}", backlog.len())), "{row}");
    let api: serde_json::Value = app.get("/api/v1/standards").await.json().await.unwrap();
    let counted = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["slug"] == STANDARD)
        .unwrap();
    assert_eq!(counted["published"], 250);
    assert_eq!(counted["backlog"], backlog.len());

    // Its feed: the 50 newest, newest first.
    items.sort_by(|a, b| (b.published_on, &b.reference).cmp(&(a.published_on, &a.reference)));
    let body = app
        .get(&format!("/feeds/standards/{STANDARD}.atom"))
        .await
        .bytes()
        .await
        .unwrap();
    let feed = feed_rs::parser::parse(&body[..]).unwrap();
    let entries: Vec<String> = feed.entries.iter().map(|e| e.id.clone()).collect();
    let newest: Vec<String> = items[..50]
        .iter()
        .map(|i| app.url(&format!("/clarifications/{}", i.reference)))
        .collect();
    assert_eq!(entries, newest);
}

/// Published pages are served from memory. With the register re-read only
/// every hour, a change behind the server's back (as another instance
/// makes) is not seen yet, but any change made through this instance shows
/// it at once; kept pages answer revalidation with 304, and people with
/// cookies (who may be signed in) are not served them.
async fn kept_pages_show_changes_made_through_the_server(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[("CLARION_REGISTER_REVALIDATE_MS", "3600000".to_owned())],
    )
    .await;
    let reference = publish(&mut app.db(), Published::default());
    let path = format!("/clarifications/{reference}");
    // No cookie store: an anonymous reader, as a crawler or a feed reader.
    let reader = reqwest::Client::new();
    let read = |path: String| {
        let request = reader.get(app.url(&path));
        async move {
            let response = request.send().await.unwrap();
            let etag = response.headers()["etag"].to_str().unwrap().to_owned();
            (etag, response.text().await.unwrap())
        }
    };
    let (etag, first) = read(path.clone()).await;
    assert!(first.contains("Clause 7.2.2 applies to methods the laboratory developed."));
    // HEAD answers as GET does, without the body.
    let head = reader.head(app.url(&path)).send().await.unwrap();
    assert_eq!(head.status(), 200);
    assert_eq!(head.headers()["etag"], etag.as_str());
    assert!(head.text().await.unwrap().is_empty());

    {
        use clarion::db::schema::requests;
        use diesel::prelude::*;
        diesel::update(requests::table.filter(requests::reference.eq(&reference)))
            .set(requests::answer.eq("Yes, and it keeps the validation records."))
            .execute(&mut app.db())
            .unwrap();
    }
    let (same_etag, kept) = read(path.clone()).await;
    assert_eq!(same_etag, etag, "the kept page, within the hour");
    assert!(!kept.contains("keeps the validation records"));
    let revalidated = reader
        .get(app.url(&path))
        .header("If-None-Match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(revalidated.status(), 304);
    assert_eq!(revalidated.headers()["etag"], etag.as_str());
    assert!(revalidated.text().await.unwrap().is_empty());

    // A visitor with a cookie reaches the database.
    let with_cookie = reader
        .get(app.url(&path))
        .header("Cookie", "clarion_session=someone")
        .send()
        .await
        .unwrap();
    assert!(
        with_cookie
            .text()
            .await
            .unwrap()
            .contains("keeps the validation records")
    );

    // A change made here (any successful form) makes the server look again.
    let follower = crate::support::app::Person::new(&app.address);
    let followed = follower
        .submit_form(
            "/standards/iso-iec-17025-2017/subscribe",
            "/standards/iso-iec-17025-2017/subscribe",
            &[("email", "fay@follow.example"), ("website", "")],
        )
        .await;
    assert_eq!(followed.status(), 303);
    let (new_etag, now) = read(path.clone()).await;
    assert_ne!(new_etag, etag);
    assert!(now.contains("keeps the validation records"));
}

/// Filters are words of the full-text index: a search with words and
/// filters must agree with the list without words, for every filter, and
/// follow a status that changes after publication.
async fn searches_with_words_and_filters_agree_with_the_list(backend: Backend) {
    use clarion::db::schema::{requests, standards};
    use diesel::prelude::*;
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    let answer = "Yes: the laboratory keeps calibration records for each instrument.";
    let mut all = Vec::new();
    for (standard, clause, year) in [
        ("iso-iec-17025-2017", "7.2", 2024),
        ("iso-iec-17025-2017", "7.2.1", 2025),
        ("iso-iec-17025-2017", "7.2 b)", 2025),
        ("iso-iec-17025-2017", "7.20", 2025),
        ("iso-iec-17025-2017", "Annex A.2", 2025),
        ("iso-iec-17065-2012", "7.2.1", 2025),
    ] {
        all.push(publish(
            &mut conn,
            Published {
                standard,
                clause,
                answer,
                published_on: NaiveDate::from_ymd_opt(year, 3, 1).unwrap(),
                ..Published::default()
            },
        ));
    }
    let found = |filters: &'static str| {
        let app = &app;
        async move {
            let mut by_words = Vec::new();
            let mut listed = Vec::new();
            for (query, into) in [
                (format!("q=calibration&{filters}"), &mut by_words),
                (filters.to_owned(), &mut listed),
            ] {
                let (status, html) = app.visitor.page(&format!("/clarifications?{query}")).await;
                assert_eq!(status, 200, "{query}");
                for meta in results(&html) {
                    into.push(meta.split(" · ").next().unwrap().to_owned());
                }
                into.sort();
            }
            assert_eq!(by_words, listed, "with and without words: {filters}");
            by_words
        }
    };
    let pick = |indexes: &[usize]| {
        let mut picked: Vec<String> = indexes.iter().map(|&i| all[i].clone()).collect();
        picked.sort();
        picked
    };
    assert_eq!(
        found("standard=iso-iec-17025-2017&clause=7.2").await,
        pick(&[0, 1, 2])
    );
    assert_eq!(found("clause=7.2.1").await, pick(&[1, 5]));
    assert_eq!(found("clause=annex+a").await, pick(&[4]));
    assert_eq!(found("year=2024").await, pick(&[0]));
    assert_eq!(
        found("standard=iso-iec-17065-2012&year=2025").await,
        pick(&[5])
    );
    assert_eq!(found("status=superseded").await, pick(&[]));

    diesel::update(requests::table.filter(requests::reference.eq(&all[3])))
        .set(requests::publication_flag.eq("superseded"))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(found("status=superseded").await, pick(&[3]));
    assert_eq!(
        found("status=current&clause=7").await,
        pick(&[0, 1, 2, 5]),
        "7.20 is under 7 but no longer current"
    );

    // The search index is held in memory: it follows what is published
    // after it was built, at the end of the register or among older
    // clarifications (an import), and a renamed standard.
    let mut later = |clause: &'static str, year: i32| {
        let published_on = NaiveDate::from_ymd_opt(year, 1, 10).unwrap();
        publish(
            &mut conn,
            Published {
                clause,
                answer,
                published_on,
                ..Published::default()
            },
        )
    };
    let mut expected = pick(&[1, 5]);
    for year in [2026, 2023] {
        expected.push(later("7.2.1", year));
        expected.sort();
        assert_eq!(found("clause=7.2.1").await, expected, "published in {year}");
    }
    diesel::update(standards::table.filter(standards::slug.eq("iso-iec-17065-2012")))
        .set(standards::title.eq("Requirements for bodies certifying widgets"))
        .execute(&mut conn)
        .unwrap();
    let (_, html) = app.visitor.page("/clarifications?q=widgets").await;
    let widgets: Vec<String> = results(&html)
        .iter()
        .map(|meta| meta.split(" · ").next().unwrap().to_owned())
        .collect();
    assert_eq!(widgets, pick(&[5]));
}

/// A page of results names each clarification's standard and group from
/// those held for the register version the search ran at. A clarification
/// moved since to a standard that version did not have is still shown,
/// under the standard it is in now.
async fn results_name_a_standard_added_after_the_search_began(backend: Backend) {
    use clarion::db::schema::{requests, standards};
    use clarion::domain::search::{Filters, RawFilters};
    use clarion::models::register;
    use clarion::models::standards::{NewStandard, StandardForm};
    use clarion::search::{self, SearchIndex};
    use diesel::prelude::*;
    let app = TestApp::spawn(backend).await;
    let mut conn = app.db();
    let reference = publish(&mut conn, Published::default());
    let index = SearchIndex::default();
    let version = register::version(&mut conn).unwrap();
    let filters = Filters::parse(&RawFilters {
        q: Some("validate methods".to_owned()),
        ..RawFilters::default()
    })
    .unwrap();
    let named = |conn: &mut clarion::db::DbConn| {
        let found = search::search(conn, &index, Some(version), &filters).unwrap();
        found
            .items
            .iter()
            .map(|c| {
                (
                    c.reference.clone(),
                    c.standard_slug.clone(),
                    c.standard_title.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = named(&mut conn);
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].0, reference);
    assert_eq!(before[0].1, "iso-iec-17025-2017");

    let id = clarion::db::new_id();
    diesel::insert_into(standards::table)
        .values(NewStandard {
            id: &id,
            form: StandardForm {
                slug: "iso-iec-17099-2031",
                designation: "ISO/IEC 17099",
                edition: 2031,
                title: "Requirements for validating methods",
                group_id: None,
                superseded_by_id: None,
            },
            created_at: chrono::Utc::now().naive_utc(),
        })
        .execute(&mut conn)
        .unwrap();
    diesel::update(requests::table.filter(requests::reference.eq(&reference)))
        .set(requests::standard_id.eq(&id))
        .execute(&mut conn)
        .unwrap();
    assert_eq!(
        named(&mut conn),
        [(
            reference,
            "iso-iec-17099-2031".to_owned(),
            "Requirements for validating methods".to_owned()
        )]
    );
}

/// A search runs at the register version the page cache read last, which
/// may be older than the one another answer has just read: the search
/// index is not taken back to it, only ever brought forward.
async fn a_search_at_an_older_version_keeps_the_newer_index(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[("CLARION_REGISTER_REVALIDATE_MS", "3600000".to_owned())],
    )
    .await;
    let first = publish(&mut app.db(), Published::default());
    let reader = reqwest::Client::new();
    let read = |path: &str| {
        let request = reader.get(app.url(path));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200);
            response.text().await.unwrap()
        }
    };
    let loads = || async {
        let metrics = read("/metrics").await;
        let line = metrics
            .lines()
            .find(|line| line.starts_with("clarion_search_index_loads "))
            .expect("the metric is shown");
        line.rsplit(' ').next().unwrap().parse::<u64>().unwrap()
    };
    let page = read("/clarifications?q=validate").await;
    assert!(page.contains(&first));
    assert_eq!(loads().await, 1, "built at the first search");

    // Published behind this instance's back, as another instance does:
    // the page cache keeps its version for the hour, while a visitor with
    // a cookie, whom it does not serve, has the version read anew.
    let second = publish(
        &mut app.db(),
        Published {
            clause: "7.2.2",
            ..Published::default()
        },
    );
    let api = reader
        .get(app.url("/api/v1/clarifications?q=validate"))
        .header("Cookie", "clarion_session=someone")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(api.contains(&first) && api.contains(&second), "{api}");
    assert_eq!(loads().await, 2, "brought up to date for the API");

    let page = read("/clarifications?q=methods").await;
    assert!(page.contains(&first) && page.contains(&second));
    assert_eq!(loads().await, 2, "not taken back for the page");
}

on_both_databases!(
    a_search_at_an_older_version_keeps_the_newer_index,
    results_name_a_standard_added_after_the_search_began,
    searches_with_words_and_filters_agree_with_the_list,
    people_find_the_answer_to_their_question_first,
    a_word_of_the_answer_finds_it_and_its_page_shows_everything,
    banners_and_related_clarifications,
    a_page_shows_the_newest_related_and_links_to_all_of_them,
    filters_pagination_and_stable_addresses,
    standards_list_their_clarifications_in_clause_order,
    deep_pages_of_a_standard_show_their_slice_of_the_whole_order,
    kept_pages_show_changes_made_through_the_server,
    a_reference_typed_into_the_search_opens_its_clarification,
);

/// Someone with a reference from a citation or a mail types it into the
/// search box, as it comes: it opens that clarification. With a filter
/// too, or for a reference nothing published has, it is searched as
/// words.
async fn a_reference_typed_into_the_search_opens_its_clarification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = publish(&mut app.db(), Published::default());
    for typed in [reference.clone(), format!(" {} ", reference.to_lowercase())] {
        let response = app
            .get(&format!("/clarifications?q={}", typed.replace(' ', "+")))
            .await;
        assert_eq!(response.status(), 303, "{typed:?}");
        assert_eq!(
            response.headers()["location"],
            format!("/clarifications/{reference}").as_str()
        );
    }
    for searched in [
        format!("/clarifications?q={reference}&year=2025"),
        "/clarifications?q=CR-2099-0001".to_owned(),
    ] {
        let (status, page) = app.page(&searched).await;
        assert_eq!(status, 200, "{searched}");
        assert!(
            text_of(&page, "main")
                .unwrap()
                .contains("No published clarification matches this search."),
            "{searched}"
        );
    }
}
