//! The workspace's list of requests and its short queue (issue 20, items
//! 1 and 2): everyone finds the requests they may read, filtered, searched,
//! sorted and paged at stable addresses, and nobody else's; the queue shows
//! one page of work by task however much waits.

use chrono::TimeDelta;
use clarion::db::schema::requests;
use clarion::models::{comments, users};
use clarion::seed::synthetic::{self, Volume};
use clarion::workflow::queue;
use diesel::prelude::*;
use num_format::ToFormattedString;

use crate::{in_a_browser, on_both_databases};
use serde_json::Value;

use crate::support::app::{Backend, PASSWORD, Person, TestApp, text_of, texts_of};
use crate::support::browser::Browser;
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{confirmed_request, file_request, press_confirm, valid_form, with};
use crate::support::workspace::{act, add_the_people};

on_both_databases!(
    each_filter_search_and_order_finds_the_right_requests,
    members_see_their_groups_requests_and_never_another_groups,
    bad_filters_are_explained_and_change_nothing,
    the_list_pages_at_stable_addresses_and_says_when_a_page_is_past_the_end,
    the_queue_shows_one_page_by_task_however_much_waits,
    a_search_finds_what_changed_since_the_list_was_last_read,
    words_are_found_as_typed_in_any_script_and_never_across_two_texts,
    a_request_nobody_confirmed_is_counted_and_listed_only_once_confirmed,
    after_a_bulk_change_every_list_shows_every_request,
);

/// The list at `address` as `person` sees it: the status, the references
/// listed in order, and the text of the page's main part.
async fn listed(person: &Person, address: &str) -> (u16, Vec<String>, String) {
    let (status, page) = person.page(address).await;
    let document = scraper::Html::parse_document(&page);
    let rows = scraper::Selector::parse("main tbody tr td:first-child a").unwrap();
    let references = document
        .select(&rows)
        .map(|a| a.text().collect::<String>().trim().to_owned())
        .collect();
    (
        status,
        references,
        text_of(&page, "main").unwrap_or_default(),
    )
}

/// The links of the page's main part: (text, address).
fn links(page: &str) -> Vec<(String, String)> {
    let document = scraper::Html::parse_document(page);
    let links = scraper::Selector::parse("main a[href]").unwrap();
    document
        .select(&links)
        .map(|a| {
            let text = a.text().collect::<Vec<_>>().join(" ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            (text, a.value().attr("href").unwrap_or_default().to_owned())
        })
        .collect()
}

async fn references(person: &Person, address: &str) -> Vec<String> {
    let (status, references, text) = listed(person, address).await;
    assert_eq!(status, 200, "{address}: {text}");
    references
}

/// The references of the requests, oldest first.
fn all_references(app: &TestApp) -> Vec<String> {
    requests::table
        .order(requests::created_at)
        .select(requests::reference.assume_not_null())
        .load(&mut app.db())
        .unwrap()
}

/// Four requests a day apart, then what the secretariat and MG 17025 did:
/// (a) 17025 clause 7.2.1, accepted, commented on by the convenor;
/// (b) 17025 clause 7.20 on impartiality, being screened;
/// (c) 17065 clause 4.1, accepted for MG 17065;
/// (d) 17025 clause 8.1, asked about: waiting for its submitter.
async fn four_requests(app: &TestApp) -> [String; 4] {
    add_the_people(app);
    // MG 17065 needs a convenor to be given a request.
    app.add_user(
        "olga@example.org",
        "Olga Convenor",
        false,
        Some(("MG 17065", "convenor")),
    );
    let forms = [
        valid_form(),
        with(
            with(valid_form(), "clause", "7.20"),
            "question",
            "How is the IMPARTIALITY of the laboratory safeguarded when staff rotate?",
        ),
        with(
            with(valid_form(), "standard", "iso-iec-17065-2012"),
            "clause",
            "4.1",
        ),
        with(valid_form(), "clause", "8.1"),
    ];
    for form in &forms {
        confirmed_request(app, form).await;
        app.clock.advance(TimeDelta::days(1));
    }
    let [a, b, c, d]: [String; 4] = all_references(app).try_into().unwrap();
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &a, "accept", &[]).await.status(), 303);
    assert_eq!(act(&sam, &c, "accept", &[]).await.status(), 303);
    let asked = act(&sam, &d, "ask", &[("note", "Which method?")]).await;
    assert_eq!(asked.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let commented = act(
        &carla,
        &a,
        "comments",
        &[("body", "Check the uncertainty Budget first.")],
    )
    .await;
    assert_eq!(commented.status(), 303);
    [a, b, c, d]
}

