//! Numbered documents (issue 23, item 2): each published clarification
//! takes the next number of its standard and edition at publication and
//! keeps it through corrections; the number shows on its page, in its
//! citation and in the API; a clarification and a standard's whole set are
//! PDF documents whose text (read back with `pdftotext`) carries the
//! publisher, the non-binding notice, the number, version, date and answer,
//! and the set follows each publication.

use clarion::db::new_id;
use clarion::db::schema::{requests, standards};
use diesel::prelude::*;
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::register::{Published, publish};
use crate::support::workspace::{act, add_the_people};

on_both_databases!(
    each_publication_takes_the_next_number_of_its_standard_and_a_correction_keeps_it,
    answers_published_before_numbering_are_numbered_in_order_of_publication,
    a_clarification_is_a_pdf_with_its_number_version_date_and_notice,
    a_standards_set_is_one_pdf_in_number_order_that_follows_each_publication,
);

const ON_17025: &str = "iso-iec-17025-2017";
const ON_17065: &str = "iso-iec-17065-2012";

/// A request on `standard` decided on `answer` and waiting for the
/// secretariat to publish it; returns its reference.
fn decided(app: &TestApp, standard: &str, question: &str, answer: &str) -> String {
    let mut conn = app.db();
    let (standard_id, group_id): (String, Option<String>) = standards::table
        .filter(standards::slug.eq(standard))
        .select((standards::id, standards::group_id))
        .first(&mut conn)
        .unwrap();
    let now = app.clock.now();
    use chrono::Datelike;
    let reference = clarion::models::references::allocate(&mut conn, now.year()).unwrap();
    diesel::insert_into(requests::table)
        .values((
            requests::id.eq(new_id()),
            requests::reference.eq(&reference),
            requests::state.eq("decided"),
            requests::standard_id.eq(standard_id),
            requests::group_id.eq(group_id),
            requests::clause.eq("7.2.1"),
            requests::question.eq(question),
            requests::answer.eq(answer),
            requests::submitter_country.eq("NO"),
            requests::submitter_category.eq("accreditation_body"),
            requests::created_at.eq(now),
            requests::confirmed_at.eq(now),
            requests::decided_at.eq(now),
            requests::updated_at.eq(now),
        ))
        .execute(&mut conn)
        .unwrap();
    reference
}

/// The secretariat publishes the decided request from its page.
async fn publish_it(sam: &Person, reference: &str) {
    let published = act(sam, reference, "publish", &[("consider_at_revision", "on")]).await;
    assert_eq!(published.status(), 303, "{reference} is published");
}

/// The secretariat issues an editorial correction of a published answer.
async fn correct(sam: &Person, reference: &str, answer: &str) {
    let path = format!("/workspace/requests/{reference}/correct");
    let (status, form) = sam.page(&path).await;
    assert_eq!(status, 200);
    let version = {
        let at = form.find("name=\"version\" value=\"").unwrap() + 22;
        form[at..at + form[at..].find('"').unwrap()].to_owned()
    };
    let question = text_of(&form, "#field-question").unwrap();
    let issued = sam
        .post_form(
            &path,
            &[
                ("csrf_token", csrf_token_in(&form).as_str()),
                ("version", &version),
                ("question", &question),
                ("answer", answer),
                ("note", "Editorial: clearer wording, the same meaning."),
            ],
        )
        .await;
    assert_eq!(issued.status(), 303, "the correction is issued");
}

