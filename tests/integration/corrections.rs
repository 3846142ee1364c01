//! Corrected versions of a published clarification (issue 21, item 3):
//! the secretariat previews and issues an editorial correction with a
//! note; the clarification shows the corrected text and says when it was
//! corrected, every version keeps its address in HTML and in the API, the
//! feed, the CSV and the API carry the version and its note, and the
//! followers of the standard are mailed. Input that cannot be a correction
//! changes nothing and says why.

use clarion::db::schema::{
    clarification_versions, corrected_clarifications, events, outbox, requests, standards,
};
use diesel::prelude::*;
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of, value_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{confirmed_request, valid_form};
use crate::support::register::{Published, publish};
use crate::support::smtp::ReceivedMail;
use crate::support::workspace::{
    add_the_people, an_out_of_date_form_is_kept_to_send_again, send_with,
};

on_both_databases!(
    an_editorial_correction_is_version_2_and_version_1_keeps_its_address,
    the_feed_the_csv_and_the_api_list_carry_the_version_and_its_note,
    a_correction_that_cannot_be_made_changes_nothing_and_says_why,
    a_correction_the_group_decided_is_issued_through_one_call,
    a_correction_sent_from_a_page_out_of_date_is_kept_to_send_again,
);

const ANSWER: &str = "Yes. Clause 7.2.2 applies to methods the laboratory developed.";
const CORRECTED: &str = "Yes. Clause 7.2.2 applies to the methods the laboratory developed itself.";
const NOTE: &str =
    "Editorial: the answer now says whose methods it means. Its meaning is unchanged.";
const FOLLOWER: &str = "fay@follow.example";

/// A clarification published before versions were kept (as imported
/// answers and older publications are), with Sam, the group and one
/// confirmed follower of its standard; returns its reference.
fn published(app: &TestApp) -> String {
    add_the_people(app);
    let mut conn = app.db();
    let reference = publish(
        &mut conn,
        Published {
            answer: ANSWER,
            ..Published::default()
        },
    );
    let standard: String = standards::table
        .filter(standards::slug.eq("iso-iec-17025-2017"))
        .select(standards::id)
        .first(&mut conn)
        .unwrap();
    let now = app.clock.now();
    let follower =
        clarion::models::subscriptions::request(&mut conn, FOLLOWER, &standard, "en", now).unwrap();
    clarion::models::subscriptions::confirm(&mut conn, &follower.id, now).unwrap();
    reference
}

/// Sends the correction form as `person` sees it, with `fields` over what
/// it holds; `preview` presses "Preview" instead of the confirmation.
pub async fn correct(
    person: &Person,
    reference: &str,
    fields: &[(&str, &str)],
    preview: bool,
) -> reqwest::Response {
    let path = format!("/workspace/requests/{reference}/correct");
    let (status, page) = person.page(&path).await;
    assert_eq!(status, 200, "{path} shows its form");
    let token = csrf_token_in(&page);
    let version = value_of(&page, "version").unwrap();
    let question = text_of(&page, "#field-question").unwrap();
    let mut all: Vec<(&str, &str)> = vec![
        ("csrf_token", &token),
        ("version", &version),
        ("question", &question),
    ];
    all.extend_from_slice(fields);
    if preview {
        all.push(("preview", "1"));
    }
    person.post_form(&path, &all).await
}

/// What is stored of corrections: versions, the version in force, the
/// correction events, the request's answer and the mail queued.
fn stored(app: &TestApp) -> (i64, i64, i64, Option<String>, i64) {
    let mut conn = app.db();
    (
        clarification_versions::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
        corrected_clarifications::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
        events::table
            .filter(events::action.eq("correct_publication"))
            .count()
            .get_result(&mut conn)
            .unwrap(),
        requests::table
            .filter(requests::state.eq("published"))
            .select(requests::answer)
            .first(&mut conn)
            .unwrap(),
        outbox::table.count().get_result(&mut conn).unwrap(),
    )
}

async fn json(app: &TestApp, path: &str) -> (u16, Value) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

/// The mails `address` received about `subject`, once one has arrived.
async fn mail_about(app: &TestApp, address: &str, subject: &str) -> ReceivedMail {
    eventually(BOUND, || async {
        app.mail
            .to(address)
            .into_iter()
            .find(|m| m.subject.contains(subject))
            .ok_or_else(|| {
                let subjects: Vec<String> =
                    app.mail.received().into_iter().map(|m| m.subject).collect();
                format!("no mail to {address} about {subject:?}: {subjects:?}")
            })
    })
    .await
}