async fn each_filter_search_and_order_finds_the_right_requests(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    let [a, b, c, d] = four_requests(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let list = |query: &str| format!("/workspace/requests{query}");

    assert_eq!(
        references(&sam, &list("")).await,
        [d.as_str(), c.as_str(), b.as_str(), a.as_str()],
        "the secretariat reads all, newest first"
    );
    assert_eq!(
        references(&sam, &list("?state=screening")).await,
        [b.as_str()]
    );
    assert_eq!(
        references(&sam, &list("?state=in_group")).await,
        [c.as_str(), a.as_str()]
    );
    assert_eq!(
        references(&sam, &list("?group=MG+17065")).await,
        [c.as_str()]
    );
    assert_eq!(
        references(&sam, &list("?standard=iso-iec-17065-2012")).await,
        [c.as_str()]
    );
    assert_eq!(
        references(&sam, &list("?clause=7.2")).await,
        [a.as_str()],
        "7.2 finds 7.2.1, not 7.20"
    );
    let day = |n: i64| (app.clock.now() - TimeDelta::days(n)).date().to_string();
    assert_eq!(
        references(&sam, &list(&format!("?from={}&to={}", day(3), day(2)))).await,
        [c.as_str(), b.as_str()],
        "submitted between two days, both included"
    );
    assert_eq!(
        references(&sam, &list("?waiting=secretariat")).await,
        [b.as_str()]
    );
    assert_eq!(
        references(&sam, &list("?waiting=submitter")).await,
        [d.as_str()]
    );
    assert_eq!(
        references(&sam, &list("?waiting=me")).await,
        [b.as_str()],
        "screening is in the secretariat's queue"
    );
    assert!(
        references(&sam, &list("?waiting=group")).await.is_empty(),
        "the secretariat is in no group"
    );

    assert_eq!(
        references(&sam, &list(&format!("?q={c}"))).await,
        [c.as_str()]
    );
    assert_eq!(
        references(&sam, &list(&format!("?q={}", c.to_lowercase()))).await,
        [c.as_str()],
        "a reference in any case"
    );
    assert_eq!(
        references(&sam, &list("?q=impartiality")).await,
        [b.as_str()],
        "a word of the question, in any case"
    );
    assert_eq!(
        references(&sam, &list("?q=uncertainty+budget")).await,
        [a.as_str()],
        "words of a comment"
    );
    assert!(references(&sam, &list("?q=100%25_")).await.is_empty());

    assert_eq!(
        references(&sam, &list("?sort=oldest")).await,
        [a.as_str(), b.as_str(), c.as_str(), d.as_str()]
    );
    let mut by_reference = vec![a.clone(), b.clone(), c.clone(), d.clone()];
    by_reference.sort();
    assert_eq!(
        references(&sam, &list("?sort=reference")).await,
        by_reference
    );
    app.clock.advance(TimeDelta::hours(1));
    assert_eq!(act(&sam, &b, "accept", &[]).await.status(), 303);
    assert_eq!(
        references(&sam, &list("?sort=changed")).await[0],
        b,
        "the request changed last comes first"
    );

    // The counts of the queue lead into the list, which the workspace's
    // navigation names.
    let (_, queue) = sam.page("/workspace").await;
    assert!(
        queue.contains("href=\"/workspace/requests?state=in_group\""),
        "{queue}"
    );
    assert!(
        queue.contains("href=\"/workspace/requests\""),
        "in the navigation"
    );
    let (_, in_group, text) = listed(&sam, "/workspace/requests?state=in_group").await;
    assert_eq!(in_group, [c.as_str(), b.as_str(), a.as_str()]);
    assert!(text.contains("3 requests"), "{text}");
}

async fn members_see_their_groups_requests_and_never_another_groups(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    let [a, b, c, d] = four_requests(&app).await;
    app.add_user("nobody@example.org", "Nora Nobody", false, None);
    let (mia, carla, otto, nora) = (
        app.signed_in("mia@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("otto@example.org").await,
        app.signed_in("nobody@example.org").await,
    );
    assert_eq!(
        references(&mia, "/workspace/requests").await,
        [a.as_str()],
        "MG 17025's accepted request, not the ones still being screened"
    );
    assert_eq!(references(&otto, "/workspace/requests").await, [c.as_str()]);
    for hidden in [a.as_str(), b.as_str(), d.as_str()] {
        assert!(
            references(&otto, &format!("/workspace/requests?q={hidden}"))
                .await
                .is_empty(),
            "{hidden} is not MG 17065's"
        );
    }
    assert!(
        references(&otto, "/workspace/requests?group=MG+17025")
            .await
            .is_empty(),
        "another group's filter shows nothing of it"
    );
    assert!(
        references(&mia, "/workspace/requests?q=impartiality")
            .await
            .is_empty()
    );
    assert_eq!(
        references(&carla, "/workspace/requests?waiting=me").await,
        [a.as_str()],
        "the convenor's queue: open a round"
    );
    assert!(
        references(&mia, "/workspace/requests?waiting=me")
            .await
            .is_empty()
    );
    assert_eq!(
        references(&mia, "/workspace/requests?waiting=group").await,
        [a.as_str()]
    );
    let (status, rows, text) = listed(&nora, "/workspace/requests").await;
    assert_eq!(status, 200);
    assert!(rows.is_empty());
    assert!(
        text.contains("You are not a member of any maintenance group"),
        "{text}"
    );
}

async fn bad_filters_are_explained_and_change_nothing(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    four_requests(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let cases = [
        ("state=lost", "Choose a state from the list."),
        (
            "state=pending_confirmation",
            "Choose a state from the list.",
        ),
        ("group=MG+99999", "There is no such group"),
        ("standard=no-such-standard", "There is no such standard"),
        ("standard=iso+17025", "Choose a standard from the list."),
        ("from=yesterday", "Enter a date such as 2026-03-31."),
        (
            "from=2026-03-02&to=2026-03-01",
            "Enter an end date on or after",
        ),
        (
            "waiting=godot",
            "Choose me, group, secretariat or submitter.",
        ),
        (
            "sort=random",
            "Choose newest, oldest, reference or changed.",
        ),
        ("page=0", "Pages are numbered from 1"),
        ("page=abc", "Pages are numbered from 1"),
        ("page=99999999999999999999", "Pages are numbered from 1"),
    ];
    for (query, message) in cases {
        let (status, rows, text) = listed(&sam, &format!("/workspace/requests?{query}")).await;
        assert_eq!(status, 422, "{query}: {text}");
        assert!(text.contains(message), "{query}: {text}");
        assert!(rows.is_empty(), "{query}: nothing listed until corrected");
    }
    let (status, page) = sam.page("/workspace?page=first").await;
    assert_eq!(status, 422);
    assert!(page.contains("Pages of the queue are numbered from 1"));
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    let (_, page) = sam.page("/workspace/requests?page=0").await;
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
}

/// The list is searched in memory, brought forward by each change stored:
/// a change made through the site, or straight in the database as another
/// instance would, is found by its new words and no longer by its old
/// ones, and a request that reaches a group is found by that group's
/// members only.
async fn a_search_finds_what_changed_since_the_list_was_last_read(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    let [a, b, c, _] = four_requests(&app).await;
    let (sam, carla, mia, otto) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("mia@example.org").await,
        app.signed_in("otto@example.org").await,
    );
    let search = |words: &str| format!("/workspace/requests?q={words}");
    assert_eq!(
        references(&sam, &search("impartiality")).await,
        [b.as_str()]
    );
    assert!(references(&mia, &search("impartiality")).await.is_empty());
    assert!(
        references(&sam, &search("drift+of+balances"))
            .await
            .is_empty()
    );

    let commented = act(
        &carla,
        &a,
        "comments",
        &[("body", "Ask about the drift of balances too.")],
    )
    .await;
    assert_eq!(commented.status(), 303);
    assert_eq!(
        references(&sam, &search("drift+of+balances")).await,
        [a.as_str()],
        "a comment added since"
    );
    assert_eq!(references(&mia, &search("DRIFT")).await, [a.as_str()]);
    assert!(
        references(&otto, &search("drift")).await.is_empty(),
        "not MG 17065's request"
    );

    assert_eq!(act(&sam, &b, "accept", &[]).await.status(), 303);
    assert_eq!(
        references(&mia, &search("impartiality")).await,
        [b.as_str()],
        "accepted for MG 17025 since"
    );
    assert!(references(&otto, &search("impartiality")).await.is_empty());

    diesel::update(requests::table.filter(requests::reference.eq(&c)))
        .set(requests::question.eq("Which sampling plan covers the whole lot?"))
        .execute(&mut app.db())
        .unwrap();
    assert_eq!(
        references(&otto, &search("sampling+plan")).await,
        [c.as_str()],
        "changed in the database, by another instance"
    );
    assert!(references(&mia, &search("sampling+plan")).await.is_empty());
    assert!(
        !references(&sam, &search("documented+procedure"))
            .await
            .contains(&c),
        "its old words no longer find it"
    );
}

/// The database finds the words (the list holds none in memory): in any
/// script, case aside; quotes and LIKE's signs taken literally; two
/// characters as well as more; within one text, never across two; a
/// comment's words, and a request's new words once changed.
async fn words_are_found_as_typed_in_any_script_and_never_across_two_texts(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    let [a, b, c, _] = four_requests(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let reword = |reference: &str, question: &str, background: &str| {
        diesel::update(requests::table.filter(requests::reference.eq(reference)))
            .set((
                requests::question.eq(question),
                requests::background.eq(background),
            ))
            .execute(&mut app.db())
            .unwrap();
    };
    reword(
        &a,
        "Что значит НЕОПРЕДЕЛЁННОСТЬ измерения в пункте 7.6?",
        "Οι αξιολογητές διαβάζουν τη ΜΕΤΡΟΛΟΓΙΚΗ ιχνηλασιμότητα αλλιώς.",
    );
    reword(
        &b,
        "Does the \"whole lot\" include retained samples at 100%?",
        "A pH of 4 ends the question's drift",
    );
    reword(
        &c,
        "Which sampling plan ends with drift",
        "balance comes next",
    );
    let search = |words: &str| {
        let words: String = url::form_urlencoded::byte_serialize(words.as_bytes()).collect();
        format!("/workspace/requests?sort=oldest&q={words}")
    };
    let found = async |words: &str| references(&sam, &search(words)).await;

    assert_eq!(
        found("неопределённость").await,
        [a.as_str()],
        "Cyrillic, any case"
    );
    assert_eq!(
        found("μετρολογικη").await,
        [a.as_str()],
        "Greek, any case, the background"
    );
    assert_eq!(
        found("\"whole lot\"").await,
        [b.as_str()],
        "quotes taken literally"
    );
    assert_eq!(found("\"whole lot").await, [b.as_str()], "a lone quote too");
    assert_eq!(
        found("at 100%?").await,
        [b.as_str()],
        "a percent sign taken literally"
    );
    assert!(
        found("10_%").await.is_empty(),
        "LIKE's signs are no wildcards"
    );
    assert_eq!(found("PH").await, [b.as_str()], "two letters, any case");
    assert_eq!(found("7.6").await, [a.as_str()]);
    assert_eq!(found("drift").await, [b.as_str(), c.as_str()]);
    assert!(
        found("driftbalance").await.is_empty(),
        "the question's end and the background's start are two texts"
    );

    let carla = app.signed_in("carla@example.org").await;
    let commented = act(
        &carla,
        &a,
        "comments",
        &[("body", "Ask the ΕΠΙΤΡΟΠΗ about it.")],
    )
    .await;
    assert_eq!(commented.status(), 303);
    assert_eq!(found("επιτροπη").await, [a.as_str()], "a comment's words");

    reword(&c, "Which sampling plan?", "None");
    assert_eq!(found("drift").await, [b.as_str()], "c's old words are gone");
    assert_eq!(found("SAMPLING PLAN").await, [c.as_str()]);
}

/// The workspace holds the requests it lists in memory, but not those
/// waiting for their submitter's confirmation, which anyone may send:
/// the queue still counts them, and a request is listed, and its words
/// indexed, once confirmed.
async fn a_request_nobody_confirmed_is_counted_and_listed_only_once_confirmed(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let counted = |page: &str| texts_of(page, "section[aria-labelledby=counts-heading] li");
    let form = with(
        valid_form(),
        "question",
        "Must the repeatability of a torque wrench be checked before each use?",
    );
    let confirm = file_request(&app, &form).await;
    let words_held = || {
        diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT count(*) FROM request_words)",
        ))
        .get_result::<i64>(&mut app.db())
        .unwrap()
    };
    assert_eq!(words_held(), 0, "nothing of its text is indexed");

    let (status, queue) = sam.page("/workspace").await;
    assert_eq!(status, 200);
    let counts = counted(&queue);
    for count in ["1 Awaiting confirmation", "0 Screening"] {
        assert!(counts.iter().any(|c| c == count), "{count} in {counts:?}");
    }
    assert!(
        references(&sam, "/workspace/requests?q=torque")
            .await
            .is_empty()
    );
    assert!(references(&sam, "/workspace/requests").await.is_empty());

    assert_eq!(press_confirm(&app, &confirm).await.status(), 303);
    assert_eq!(words_held(), 1);
    let (_, queue) = sam.page("/workspace").await;
    let counts = counted(&queue);
    for count in ["0 Awaiting confirmation", "1 Screening"] {
        assert!(counts.iter().any(|c| c == count), "{count} in {counts:?}");
    }
    let filed = all_references(&app);
    assert_eq!(filed.len(), 1);
    assert_eq!(
        references(&sam, "/workspace/requests?q=TORQUE").await,
        filed
    );
    assert_eq!(references(&sam, "/workspace/requests").await, filed);
}

