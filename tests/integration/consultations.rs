//! Liaison consultation (issue 23, item 1): the liaisons the secretariat
//! configured review each decided answer through a private link before it
//! is published; their comments wait for a response, or the answer goes
//! back to the group. With no liaison configured, nothing changes.

use chrono::TimeDelta;
use clarion::db::schema::{consultation_answers, consultations, liaison_contacts, organisations};
use diesel::prelude::*;

use crate::consensus::{DRAFT, balloting, everyone_agrees};
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::workspace::{act, state_of};

on_both_databases!(
    an_installation_without_liaisons_publishes_a_decision_at_once,
    each_liaison_address_gets_the_private_review_link_and_publication_waits,
    no_objection_from_every_liaison_allows_publication_before_the_period_ends,
    comments_reach_the_secretariat_and_hold_publication_until_responded,
    sending_back_returns_the_answer_to_the_group_and_the_next_decision_consults_again,
    a_liaison_that_has_not_answered_is_reminded_once_with_a_new_link,
    the_end_of_the_period_allows_publication_without_an_answer,
    abused_review_links_change_nothing,
    bad_input_is_shown_again_with_what_to_correct,
);

const REVIEW_SUBJECT: &str = "a clarification for your review before publication";
const IAF: [&str; 2] = ["clarifications@iaf.example", "secretary@iaf.example"];
pub const ILAC: &str = "liaison@ilac.example";
pub const COMMENTS: &str =
    "IAF MD documents read clause 7.2.1 as requiring one procedure per method.";

fn organisation_id(app: &TestApp, acronym: &str) -> String {
    organisations::table
        .filter(organisations::acronym.eq(acronym))
        .select(organisations::id)
        .first(&mut app.db())
        .unwrap()
}

/// The secretariat consults `acronym` at `email` on its admin page.
async fn consult(sam: &Person, app: &TestApp, acronym: &str, email: &str) -> reqwest::Response {
    let (_, page) = sam.page("/admin/consultation").await;
    sam.post_form(
        "/admin/consultation",
        &[
            ("csrf_token", &csrf_token_in(&page)),
            ("organisation", &organisation_id(app, acronym)),
            ("email", email),
        ],
    )
    .await
}

/// IAF (at two addresses) and ILAC (at one) are consulted.
async fn consult_iaf_and_ilac(app: &TestApp) {
    let sam = app.signed_in("sam@example.org").await;
    for (acronym, email) in [("IAF", IAF[0]), ("IAF", IAF[1]), ("ILAC", ILAC)] {
        assert_eq!(consult(&sam, app, acronym, email).await.status(), 303);
    }
    let (_, page) = sam.page("/admin/consultation").await;
    let listed = text_of(&page, "#consulted").unwrap();
    for address in [IAF[0], IAF[1], ILAC] {
        assert!(listed.contains(address), "{listed}");
    }
}

