//! Lists follow the reader's language (docs/languages.md): countries are
//! named in it and ordered as it orders words, "Égypte" among the E.

use crate::languages::reader_of;
use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, texts_of};

on_both_databases!(a_french_reader_chooses_among_countries_named_and_ordered_in_french);

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
