//! Following a standard by e-mail (issue 5, item 5): double opt-in, news of
//! each publication and each mark to confirmed followers only, one message
//! per person with a working unsubscribe link and `List-Unsubscribe` header,
//! and addresses that stay private.

use chrono::{NaiveDateTime, TimeDelta};
use clarion::db::schema::subscriptions;
use diesel::prelude::*;

use crate::languages::reader_of;
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::outbox_count;
use crate::support::smtp::ReceivedMail;
use crate::support::workspace::{act, screened_world};
use crate::translations::{ANSWER_FR, entered};

const FOLLOW: &str = "/standards/iso-iec-17025-2017/subscribe";
const SENT: &str = "/standards/iso-iec-17025-2017/subscribe/sent";
const ANSWER: &str = "Yes. One procedure may cover several methods if it addresses each of them.";

on_both_databases!(
    a_mistyped_address_is_refused_and_nothing_is_stored,
    following_takes_the_button_behind_the_mailed_link,
    asking_again_looks_the_same_whoever_already_follows,
    confirmed_followers_alone_hear_of_a_publication_and_its_marks,
    one_click_in_the_mail_program_stops_the_messages,
    unconfirmed_addresses_expire_and_are_erased,
    many_addresses_from_one_place_are_throttled,
    followers_are_mailed_an_answer_without_its_remote_images,
    a_follower_reading_french_is_mailed_the_french_version,
);

/// Sends the follow form of ISO/IEC 17025:2017 as `person`.
async fn follow(person: &Person, email: &str) -> reqwest::Response {
    person
        .submit_form(FOLLOW, FOLLOW, &[("email", email), ("website", "")])
        .await
}

/// The mails `address` received whose subject contains `subject`, once
/// `count` of them have arrived.
async fn mail_to(app: &TestApp, address: &str, subject: &str, count: usize) -> Vec<ReceivedMail> {
    let matching = || -> Vec<ReceivedMail> {
        app.mail
            .to(address)
            .into_iter()
            .filter(|m| m.subject.contains(subject))
            .collect()
    };
    eventually(BOUND, || async {
        let found = matching();
        if found.len() >= count {
            return Ok(found);
        }
        let subjects: Vec<String> = app.mail.received().into_iter().map(|m| m.subject).collect();
        Err(format!(
            "expected {count} mail to {address} about {subject:?}: {subjects:?}"
        ))
    })
    .await
}

/// The path of the newest confirmation link mailed to `address`.
async fn confirmation_link(app: &TestApp, address: &str, count: usize) -> String {
    confirmation_link_in(app, address, "Confirm that you want to follow", count).await
}

/// As [`confirmation_link`], of a mail whose subject says `subject`.
async fn confirmation_link_in(app: &TestApp, address: &str, subject: &str, count: usize) -> String {
    let mail = mail_to(app, address, subject, count).await;
    let link = mail[count - 1]
        .links()
        .into_iter()
        .find(|l| l.contains("/subscriptions/confirm/"))
        .expect("a confirmation link");
    link.strip_prefix(&app.address).unwrap().to_owned()
}

/// Asks to follow the standard as `address` and presses the button.
async fn confirmed_follower(app: &TestApp, address: &str) {
    assert_eq!(follow(&app.visitor, address).await.status(), 303);
    let link = confirmation_link(app, address, 1).await;
    let (_, page) = app.page(&link).await;
    let response = app
        .post_form(&link, &[("csrf_token", &csrf_token_in(&page))])
        .await;
    assert_eq!(response.status(), 303);
}

/// Each stored subscription: address and when it was confirmed.
fn stored(app: &TestApp) -> Vec<(String, Option<NaiveDateTime>)> {
    subscriptions::table
        .select((subscriptions::email, subscriptions::confirmed_at))
        .order(subscriptions::email)
        .load(&mut app.db())
        .unwrap()
}

/// A request on ISO/IEC 17025:2017 taken to a decision; returns its
/// reference and the secretariat, who may publish it.
async fn decided(app: &TestApp) -> (String, Person) {
    decided_with(app, ANSWER).await
}