/// The convenor records consensus on the draft of the request's open round.
pub async fn decide(app: &TestApp, reference: &str) {
    everyone_agrees(app, reference).await;
    let carla = app.signed_in("carla@example.org").await;
    let consensus = act(&carla, reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(consensus.status(), 303);
    assert_eq!(state_of(app).0, "decided");
}

/// A request decided with IAF and ILAC consulted; its reference.
async fn decided_with_liaisons(app: &TestApp) -> String {
    let reference = balloting(app).await;
    consult_iaf_and_ilac(app).await;
    decide(app, &reference).await;
    reference
}

/// The review link mailed to `address` (its path), the `nth` one (from 1).
pub async fn review_link(app: &TestApp, address: &str, nth: usize) -> String {
    crate::support::eventually::eventually(crate::support::eventually::BOUND, || async {
        let links: Vec<String> = app
            .mail
            .to(address)
            .iter()
            .filter(|m| m.subject.ends_with(REVIEW_SUBJECT))
            .flat_map(|m| m.links())
            .filter(|l| l.contains("/consultation/"))
            .collect();
        links
            .get(nth - 1)
            .map(|l| l.trim_start_matches(&app.address).to_owned())
            .ok_or(format!("{} review links to {address}", links.len()))
    })
    .await
}

/// The liaison answers on its review page; the response.
async fn answer(app: &TestApp, link: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    // The browser's CSRF token from any form: the review page has none
    // once answered or over.
    let liaison = Person::new(&app.address);
    let (_, page) = liaison.page("/login").await;
    let mut sent = vec![("csrf_token", csrf_token_in(&page))];
    sent.extend(fields.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let sent: Vec<(&str, &str)> = sent.iter().map(|(k, v)| (*k, v.as_str())).collect();
    liaison.post_form(link, &sent).await
}

/// The liaison at `address` answers "no objection" through its first link.
pub async fn has_no_objection(app: &TestApp, address: &str) {
    let link = review_link(app, address, 1).await;
    let sent = answer(app, &link, &[("answer", "no_objection")]).await;
    assert_eq!(sent.status(), 303, "{address}");
}

async fn publish(app: &TestApp, reference: &str) -> (u16, String) {
    let sam = app.signed_in("sam@example.org").await;
    let response = act(
        &sam,
        reference,
        "publish",
        &[("consider_at_revision", "on")],
    )
    .await;
    (response.status().as_u16(), response.text().await.unwrap())
}

fn answers_recorded(app: &TestApp) -> Vec<(Option<String>, bool)> {
    consultation_answers::table
        .order(consultation_answers::id)
        .select((
            consultation_answers::comments,
            consultation_answers::answered_at.is_not_null(),
        ))
        .load(&mut app.db())
        .unwrap()
}

async fn an_installation_without_liaisons_publishes_a_decision_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = balloting(&app).await;
    decide(&app, &reference).await;
    app.run_worker_once().await;
    assert!(
        !app.mail
            .received()
            .iter()
            .any(|m| m.subject.ends_with(REVIEW_SUBJECT)),
        "nobody is consulted"
    );
    let count: i64 = consultations::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(count, 0);
    let sam = app.signed_in("sam@example.org").await;
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(text_of(&page, "#consultation").is_none());
    assert!(text_of(&page, "#publication-held").is_none());
    let (_, queue) = sam.page("/workspace").await;
    assert!(queue.contains("Publish or send back"));
    assert!(!queue.contains("with the liaisons"));
    let (_, admin) = sam.page("/admin/consultation").await;
    assert!(text_of(&admin, "#no-liaisons").is_some());
    assert_eq!(publish(&app, &reference).await.0, 303);
    assert_eq!(state_of(&app).0, "published");
}

async fn each_liaison_address_gets_the_private_review_link_and_publication_waits(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let iaf = review_link(&app, IAF[0], 1).await;
    assert_eq!(
        review_link(&app, IAF[1], 1).await,
        iaf,
        "one link per liaison"
    );
    let ilac = review_link(&app, ILAC, 1).await;
    assert_ne!(iaf, ilac);
    let mail = &app.mail.to(ILAC)[0];
    assert!(mail.subject.starts_with(&reference), "{}", mail.subject);
    assert!(mail.text.contains("ILAC"), "{}", mail.text);
    assert!(!mail.html.is_empty());
    // The link's token is stored only as its hash.
    let token = iaf.trim_start_matches("/consultation/");
    let hashes: Vec<String> = consultation_answers::table
        .select(consultation_answers::token_hash)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(hashes.len(), 2);
    assert!(hashes.contains(&clarion::models::tokens::hash(token)));
    assert!(!hashes.iter().any(|h| h == token));

    // The review page: the question and the decided answer.
    let (status, page) = app.page(&ilac).await;
    assert_eq!(status, 200);
    assert!(text_of(&page, "h1").unwrap().contains(&reference));
    assert!(text_of(&page, ".page-header").unwrap().contains("ILAC"));
    assert_eq!(text_of(&page, "#decided-answer").unwrap(), DRAFT);
    assert!(page.contains("Does clause"), "the question is shown");

    // Where it shows: the queue, the request page, the tracking page.
    let sam = app.signed_in("sam@example.org").await;
    let (_, queue) = sam.page("/workspace").await;
    assert!(
        queue.contains("The answer is with the liaisons until"),
        "{queue}"
    );
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&request_page, "#consultation-status")
            .unwrap()
            .starts_with("The answer is with the liaisons until")
    );
    let held = text_of(&request_page, "#publication-held").unwrap();
    assert!(held.contains("2 of them have not answered"), "{held}");
    let tracking = app.mail.link_to("ana.lima@lab.example", "/track/").await;
    let (_, track) = app.page(tracking.trim_start_matches(&app.address)).await;
    assert!(
        text_of(&track, "#with-liaisons")
            .unwrap()
            .starts_with("The answer is with the liaisons")
    );

    // Publishing now is refused, with why, and changes nothing.
    let (status, refused) = publish(&app, &reference).await;
    assert_eq!(status, 409);
    assert!(
        text_of(&refused, ".notice--error")
            .unwrap()
            .contains("Publication waits for the liaisons"),
        "{refused}"
    );
    assert_eq!(state_of(&app).0, "decided");
}