// PostgreSQL only, so not `on_both_databases!`: there two transactions
// write at once and may commit in another order than they numbered their
// changes; a SQLite file has one writer at a time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_committed_after_a_later_numbered_one_is_still_found() {
    let app = TestApp::spawn_with(
        Backend::Postgres,
        &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())],
    )
    .await;
    let [_, b, c, _] = four_requests(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let search = |words: &str| format!("/workspace/requests?q={words}");
    assert!(references(&sam, &search("sampling+plan")).await.is_empty());

    // Another instance rewords (c) in a transaction still open: its change
    // is numbered before the acceptance below, and committed after it.
    let mut slow = app.db();
    diesel::sql_query("BEGIN").execute(&mut slow).unwrap();
    diesel::update(requests::table.filter(requests::reference.eq(&c)))
        .set(requests::question.eq("Which sampling plan covers the whole lot?"))
        .execute(&mut slow)
        .unwrap();
    assert_eq!(act(&sam, &b, "accept", &[]).await.status(), 303);
    // The list is brought up to date past the acceptance.
    assert_eq!(
        references(&sam, &search("impartiality")).await,
        [b.as_str()]
    );
    assert!(references(&sam, &search("sampling+plan")).await.is_empty());

    diesel::sql_query("COMMIT").execute(&mut slow).unwrap();
    drop(slow);
    assert_eq!(
        references(&sam, &search("sampling+plan")).await,
        [c.as_str()],
        "the rewording, committed last, is read although numbered first"
    );
}

