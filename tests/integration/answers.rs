//! Every action answers (issue 20, items 4 and 7): after each post the page
//! it redirects to says what happened, once; a refresh sends nothing again
//! and shows nothing again; a banner cannot be forged or replayed. And the
//! words that match: sign-out in one click, the first account signed in, a
//! spent setup link, the publisher in citations, the standards by
//! designation.

use chrono::TimeDelta;
use clarion::workflow::accounts::issue_setup_link;

use crate::browser_workspace::seen;
use crate::consensus::DRAFT;
use crate::support::app::{Backend, PASSWORD, Person, TestApp, csrf_token_in, text_of};
use crate::support::browser::Browser;
use crate::support::journey::{file_request, press_confirm, valid_form};
use crate::support::workspace::{act, screened_world};
use crate::{in_a_browser, on_both_databases};

on_both_databases!(
    each_workspace_action_redirects_and_says_what_it_did_once,
    a_registry_edit_says_what_it_did_once,
    a_forged_replayed_or_stale_banner_shows_nothing,
    the_submitter_sees_the_reference_on_confirming,
    sign_out_is_one_button_in_the_header,
    the_first_account_is_signed_in_and_its_link_then_says_so,
    the_citation_names_the_publisher,
    the_request_form_lists_standards_by_designation,
);
in_a_browser!(the_banner_reads_well_on_a_desktop_and_a_phone,);

/// Asserts the post-redirect-get of one action: a 303 to `target`, whose
/// page shows the banner once. Returns the banner's words.
async fn answered(person: &Person, response: reqwest::Response, target: &str) -> String {
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    assert_eq!(response.headers()["location"], target);
    let (status, page) = person.page(target).await;
    assert_eq!(status, 200);
    let banner = text_of(&page, "#banner").expect("a banner after the action");
    let (_, again) = person.page(target).await;
    assert_eq!(text_of(&again, "#banner"), None, "a refresh shows it again");
    banner
}

async fn each_workspace_action_redirects_and_says_what_it_did_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let page = format!("/workspace/requests/{reference}");
    let sam = app.signed_in("sam@example.org").await;
    let carla = app.signed_in("carla@example.org").await;
    let mia = app.signed_in("mia@example.org").await;

    let accepted = act(&sam, &reference, "accept", &[]).await;
    assert_eq!(
        answered(&sam, accepted, &page).await,
        "Accepted for MG 17025; the convenor has been told."
    );
    let commented = act(&mia, &reference, "comments", &[("body", "Seen.")]).await;
    assert_eq!(
        answered(&mia, commented, &page).await,
        "Your comment was added."
    );
    let opened = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(
        answered(&carla, opened, &page).await,
        "The round is open; the voters have been told."
    );
    let voted = act(
        &mia,
        &reference,
        "vote",
        &[("position", "agree"), ("comment", "")],
    )
    .await;
    assert_eq!(
        answered(&mia, voted, &page).await,
        "Your vote was recorded."
    );
    let agree = [("position", "agree"), ("comment", "")];
    let carla_voted = act(&carla, &reference, "vote", &agree).await;
    answered(&carla, carla_voted, &page).await;
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert!(
        answered(&carla, decided, &page)
            .await
            .starts_with("Consensus recorded;")
    );
    let published = act(&sam, &reference, "publish", &[]).await;
    assert_eq!(
        answered(&sam, published, &page).await,
        "Published; the submitter and the followers of the standard have been told."
    );
    let marked = act(
        &sam,
        &reference,
        "mark",
        &[
            ("reason", "incorporated"),
            ("standard", "iso-iec-17025-2005"),
            ("clause", "7.2.1.3"),
            ("note", "Now clause 7.2.1.3."),
        ],
    )
    .await;
    assert!(
        answered(&sam, marked, &page)
            .await
            .starts_with("The mark was recorded")
    );

    // A refused action answers with the page itself (no redirect) and no banner.
    let refused = act(&sam, &reference, "publish", &[]).await;
    assert_eq!(refused.status(), 409);
    assert_eq!(text_of(&refused.text().await.unwrap(), "#banner"), None);

    // The screening actions on a second request.
    let (second, _) = second_request(&app).await;
    let second_page = format!("/workspace/requests/{second}");
    let asked = act(&sam, &second, "ask", &[("note", "Which method?")]).await;
    assert!(
        answered(&sam, asked, &second_page)
            .await
            .starts_with("Your question was sent to the submitter")
    );
}

/// Files and confirms one more request; its reference and tracking path.
async fn second_request(app: &TestApp) -> (String, String) {
    let confirm = file_request(app, &valid_form()).await;
    let tracking = press_confirm(app, &confirm).await.headers()["location"]
        .to_str()
        .unwrap()
        .to_owned();
    let (_, page) = app.page(&tracking).await;
    (text_of(&page, "h1").unwrap(), tracking)
}