async fn no_objection_from_every_liaison_allows_publication_before_the_period_ends(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let iaf = review_link(&app, IAF[1], 1).await;
    let ilac = review_link(&app, ILAC, 1).await;
    assert_eq!(
        answer(&app, &iaf, &[("answer", "no_objection")])
            .await
            .status(),
        303
    );
    let (_, page) = app.page(&iaf).await;
    assert_eq!(
        text_of(&page, "#your-answer .notice-title").unwrap(),
        "IAF has no objection"
    );
    assert!(text_of(&page, "form[action^='/consultation/']").is_none());
    // Once: a second answer is refused and changes nothing.
    let again = answer(
        &app,
        &iaf,
        &[("answer", "comments"), ("comments", COMMENTS)],
    )
    .await;
    assert_eq!(again.status(), 409);
    assert!(again.text().await.unwrap().contains("has answered already"));
    assert_eq!(
        publish(&app, &reference).await.0,
        409,
        "ILAC has not answered"
    );
    assert_eq!(
        answer(&app, &ilac, &[("answer", "no_objection")])
            .await
            .status(),
        303
    );
    assert_eq!(answers_recorded(&app), [(None, true), (None, true)]);
    let sam = app.signed_in("sam@example.org").await;
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(text_of(&request_page, "#publication-held").is_none());
    let answers = text_of(&request_page, "#liaison-answers").unwrap();
    assert_eq!(answers.matches("no objection").count(), 2, "{answers}");
    assert_eq!(publish(&app, &reference).await.0, 303);
    assert_eq!(state_of(&app).0, "published");
}

async fn comments_reach_the_secretariat_and_hold_publication_until_responded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let iaf = review_link(&app, IAF[0], 1).await;
    let ilac = review_link(&app, ILAC, 1).await;
    let sent = answer(
        &app,
        &iaf,
        &[("answer", "comments"), ("comments", COMMENTS)],
    )
    .await;
    assert_eq!(sent.status(), 303);
    assert_eq!(
        answer(&app, &ilac, &[("answer", "no_objection")])
            .await
            .status(),
        303
    );
    let (_, page) = app.page(&iaf).await;
    assert_eq!(text_of(&page, "#your-comments").unwrap(), COMMENTS);

    // The secretariat and the convenor are mailed the comments.
    app.run_worker_once().await;
    for address in ["sam@example.org", "carla@example.org"] {
        let mail = app.mail.to(address);
        let commented = mail
            .iter()
            .find(|m| m.subject.contains("comments from IAF"))
            .unwrap_or_else(|| panic!("no comments mailed to {address}"));
        assert!(commented.text.contains(COMMENTS));
    }
    let sam = app.signed_in("sam@example.org").await;
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(
        text_of(&request_page, ".liaison-comments").unwrap(),
        COMMENTS
    );
    let (_, queue) = sam.page("/workspace").await;
    assert!(
        queue.contains("Respond to the liaisons' comments"),
        "{queue}"
    );

    let (status, refused) = publish(&app, &reference).await;
    assert_eq!(status, 409);
    assert!(
        refused.contains("Publication waits for a response to the comments of 1 liaison"),
        "{refused}"
    );

    // A response recorded, publication goes ahead; the liaison reads it.
    let response = "The group considered the IAF MD reading; the answer stands.";
    let liaison: String = consultation_answers::table
        .filter(consultation_answers::comments.is_not_null())
        .select(consultation_answers::id)
        .first(&mut app.db())
        .unwrap();
    let recorded = act(
        &sam,
        &reference,
        "liaison-responses",
        &[("liaison", &liaison), ("response", response)],
    )
    .await;
    assert_eq!(recorded.status(), 303);
    let (_, page) = app.page(&iaf).await;
    assert!(text_of(&page, "#response").unwrap().contains(response));
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(
        text_of(&request_page, ".liaison-response").unwrap(),
        response
    );
    assert_eq!(publish(&app, &reference).await.0, 303);

    // The case file keeps the review for an appeal: who said what, and
    // who responded.
    let (_, case) = sam
        .page(&format!("/workspace/requests/{reference}/case"))
        .await;
    let consulted = text_of(&case, "#case-consultations").unwrap();
    assert!(consulted.contains("Consultation 1"), "{consulted}");
    assert!(consulted.contains(COMMENTS));
    assert!(consulted.contains(response));
    let sam_name: String = clarion::db::schema::users::table
        .filter(clarion::db::schema::users::email.eq("sam@example.org"))
        .select(clarion::db::schema::users::name)
        .first(&mut app.db())
        .unwrap();
    assert!(
        consulted.contains(&format!("Response by {sam_name}")),
        "{consulted}"
    );
    let (_, json) = sam
        .page(&format!("/workspace/requests/{reference}/case.json"))
        .await;
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let answers = json["consultations"][0]["answers"].as_array().unwrap();
    let iaf_answer = answers
        .iter()
        .find(|a| a["comments"] == COMMENTS)
        .expect("IAF's comments in the JSON case file");
    assert_eq!(iaf_answer["response"], response);
    assert_eq!(iaf_answer["responded_by_name"], sam_name.as_str());
}