// PostgreSQL only, as above: two transactions comment on one request at
// once, and each writes the request's words anew. The second must read the
// first's comment, committed while it waited, or the words lose it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_comments_sent_at_once_are_both_found() {
    let app = TestApp::spawn_with(
        Backend::Postgres,
        &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())],
    )
    .await;
    let [a, ..] = four_requests(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let request: String = requests::table
        .filter(requests::reference.eq(&a))
        .select(requests::id)
        .first(&mut app.db())
        .unwrap();
    let carla = users::find_by_email(&mut app.db(), "carla@example.org")
        .unwrap()
        .unwrap()
        .id;
    let now = app.clock.now();

    let mut first = app.db();
    diesel::sql_query("BEGIN").execute(&mut first).unwrap();
    comments::add(
        &mut first,
        &request,
        &carla,
        "Mind the calibration interval.",
        now,
    )
    .unwrap();
    let second = {
        let (pool, request, carla) = (app.state.pool.clone(), request.clone(), carla.clone());
        std::thread::spawn(move || {
            let mut conn = pool.get().unwrap();
            comments::add(&mut conn, &request, &carla, "And proficiency testing.", now)
        })
    };
    eventually(BOUND, || async {
        let waiting: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT count(*) FROM pg_stat_activity \
             WHERE datname = current_database() AND wait_event_type = 'Lock')",
        ))
        .get_result(&mut app.db())
        .unwrap();
        if waiting > 0 {
            Ok(())
        } else {
            Err("the second comment waits for the first".to_owned())
        }
    })
    .await;
    diesel::sql_query("COMMIT").execute(&mut first).unwrap();
    drop(first);
    second.join().unwrap().unwrap();

    let search = |words: &str| format!("/workspace/requests?q={words}");
    assert_eq!(
        references(&sam, &search("calibration+interval")).await,
        [a.as_str()],
        "the first comment, committed while the second waited"
    );
    assert_eq!(
        references(&sam, &search("proficiency+testing")).await,
        [a.as_str()]
    );
}

