//! Mail in the reader's language (issue 24): a submitter's mails follow the
//! language of the form they filled in, whoever confirms and whenever the
//! worker sends; a user's follow their account's preference.

use clarion::db::schema::{requests, users};
use diesel::prelude::*;
use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderValue};

use crate::consensus::everyone_agrees;
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{form_token, press_confirm, valid_form};
use crate::support::smtp::ReceivedMail;
use crate::support::workspace::{act, add_the_people};

on_both_databases!(
    a_request_sent_from_a_french_form_is_confirmed_and_acknowledged_in_french,
    a_french_submitter_and_a_french_convenor_follow_the_request_in_french,
);

const SUBMITTER: &str = "ana.lima@lab.example";

/// The account with this address reads in `tag`, as if it had used the switch.
fn prefers(app: &TestApp, email: &str, tag: &str) {
    diesel::update(users::table.filter(users::email.eq(email)))
        .set(users::language.eq(tag))
        .execute(&mut app.db())
        .unwrap();
}

/// The first mail to `address` whose subject contains `part`, once it arrived.
async fn mail_to(app: &TestApp, address: &str, part: &str) -> ReceivedMail {
    eventually(BOUND, || async {
        let mails = app.mail.to(address);
        mails
            .iter()
            .find(|m| m.subject.contains(part))
            .cloned()
            .ok_or_else(|| {
                let subjects: Vec<_> = mails.iter().map(|m| &m.subject).collect();
                format!("no mail to {address} about {part:?}: {subjects:?}")
            })
    })
    .await
}

/// A Swiss browser files the usual request on the French form; returns
/// the confirmation link's path, read from the French mail.
async fn filed_in_french(app: &TestApp) -> String {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("fr-CH, en;q=0.5"));
    let french = Person::with_headers(&app.address, headers);
    let token = form_token(&french).await;
    let mut form = valid_form();
    form.push(("csrf_token", token));
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = french.post_form("/requests", &fields).await;
    assert_eq!(response.status(), 303);
    let confirmation = mail_to(app, SUBMITTER, "Confirmez").await;
    let link = confirmation
        .links()
        .into_iter()
        .find(|l| l.contains("/requests/confirm/"))
        .expect("the confirmation link");
    link.strip_prefix(&app.address).unwrap().to_owned()
}

async fn a_request_sent_from_a_french_form_is_confirmed_and_acknowledged_in_french(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    app.add_user("sophie@example.org", "Sophie Secrétariat", true, None);
    prefers(&app, "sophie@example.org", "fr");

    let confirm = filed_in_french(&app).await;
    let confirmation = mail_to(&app, SUBMITTER, "Confirmez").await;
    assert_eq!(
        confirmation.subject,
        "Confirmez votre demande de clarification sur ISO/IEC 17025:2017"
    );
    assert!(confirmation.text.starts_with("Bonjour Ana Lima,"));
    assert!(
        confirmation
            .text
            .contains("Nous avons reçu une demande de clarification envoyée avec cette adresse électronique\u{a0}:"),
        "{}",
        confirmation.text
    );
    assert!(confirmation.text.contains("Article\u{a0}: 7.2.1"));
    assert!(confirmation.text.contains("Le lien est valable 72 heures."));
    assert!(confirmation.html.contains("<html lang=\"fr\">"));
    assert!(confirmation.html.contains(">Confirmer et envoyer</a>"));
    let stored: Option<String> = requests::table
        .select(requests::language)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored.as_deref(), Some("fr"));

    // Confirmed from a browser that asks for English: the request keeps
    // the language it was written in.
    let response = press_confirm(&app, &confirm).await;
    assert_eq!(response.status(), 303);
    let acknowledgement = mail_to(&app, SUBMITTER, "reçue").await;
    assert!(
        acknowledgement
            .subject
            .ends_with("\u{a0}: votre demande de clarification est reçue"),
        "{}",
        acknowledgement.subject
    );
    assert!(acknowledgement.text.contains(
        "Merci\u{a0}: votre demande de clarification est confirmée et a été transmise au secrétariat."
    ));
    assert!(acknowledgement.text.contains("La suite\u{a0}:"));
    assert!(acknowledgement.html.contains(">Suivre votre demande</a>"));

    // The secretariat reads as each of its accounts chose.
    let french = mail_to(&app, "sophie@example.org", "à examiner").await;
    assert!(
        french
            .subject
            .contains("nouvelle demande sur ISO/IEC 17025:2017 7.2.1 à examiner"),
        "{}",
        french.subject
    );
    assert!(
        french
            .text
            .contains("Une demande de clarification confirmée attend son examen.")
    );
    let english = mail_to(&app, "sam@example.org", "to screen").await;
    assert!(
        english
            .text
            .contains("A confirmed clarification request waits for screening.")
    );
    assert!(english.html.contains("<html lang=\"en\">"));
}

async fn a_french_submitter_and_a_french_convenor_follow_the_request_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    prefers(&app, "carla@example.org", "fr");
    let confirm = filed_in_french(&app).await;
    assert_eq!(press_confirm(&app, &confirm).await.status(), 303);
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();

    let sam = app.signed_in("sam@example.org").await;
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let to_carla = mail_to(&app, "carla@example.org", "MG 17025").await;
    assert_eq!(
        to_carla.subject,
        format!("{reference}\u{a0}: nouvelle demande pour MG 17025")
    );
    assert!(
        to_carla
            .text
            .contains("Le secrétariat a accepté cette demande de clarification pour MG 17025")
    );
    assert!(to_carla.html.contains(">Ouvrir la demande</a>"));
    let to_mia = mail_to(&app, "mia@example.org", "MG 17025").await;
    assert_eq!(
        to_mia.subject,
        format!("{reference}: new request for MG 17025")
    );

    let carla = app.signed_in("carla@example.org").await;
    let draft = "Non. Une procédure peut couvrir plusieurs méthodes documentées.";
    let opened = act(
        &carla,
        &reference,
        "rounds",
        &[("draft", draft), ("deadline", "")],
    )
    .await;
    assert_eq!(opened.status(), 303);
    everyone_agrees(&app, &reference).await;
    let decided = act(&carla, &reference, "consensus", &[("final_answer", draft)]).await;
    assert_eq!(decided.status(), 303);
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);

    let published = mail_to(&app, SUBMITTER, "publiée").await;
    assert_eq!(
        published.subject,
        format!("{reference}\u{a0}: la réponse est publiée")
    );
    assert!(published.text.starts_with("Bonjour Ana Lima,"));
    assert!(published.text.contains(
        "La réponse du groupe de maintenance à votre demande est publiée. Merci de votre question."
    ));
    assert!(published.text.contains("La clarification publiée\u{a0}:"));
    assert!(published.html.contains(">Suivre votre demande</a>"));
}
