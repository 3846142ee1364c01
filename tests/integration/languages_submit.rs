//! A French submitter (issue 24): the request form, the mail to check, the
//! confirmation, the tracking page and the sign-in page in French, and the
//! language the request was made in kept with it for its mail.

use clarion::db::schema::requests;
use diesel::prelude::*;
use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderValue};

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of, texts_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{valid_form, with};

on_both_databases!(
    a_french_submitter_asks_confirms_and_follows_the_request_in_french,
    a_request_keeps_the_language_of_the_form_it_was_sent_from,
    the_sign_in_page_speaks_french,
);

fn french_reader(app: &TestApp) -> Person {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT_LANGUAGE, HeaderValue::from_static("fr-CH, fr;q=0.9"));
    Person::with_headers(&app.address, headers)
}

/// Sends the request form as `person` reads it; returns where it leads.
async fn send_form(person: &Person, form: &[(&'static str, String)]) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    person
        .submit_form("/requests/new", "/requests", &fields)
        .await
}

/// The confirmation link mailed to `email`, once it has arrived.
async fn confirmation_link(app: &TestApp, email: &str) -> String {
    eventually(BOUND, || async {
        app.mail
            .to(email)
            .iter()
            .flat_map(|m| m.links())
            .find(|l| l.contains("/requests/confirm/"))
            .map(|l| l.strip_prefix(&app.address).unwrap().to_owned())
            .ok_or_else(|| format!("no confirmation mail to {email} yet"))
    })
    .await
}

async fn a_french_submitter_asks_confirms_and_follows_the_request_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_secretariat("secretariat@example.org");
    let french = french_reader(&app);

    let (status, form) = french.page("/requests/new").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&form, "h1").unwrap(), "Demander une clarification");
    assert_eq!(
        text_of(&form, "label[for=field-clause]").unwrap(),
        "Article"
    );
    assert!(
        texts_of(&form, "legend").contains(&"À propos de vous".to_owned()),
        "{:?}",
        texts_of(&form, "legend")
    );
    assert!(
        texts_of(&form, "#field-category option")
            .contains(&"Organisme d’évaluation de la conformité".to_owned()),
        "the categories of submitter are in French"
    );
    assert_eq!(
        text_of(&form, "button[value=send]").unwrap(),
        "Envoyer la demande"
    );

    let sent = send_form(&french, &valid_form()).await;
    assert_eq!(sent.status(), 303);
    let (_, sent) = french.page("/requests/sent").await;
    assert_eq!(text_of(&sent, "h1").unwrap(), "Consultez votre messagerie");

    let confirm = confirmation_link(&app, "ana.lima@lab.example").await;
    let (status, page) = french.page(&confirm).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&page, "h1").unwrap(), "Confirmez votre demande");
    assert_eq!(
        text_of(&page, "form[action^='/requests/confirm/'] button").unwrap(),
        "Confirmer et envoyer"
    );
    let token = csrf_token_in(&page);
    let confirmed = french.post_form(&confirm, &[("csrf_token", &token)]).await;
    assert_eq!(confirmed.status(), 303);
    let track = confirmed.headers()["location"].to_str().unwrap().to_owned();

    let (status, tracking) = french.page(&track).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&tracking, ".eyebrow").unwrap(),
        "Votre demande de clarification"
    );
    assert_eq!(
        text_of(&tracking, ".lede").unwrap(),
        "Le secrétariat vérifie que la demande peut recevoir une réponse sous forme de clarification."
    );
    assert_eq!(
        text_of(&tracking, "#question-heading").unwrap(),
        "Votre question"
    );
    assert_eq!(
        text_of(&tracking, "[aria-current=step] .timeline-title").unwrap(),
        "Examen par le secrétariat en cours"
    );
    assert!(
        texts_of(&tracking, ".timeline-title").contains(&"Reçue".to_owned()),
        "{:?}",
        texts_of(&tracking, ".timeline-title")
    );
    assert_eq!(
        text_of(&tracking, "a[href$='/withdraw']").unwrap(),
        "Retirer la demande"
    );

    // The same page in English for a reader whose browser asks for it:
    // pages follow the reader, not the request.
    let (_, english) = app.page(&track).await;
    assert_eq!(
        text_of(&english, ".eyebrow").unwrap(),
        "Your clarification request"
    );
}

async fn a_request_keeps_the_language_of_the_form_it_was_sent_from(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let french = french_reader(&app);
    let sent = send_form(&french, &with(valid_form(), "email", "ana@lab.example")).await;
    assert_eq!(sent.status(), 303);
    let english = send_form(&app.visitor, &with(valid_form(), "email", "bo@lab.example")).await;
    assert_eq!(english.status(), 303);

    let languages: Vec<(String, Option<String>)> = requests::table
        .inner_join(clarion::db::schema::request_contacts::table)
        .select((
            clarion::db::schema::request_contacts::email,
            requests::language,
        ))
        .order_by(clarion::db::schema::request_contacts::email)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        languages,
        [
            ("ana@lab.example".to_owned(), Some("fr".to_owned())),
            ("bo@lab.example".to_owned(), Some("en".to_owned())),
        ]
    );
}

async fn the_sign_in_page_speaks_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_secretariat("secretariat@example.org");
    let french = french_reader(&app);

    let (status, login) = french.page("/login").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&login, "h1").unwrap(), "Se connecter");
    assert_eq!(
        text_of(&login, "label[for=field-email]").unwrap(),
        "Adresse électronique"
    );
    assert_eq!(
        text_of(&login, "label[for=field-password]").unwrap(),
        "Mot de passe"
    );
    // French puts a no-break space before a question mark.
    assert!(login.contains(">Mot de passe oublié\u{a0}?</a>"));

    let refused = french
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", "secretariat@example.org"),
                ("password", "not the password"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let refused = refused.text().await.unwrap();
    assert_eq!(
        text_of(&refused, "#login-problem").unwrap(),
        "Il y a un problème"
    );
    assert_eq!(
        text_of(&refused, ".error-summary a").unwrap(),
        "L’adresse électronique ou le mot de passe n’est pas correct. Vérifiez les deux et réessayez."
    );

    let (_, forgot) = french.page("/password/forgot").await;
    assert_eq!(text_of(&forgot, "h1").unwrap(), "Mot de passe oublié ?");
}