/// As [`decided`], with this answer.
async fn decided_with(app: &TestApp, answer: &str) -> (String, Person) {
    let (reference, _) = screened_world(app).await;
    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let opened = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", answer), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);
    // Every voter agrees, so the round may close before its deadline.
    for voter in ["carla@example.org", "mia@example.org"] {
        let voter = app.signed_in(voter).await;
        let agree = [("position", "agree"), ("comment", "")];
        assert_eq!(act(&voter, &reference, "vote", &agree).await.status(), 303);
    }
    let decided = act(&carla, &reference, "consensus", &[("final_answer", answer)]).await;
    assert_eq!(decided.status(), 303);
    (reference, sam)
}

async fn a_mistyped_address_is_refused_and_nothing_is_stored(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, page) = app.page(FOLLOW).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "Follow ISO/IEC 17025:2017 by e-mail"
    );
    assert!(
        text_of(&page, "#email-hint")
            .unwrap()
            .contains("never shown to anyone")
    );

    let response = follow(&app.visitor, "ana.lima@").await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    assert_eq!(
        text_of(&page, ".error-summary h2").unwrap(),
        "There is a problem"
    );
    assert_eq!(
        text_of(&page, ".error-summary li").unwrap(),
        "Enter an e-mail address in the form name@example.org."
    );
    assert!(page.contains(r##"<a href="#field-email">"##));
    assert!(page.contains(r#"id="email-error""#));
    assert!(page.contains(r#"value="ana.lima@""#), "the input is kept");
    assert!(stored(&app).is_empty());
    assert_eq!(outbox_count(&app), 0);

    // A robot filling the hidden field is told all went well, and nothing is.
    let robot = app
        .submit_form(
            FOLLOW,
            FOLLOW,
            &[
                ("email", "bot@spam.example"),
                ("website", "http://spam.example"),
            ],
        )
        .await;
    assert_eq!(robot.status(), 303);
    assert_eq!(robot.headers()["location"], SENT);
    assert!(stored(&app).is_empty());
    assert_eq!(outbox_count(&app), 0);

    // No such standard: nothing to follow.
    assert_eq!(app.page("/standards/iso-9999-2001/subscribe").await.0, 404);
    let response = app
        .submit_form(
            FOLLOW,
            "/standards/iso-9999-2001/subscribe",
            &[("email", "ana@lab.example")],
        )
        .await;
    assert_eq!(response.status(), 404);
    assert!(stored(&app).is_empty());
}

async fn following_takes_the_button_behind_the_mailed_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let response = follow(&app.visitor, " Fay@Follow.example ").await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], SENT);
    let (status, sent) = app.page(SENT).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&sent, "h1").unwrap(), "Check your e-mail");
    assert_eq!(stored(&app), [("fay@follow.example".to_owned(), None)]);

    let link = confirmation_link(&app, "fay@follow.example", 1).await;
    let mail = &app.mail.to("fay@follow.example")[0];
    assert_eq!(
        mail.subject,
        "Confirm that you want to follow ISO/IEC 17025:2017"
    );
    assert!(mail.html.contains(&app.url(&link)));
    assert!(
        mail.header("List-Unsubscribe").is_none(),
        "nothing to stop yet"
    );

    // Opening the link (as a mail scanner would) changes nothing.
    let (status, page) = app.page(&link).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&page, "h1").unwrap(), "Follow ISO/IEC 17025:2017?");
    assert_eq!(stored(&app)[0].1, None);

    let token = csrf_token_in(&page);
    let response = app.post_form(&link, &[("csrf_token", &token)]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], link.as_str());
    let confirmed_at = stored(&app)[0].1.expect("confirmed");
    let (status, page) = app.page(&link).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "You now follow ISO/IEC 17025:2017"
    );
    assert!(page.contains("/subscriptions/unsubscribe/"));

    // Pressing again is harmless.
    let again = app.post_form(&link, &[("csrf_token", &token)]).await;
    assert_eq!(again.status(), 303);
    assert_eq!(stored(&app)[0].1, Some(confirmed_at));

    // A made-up link, or one without the form's token, confirms nothing.
    assert_eq!(
        app.page("/subscriptions/confirm/0123456789abcdef0123456789abcdef")
            .await
            .0,
        404
    );
    assert_eq!(app.page("/subscriptions/confirm/junk").await.0, 404);
    assert_eq!(app.post_form(&link, &[]).await.status(), 403);
}

