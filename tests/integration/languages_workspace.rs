//! The workspace in French (issue 24): a secretariat whose account chose
//! French reads its queue, the list of requests, a request's page and the
//! banner after an action in French, with French typography.

use clarion::db::schema::users;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::workspace::{act, screened_world};

on_both_databases!(a_french_secretariat_screens_a_request_in_french);

/// A page the person reads, with its status checked.
async fn read(person: &Person, path: &str) -> String {
    let (status, page) = person.page(path).await;
    assert_eq!(status, 200, "{path}");
    page
}

async fn a_french_secretariat_screens_a_request_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    // As the language switch stores the account's choice.
    diesel::update(users::table.filter(users::email.eq("sam@example.org")))
        .set(users::language.eq(Some("fr")))
        .execute(&mut app.db())
        .unwrap();
    let sam = app.signed_in("sam@example.org").await;

    let queue = read(&sam, "/workspace").await;
    assert_eq!(text_of(&queue, "h1").unwrap(), "Ma file");
    assert_eq!(
        text_of(&queue, "#queue-heading").unwrap(),
        "Ce qui vous attend (1)"
    );
    assert_eq!(
        text_of(&queue, "#task-1").unwrap(),
        "Examiner les nouvelles demandes (1)"
    );
    let row = text_of(&queue, "#task-1 + .table-wrap tbody tr").unwrap();
    assert!(
        row.contains(&format!("{reference} ISO/IEC 17025:2017 7.2.1 Examiner"))
            && row.ends_with("moins d’une heure"),
        "{row}"
    );
    assert_eq!(
        text_of(&queue, "thead").unwrap(),
        "Demande À faire Question Attente"
    );

    let list = read(&sam, "/workspace/requests?sort=oldest").await;
    assert_eq!(text_of(&list, "h1").unwrap(), "Demandes");
    assert_eq!(
        text_of(&list, "p[role=status]").unwrap(),
        "1 demande, les plus anciennes d’abord."
    );
    assert_eq!(
        text_of(&list, "#field-sort option[selected]").unwrap(),
        "Les plus anciennes d’abord"
    );
    assert_eq!(
        text_of(&list, "#field-waiting option[value=submitter]").unwrap(),
        "Le demandeur"
    );

    let path = format!("/workspace/requests/{reference}");
    let page = read(&sam, &path).await;
    assert!(
        page.contains("Que voulez-vous faire\u{a0}?"),
        "a no-break space before the question mark"
    );
    assert_eq!(
        text_of(&page, "label[for=choice-accept]").unwrap(),
        "L’accepter pour un groupe de maintenance"
    );
    assert_eq!(
        text_of(&page, "#screening button[type=submit]").unwrap(),
        "Continuer"
    );
    assert_eq!(text_of(&page, "#timeline-heading").unwrap(), "Historique");
    assert_eq!(text_of(&page, ".timeline-title").unwrap(), "Reçue");
    assert_eq!(
        text_of(&page, "#comments-heading").unwrap(),
        "Commentaires internes"
    );

    let accepted = act(&sam, &reference, "accept", &[]).await;
    assert_eq!(accepted.status(), 303);
    let page = read(&sam, &path).await;
    assert!(
        page.contains("Acceptée pour MG 17025\u{a0}; l’animateur a été prévenu."),
        "{:?}",
        text_of(&page, "#banner")
    );
    assert_eq!(
        text_of(&page, ".timeline li:last-child .timeline-title").unwrap(),
        "Acceptée pour le groupe"
    );

    // Someone whose account keeps English still reads English.
    let carla = app.signed_in("carla@example.org").await;
    let queue = read(&carla, "/workspace").await;
    assert_eq!(text_of(&queue, "h1").unwrap(), "My queue");
    assert!(
        text_of(&queue, "main")
            .unwrap()
            .contains("Draft an answer and open a round")
    );
}
