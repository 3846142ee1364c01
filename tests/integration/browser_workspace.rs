//! The whole story in a real browser: a person files a request on the
//! public form and confirms it from the mail; the secretariat accepts it
//! for its group, the convenor circulates a draft answer, the members vote,
//! the convenor answers the opposition and records consensus with an
//! editorial change, which stands when nobody objects in time; the
//! secretariat words the question for publication and publishes; then a visitor finds the answer by a word of it,
//! reads it, reaches its standard and its Atom feed. Each person signs in
//! through `/login` and out through `/logout` in one headless Chromium; axe
//! checks every page visited, the request page in every state reached.

use std::time::Instant;

use clarion::db::schema::{opposition_responses, requests};
use diesel::prelude::*;
use serde_json::json;

use crate::in_a_browser;
use crate::support::app::{Backend, PASSWORD, TestApp};
use crate::support::browser::Browser;
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{confirm_from_mail, fill_valid_form};
use crate::support::workspace::add_the_people;

in_a_browser!(a_request_goes_from_the_public_form_to_the_public_register_in_a_browser,);

const DRAFT: &str = "No. Clause 7.2.1 requires documented methods; one procedure may cover several methods if it names each of them.";
const OPPOSITION: &str = "Say that one procedure must name each method.";
/// The draft with a colon for its semicolon: an editorial change.
const FINAL_ANSWER: &str = "No. Clause 7.2.1 requires documented methods: one procedure may cover several methods if it names each of them.";
const REASON: &str = "A colon introduces the explanation better than a semicolon.";
const RESPONSE: &str = "The draft says so already: the procedure names each method it covers.";
/// The submitter's question as the secretariat words it for publication.
const PUBLIC_QUESTION: &str =
    "Does clause 7.2.1 require one documented procedure for each test method?";

