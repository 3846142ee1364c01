//! A third language without a new build (docs/languages.md): its files in
//! `CLARION_LOCALES_DIR`, its name in `CLARION_LANGUAGES`.

use std::path::Path;

use crate::languages::{lang_of, reader_of};
use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, text_of};

on_both_databases!(a_language_read_at_start_is_negotiated_switched_to_and_falls_back_to_english);

/// `dir/ru/`: the English files with a few messages in Russian and one
/// left out.
fn write_russian(dir: &Path) {
    let russian = dir.join("ru");
    std::fs::create_dir_all(&russian).unwrap();
    let english = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/en");
    for file in std::fs::read_dir(english).unwrap() {
        let file = file.unwrap().path();
        let text = std::fs::read_to_string(&file).unwrap();
        let text: String = text
            .lines()
            .filter(|line| !line.starts_with("nav-standards ="))
            .map(|line| match line.split_once(" = ").map(|(id, _)| id) {
                Some("language-name") => "language-name = Русский".to_owned(),
                Some("nav-clarifications") => "nav-clarifications = Разъяснения".to_owned(),
                Some("date-locale") => "date-locale = ru_RU".to_owned(),
                _ => line.to_owned(),
            })
            .map(|line| line + "\n")
            .collect();
        std::fs::write(russian.join(file.file_name().unwrap()), text).unwrap();
    }
}

async fn a_language_read_at_start_is_negotiated_switched_to_and_falls_back_to_english(
    backend: Backend,
) {
    let locales = tempfile::tempdir().unwrap();
    write_russian(locales.path());
    let app = TestApp::spawn_with(
        backend,
        &[
            ("CLARION_LANGUAGES", "en,fr,ru".to_owned()),
            (
                "CLARION_LOCALES_DIR",
                locales.path().to_string_lossy().into_owned(),
            ),
        ],
    )
    .await;

    let russian = reader_of(&app, "ru-RU, en;q=0.5");
    let (status, page) = russian.page("/standards").await;
    assert_eq!(status, 200);
    assert_eq!(lang_of(&page), "ru");
    assert_eq!(
        text_of(&page, ".site-nav a[href='/clarifications']").unwrap(),
        "Разъяснения"
    );
    assert_eq!(
        text_of(&page, ".site-nav a[href='/standards']").unwrap(),
        "Standards",
        "a message the Russian files lack is shown in English"
    );

    // An English reader is offered Russian by its own name, and the switch
    // keeps it.
    let english = reader_of(&app, "en");
    let (_, page) = english.page("/standards").await;
    assert_eq!(
        text_of(&page, ".site-footer a[lang='ru']").unwrap(),
        "Русский"
    );
    let (_, switch) = english.page("/language?back=/standards").await;
    let response = english
        .post_form(
            "/language",
            &[
                ("language", "ru"),
                ("back", "/standards"),
                ("csrf_token", &crate::support::app::csrf_token_in(&switch)),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = english.page("/standards").await;
    assert_eq!(lang_of(&page), "ru");
    assert_eq!(
        text_of(&page, ".site-nav a[href='/clarifications']").unwrap(),
        "Разъяснения"
    );
}