async fn an_editorial_correction_is_version_2_and_version_1_keeps_its_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = published(&app);
    let sam = app.signed_in("sam@example.org").await;
    let before = stored(&app);

    // The request page offers the correction; its form starts from the
    // published text and says that a change of meaning is the group's.
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(request_page.contains("id=\"correct-publication\""));
    let (_, form) = sam
        .page(&format!("/workspace/requests/{reference}/correct"))
        .await;
    assert_eq!(text_of(&form, "#field-answer").unwrap(), ANSWER);
    assert!(
        text_of(&form, "#meaning-notice")
            .unwrap()
            .contains("A change of meaning is the group's to decide")
    );

    // The preview is the public page as it would read; nothing is stored.
    let fields = [("answer", CORRECTED), ("note", NOTE)];
    let preview = correct(&sam, &reference, &fields, true).await;
    assert_eq!(preview.status(), 200);
    let preview = preview.text().await.unwrap();
    assert_eq!(
        text_of(&preview, "#answer-heading + .prose").unwrap(),
        CORRECTED
    );
    assert!(text_of(&preview, "#correction").unwrap().contains(NOTE));
    assert!(preview.contains("Issue version 2"));
    assert_eq!(stored(&app), before, "a preview stores nothing");

    // Confirmed from the preview's own form.
    let token = csrf_token_in(&preview);
    let version = value_of(&preview, "version").unwrap();
    let question = value_of(&preview, "question").unwrap();
    let issued = sam
        .post_form(
            &format!("/workspace/requests/{reference}/correct"),
            &[
                ("csrf_token", token.as_str()),
                ("version", &version),
                ("question", &question),
                ("answer", CORRECTED),
                ("note", NOTE),
            ],
        )
        .await;
    assert_eq!(issued.status(), 303);
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&request_page, "#banner")
            .unwrap()
            .contains("Version 2 is published")
    );
    assert!(
        request_page.contains("Issued a corrected version"),
        "the timeline shows the correction"
    );

    // The clarification's own address shows version 2, corrected today.
    let today = app.clock.now().format("%-d %B %Y").to_string();
    let (status, current) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&current, "#answer-heading + .prose").unwrap(),
        CORRECTED
    );
    let notice = text_of(&current, "#correction").unwrap();
    assert!(
        notice.contains(&format!("Corrected on {today}: version 2")) && notice.contains(NOTE),
        "{notice}"
    );
    assert!(current.contains(&format!("href=\"/clarifications/{reference}/versions\"")));

    // Version 1 keeps its address, and says a newer one exists.
    let (status, first) = app.page(&format!("/clarifications/{reference}/v1")).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&first, "#answer-heading + .prose").unwrap(), ANSWER);
    let newer = text_of(&first, "#newer-version").unwrap();
    assert!(
        newer.contains("A newer version of this clarification exists"),
        "{newer}"
    );
    assert!(first.contains(&format!("href=\"/clarifications/{reference}\"")));
    let (status, second) = app.page(&format!("/clarifications/{reference}/v2")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&second, "#answer-heading + .prose").unwrap(),
        CORRECTED
    );
    assert!(text_of(&second, "#newer-version").is_none());

    // The history lists both, newest first, with the note.
    let (status, history) = app
        .page(&format!("/clarifications/{reference}/versions"))
        .await;
    assert_eq!(status, 200);
    let rows = text_of(&history, "#versions tbody").unwrap();
    let (v2, v1) = (
        rows.find("Version 2").unwrap(),
        rows.find("Version 1").unwrap(),
    );
    assert!(v2 < v1, "{rows}");
    assert!(rows.contains("Editorial correction") && rows.contains(NOTE));
    assert!(rows.contains("First publication"));

    // The API: the record is version 2 with its note; version 1 has its
    // own address.
    let (status, record) = json(&app, &format!("/api/v1/clarifications/{reference}")).await;
    assert_eq!(status, 200);
    assert_eq!(record["version"], 2);
    assert_eq!(record["answer"], CORRECTED);
    assert_eq!(record["correction_note"], NOTE);
    assert!(record["corrected_at"].is_string());
    assert_eq!(
        record["version_url"],
        app.url(&format!("/clarifications/{reference}/v2"))
    );
    let (status, old) = json(
        &app,
        &format!("/api/v1/clarifications/{reference}/versions/1"),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(old["version"], 1);
    assert_eq!(old["answer"], ANSWER);
    assert_eq!(old["correction_note"], Value::Null);
    assert_eq!(
        old["answer_html"],
        clarion::domain::markdown::to_safe_html(ANSWER)
    );

    // The follower is told, over SMTP, with the note and the new text.
    let mail = mail_about(
        &app,
        FOLLOWER,
        &format!("{reference} of ISO/IEC 17025:2017: corrected (version 2)"),
    )
    .await;
    assert!(mail.text.contains(NOTE), "{}", mail.text);
    assert!(mail.text.contains(CORRECTED));
    assert!(
        mail.text
            .contains(&app.url(&format!("/clarifications/{reference}/v1")))
    );
    assert!(mail.header("List-Unsubscribe").is_some());

    // The case file has a Versions section, on the page and in JSON.
    let (_, case) = sam
        .page(&format!("/workspace/requests/{reference}/case"))
        .await;
    let versions = text_of(&case, "#versions").unwrap();
    assert!(
        versions.contains("Version 1") && versions.contains("Version 2") && versions.contains(NOTE),
        "{versions}"
    );
    assert!(versions.contains("Sam Secretariat"), "who issued version 2");
    let case: Value = sam
        .get(&format!("/workspace/requests/{reference}/case.json"))
        .await
        .json()
        .await
        .unwrap();
    let listed = case["versions"].as_array().unwrap();
    assert_eq!(listed.len(), 2);
    assert_eq!(listed[1]["number"], 2);
    assert_eq!(listed[1]["kind"], "editorial");
    assert_eq!(listed[1]["note"], NOTE);
    assert_eq!(listed[0]["answer"], ANSWER);

    // A second correction is version 3; both earlier ones stay.
    let third = "Yes. Clause 7.2.2 applies to the methods that the laboratory developed itself.";
    let issued = correct(
        &sam,
        &reference,
        &[("answer", third), ("note", "Editorial: one word added.")],
        false,
    )
    .await;
    assert_eq!(issued.status(), 303);
    for (number, answer) in [(1, ANSWER), (2, CORRECTED), (3, third)] {
        let (status, page) = app
            .page(&format!("/clarifications/{reference}/v{number}"))
            .await;
        assert_eq!(status, 200);
        assert_eq!(text_of(&page, "#answer-heading + .prose").unwrap(), answer);
    }
    let count: i64 = clarification_versions::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(count, 3);
}

