//! Lists follow the reader's language (docs/languages.md): countries are
//! named in it and ordered as it orders words, "Égypte" among the E.

use crate::languages::reader_of;
use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, texts_of};

on_both_databases!(
    a_french_reader_chooses_among_countries_named_and_ordered_in_french,
    the_accounts_are_listed_by_name_as_the_readers_language_orders_names,
);

async fn a_french_reader_chooses_among_countries_named_and_ordered_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let countries = |page: &str| texts_of(page, "#field-country option");

    let (_, form) = reader_of(&app, "fr-CH").page("/requests/new").await;
    let french = countries(&form);
    let at = |name: &str| {
        french
            .iter()
            .position(|n| n == name)
            .unwrap_or_else(|| panic!("{name} among {french:?}"))
    };
    assert!(at("Danemark") < at("Égypte"));
    assert!(at("Égypte") < at("Équateur"));
    assert!(at("Équateur") < at("Espagne"));
    assert!(at("Espagne") < at("Zambie"));
    assert!(at("Îles Åland") < at("Inde"));
    assert!(!french.iter().any(|n| n == "Germany"));

    let (_, form) = reader_of(&app, "en").page("/requests/new").await;
    let english = countries(&form);
    assert!(english.iter().any(|n| n == "Germany"));
    let (aland, albania) = (
        english.iter().position(|n| n == "Åland Islands").unwrap(),
        english.iter().position(|n| n == "Albania").unwrap(),
    );
    assert!(aland < albania, "Å sorts with A in English too");
}

async fn the_accounts_are_listed_by_name_as_the_readers_language_orders_names(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    for (email, name) in [
        ("zoe@example.org", "Zoé Zeller"),
        ("emile@example.org", "Émile Étienne"),
        ("eve@example.org", "Eve Evans"),
        ("asa@example.org", "Åsa Andersson"),
        ("bruno@example.org", "bruno Blanc"),
    ] {
        app.add_user(email, name, false, None);
    }
    let sam = app.sign_in(reader_of(&app, "fr"), "sam@example.org").await;
    let (status, page) = sam.page("/admin/users").await;
    assert_eq!(status, 200);
    // Not by bytes (which put "Zoé" before "Émile" and "bruno" last) but
    // as people order names: accents and case aside, letter by letter.
    assert_eq!(
        texts_of(&page, "tbody th[scope=row]"),
        [
            "Åsa Andersson",
            "bruno Blanc",
            "Émile Étienne",
            "Eve Evans",
            "Sam Secretariat",
            "Zoé Zeller",
        ]
    );
}