async fn sending_back_returns_the_answer_to_the_group_and_the_next_decision_consults_again(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let iaf = review_link(&app, IAF[0], 1).await;
    let ilac = review_link(&app, ILAC, 1).await;
    let sent = answer(
        &app,
        &iaf,
        &[("answer", "comments"), ("comments", COMMENTS)],
    )
    .await;
    assert_eq!(sent.status(), 303);

    let sam = app.signed_in("sam@example.org").await;
    let reason = "The comments of IAF call for another look at 7.2.1.";
    assert_eq!(
        act(&sam, &reference, "send-back", &[("note", reason)])
            .await
            .status(),
        303
    );
    assert_eq!(state_of(&app).0, "in_group");
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&request_page, "#consultation-status")
            .unwrap()
            .contains("the answer was sent back to the group")
    );
    assert!(
        request_page.contains(reason),
        "the reason is on the timeline"
    );
    // The consultation is over: ILAC's link takes no answer now.
    let late = answer(&app, &ilac, &[("answer", "no_objection")]).await;
    assert_eq!(late.status(), 409);
    let (_, page) = app.page(&ilac).await;
    assert!(text_of(&page, "#consultation-over").is_some());

    // The group decides again: a new consultation, new links.
    let carla = app.signed_in("carla@example.org").await;
    let round = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", DRAFT), ("deadline", "")],
    )
    .await;
    assert_eq!(round.status(), 303);
    decide(&app, &reference).await;
    app.run_worker_once().await;
    let second = review_link(&app, ILAC, 2).await;
    assert_ne!(second, ilac);
    let count: i64 = consultations::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(count, 2);
    assert_eq!(publish(&app, &reference).await.0, 409);
    let (_, page) = app.page(&second).await;
    assert!(text_of(&page, "form[action^='/consultation/']").is_some());

    // The case file records both consultations, the first sent back.
    let (_, case) = sam
        .page(&format!("/workspace/requests/{reference}/case"))
        .await;
    let consulted = text_of(&case, "#case-consultations").unwrap();
    assert!(consulted.contains("Consultation 1"), "{consulted}");
    assert!(consulted.contains("Consultation 2"), "{consulted}");
    assert!(consulted.contains("was sent back to the group"));
    assert!(consulted.contains(COMMENTS), "IAF's comments on the first");
    assert!(
        consulted.contains("No answer."),
        "ILAC never answered the first"
    );
}