async fn the_feed_the_csv_and_the_api_list_carry_the_version_and_its_note(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = published(&app);
    let sam = app.signed_in("sam@example.org").await;
    let (_, feed) = app.page("/feeds/clarifications.atom").await;
    let published_at = "2025-03-14T12:00:00+00:00";
    assert!(feed.contains(&format!("<updated>{published_at}</updated>")));

    let issued = correct(
        &sam,
        &reference,
        &[("answer", CORRECTED), ("note", NOTE)],
        false,
    )
    .await;
    assert_eq!(issued.status(), 303);
    let corrected_at: chrono::NaiveDateTime = corrected_clarifications::table
        .select(corrected_clarifications::corrected_at)
        .first(&mut app.db())
        .unwrap();

    // Atom: the entry's <updated> is the correction's, and it says why.
    let (_, feed) = app.page("/feeds/clarifications.atom").await;
    let entry = &feed[feed.find("<entry>").unwrap()..feed.find("</entry>").unwrap()];
    let updated = &entry[entry.find("<updated>").unwrap() + 9..entry.find("</updated>").unwrap()];
    assert_eq!(
        chrono::DateTime::parse_from_rfc3339(updated).unwrap(),
        corrected_at.and_utc().fixed_offset(),
        "{entry}"
    );
    assert!(entry.contains(&format!("<published>{published_at}</published>")));
    assert!(
        entry.contains("Corrected on") && entry.contains("(version 2)") && entry.contains(NOTE),
        "{entry}"
    );

    // CSV: the version and the note have their columns.
    let csv = app.get("/clarifications.csv").await.text().await.unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|row| &row[column("reference")] == reference.as_str())
        .unwrap();
    assert_eq!(&row[column("version")], "2");
    assert_eq!(&row[column("correction_note")], NOTE);
    assert_eq!(&row[column("answer")], CORRECTED);

    // The API list carries them too, from the same query as the rest.
    let (_, page) = json(&app, "/api/v1/clarifications?standard=iso-iec-17025-2017").await;
    let item = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["reference"] == reference.as_str())
        .unwrap()
        .clone();
    assert_eq!(item["version"], 2);
    assert_eq!(item["correction_note"], NOTE);

    // And a search finds the corrected words.
    let (_, found) = json(&app, "/api/v1/clarifications?q=itself").await;
    assert_eq!(found["total"], 1, "{found}");
}