/// Adds `count` open requests of the synthetic load, on every standard.
fn many_open_requests(app: &TestApp, count: usize) {
    let volume = Volume {
        published: 0,
        open_requests: count,
        users: 0,
    };
    synthetic::seed(&mut app.db(), volume, "clarion-demo", app.clock.now()).unwrap();
}

/// Waits until the app's worker has closed the synthetic requests whose
/// submitter never replied within the window, so that what waits stays put.
async fn settled(app: &TestApp) {
    let stale = app.clock.now() - TimeDelta::days(30);
    eventually(BOUND, || async {
        let left: i64 = requests::table
            .filter(requests::state.eq("awaiting_submitter"))
            .filter(requests::updated_at.lt(stale))
            .count()
            .get_result(&mut app.db())
            .unwrap();
        if left == 0 {
            Ok(())
        } else {
            Err(format!("{left} requests left to expire"))
        }
    })
    .await;
}

async fn the_list_pages_at_stable_addresses_and_says_when_a_page_is_past_the_end(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    many_open_requests(&app, 120);
    settled(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let total: i64 = requests::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(total, 120);

    let (status, first, text) = listed(&sam, "/workspace/requests?sort=oldest").await;
    assert_eq!(status, 200);
    assert_eq!(first.len(), 50);
    assert!(
        text.contains("120 requests, showing 1–50, oldest first"),
        "{text}"
    );
    let (_, page) = sam.page("/workspace/requests?sort=oldest").await;
    assert!(
        links(&page).contains(&(
            "Page 2".into(),
            "/workspace/requests?sort=oldest&page=2".into()
        )),
        "{:?}",
        links(&page)
    );
    let second = references(&sam, "/workspace/requests?sort=oldest&page=2").await;
    assert_eq!(second.len(), 50);
    assert!(second.iter().all(|r| !first.contains(r)), "no row twice");
    assert_eq!(
        references(&sam, "/workspace/requests?sort=oldest&page=2").await,
        second,
        "the same address, the same rows"
    );
    let third = references(&sam, "/workspace/requests?sort=oldest&page=3").await;
    assert_eq!(third.len(), 20);
    let oldest_first: Vec<String> = requests::table
        .order((requests::created_at, requests::id))
        .select(requests::reference.assume_not_null())
        .load(&mut app.db())
        .unwrap();
    assert_eq!([first, second, third].concat(), oldest_first);

    let (status, rows, text) = listed(&sam, "/workspace/requests?sort=oldest&page=4").await;
    assert_eq!(status, 200);
    assert!(rows.is_empty());
    assert!(
        text.contains("There are only 3 pages of requests."),
        "{text}"
    );
    assert!(!text.contains("showing"), "never “showing 151–150”");
    let (_, page) = sam.page("/workspace/requests?sort=oldest&page=4").await;
    assert!(links(&page).contains(&(
        "Go to the last page".into(),
        "/workspace/requests?sort=oldest&page=3".into()
    )));
}

/// More changes at once than the list applies one by one (an import, a
/// bulk change) make it read every request anew: the lists asked meanwhile
/// wait for it, and each shows every request.
async fn after_a_bulk_change_every_list_shows_every_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    many_open_requests(&app, 40);
    settled(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let listed_count = || -> i64 {
        requests::table
            .filter(requests::state.ne("pending_confirmation"))
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let summary = |page: &str| text_of(page, "main p.meta[role=status]").unwrap_or_default();
    let before = listed_count();
    let (_, page) = sam.page("/workspace/requests").await;
    assert!(
        summary(&page).starts_with(&format!("{before} requests")),
        "{}",
        summary(&page)
    );

    // More than the 5,000 changes the list applies one by one.
    many_open_requests(&app, 5_100);
    settled(&app).await;
    let total = listed_count();
    assert!(total > before + 5_000, "{total}");
    let expected = format!(
        "{} requests",
        total.to_formatted_string(&num_format::Locale::en)
    );
    let asked = (0..6).map(|_| sam.page("/workspace/requests"));
    for (status, page) in futures_util::future::join_all(asked).await {
        assert_eq!(status, 200);
        assert!(
            summary(&page).starts_with(&expected),
            "{expected}: {}",
            summary(&page)
        );
    }
}

/// The number of rows of the queue page and its text.
async fn queue_page(person: &Person, address: &str) -> (usize, String) {
    let (status, page) = person.page(address).await;
    assert_eq!(status, 200, "{address}");
    let document = scraper::Html::parse_document(&page);
    let rows = scraper::Selector::parse("#queue-heading ~ section tbody tr").unwrap();
    (
        document.select(&rows).count(),
        text_of(&page, "main").unwrap_or_default(),
    )
}

async fn the_queue_shows_one_page_by_task_however_much_waits(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    // More than the request list reads at once when it is built.
    many_open_requests(&app, 2_500);
    settled(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let user = users::find_by_email(&mut app.db(), "sam@example.org")
        .unwrap()
        .unwrap();
    let held = &app.state.request_index;
    let counted: i64 = held
        .census(&mut app.db())
        .unwrap()
        .counts
        .iter()
        .map(|(_, count)| count)
        .sum();
    let stored: i64 = requests::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(counted, stored, "every request held");
    let all = queue::queue(&mut app.db(), held, &user, app.clock.now(), false)
        .unwrap()
        .items;
    assert!(all.len() > 1_000, "{} waiting", all.len());
    let (status, page) = sam.page("/workspace").await;
    assert_eq!(status, 200);
    let (rows, text) = queue_page(&sam, "/workspace").await;
    assert_eq!(rows, queue::PER_PAGE, "one page of rows");
    assert!(
        text.contains(&format!(
            "Waiting for you ({})",
            all.len().to_formatted_string(&num_format::Locale::en)
        )),
        "the total of every page: {}",
        &text[text.find("Waiting for").unwrap_or(0)..][..100]
    );
    // A heading per kind of task on the page, each with the number of its
    // kind on every page.
    let mut expected: Vec<usize> = Vec::new();
    let mut seen = Vec::new();
    for item in &all[..queue::PER_PAGE] {
        if !seen.contains(&item.task()) {
            seen.push(item.task());
            expected.push(all.iter().filter(|i| i.task() == item.task()).count());
        }
    }
    let document = scraper::Html::parse_document(&page);
    let headings = scraper::Selector::parse("#queue-heading ~ section h3").unwrap();
    let counted: Vec<usize> = document
        .select(&headings)
        .map(|h| {
            let text = h.text().collect::<String>();
            let number = text.rsplit('(').next().unwrap().trim_end_matches(')');
            number.trim().parse().unwrap()
        })
        .collect();
    assert_eq!(counted, expected);
    let pages = all.len().div_ceil(queue::PER_PAGE);
    assert!(text.contains(&format!("Page 1 of {pages}")));
    let (rows, _) = queue_page(&sam, &format!("/workspace?page={pages}")).await;
    assert_eq!(rows, all.len() - (pages - 1) * queue::PER_PAGE);
    let (rows, text) = queue_page(&sam, &format!("/workspace?page={}", pages + 1)).await;
    assert_eq!(rows, 0);
    assert!(
        text.contains(&format!("Your queue has only {pages} pages")),
        "{text}"
    );
}

in_a_browser!(the_list_reads_well_wide_and_narrow_in_a_browser);

/// The list in headless Chromium at a desktop's and a phone's width:
/// labelled, free of serious axe findings, never wider than the window;
/// a screenshot of each is left in `target/screenshots/` to look at.
async fn the_list_reads_well_wide_and_narrow_in_a_browser(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
    four_requests(&app).await;
    many_open_requests(&app, 60);
    settled(&app).await;
    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (width, window) in [
        (1280, "--window-size=1280,1000"),
        (390, "--window-size=390,844"),
    ] {
        let browser = Browser::open_with(&[window]).await;
        browser.goto(&app.url("/login")).await;
        browser.fill("#field-email", "sam@example.org").await;
        browser.fill("#field-password", PASSWORD).await;
        browser
            .follow("form[action='/login'] button[type=submit]")
            .await;
        browser.goto(&app.url("/workspace")).await;
        browser.follow("a[href='/workspace/requests']").await;
        assert_eq!(browser.text("h1").await, "Requests");
        browser.assert_accessible().await;
        let sideways = browser
            .execute(
                "return document.documentElement.scrollWidth > window.innerWidth;",
                vec![],
            )
            .await;
        assert_eq!(sideways, Value::Bool(false), "{width} px scrolls sideways");
        browser
            .screenshot(shots.join(format!("requests-{width}.png")))
            .await;
        browser.goto(&app.url("/workspace?page=1")).await;
        browser
            .screenshot(shots.join(format!("queue-{width}.png")))
            .await;
        browser.close().await;
    }
}