async fn record(app: &TestApp, reference: &str) -> Value {
    let response = app
        .get(&format!("/api/v1/clarifications/{reference}"))
        .await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// The text of a PDF as `pdftotext` reads it, its white space (line ends
/// of wrapped lines included) made single spaces.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("document.pdf");
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian package poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the document");
    String::from_utf8(out.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A PDF answer and its bytes, its headers checked.
async fn pdf_at(app: &TestApp, path: &str, filename: &str) -> Vec<u8> {
    let response = app.get(path).await;
    assert_eq!(response.status(), 200, "{path}");
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    assert_eq!(header("content-type"), "application/pdf", "{path}");
    assert_eq!(
        header("content-disposition"),
        format!("inline; filename=\"{filename}\""),
        "{path}"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    let bytes = response.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with(b"%PDF-"), "{path} is a PDF");
    bytes
}

async fn each_publication_takes_the_next_number_of_its_standard_and_a_correction_keeps_it(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let question = "Does the laboratory have to validate methods it developed itself?";
    let first = decided(&app, ON_17025, question, "Yes, the first answer.");
    let certification = decided(&app, ON_17065, question, "Yes, for certification.");
    let second = decided(&app, ON_17025, question, "Yes, the second answer.");
    let third = decided(&app, ON_17025, question, "Yes, the third answer.");
    for reference in [&first, &certification, &second, &third] {
        publish_it(&sam, reference).await;
    }

    // Two standards number independently, each in order of publication.
    for (reference, number, designation) in [
        (&first, 1, "ISO/IEC 17025:2017 Clarification 1"),
        (&certification, 1, "ISO/IEC 17065:2012 Clarification 1"),
        (&second, 2, "ISO/IEC 17025:2017 Clarification 2"),
        (&third, 3, "ISO/IEC 17025:2017 Clarification 3"),
    ] {
        let record = record(&app, reference).await;
        assert_eq!(record["number"], number, "{reference}");
        assert_eq!(record["designation"], designation, "{reference}");
        assert_eq!(
            record["pdf_url"],
            app.url(&format!("/clarifications/{reference}/v1.pdf"))
        );
    }

    // A correction is a version of the same numbered clarification.
    correct(
        &sam,
        &second,
        "Yes, the second answer, worded more clearly.",
    )
    .await;
    let fourth = decided(&app, ON_17025, question, "Yes, the fourth answer.");
    publish_it(&sam, &fourth).await;
    let corrected = record(&app, &second).await;
    assert_eq!(corrected["version"], 2);
    assert_eq!(corrected["number"], 2, "the correction keeps the number");
    assert_eq!(
        record(&app, &fourth).await["number"],
        4,
        "never given twice"
    );
    assert_eq!(record(&app, &third).await["number"], 3);

    // The page says it, and its citation cites it.
    let (status, page) = app.page(&format!("/clarifications/{second}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "#designation").unwrap(),
        "ISO/IEC 17025:2017 Clarification 2"
    );
    let citation = text_of(&page, "#cite-heading + .code").unwrap();
    assert!(
        citation.starts_with(&format!(
            "ISO/CASCO, ISO/IEC 17025:2017 Clarification 2 ({second}, version 2), clause 7.2.1, published"
        )),
        "{citation}"
    );
    assert!(page.contains(&format!("href=\"/clarifications/{second}/v2.pdf\"")));
    // The earlier version's page keeps the number too.
    let (_, earlier) = app.page(&format!("/clarifications/{second}/v1")).await;
    assert_eq!(
        text_of(&earlier, "#designation").unwrap(),
        "ISO/IEC 17025:2017 Clarification 2"
    );

    // The list of the API, the CSV and the feed carry it as well.
    let response = app
        .get(&format!("/api/v1/clarifications?standard={ON_17065}"))
        .await;
    let list: Value = response.json().await.unwrap();
    assert_eq!(list["items"][0]["number"], 1);
    let csv = app
        .get(&format!("/clarifications.csv?standard={ON_17065}"))
        .await
        .text()
        .await
        .unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let number_column = rows
        .headers()
        .unwrap()
        .iter()
        .position(|name| name == "number")
        .expect("the CSV has a number column");
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[number_column], "1");
    let feed = app
        .get(&format!("/feeds/standards/{ON_17065}.atom"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        feed.contains("ISO/IEC 17065:2012 Clarification 1"),
        "{feed}"
    );
    assert!(feed.contains("type=\"application/pdf\""), "{feed}");
}

async fn answers_published_before_numbering_are_numbered_in_order_of_publication(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // Written as an import or an older register holds them, unnumbered,
    // not in the order of their dates.
    let (latest, earliest, middle) = {
        let mut conn = app.db();
        let mut on = |published_on| {
            publish(
                &mut conn,
                Published {
                    published_on,
                    ..Published::default()
                },
            )
        };
        (
            on(day(2025, 3, 14)),
            on(day(2023, 1, 9)),
            on(day(2024, 6, 1)),
        )
    };
    let numbered = clarion::models::numbers::number_the_unnumbered(&mut app.db()).unwrap();
    assert_eq!(numbered, 3);
    assert_eq!(
        clarion::models::numbers::number_the_unnumbered(&mut app.db()).unwrap(),
        0,
        "a number is given once"
    );
    for (reference, number) in [(&earliest, 1), (&middle, 2), (&latest, 3)] {
        assert_eq!(record(&app, reference).await["number"], number);
    }

    // The next publication takes the next number.
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let next = decided(&app, ON_17025, "Is the next one number four?", "Yes.");
    publish_it(&sam, &next).await;
    assert_eq!(record(&app, &next).await["number"], 4);
}

async fn a_clarification_is_a_pdf_with_its_number_version_date_and_notice(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let answer = "**Yes.** A laboratory that develops a method validates it before use, and the \
                  validation is documented: clause 7.2.2 applies to such methods as it applies \
                  to standard methods used outside their intended scope.";
    let reference = decided(
        &app,
        ON_17025,
        "Does the laboratory have to validate methods it developed itself?",
        answer,
    );
    publish_it(&sam, &reference).await;
    let today = app.clock.now().format("%-d %B %Y").to_string();

    let (_, page) = app.page(&format!("/clarifications/{reference}")).await;
    assert!(page.contains(&format!("href=\"/clarifications/{reference}/v1.pdf\"")));
    let pdf = pdf_at(
        &app,
        &format!("/clarifications/{reference}.pdf"),
        &format!("{reference}.pdf"),
    )
    .await;
    let text = pdf_text(&pdf);
    for expected in [
        "ISO/CASCO",
        "ISO/IEC 17025:2017 Clarification 1",
        &reference,
        "Version 1",
        &format!("Published {today}"),
        "It is no new requirement, binds no one",
        "Does the laboratory have to validate methods it developed itself?",
        // Wrapped over lines, read back whole, without its Markdown.
        "Yes. A laboratory that develops a method validates it before use, and the validation \
         is documented: clause 7.2.2 applies to such methods as it applies to standard methods \
         used outside their intended scope.",
        "page 1",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }

    // Corrected, the document is version 2; version 1 keeps its own.
    let corrected = "Yes. A laboratory validates a method it developed before it uses it.";
    correct(&sam, &reference, corrected).await;
    let text = pdf_text(
        &pdf_at(
            &app,
            &format!("/clarifications/{reference}.pdf"),
            &format!("{reference}.pdf"),
        )
        .await,
    );
    assert!(
        text.contains("ISO/IEC 17025:2017 Clarification 1, version 2"),
        "{text}"
    );
    assert!(text.contains(&format!("Corrected {today}")), "{text}");
    assert!(text.contains(corrected), "{text}");
    let first = pdf_text(
        &pdf_at(
            &app,
            &format!("/clarifications/{reference}/v1.pdf"),
            &format!("{reference}-v1.pdf"),
        )
        .await,
    );
    assert!(
        first.contains("Version 1") && first.contains("clause 7.2.2 applies"),
        "{first}"
    );
    assert!(!first.contains(corrected));

    // Addresses that are no document answer as pages do.
    let lower = app
        .get(&format!("/clarifications/{}.pdf", reference.to_lowercase()))
        .await;
    assert_eq!(lower.status(), 301);
    assert_eq!(
        lower.headers()["location"],
        format!("/clarifications/{reference}.pdf").as_str()
    );
    for missing in [
        "/clarifications/CR-1999-0001.pdf".to_owned(),
        format!("/clarifications/{reference}/v3.pdf"),
        format!("/clarifications/{reference}/vx.pdf"),
        "/standards/no-such-standard/clarifications.pdf".to_owned(),
    ] {
        assert_eq!(app.get(&missing).await.status(), 404, "{missing}");
    }
    let unpublished = decided(&app, ON_17025, "Not published yet, is it?", "No.");
    assert_eq!(
        app.get(&format!("/clarifications/{unpublished}.pdf"))
            .await
            .status(),
        404,
        "a request not published is no document"
    );
}

async fn a_standards_set_is_one_pdf_in_number_order_that_follows_each_publication(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let answers = [
        "Alpha: the first answer of the set.",
        "Bravo: the second answer of the set.",
        "Charlie: the third answer of the set.",
    ];
    for answer in answers {
        let reference = decided(&app, ON_17025, "Which answer comes first?", answer);
        publish_it(&sam, &reference).await;
    }
    let elsewhere = decided(
        &app,
        ON_17065,
        "On another standard?",
        "Delta: not in the set.",
    );
    publish_it(&sam, &elsewhere).await;

    let (_, page) = app.page(&format!("/standards/{ON_17025}")).await;
    assert!(page.contains(&format!(
        "href=\"/standards/{ON_17025}/clarifications.pdf\""
    )));
    let path = format!("/standards/{ON_17025}/clarifications.pdf");
    let filename = format!("{ON_17025}-clarifications.pdf");
    let text = pdf_text(&pdf_at(&app, &path, &filename).await);
    for expected in [
        "ISO/IEC 17025:2017: clarifications",
        "ISO/CASCO",
        "3 published clarifications, in the order of their numbers",
        "binds no one",
        "page 1",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text}");
    }
    assert!(!text.contains("Delta"), "only this standard's: {text}");
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {text}"))
    };
    assert!(at("Clarification 1") < at("Alpha") && at("Alpha") < at("Clarification 2"));
    assert!(at("Bravo") < at("Clarification 3") && at("Clarification 3") < at("Charlie"));

    // A new publication is in the set the next time it is read.
    let reference = decided(&app, ON_17025, "And the fourth?", "Echo: published after.");
    publish_it(&sam, &reference).await;
    let text = pdf_text(&pdf_at(&app, &path, &filename).await);
    assert!(text.contains("4 published clarifications"), "{text}");
    let charlie = text.find("Charlie").unwrap();
    let fourth = text
        .find("Clarification 4")
        .expect("the fourth is in the set");
    assert!(charlie < fourth && fourth < text.find("Echo: published after.").unwrap());
}