async fn asking_again_looks_the_same_whoever_already_follows(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    confirmed_follower(&app, "fay@follow.example").await;

    let mut answers = Vec::new();
    for address in ["fay@follow.example", "gus@follow.example"] {
        let response = follow(&app.visitor, address).await;
        let location = response.headers()["location"].to_str().unwrap().to_owned();
        let status = response.status();
        let (_, page) = app.page(&location).await;
        answers.push((status, location, page));
    }
    assert_eq!(answers[0], answers[1], "a follower looks like a newcomer");
    assert!(!answers[0].2.contains("follow.example"));

    // The newcomer gets a link; the follower is not mailed again.
    confirmation_link(&app, "gus@follow.example", 1).await;
    app.run_worker_once().await;
    assert_eq!(app.mail.to("fay@follow.example").len(), 1);

    // A pending address asking again gets a fresh link that works.
    assert_eq!(
        follow(&app.visitor, "gus@follow.example").await.status(),
        303
    );
    let second = confirmation_link(&app, "gus@follow.example", 2).await;
    let (status, page) = app.page(&second).await;
    assert_eq!(status, 200);
    assert!(page.contains(">Follow ISO/IEC 17025:2017</button>"));
    assert_eq!(stored(&app).len(), 2, "one row per address and standard");
}