async fn a_correction_that_cannot_be_made_changes_nothing_and_says_why(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = published(&app);
    confirmed_request(&app, &valid_form()).await;
    let screened: String = requests::table
        .filter(requests::state.eq("screening"))
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    let sam = app.signed_in("sam@example.org").await;
    let before = stored(&app);

    // No note: the form says what to write, keeping what was typed.
    let refused = correct(
        &sam,
        &reference,
        &[("answer", CORRECTED), ("note", " ")],
        true,
    )
    .await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(
        text_of(&page, "#note-error")
            .or_else(|| text_of(&page, ".error-summary"))
            .unwrap()
            .contains("Write a note saying what was corrected and why.")
    );
    assert_eq!(text_of(&page, "#field-answer").unwrap(), CORRECTED);
    let refused = correct(
        &sam,
        &reference,
        &[("answer", CORRECTED), ("note", "")],
        false,
    )
    .await;
    assert_eq!(refused.status(), 422);

    // The text as published: nothing to correct.
    let refused = correct(
        &sam,
        &reference,
        &[("answer", ANSWER), ("note", NOTE)],
        false,
    )
    .await;
    assert_eq!(refused.status(), 422);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("This is the text already published")
    );

    // A page out of date is told so.
    let (_, form) = sam
        .page(&format!("/workspace/requests/{reference}/correct"))
        .await;
    let read = value_of(&form, "version").unwrap();
    let changed_since = (read.parse::<i32>().unwrap() + 1).to_string();
    let stale = sam
        .post_form(
            &format!("/workspace/requests/{reference}/correct"),
            &[
                ("csrf_token", csrf_token_in(&form).as_str()),
                ("version", changed_since.as_str()),
                ("question", "Does it apply?"),
                ("answer", CORRECTED),
                ("note", NOTE),
            ],
        )
        .await;
    assert_eq!(stale.status(), 409);
    let page = stale.text().await.unwrap();
    assert!(page.contains("This request changed while you were looking at it."));
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));

    // Only the secretariat corrects. This clarification never went through
    // the group (it was published before Clarion), so its convenor may not
    // even read it; the access table (access.rs) has the convenor of a
    // clarification the group decided refused.
    let carla = app.signed_in("carla@example.org").await;
    let (status, _) = carla
        .page(&format!("/workspace/requests/{reference}/correct"))
        .await;
    assert_eq!(status, 404);
    let (_, token_page) = carla.page("/workspace").await;
    let posted = carla
        .post_form(
            &format!("/workspace/requests/{reference}/correct"),
            &[
                ("csrf_token", csrf_token_in(&token_page).as_str()),
                ("version", read.as_str()),
                ("question", "Does it apply?"),
                ("answer", CORRECTED),
                ("note", NOTE),
            ],
        )
        .await;
    assert_eq!(posted.status(), 404);

    // A request not published has nothing to correct.
    let (status, page) = sam
        .page(&format!("/workspace/requests/{screened}/correct"))
        .await;
    assert_eq!(status, 409);
    assert!(page.contains("This cannot be done while the request is “Screening”."));

    assert_eq!(stored(&app), before, "nothing refused changed anything");

    // A version it never had is not found, as a page and in the API.
    for path in [
        format!("/clarifications/{reference}/v2"),
        format!("/clarifications/{reference}/v0"),
        format!("/clarifications/{reference}/vlatest"),
        format!("/clarifications/{reference}/v99999999999"),
        format!("/clarifications/{screened}/v1"),
        format!("/clarifications/{screened}/versions"),
    ] {
        let (status, page) = app.page(&path).await;
        assert_eq!(status, 404, "{path}");
        assert!(page.contains("<html"), "{path} answers with a page");
    }
    let (status, body) = json(
        &app,
        &format!("/api/v1/clarifications/{reference}/versions/2"),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(
        body["error"],
        "No published clarification has this reference and version."
    );
    let (status, _) = json(
        &app,
        &format!("/api/v1/clarifications/{reference}/versions/one"),
    )
    .await;
    assert_eq!(status, 404);

    // Before any correction, the publication is version 1 at its address.
    let (status, first) = app.page(&format!("/clarifications/{reference}/v1")).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&first, "#answer-heading + .prose").unwrap(), ANSWER);
    assert!(text_of(&first, "#newer-version").is_none());
    assert!(text_of(&first, "#correction").is_none());
    let (_, record) = json(&app, &format!("/api/v1/clarifications/{reference}")).await;
    assert_eq!(record["version"], 1);
    assert_eq!(record["corrected_at"], Value::Null);
}