async fn the_end_of_the_period_allows_publication_without_an_answer(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_CONSULTATION_DAYS", "10".into())]).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let ilac = review_link(&app, ILAC, 1).await;
    let mail = &app.mail.to(ILAC)[0];
    let until = (app.clock.now() + TimeDelta::days(10))
        .format("%-d %B %Y")
        .to_string();
    assert!(
        mail.text.contains(&until),
        "the period is named: {}",
        mail.text
    );
    app.clock.advance(TimeDelta::days(9));
    assert_eq!(publish(&app, &reference).await.0, 409);
    // Reminded meanwhile, with a new link in place of the first.
    app.run_worker_once().await;
    let reminded = review_link(&app, ILAC, 2).await;
    let (status, replaced) = app.page(&ilac).await;
    assert_eq!(status, 404);
    assert_eq!(
        text_of(&replaced, "h1").unwrap(),
        "This link no longer works"
    );
    assert!(
        text_of(&replaced, ".lede")
            .unwrap()
            .contains("A reminder carries a new link")
    );
    let sent = answer(&app, &ilac, &[("answer", "no_objection")]).await;
    assert_eq!(sent.status(), 404, "the replaced link takes no answer");
    assert!(answers_recorded(&app).iter().all(|(_, answered)| !answered));
    app.clock
        .advance(TimeDelta::days(1) + TimeDelta::minutes(1));
    // Too late for the liaison: its answer is refused and nothing changes.
    let late = answer(&app, &reminded, &[("answer", "no_objection")]).await;
    assert_eq!(late.status(), 409);
    assert!(answers_recorded(&app).iter().all(|(_, answered)| !answered));
    let sam = app.signed_in("sam@example.org").await;
    let (_, queue) = sam.page("/workspace").await;
    assert!(!queue.contains("with the liaisons"));
    assert_eq!(publish(&app, &reference).await.0, 303);
    assert_eq!(state_of(&app).0, "published");
}

async fn abused_review_links_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let ilac = review_link(&app, ILAC, 1).await;
    let liaison = Person::new(&app.address);
    let (_, page) = liaison.page(&ilac).await;
    let token = csrf_token_in(&page);
    let fields = [("csrf_token", token.as_str()), ("answer", "no_objection")];
    let unknown = format!("/consultation/{}", clarion::models::tokens::generate());
    for path in [
        unknown.as_str(),
        "/consultation/not-a-token",
        "/consultation/0123456789ABCDEF0123456789ABCDEF",
    ] {
        assert_eq!(liaison.get(path).await.status(), 404, "{path}");
        assert_eq!(
            liaison.post_form(path, &fields).await.status(),
            404,
            "{path}"
        );
    }
    // A forged form (no CSRF token) is refused.
    let forged = liaison
        .post_form(&ilac, &[("answer", "no_objection")])
        .await;
    assert_ne!(forged.status(), 303);
    assert!(answers_recorded(&app).iter().all(|(_, answered)| !answered));

    // A response to comments of another request's consultation is refused.
    let sam = app.signed_in("sam@example.org").await;
    let other = consultation_answers::table
        .select(consultation_answers::id)
        .first::<String>(&mut app.db())
        .unwrap();
    let refused = act(
        &sam,
        &reference,
        "liaison-responses",
        &[("liaison", &other), ("response", "A response to nothing.")],
    )
    .await;
    assert_eq!(refused.status(), 409, "no comments to respond to");
    let responses: i64 = consultation_answers::table
        .filter(consultation_answers::response.is_not_null())
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(responses, 0);
    // Removing the liaisons ends nothing already opened.
    let contacts: Vec<String> = liaison_contacts::table
        .select(liaison_contacts::id)
        .load(&mut app.db())
        .unwrap();
    for contact in contacts {
        let (_, admin) = sam.page("/admin/consultation").await;
        let removed = sam
            .post_form(
                "/admin/consultation/remove",
                &[
                    ("csrf_token", &csrf_token_in(&admin)),
                    ("contact", &contact),
                ],
            )
            .await;
        assert_eq!(removed.status(), 303);
    }
    let (_, admin) = sam.page("/admin/consultation").await;
    assert!(text_of(&admin, "#no-liaisons").is_some());
    assert_eq!(publish(&app, &reference).await.0, 409);
}