async fn confirmed_followers_alone_hear_of_a_publication_and_its_marks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, sam) = decided(&app).await;
    confirmed_follower(&app, "fay@follow.example").await;
    confirmed_follower(&app, "hal@follow.example").await;
    // The submitter follows the standard too: two messages about one event.
    confirmed_follower(&app, "ana.lima@lab.example").await;
    assert_eq!(
        follow(&app.visitor, "gus@follow.example").await.status(),
        303
    );
    confirmation_link(&app, "gus@follow.example", 1).await;

    let published = act(
        &sam,
        &reference,
        "publish",
        &[("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(published.status(), 303);
    let subject = format!("{reference}: new clarification of ISO/IEC 17025:2017, clause 7.2.1");
    let mail = mail_to(&app, "fay@follow.example", &subject, 1).await;
    let news = &mail[0];
    assert_eq!(news.envelope_to, ["fay@follow.example"]);
    assert_eq!(news.to, "fay@follow.example");
    assert!(!news.raw.contains("hal@follow.example"));
    assert!(!news.raw.contains("gus@follow.example"));
    assert!(
        news.links()
            .contains(&app.url(&format!("/clarifications/{reference}")))
    );
    assert!(news.text.contains(ANSWER));
    assert!(news.text.contains("has no binding effect"));
    let unsubscribe = news.header("List-Unsubscribe").expect("List-Unsubscribe");
    let unsubscribe = unsubscribe.trim_matches(['<', '>']);
    assert!(unsubscribe.starts_with(&app.url("/subscriptions/unsubscribe/")));
    assert_eq!(
        news.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    assert!(
        news.links().contains(&unsubscribe.to_owned()),
        "in the text"
    );
    assert!(news.html.contains(unsubscribe), "in the HTML");

    let to_hal = mail_to(&app, "hal@follow.example", &subject, 1).await;
    assert_ne!(
        to_hal[0].header("List-Unsubscribe").unwrap(),
        news.header("List-Unsubscribe").unwrap(),
        "everyone has their own link"
    );
    let to_ana = app.mail.to("ana.lima@lab.example");
    assert!(
        to_ana
            .iter()
            .any(|m| m.subject.ends_with("the answer is published"))
    );
    mail_to(&app, "ana.lima@lab.example", &subject, 1).await;

    let marked = act(
        &sam,
        &reference,
        "mark",
        &[
            ("reason", "superseded"),
            // Any other edition of the registry will do for the mark.
            ("standard", "iso-iec-17025-2005"),
            (
                "note",
                "Replaced by the answer on clause 7.2.1 of the 2027 edition.",
            ),
        ],
    )
    .await;
    assert_eq!(marked.status(), 303);
    let subject = format!("{reference} of ISO/IEC 17025:2017: superseded");
    let mark = &mail_to(&app, "fay@follow.example", &subject, 1).await[0];
    assert!(
        mark.text
            .contains("Replaced by the answer on clause 7.2.1 of the 2027 edition.")
    );
    assert!(
        mark.text
            .contains("marked a clarification of ISO/IEC 17025:2017 as superseded")
    );
    assert!(mark.header("List-Unsubscribe").is_some());
    assert!(mark.links().contains(&unsubscribe.to_owned()));
    mail_to(&app, "hal@follow.example", &subject, 1).await;

    app.run_worker_once().await;
    assert!(
        app.mail.to("gus@follow.example").len() == 1,
        "an unconfirmed address hears nothing but its confirmation link"
    );

    // No public page shows who follows.
    for path in [
        "/".to_owned(),
        "/standards".to_owned(),
        "/standards/iso-iec-17025-2017".to_owned(),
        "/clarifications".to_owned(),
        format!("/clarifications/{reference}"),
        FOLLOW.to_owned(),
        SENT.to_owned(),
    ] {
        let (status, page) = app.page(&path).await;
        assert_eq!(status, 200, "{path}");
        assert!(!page.contains("follow.example"), "{path} shows a follower");
    }
}

async fn one_click_in_the_mail_program_stops_the_messages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, sam) = decided(&app).await;
    confirmed_follower(&app, "fay@follow.example").await;
    confirmed_follower(&app, "hal@follow.example").await;
    act(&sam, &reference, "publish", &[]).await;
    let subject = format!("{reference}: new clarification");
    let news = &mail_to(&app, "fay@follow.example", &subject, 1).await[0];
    let fay_stops = news.header("List-Unsubscribe").unwrap();
    let fay_stops = fay_stops.trim_matches(['<', '>']).to_owned();
    let hal_stops = mail_to(&app, "hal@follow.example", &subject, 1).await[0]
        .header("List-Unsubscribe")
        .unwrap();
    let hal_stops = hal_stops.trim_matches(['<', '>']).to_owned();

    // A link altered by one character opens nothing and stops nothing.
    let mut tampered = hal_stops.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == '0' { '1' } else { '0' });
    let path = tampered.strip_prefix(&app.address).unwrap();
    assert_eq!(app.page(path).await.0, 404);
    assert_eq!(app.post_form(path, &[]).await.status(), 404);
    assert_eq!(stored(&app).len(), 2);

    // The mail program's one-click POST (RFC 8058): no cookie, no token.
    let response = reqwest::Client::new()
        .post(&fay_stops)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "You no longer receive messages about ISO/IEC 17025:2017"
    );
    let left = stored(&app);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, "hal@follow.example");
    // The link keeps working: the same answer, nothing to undo.
    let path = fay_stops.strip_prefix(&app.address).unwrap();
    let (status, page) = app.page(path).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "You no longer receive these messages"
    );
    assert_eq!(app.post_form(path, &[]).await.status(), 200);

    // Hal stops from the page: the link shows a button, which does it.
    let path = hal_stops.strip_prefix(&app.address).unwrap();
    let (status, page) = app.page(path).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "Stop following ISO/IEC 17025:2017?"
    );
    assert_eq!(stored(&app).len(), 1, "opening the link stops nothing");

    // Later news reaches Hal only.
    act(
        &sam,
        &reference,
        "mark",
        &[
            ("reason", "withdrawn"),
            ("note", "Answered differently now."),
        ],
    )
    .await;
    let subject = format!("{reference} of ISO/IEC 17025:2017: withdrawn");
    mail_to(&app, "hal@follow.example", &subject, 1).await;
    app.run_worker_once().await;
    assert!(
        app.mail
            .to("fay@follow.example")
            .iter()
            .all(|m| !m.subject.contains("withdrawn"))
    );

    let response = app.post_form(path, &[]).await;
    assert_eq!(response.status(), 200);
    assert!(stored(&app).is_empty());
}