/// What the publication of a group-decided follow-up calls: the same
/// checks and records, marked as decided by the group.
async fn a_correction_the_group_decided_is_issued_through_one_call(backend: Backend) {
    use clarion::workflow::corrections::{Correction, Kind, issue_version};
    let app = TestApp::spawn(backend).await;
    let reference = published(&app);
    let ctx = app.state.workflow();
    let user = |email: &str| {
        clarion::models::users::find_by_email(&mut app.db(), email)
            .unwrap()
            .unwrap()
    };
    let decided = "No. Clause 7.2.2 applies only to methods developed for a customer.";
    let correction = Correction {
        question: "Does the laboratory have to validate methods it developed itself?",
        answer: decided,
        note: "The group reconsidered the answer (CR-2026-0099).",
        kind: Kind::Substantive,
    };

    // Only the secretariat issues it, and only on a published clarification.
    let refused = issue_version(
        &mut app.db(),
        &ctx,
        &user("mia@example.org"),
        &reference,
        &correction,
    );
    assert!(refused.is_err());
    let unknown = issue_version(
        &mut app.db(),
        &ctx,
        &user("sam@example.org"),
        "CR-2099-0001",
        &correction,
    );
    assert!(matches!(
        unknown,
        Err(clarion::workflow::WorkflowError::NotFound)
    ));
    let unchanged = Correction {
        answer: ANSWER,
        ..correction
    };
    let refused = issue_version(
        &mut app.db(),
        &ctx,
        &user("sam@example.org"),
        &reference,
        &unchanged,
    );
    assert!(matches!(
        refused,
        Err(clarion::workflow::WorkflowError::Field {
            field: "answer",
            ..
        })
    ));
    assert_eq!(
        clarification_versions::table
            .count()
            .get_result::<i64>(&mut app.db())
            .unwrap(),
        0
    );

    let version = issue_version(
        &mut app.db(),
        &ctx,
        &user("sam@example.org"),
        &reference,
        &correction,
    )
    .unwrap();
    assert_eq!(version, 2);
    let (_, history) = app
        .page(&format!("/clarifications/{reference}/versions"))
        .await;
    assert!(
        text_of(&history, "#versions tbody")
            .unwrap()
            .contains("Corrected as the group decided")
    );
    let (_, current) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(
        text_of(&current, "#answer-heading + .prose").unwrap(),
        decided
    );
    app.run_worker_once().await;
    let mail = mail_about(&app, FOLLOWER, "corrected (version 2)").await;
    assert!(
        mail.text
            .contains("The maintenance group decided a corrected version"),
        "{}",
        mail.text
    );
}

/// Two tabs on the correction form: the one read before the other issued
/// a correction is told so, keeps what was typed in it, and issues it on
/// the version now in force.
async fn a_correction_sent_from_a_page_out_of_date_is_kept_to_send_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = published(&app);
    let sam = app.signed_in("sam@example.org").await;
    let path = format!("/workspace/requests/{reference}/correct");
    let (_, stale) = sam.page(&path).await;
    let first = send_with(
        &sam,
        &stale,
        &path,
        &[("answer", CORRECTED), ("note", NOTE)],
    )
    .await;
    assert_eq!(first.status(), 303);
    let mine = "Yes. Clause 7.2.2 applies to every method the laboratory developed itself.";
    an_out_of_date_form_is_kept_to_send_again(
        &sam,
        &path,
        &stale,
        &[("answer", mine), ("note", "One more word fixed.")],
    )
    .await;
    let (_, page) = app.page(&format!("/clarifications/{reference}")).await;
    assert!(text_of(&page, "main").unwrap().contains(mine), "in force");
}