/// The rendered text of the first element matching `css`, whitespace
/// collapsed (the layout breaks lines in badges, stats and table cells).
pub async fn seen(browser: &Browser, css: &str) -> String {
    browser
        .text(css)
        .await
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Goes to the workspace, is sent to the login page, signs in with the form
/// and lands on the queue.
pub async fn sign_in(browser: &Browser, app: &TestApp, email: &str, check_login_page: bool) {
    browser.goto(&app.url("/workspace")).await;
    assert!(
        browser.url().await.ends_with("/login?next=%2Fworkspace"),
        "{}",
        browser.url().await
    );
    assert_eq!(browser.text("h1").await, "Sign in");
    assert_eq!(browser.title().await, "Sign in · Clarion");
    if check_login_page {
        browser.assert_accessible().await;
    }
    browser.fill("#field-email", email).await;
    browser.fill("#field-password", PASSWORD).await;
    let landed = browser
        .follow("form[action='/login'] button[type=submit]")
        .await;
    assert!(
        landed.ends_with("/workspace"),
        "{email} lands on the queue, not {landed}"
    );
    assert_eq!(browser.text("h1").await, "My queue");
}

/// The header's "Sign out" button: one click.
pub async fn sign_out(browser: &Browser) {
    let landed = browser
        .follow(".site-account form[action='/logout'] button[type=submit]")
        .await;
    assert!(landed.ends_with("/login"), "{landed}");
    assert_eq!(
        seen(browser, ".notice--success").await,
        "You are signed out."
    );
}

/// The only row of "Waiting for you": says what to do, then opens the
/// request from its link.
async fn open_from_queue(browser: &Browser, reference: &str, task: &str) {
    let row = seen(browser, "[aria-label='Waiting for you'] tbody tr").await;
    assert!(row.starts_with(reference), "{row}");
    assert!(row.contains(task), "{task:?} in {row}");
    let landed = browser
        .follow(&format!(
            "[aria-label='Waiting for you'] a[href='/workspace/requests/{reference}']"
        ))
        .await;
    assert!(
        landed.ends_with(&format!("/workspace/requests/{reference}")),
        "{landed}"
    );
    assert_eq!(browser.text("h1").await, reference);
    assert_eq!(
        browser.title().await,
        format!("{reference} · Workspace · Clarion")
    );
}

async fn count(browser: &Browser, css: &str) -> u64 {
    let found = browser
        .execute(
            "return document.querySelectorAll(arguments[0]).length",
            vec![json!(css)],
        )
        .await;
    found.as_u64().expect("a number")
}

/// Does the element matching `css` take up room on the page?
async fn is_displayed(browser: &Browser, css: &str) -> bool {
    browser
        .execute(
            "return document.querySelector(arguments[0]).offsetParent !== null",
            vec![json!(css)],
        )
        .await
        == json!(true)
}

async fn is_checked(browser: &Browser, css: &str) -> bool {
    browser
        .execute(
            "return document.querySelector(arguments[0]).checked",
            vec![json!(css)],
        )
        .await
        == json!(true)
}

async fn a_request_goes_from_the_public_form_to_the_public_register_in_a_browser(backend: Backend) {
    let started = Instant::now();
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let browser = Browser::open().await;

    // 0. A person files the request on the public form and confirms it.
    browser
        .goto(&app.url("/standards/iso-iec-17025-2017"))
        .await;
    browser
        .follow("a[href='/requests/new?standard=iso-iec-17025-2017']")
        .await;
    assert_eq!(browser.text("h1").await, "Ask for a clarification");
    browser.assert_accessible().await;
    fill_valid_form(&browser).await;
    browser.follow("button[value=send]").await;
    assert_eq!(browser.text("h1").await, "Check your e-mail");
    browser.assert_accessible().await;
    let reference = confirm_from_mail(&browser, &app).await;
    let page = format!("/workspace/requests/{reference}");

    // 1. The secretariat screens the request and accepts it for the group.
    sign_in(&browser, &app, "sam@example.org", true).await;
    assert_eq!(
        seen(&browser, ".lede").await,
        "Sam Secretariat, secretariat: what waits for you, most urgent first."
    );
    assert_eq!(
        seen(&browser, "#queue-heading").await,
        "Waiting for you (1)"
    );
    browser.assert_accessible().await;
    open_from_queue(&browser, &reference, "Screen").await;
    assert_eq!(seen(&browser, ".badge--state").await, "Screening");
    assert_eq!(
        seen(&browser, ".eyebrow").await,
        "ISO/IEC 17025:2017 · CLAUSE 7.2.1",
        "the eyebrow is set in capitals"
    );
    assert!(seen(&browser, ".badges").await.contains("MG 17025"));
    assert!(
        seen(&browser, "aside")
            .await
            .contains("ana.lima@lab.example"),
        "the secretariat sees the submitter's contact"
    );
    browser.assert_accessible().await;
    // One question; a choice's fields show once it is chosen, no script.
    assert_eq!(
        seen(&browser, "#screening legend").await,
        "What do you want to do?"
    );
    assert!(!is_displayed(&browser, "#field-screen-group").await);
    browser.click("#choice-accept").await;
    assert!(is_displayed(&browser, "#field-screen-group").await);
    assert!(!is_displayed(&browser, "#field-screen-note").await);
    browser.assert_accessible().await;
    let landed = browser.follow("#screening button[type=submit]").await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(seen(&browser, ".badge--state").await, "With the group");
    assert!(
        seen(&browser, ".timeline")
            .await
            .contains("Accepted for the group Sam Secretariat")
    );
    sign_out(&browser).await;

    // 2. The convenor drafts an answer and circulates it.
    sign_in(&browser, &app, "carla@example.org", false).await;
    open_from_queue(&browser, &reference, "Draft an answer and open a round").await;
    assert_eq!(seen(&browser, ".badge--state").await, "With the group");
    assert_eq!(
        seen(&browser, "form[action$='/rounds'] .card-title").await,
        "Draft the answer"
    );
    browser.assert_accessible().await;
    browser.fill("#field-rounds-draft", DRAFT).await;
    // The preview shows the draft as it will read, and keeps it typed.
    browser
        .follow("form[action$='/rounds'] button[name=preview]")
        .await;
    assert_eq!(seen(&browser, "#draft-preview .prose").await, DRAFT);
    browser.assert_accessible().await;
    let landed = browser
        .follow("form[action$='/rounds'] button[type=submit]:not([name])")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(seen(&browser, ".badge--state").await, "Consensus round");
    let heading = seen(&browser, "[id^=round-heading]").await;
    assert!(
        heading.starts_with("Consensus round 1, open until "),
        "{heading}"
    );
    assert_eq!(
        seen(&browser, "[id^=round-heading] + .card .prose").await,
        DRAFT
    );
    assert_eq!(
        seen(&browser, "[aria-label=Tally]").await,
        "0 Agree 0 Agree, with comments 0 Oppose (sustained opposition) 0 Abstain"
    );
    sign_out(&browser).await;

    // 3. One member agrees; the other opposes, saying what must change.
    sign_in(&browser, &app, "mia@example.org", false).await;
    open_from_queue(&browser, &reference, "Vote on the draft answer").await;
    assert_eq!(
        seen(&browser, "form[action$='/vote'] .card-title").await,
        "Your vote"
    );
    browser.assert_accessible().await;
    browser.click("#vote-agree").await;
    let landed = browser
        .follow("form[action$='/vote'] button[type=submit]")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(
        seen(&browser, "form[action$='/vote'] .card-title").await,
        "Change your vote"
    );
    assert!(is_checked(&browser, "#vote-agree").await);
    assert!(
        seen(&browser, "[aria-label=Tally]")
            .await
            .starts_with("1 Agree 0 Agree, with comments 0 Oppose")
    );
    sign_out(&browser).await;

    sign_in(&browser, &app, "nils@example.org", false).await;
    open_from_queue(&browser, &reference, "Vote on the draft answer").await;
    browser.click("#vote-oppose").await;
    browser.fill("#field-vote-comment", OPPOSITION).await;
    let landed = browser
        .follow("form[action$='/vote'] button[type=submit]")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(
        seen(&browser, "[aria-label=Tally]").await,
        "1 Agree 0 Agree, with comments 1 Oppose (sustained opposition) 0 Abstain"
    );
    let votes = seen(&browser, "[aria-label=Votes] tbody").await;
    assert!(
        votes.contains("Mia Member Agree")
            && votes.contains(&format!(
                "Nils Member Oppose (sustained opposition) {OPPOSITION}"
            )),
        "{votes}"
    );
    sign_out(&browser).await;

    // 4. The convenor is asked to answer the opposition, and votes; she
    // may not record consensus past the unanswered opposition; answered,
    // she records it on a text she changed editorially.
    sign_in(&browser, &app, "carla@example.org", false).await;
    open_from_queue(&browser, &reference, "Answer the opposition of Nils Member").await;
    assert_eq!(
        seen(&browser, "[aria-label=Tally]").await,
        "1 Agree 0 Agree, with comments 1 Oppose (sustained opposition) 0 Abstain"
    );
    browser.click("#vote-agree").await;
    let landed = browser
        .follow("form[action$='/vote'] button[type=submit]")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(
        seen(&browser, "label[for^='field-responses-']").await,
        "Response to the opposition of Nils Member"
    );
    assert!(
        seen(&browser, "form[action$='/responses']")
            .await
            .contains(&format!("“{OPPOSITION}”")),
        "the opposition is quoted next to its response field"
    );
    assert!(
        seen(&browser, "#closing-rules").await.contains(
            "Consensus cannot be recorded while an opposition has no response: answer Nils Member."
        ),
        "the rule that blocks stands next to the button"
    );
    browser.assert_accessible().await;
    browser
        .fill("#field-consensus-final_answer", FINAL_ANSWER)
        .await;
    browser.click("#change-editorial").await;
    browser.fill("#change-reason", REASON).await;
    // Refused: the page comes back from the form's address with why.
    let landed = browser
        .follow("form[action$='/consensus'] button[type=submit]:not([name])")
        .await;
    assert!(landed.ends_with(&format!("{page}/consensus")), "{landed}");
    let refusal = seen(&browser, ".notice--error").await;
    assert!(refusal.starts_with("That was not done"), "{refusal}");
    assert!(
        refusal.contains(
            "Consensus cannot be recorded while an opposition has no response: answer Nils Member."
        ),
        "{refusal}"
    );
    assert!(refusal.ends_with("Nothing was changed."), "{refusal}");
    assert_eq!(seen(&browser, ".badge--state").await, "Consensus round");
    assert_eq!(
        browser.title().await,
        format!("Error: {reference} · Workspace · Clarion")
    );
    browser.assert_accessible().await;
    browser
        .fill("textarea[id^='field-responses-']", RESPONSE)
        .await;
    let landed = browser
        .follow("form[action$='/responses'] button[type=submit]")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert!(
        seen(&browser, "#closing-rules")
            .await
            .starts_with("The closing rules are met"),
    );
    // The difference, previewed without storing anything.
    browser
        .fill("#field-consensus-final_answer", FINAL_ANSWER)
        .await;
    let landed = browser
        .follow("form[action$='/consensus'] button[name=preview]")
        .await;
    assert!(landed.ends_with(&format!("{page}/consensus")), "{landed}");
    assert_eq!(seen(&browser, "#preview del").await, "methods;");
    assert_eq!(seen(&browser, "#preview ins").await, "methods:");
    browser.assert_accessible().await;
    browser.click("#change-editorial").await;
    browser.fill("#change-reason", REASON).await;
    let landed = browser
        .follow("form[action$='/consensus'] button[type=submit]:not([name])")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(seen(&browser, ".badge--state").await, "Open to objection");
    assert_eq!(
        seen(&browser, "[id^=round-heading]").await,
        "Consensus round 1, closed"
    );
    assert_eq!(
        seen(&browser, "[id^=round-heading] + .card").await,
        format!("Final answer {FINAL_ANSWER}")
    );
    assert!(
        seen(&browser, "[aria-label=Votes] tbody")
            .await
            .contains(&format!("{OPPOSITION} {RESPONSE}"))
    );
    assert!(
        seen(&browser, "[id^=record-heading] + dl")
            .await
            .contains(&format!("Why the text changed {REASON}"))
    );
    assert!(
        seen(&browser, ".timeline").await.contains(
            "Recorded consensus with an editorial change, open to objection Carla Convenor"
        )
    );
    browser.assert_accessible().await;
    sign_out(&browser).await;

    // Nobody objects within the week: the decision stands.
    app.clock.advance(chrono::TimeDelta::days(8));
    app.state.wake_mail_worker();
    eventually(BOUND, || async {
        let state: String = requests::table
            .select(requests::state)
            .first(&mut app.db())
            .unwrap();
        if state == "decided" {
            Ok(())
        } else {
            Err(format!("still {state}"))
        }
    })
    .await;

    // 5. The secretariat publishes, to be considered at the next revision.
    sign_in(&browser, &app, "sam@example.org", false).await;
    open_from_queue(&browser, &reference, "Publish or send back").await;
    assert_eq!(seen(&browser, ".badge--state").await, "Decided");
    assert!(
        is_checked(&browser, "#consider").await,
        "considered at the next revision unless unticked"
    );
    browser.assert_accessible().await;
    // The question is published without the submitter's way of asking it.
    browser.follow("#edit-wording").await;
    assert_eq!(
        browser.text("h1").await,
        format!("The public wording of {reference}")
    );
    browser.assert_accessible().await;
    browser.fill("#field-question", PUBLIC_QUESTION).await;
    browser
        .fill("#field-note", "Asked so that it can be answered yes or no.")
        .await;
    let landed = browser
        .follow("form[action$='/wording'] button[type=submit]")
        .await;
    assert!(landed.ends_with(&page), "{landed}");
    assert!(
        seen(&browser, "#banner")
            .await
            .starts_with("The public wording was saved")
    );
    assert_eq!(
        seen(&browser, ".timeline li:last-child del").await,
        "a separate",
        "the words taken out, marked"
    );
    assert_eq!(
        seen(&browser, ".timeline li:last-child ins").await,
        "one",
        "the words put in, marked"
    );
    assert!(
        seen(&browser, "#submitted-wording-heading + p + dl")
            .await
            .contains("require a separate documented procedure"),
        "the submitter's own words, kept"
    );
    browser.assert_accessible().await;
    // First the public page as it will read, then publish from it.
    browser
        .follow("form[action$='/publish'] button[name=preview]")
        .await;
    assert!(
        seen(&browser, "#preview-notice")
            .await
            .starts_with("Preview: not published yet")
    );
    assert!(
        seen(&browser, "#cite-heading + .code")
            .await
            .contains(&reference)
    );
    browser.assert_accessible().await;
    let landed = browser.follow("#preview-notice button[type=submit]").await;
    assert!(landed.ends_with(&page), "{landed}");
    assert_eq!(seen(&browser, ".badge--state").await, "Published");
    assert_eq!(
        count(
            &browser,
            "form[action$='/publish'], form[action$='/send-back']"
        )
        .await,
        0,
        "a published decision is neither published again nor sent back"
    );
    browser.assert_accessible().await;
    browser.follow(".breadcrumbs a[href='/workspace']").await;
    assert_eq!(
        seen(&browser, "#queue-heading").await,
        "Waiting for you (0)"
    );
    sign_out(&browser).await;

    // 6. A visitor finds it by a word of the answer, from the home page.
    browser.goto(&app.url("/")).await;
    browser.assert_accessible().await;
    browser.fill("#home-search", "names").await;
    let landed = browser.follow(".search-form button").await;
    assert!(landed.ends_with("/clarifications?q=names"), "{landed}");
    let first = seen(&browser, ".result-list > li:first-child p.meta").await;
    assert!(first.starts_with(&reference), "{first}");
    assert_eq!(browser.text(".snippet mark").await, "names");
    browser.assert_accessible().await;
    let landed = browser.follow(".result-list > li:first-child h3 a").await;
    assert!(
        landed.ends_with(&format!("/clarifications/{reference}")),
        "{landed}"
    );
    assert_eq!(browser.text("h1").await, "ISO/IEC 17025:2017, clause 7.2.1");
    assert_eq!(
        seen(&browser, "#answer-heading + .prose").await,
        FINAL_ANSWER
    );
    let public = seen(&browser, "main").await;
    assert!(
        public.contains(PUBLIC_QUESTION),
        "the public wording is published"
    );
    assert!(!public.contains("a separate"), "the submitter's is not");
    browser.assert_accessible().await;
    browser.follow(".breadcrumbs li:nth-child(2) a").await;
    assert_eq!(browser.text("h1").await, "ISO/IEC 17025:2017");
    assert!(seen(&browser, "table").await.contains("7.2.1"));
    assert_eq!(
        count(
            &browser,
            &format!("table a[href='/clarifications/{reference}']")
        )
        .await,
        1
    );
    browser.assert_accessible().await;
    // The standard's feed, as a feed reader fetches it from the page's link.
    let feed_path = browser
        .execute(
            "return document.querySelector('a[href$=\".atom\"]').getAttribute('href')",
            vec![],
        )
        .await;
    let feed_path = feed_path.as_str().expect("a feed link").to_owned();
    assert_eq!(feed_path, "/feeds/standards/iso-iec-17025-2017.atom");
    browser.close().await;
    let body = app.get(&feed_path).await.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).expect("an Atom feed");
    let permalink = app.url(&format!("/clarifications/{reference}"));
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(feed.entries[0].id, permalink);
    assert_eq!(feed.entries[0].links[0].href, permalink);

    // 7. What was stored, and what the submitter heard.
    let (state, answer, consider): (String, Option<String>, bool) = requests::table
        .select((
            requests::state,
            requests::answer,
            requests::consider_at_revision,
        ))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(state, "published");
    assert_eq!(answer.as_deref(), Some(FINAL_ANSWER));
    assert!(consider);
    let responses: Vec<String> = opposition_responses::table
        .select(opposition_responses::response)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(responses, [RESPONSE]);
    let published = eventually(BOUND, || async {
        app.mail
            .to("ana.lima@lab.example")
            .into_iter()
            .find(|m| m.subject.ends_with("the answer is published"))
            .ok_or("no \"the answer is published\" mail reached the submitter".to_owned())
    })
    .await;
    assert!(
        published.subject.contains(&reference),
        "{}",
        published.subject
    );
    assert!(
        published
            .text
            .contains(&app.url(&format!("/clarifications/{reference}")))
    );
    eprintln!(
        "the workspace path on {backend:?} took {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