async fn unconfirmed_addresses_expire_and_are_erased(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    confirmed_follower(&app, "fay@follow.example").await;
    assert_eq!(
        follow(&app.visitor, "gus@follow.example").await.status(),
        303
    );
    let link = confirmation_link(&app, "gus@follow.example", 1).await;

    app.clock.advance(TimeDelta::hours(73));
    let (status, page) = app.page(&link).await;
    assert_eq!(status, 404, "the link has expired");
    assert_eq!(text_of(&page, "h1").unwrap(), "This link no longer works");
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("works for 72 hours")
    );
    assert!(
        page.contains(r#"href="/standards""#),
        "leads back to follow again"
    );
    let erased =
        clarion::workflow::subscriptions::erase_unconfirmed(&mut app.db(), app.clock.now())
            .unwrap();
    assert_eq!(erased, 1);
    let left = stored(&app);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].0, "fay@follow.example", "followers stay");
}

async fn many_addresses_from_one_place_are_throttled(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let limit = clarion::workflow::subscriptions::PER_CLIENT_PER_HOUR;
    for n in 0..limit {
        let response = follow(&app.visitor, &format!("person{n}@follow.example")).await;
        assert_eq!(response.status(), 303);
    }
    let response = follow(&app.visitor, "one.more@follow.example").await;
    assert_eq!(response.status(), 429);
    let page = response.text().await.unwrap();
    assert!(
        text_of(&page, ".notice--error")
            .unwrap()
            .contains("wait an hour")
    );
    assert!(page.contains(r#"value="one.more@follow.example""#));
    assert_eq!(stored(&app).len(), limit as usize);
}

async fn followers_are_mailed_an_answer_without_its_remote_images(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let answer = "Yes: see ![the flow chart](https://tracker.example/pixel.png) and \
                  [the guide](https://guide.example/methods).";
    let (reference, sam) = decided_with(&app, answer).await;
    confirmed_follower(&app, "fay@follow.example").await;
    let published = act(&sam, &reference, "publish", &[]).await;
    assert_eq!(published.status(), 303);
    let mail = mail_to(&app, "fay@follow.example", "new clarification", 1).await;
    let news = &mail[0];
    assert!(!news.html.contains("<img"), "{}", news.html);
    assert!(news.html.contains("https://guide.example/methods"));
    assert!(news.text.contains("https://guide.example/methods"));
    // The submitter hears of it too, without an image either.
    let told = mail_to(&app, "ana.lima@lab.example", "the answer is published", 1).await;
    assert!(!told[0].html.contains("<img"), "{}", told[0].html);
}

async fn a_follower_reading_french_is_mailed_the_french_version(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, sam) = decided(&app).await;
    // Fay follows the standard from a French page, Hal from an English one.
    let fay = reader_of(&app, "fr-BE");
    assert_eq!(follow(&fay, "fay@follow.example").await.status(), 303);
    let link = confirmation_link_in(&app, "fay@follow.example", "Confirmez", 1).await;
    let (_, page) = fay.page(&link).await;
    let confirmed = fay
        .post_form(&link, &[("csrf_token", &csrf_token_in(&page))])
        .await;
    assert_eq!(confirmed.status(), 303);
    confirmed_follower(&app, "hal@follow.example").await;

    // The French version is entered before publication.
    entered(&sam, &reference).await;
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);

    let news = &mail_to(&app, "fay@follow.example", &reference, 1).await[0];
    for body in [&news.text, &news.html] {
        assert!(body.contains(ANSWER_FR), "{body}");
        assert!(body.contains("Traduit de l’anglais"), "{body}");
        assert!(!body.contains(ANSWER), "{body}");
    }
    let news = &mail_to(&app, "hal@follow.example", &reference, 1).await[0];
    assert!(news.text.contains(ANSWER), "{}", news.text);
    assert!(!news.text.contains(ANSWER_FR), "{}", news.text);
    assert!(!news.text.contains("Translated"), "{}", news.text);
}