async fn a_registry_edit_says_what_it_did_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    let sam = app.signed_in("sam@example.org").await;
    let saved = sam
        .submit_form(
            "/admin/standards/iso-iec-17025-2017/edit",
            "/admin/standards/iso-iec-17025-2017",
            &[
                ("title", "Testing and calibration laboratories"),
                ("group", &app.group_id("MG 17025")),
            ],
        )
        .await;
    assert_eq!(
        answered(&sam, saved, "/admin/standards").await,
        "The standard was saved."
    );
    let added = sam
        .submit_form(
            "/admin/groups/new",
            "/admin/groups",
            &[("code", "MG 17099"), ("name", "Guidance on testing")],
        )
        .await;
    assert!(
        answered(&sam, added, "/admin/groups")
            .await
            .starts_with("The group was added.")
    );
}

/// The flash cookie a response sets, as `name=value`.
fn flash_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("clarion_flash="))
        .and_then(|v| v.split(';').next())
        .expect("the post sets a banner")
        .to_owned()
}

async fn a_forged_replayed_or_stale_banner_shows_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let confirm = file_request(&app, &valid_form()).await;
    let confirmed = press_confirm(&app, &confirm).await;
    let tracking = confirmed.headers()["location"].to_str().unwrap().to_owned();
    let genuine = flash_cookie(&confirmed);
    let (_, mac) = genuine.split_once('.').unwrap();

    // Another browser: the genuine cookie, then one claiming another
    // outcome under the genuine MAC, then made-up bytes.
    let stranger = reqwest::Client::new();
    let forged_body = hex::encode(br#"{"done":"Published","at":0}"#);
    for cookie in [
        genuine.clone(),
        format!("clarion_flash={forged_body}.{mac}"),
        "clarion_flash=not-a-banner".to_owned(),
    ] {
        let page = stranger
            .get(app.url(&tracking))
            .header("cookie", &cookie)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("Your clarification request"),
            "the tracking page"
        );
        assert_eq!(text_of(&page, "#banner"), None, "{cookie}");
    }

    // The same browser, after the banner's minute has passed.
    app.clock.advance(TimeDelta::minutes(2));
    let (status, page) = app.page(&tracking).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&page, "#banner"), None);
}

async fn the_submitter_sees_the_reference_on_confirming(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let confirm = file_request(&app, &valid_form()).await;
    let confirmed = press_confirm(&app, &confirm).await;
    assert_eq!(confirmed.status(), 303);
    let tracking = confirmed.headers()["location"].to_str().unwrap().to_owned();
    let (_, page) = app.page(&tracking).await;
    let reference = text_of(&page, "h1").unwrap();
    assert!(reference.starts_with("CR-"), "{reference}");
    assert!(
        text_of(&page, "#banner")
            .unwrap()
            .starts_with(&format!("Request sent — reference {reference}.")),
    );
    assert_eq!(text_of(&app.page(&tracking).await.1, "#banner"), None);

    // Pressing the button again (from a page left open) changes nothing
    // and leads to the link's page, which says it was confirmed.
    let token = csrf_token_in(&app.page("/requests/new").await.1);
    let again = app.post_form(&confirm, &[("csrf_token", &token)]).await;
    assert_eq!(again.status(), 303);
    assert_eq!(again.headers()["location"], confirm.as_str());
    let (status, page) = app.page(&confirm).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "This request is already confirmed"
    );
}