async fn bad_input_is_shown_again_with_what_to_correct(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    let ilac = review_link(&app, ILAC, 1).await;
    for (fields, message) in [
        (vec![], "Choose no objection, or comments."),
        (
            vec![("answer", "comments"), ("comments", "  ")],
            "Write your comments, or choose no objection.",
        ),
        (
            vec![("answer", "maybe"), ("comments", "Kept as typed.")],
            "Choose no objection, or comments.",
        ),
    ] {
        let refused = answer(&app, &ilac, &fields).await;
        assert_eq!(refused.status(), 422);
        let page = refused.text().await.unwrap();
        assert_eq!(text_of(&page, ".error-summary li").unwrap(), message);
        if let Some((_, typed)) = fields.iter().find(|(k, _)| *k == "comments") {
            assert_eq!(text_of(&page, "#field-comments").unwrap(), typed.trim());
        }
    }
    let long = "x".repeat(10_001);
    let refused = answer(&app, &ilac, &[("answer", "comments"), ("comments", &long)]).await;
    assert_eq!(refused.status(), 422);
    // A liaison reading in French is told in French.
    let mut french = reqwest::header::HeaderMap::new();
    french.insert("accept-language", "fr".parse().unwrap());
    let liaison = Person::with_headers(&app.address, french);
    let (_, page) = liaison.page(&ilac).await;
    let refused = liaison
        .post_form(&ilac, &[("csrf_token", &csrf_token_in(&page))])
        .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert_eq!(
        text_of(&page, ".error-summary li").unwrap(),
        "Choisissez « Pas d’objection à la publication » ou des commentaires."
    );
    assert!(answers_recorded(&app).iter().all(|(_, answered)| !answered));

    // The secretariat's forms.
    let sam = app.signed_in("sam@example.org").await;
    for (acronym, email, message) in [
        (
            "AFNOR",
            "afnor@example.org",
            "Choose a liaison organisation of the registry.",
        ),
        (
            "ILAC",
            "not an address",
            "Enter an email address, like liaison@example.org.",
        ),
        ("ILAC", ILAC, "ILAC is consulted at this address already."),
    ] {
        let refused = consult(&sam, &app, acronym, email).await;
        assert_eq!(refused.status(), 422, "{acronym} {email}");
        let page = refused.text().await.unwrap();
        assert_eq!(text_of(&page, ".error-summary li").unwrap(), message);
    }
    let contacts: i64 = liaison_contacts::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(contacts, 3);

    // A liaison comments; an empty response is refused with its message.
    let iaf = review_link(&app, IAF[0], 1).await;
    let sent = answer(
        &app,
        &iaf,
        &[("answer", "comments"), ("comments", COMMENTS)],
    )
    .await;
    assert_eq!(sent.status(), 303);
    let liaison: String = consultation_answers::table
        .filter(consultation_answers::comments.is_not_null())
        .select(consultation_answers::id)
        .first(&mut app.db())
        .unwrap();
    let refused = act(
        &sam,
        &reference,
        "liaison-responses",
        &[("liaison", &liaison), ("response", " ")],
    )
    .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        text_of(&page, ".error-summary")
            .unwrap()
            .contains("Write the response to the liaison's comments")
    );
    assert!(text_of(&page, "#field-liaison-response-response").is_some());
}

async fn a_liaison_that_has_not_answered_is_reminded_once_with_a_new_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    decided_with_liaisons(&app).await;
    app.run_worker_once().await;
    has_no_objection(&app, IAF[0]).await;
    let first = review_link(&app, ILAC, 1).await;
    let reminders = |address: &str| {
        app.mail
            .to(address)
            .iter()
            .filter(|m| m.subject.starts_with("Reminder: "))
            .count()
    };

    // Thirty days: nothing on day 22, a reminder once a quarter is left.
    app.clock.advance(TimeDelta::days(22));
    app.run_worker_once().await;
    assert_eq!(reminders(ILAC), 0, "too early");
    app.clock.advance(TimeDelta::hours(13));
    app.run_worker_once().await;
    let second = review_link(&app, ILAC, 2).await;
    assert_ne!(second, first);
    assert_eq!(reminders(ILAC), 1);
    let reminder = app
        .mail
        .to(ILAC)
        .into_iter()
        .find(|m| m.subject.starts_with("Reminder: "))
        .unwrap();
    assert!(
        reminder.text.contains("has not answered yet"),
        "{}",
        reminder.text
    );
    for address in IAF {
        assert_eq!(
            reminders(address),
            0,
            "IAF answered: {address} is not reminded"
        );
    }
    app.run_worker_once().await;
    assert_eq!(reminders(ILAC), 1, "reminded once");

    // The first link no longer works; the new one does.
    assert_eq!(app.page(&first).await.0, 404);
    let sent = answer(&app, &second, &[("answer", "no_objection")]).await;
    assert_eq!(sent.status(), 303);
    assert!(answers_recorded(&app).iter().all(|(_, answered)| *answered));
}
