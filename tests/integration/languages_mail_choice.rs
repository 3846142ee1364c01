//! Mail to people who never chose a language (docs/languages.md): an
//! invited account gets the language the secretariat chose for it, an
//! organisation's contact address the language set for the organisation.

use clarion::db::schema::{organisations, users};
use clarion::models::organisations as stored;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, text_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{confirmed_request, valid_form, with};
use crate::support::smtp::ReceivedMail;
use crate::support::workspace::add_the_people;

on_both_databases!(
    an_invited_account_gets_its_invitation_in_the_language_chosen_for_it,
    an_organisation_set_to_french_is_asked_for_its_endorsement_in_french,
);

const AFNOR: &str = "requests@afnor.example";

async fn first_mail_to(app: &TestApp, address: &str) -> ReceivedMail {
    eventually(BOUND, || async {
        app.mail
            .to(address)
            .first()
            .cloned()
            .ok_or_else(|| format!("no mail to {address} yet"))
    })
    .await
}

async fn an_invited_account_gets_its_invitation_in_the_language_chosen_for_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let invite = |email: &'static str, language: &'static str| {
        let sam = &sam;
        async move {
            sam.submit_form(
                "/admin/users/invite",
                "/admin/users/invite",
                &[
                    ("name", "Élise Martin"),
                    ("email", email),
                    ("role", "member"),
                    ("language", language),
                ],
            )
            .await
        }
    };

    let refused = invite("elise@example.org", "xx").await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#language-error").unwrap(),
        "Error: Choose one of the languages offered."
    );

    assert_eq!(invite("elise@example.org", "fr").await.status(), 303);
    let invitation = first_mail_to(&app, "elise@example.org").await;
    assert!(
        invitation.subject.starts_with("Vous êtes invité"),
        "{}",
        invitation.subject
    );
    let stored: Option<String> = users::table
        .filter(users::email.eq("elise@example.org"))
        .select(users::language)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored.as_deref(), Some("fr"));

    // Without a choice, the default.
    assert_eq!(invite("ed@example.org", "").await.status(), 303);
    let invitation = first_mail_to(&app, "ed@example.org").await;
    assert!(
        invitation.subject.starts_with("You are invited"),
        "{}",
        invitation.subject
    );
}

async fn an_organisation_set_to_french_is_asked_for_its_endorsement_in_french(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_INTAKE", "endorsed".to_owned())]).await;
    add_the_people(&app);
    let afnor = stored::find_by_acronym(&mut app.db(), "AFNOR")
        .unwrap()
        .unwrap();
    let sam = app.signed_in("sam@example.org").await;
    let page = format!("/admin/organisations/{}", afnor.id);
    let edit = format!("{page}/edit");
    let response = sam
        .submit_form(
            &edit,
            &page,
            &[("contact_email", AFNOR), ("language", "fr")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let language: Option<String> = organisations::table
        .find(&afnor.id)
        .select(organisations::language)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(language.as_deref(), Some("fr"));
    let (_, form) = sam.page(&edit).await;
    assert_eq!(
        text_of(&form, "#field-language option[selected]").unwrap(),
        "Français"
    );

    confirmed_request(&app, &with(valid_form(), "sponsor", &afnor.id)).await;
    let asked = first_mail_to(&app, AFNOR).await;
    assert!(
        asked.text.contains("Chers collègues d’AFNOR"),
        "{}",
        asked.text
    );
}