async fn sign_out_is_one_button_in_the_header(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    let sam = app.signed_in("sam@example.org").await;
    let (_, queue) = sam.page("/workspace").await;
    let button = text_of(&queue, ".site-account form[action='/logout'] button").unwrap();
    assert_eq!(button, "Sign out");

    // Without its token the button is refused and Sam stays signed in.
    let forged = sam.post_form("/logout", &[("csrf_token", "forged")]).await;
    assert_eq!(forged.status(), 403);
    assert_eq!(sam.page("/workspace").await.0, 200);

    let token = csrf_token_in(&queue);
    let out = sam.post_form("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(answered(&sam, out, "/login").await, "You are signed out.");
    let after = sam.get("/workspace").await;
    assert_eq!(after.status(), 303, "signed out");
    // GET /logout changes nothing: it sends the signed-out to sign in.
    assert_eq!(sam.get("/logout").await.headers()["location"], "/login");
}

async fn the_first_account_is_signed_in_and_its_link_then_says_so(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let link = issue_setup_link(&mut app.db(), &app.address, app.clock.now())
        .unwrap()
        .unwrap();
    let path = link.strip_prefix(&app.address).unwrap().to_owned();
    let maria = Person::new(&app.address);
    let created = maria
        .submit_form(
            &path,
            &path,
            &[
                ("name", "Maria Secretariat"),
                ("email", "maria@example.org"),
                ("password", "a long enough passphrase"),
                ("password_confirmation", "a long enough passphrase"),
            ],
        )
        .await;
    let banner = answered(&maria, created, "/workspace").await;
    assert!(banner.contains("you are signed in"), "{banner}");
    let (_, queue) = maria.page("/workspace").await;
    assert!(
        text_of(&queue, ".site-account")
            .unwrap()
            .contains("Maria Secretariat")
    );

    // Used twice, by anyone: not a 404, but the way to sign in.
    for person in [&maria, &Person::new(&app.address)] {
        let (status, page) = person.page(&path).await;
        assert_eq!(status, 410);
        assert_eq!(
            text_of(&page, "h1").unwrap(),
            "This setup link was already used — sign in"
        );
        assert!(page.contains(r#"href="/login""#));
    }
    assert_eq!(app.page("/setup/0000").await.0, 404, "a made-up link");
}

async fn the_citation_names_the_publisher(backend: Backend) {
    let app =
        TestApp::spawn_with(backend, &[("CLARION_PUBLISHER", "ISO/CASCO WG 99".into())]).await;
    let (reference, _) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    act(&sam, &reference, "accept", &[]).await;
    let carla = app.signed_in("carla@example.org").await;
    act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    for email in ["carla@example.org", "mia@example.org"] {
        let voter = app.signed_in(email).await;
        act(
            &voter,
            &reference,
            "vote",
            &[("position", "agree"), ("comment", "")],
        )
        .await;
    }
    act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    let (_, page) = app.page(&format!("/clarifications/{reference}")).await;
    let citation = text_of(&page, "[aria-labelledby=cite-heading] .code").unwrap();
    assert!(
        citation.starts_with(&format!(
            "ISO/CASCO WG 99, ISO/IEC 17025:2017 Clarification 1 ({reference}), clause"
        )),
        "{citation}"
    );
    assert!(!citation.contains("Clarion"), "{citation}");
}

async fn the_request_form_lists_standards_by_designation(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, form) = app.page("/requests/new").await;
    let document = scraper::Html::parse_document(&form);
    let options = scraper::Selector::parse("#field-standard option").unwrap();
    let labels: Vec<String> = document
        .select(&options)
        .map(|o| o.text().collect::<String>())
        .skip(1)
        .collect();
    assert!(labels.len() > 5, "{labels:?}");
    let designations: Vec<&str> = labels
        .iter()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let position = |d: &str| designations.iter().position(|x| *x == d).unwrap();
    assert!(position("ISO/IEC 17000") < position("ISO/IEC 17020"));
    assert!(position("ISO/IEC 17020") < position("ISO/IEC 17025"));
    assert!(position("ISO/IEC 17025") < position("ISO/IEC 17065"));
    let no_groups = scraper::Selector::parse("#field-standard optgroup").unwrap();
    assert_eq!(document.select(&no_groups).count(), 0, "no internal groups");
    assert!(
        labels
            .iter()
            .all(|l| !l.contains("Conformity assessment —")),
        "short labels: {labels:?}"
    );
}

/// Accepting in a browser: the request page comes back with the banner,
/// accessible, at 1280 and 390 px (screenshots under target/screenshots).
async fn the_banner_reads_well_on_a_desktop_and_a_phone(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for (width, window) in [
        (1280, "--window-size=1280,1000"),
        (390, "--window-size=390,844"),
    ] {
        let (reference, _) = if width == 1280 {
            screened_world(&app).await
        } else {
            second_request(&app).await
        };
        let browser = Browser::open_with(&[window]).await;
        browser.goto(&app.url("/login")).await;
        browser.fill("#field-email", "sam@example.org").await;
        browser.fill("#field-password", PASSWORD).await;
        browser
            .follow("form[action='/login'] button[type=submit]")
            .await;
        browser
            .goto(&app.url(&format!("/workspace/requests/{reference}")))
            .await;
        browser.click("#choice-accept").await;
        let landed = browser.follow("#screening button[type=submit]").await;
        assert!(landed.ends_with(&format!("/workspace/requests/{reference}")));
        assert_eq!(
            seen(&browser, "#banner").await,
            "Accepted for MG 17025; the convenor has been told."
        );
        browser.assert_accessible().await;
        browser
            .screenshot(shots.join(format!("banner-{width}.png")))
            .await;
        browser.close().await;
    }
}
