//! French versions of published clarifications (issue 24, item 4): the
//! secretariat or the group's convenor enters the question and answer in
//! French, before publication (it goes public with it) or after; French
//! readers see them marked as translated from the English reference text,
//! or the English with a note where there is none; a correction since is
//! said; the API, the CSV and the feed carry both; search finds French
//! words by their French stems.

use clarion::db::schema::{clarification_translations, events, requests};
use diesel::prelude::*;

use crate::documents::pdf_text;
use crate::languages::reader_of;
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of, value_of};
use crate::support::register::{Published, publish};
use crate::support::workspace::{act, add_the_people, an_out_of_date_form_is_kept_to_send_again};

on_both_databases!(
    the_secretariat_enters_a_french_version_that_french_readers_see,
    a_french_version_entered_before_publication_goes_public_with_it,
    a_correction_after_the_translation_is_said_on_french_pages,
    a_french_version_missing_a_field_is_refused_and_nothing_is_stored,
    only_the_secretariat_and_the_groups_convenor_enter_french_versions,
    the_api_the_csv_and_the_feed_carry_the_french_and_search_finds_it,
    every_list_of_clarifications_reads_in_french_where_it_can,
    a_question_reworded_after_its_translation_is_said_to_those_who_translate,
    the_pdf_documents_read_in_french_with_the_english_beside,
    a_french_version_sent_from_a_page_out_of_date_is_kept_to_send_again,
);

const QUESTION: &str = "Does the laboratory have to validate methods it developed itself?";
const ANSWER: &str = "Yes. Clause 7.2.2 applies to methods the laboratory developed.";
pub(crate) const QUESTION_FR: &str =
    "Le laboratoire doit-il valider les méthodes qu’il a lui-même développées\u{a0}?";
pub(crate) const ANSWER_FR: &str =
    "Oui. Le paragraphe 7.2.2 s’applique aux méthodes développées par le laboratoire.";

/// A clarification of ISO/IEC 17025 that MG 17025 accepted and answered,
/// published (or, with `state` "decided", awaiting publication).
fn answered(app: &TestApp, state: &str) -> String {
    use clarion::domain::lifecycle::{Action, ActorKind, State};
    use clarion::models::events::{self, NewEvent};
    let reference = publish(&mut app.db(), Published::default());
    let mut conn = app.db();
    let id: String = requests::table
        .filter(requests::reference.eq(&reference))
        .select(requests::id)
        .first(&mut conn)
        .unwrap();
    let accepted = NewEvent {
        request_id: &id,
        actor_user_id: None,
        actor_kind: ActorKind::User,
        action: Action::Accept,
        from_state: Some(State::Screening),
        to_state: State::InGroup,
        note: None,
    };
    events::record(&mut conn, accepted, app.clock.now()).unwrap();
    if state == "decided" {
        diesel::update(requests::table.find(&id))
            .set((
                requests::state.eq("decided"),
                requests::published_at.eq(None::<chrono::NaiveDateTime>),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    reference
}

/// A text as a page shows it: `text_of` reads no-break spaces as spaces.
fn shown(text: &str) -> String {
    text.replace('\u{a0}', " ")
}

/// Sends the French version form as `person` sees it.
pub(crate) async fn enter(
    person: &Person,
    reference: &str,
    question: &str,
    answer: &str,
) -> reqwest::Response {
    let path = format!("/workspace/requests/{reference}/translation");
    let (status, page) = person.page(&path).await;
    assert_eq!(status, 200, "{path} shows its form");
    let (token, version) = (csrf_token_in(&page), value_of(&page, "version").unwrap());
    person
        .post_form(
            &path,
            &[
                ("csrf_token", token.as_str()),
                ("version", &version),
                ("question", question),
                ("answer", answer),
            ],
        )
        .await
}

/// Enters the French version of `reference` as `person`, who may.
pub(crate) async fn entered(person: &Person, reference: &str) {
    let response = enter(person, reference, QUESTION_FR, ANSWER_FR).await;
    assert_eq!(response.status(), 303, "the French version is entered");
}

/// The French versions stored and the events that entered them.
fn stored(app: &TestApp) -> (i64, i64) {
    let mut conn = app.db();
    (
        clarification_translations::table
            .count()
            .get_result(&mut conn)
            .unwrap(),
        events::table
            .filter(events::action.eq("translate"))
            .count()
            .get_result(&mut conn)
            .unwrap(),
    )
}

/// The `lang` attribute of the first element `selector` finds.
fn lang_of(html: &str, selector: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|element| element.value().attr("lang").map(str::to_owned))
}

async fn the_secretariat_enters_a_french_version_that_french_readers_see(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "published");
    let french = reader_of(&app, "fr-CA, fr;q=0.9");
    let path = format!("/clarifications/{reference}");

    // Without a French version, a French reader reads the English, marked
    // as English, and is told there is no French version.
    let (status, page) = french.page(&path).await;
    assert_eq!(status, 200);
    assert!(
        text_of(&page, "#translation-note")
            .unwrap()
            .contains("Il n’existe pas de version française"),
    );
    assert_eq!(text_of(&page, "#question-text").unwrap(), QUESTION);
    assert_eq!(lang_of(&page, "#question-text").as_deref(), Some("en"));
    assert_eq!(lang_of(&page, "#answer-text").as_deref(), Some("en"));

    // The secretariat enters it from the request page.
    let sam = app.signed_in("sam@example.org").await;
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(request_page.contains("id=\"enter-translation\""));
    entered(&sam, &reference).await;
    let (_, request_page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert!(
        text_of(&request_page, "#banner")
            .unwrap()
            .contains("The French version is saved and published"),
    );
    assert!(request_page.contains("Entered the French version"));
    assert_eq!(stored(&app), (1, 1));

    // A French reader now reads it in French, told that the English is
    // the reference text, which stays a click away.
    let (_, page) = french.page(&path).await;
    let note = text_of(&page, "#translation-note").unwrap();
    assert!(note.contains("Traduit de l’anglais"), "{note}");
    assert!(note.contains("Le texte anglais fait foi"), "{note}");
    assert!(text_of(&page, "#translation-version").is_none());
    assert_eq!(
        text_of(&page, "#question-text").unwrap(),
        shown(QUESTION_FR)
    );
    assert_eq!(lang_of(&page, "#question-text"), None);
    assert_eq!(text_of(&page, "#answer-text").unwrap(), ANSWER_FR);
    let english = text_of(&page, "#english-text").unwrap();
    assert!(english.contains("Lire le texte anglais de référence"));
    assert!(english.contains(QUESTION) && english.contains(ANSWER));
    assert_eq!(lang_of(&page, "#english-text > div").as_deref(), Some("en"));

    // An English reader reads the English, told a French version exists.
    let (_, page) = app.page(&path).await;
    assert_eq!(text_of(&page, "#question-text").unwrap(), QUESTION);
    assert!(text_of(&page, "#translation-note").is_none());
    assert!(text_of(&page, "#also-in-french").is_some());

    // The French list shows the French question.
    let (_, list) = french.page("/clarifications").await;
    assert_eq!(text_of(&list, ".result-title").unwrap(), shown(QUESTION_FR));
    assert_eq!(lang_of(&list, ".result-title"), None);
    let (_, list) = app.page("/clarifications").await;
    assert_eq!(text_of(&list, ".result-title").unwrap(), QUESTION);

    // Entered again, it replaces the text: one row, two events.
    let entered = enter(&sam, &reference, QUESTION_FR, "Oui.").await;
    assert_eq!(entered.status(), 303);
    assert_eq!(stored(&app), (1, 2));
    let (_, page) = french.page(&path).await;
    assert_eq!(text_of(&page, "#answer-text").unwrap(), "Oui.");
}

async fn a_french_version_entered_before_publication_goes_public_with_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "decided");
    let french = reader_of(&app, "fr");
    let path = format!("/clarifications/{reference}");

    // The convenor enters it once the group decided.
    let carla = app.signed_in("carla@example.org").await;
    entered(&carla, &reference).await;
    let (_, request_page) = carla
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert!(
        text_of(&request_page, "#banner")
            .unwrap()
            .contains("it will be published with the clarification"),
    );
    assert_eq!(french.page(&path).await.0, 404, "nothing is public yet");

    // The secretariat's preview shows it; publishing makes it public.
    let sam = app.signed_in("sam@example.org").await;
    let published = act(
        &sam,
        &reference,
        "publish",
        &[("consider_at_revision", "on")],
    )
    .await;
    assert_eq!(published.status(), 303);
    let (status, page) = french.page(&path).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "#question-text").unwrap(),
        shown(QUESTION_FR)
    );
    assert!(
        text_of(&page, "#translation-note")
            .unwrap()
            .contains("Traduit de l’anglais")
    );
}

async fn a_correction_after_the_translation_is_said_on_french_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "published");
    let sam = app.signed_in("sam@example.org").await;
    entered(&sam, &reference).await;
    let french = reader_of(&app, "fr");
    let path = format!("/clarifications/{reference}");
    let (_, page) = french.page(&path).await;
    assert!(text_of(&page, "#translation-version").is_none());

    // The English is corrected: the French says it translates version 1.
    let corrected = "Yes. Clause 7.2.2 applies to the methods the laboratory developed itself.";
    let form = format!("/workspace/requests/{reference}/correct");
    let (_, correction) = sam.page(&form).await;
    let issued = sam
        .post_form(
            &form,
            &[
                ("csrf_token", csrf_token_in(&correction).as_str()),
                ("version", &value_of(&correction, "version").unwrap()),
                ("question", QUESTION),
                ("answer", corrected),
                ("note", "Editorial: whose methods."),
            ],
        )
        .await;
    assert_eq!(issued.status(), 303);
    let (_, page) = french.page(&path).await;
    let said = text_of(&page, "#translation-version").unwrap();
    assert!(
        said.contains("version 1 du texte anglais") && said.contains("version 2"),
        "{said}"
    );
    assert!(text_of(&page, "#english-text").unwrap().contains(corrected));
    // The form says so too, until the French is brought up to date.
    let (_, form) = sam
        .page(&format!("/workspace/requests/{reference}/translation"))
        .await;
    assert!(
        text_of(&form, "#translation-entered")
            .unwrap()
            .contains("The English has been corrected since (version 2)")
    );
    entered(&sam, &reference).await;
    let (_, page) = french.page(&path).await;
    assert!(text_of(&page, "#translation-version").is_none());
}

async fn a_french_version_missing_a_field_is_refused_and_nothing_is_stored(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "published");
    let sam = app.signed_in("sam@example.org").await;
    let refused = enter(&sam, &reference, QUESTION_FR, "   ").await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#answer-error").unwrap(),
        "Error: Write the answer in French."
    );
    assert!(text_of(&page, "#question-error").is_none());
    assert_eq!(
        text_of(&page, "#field-question").unwrap(),
        shown(QUESTION_FR),
        "what was typed is kept"
    );
    let refused = enter(&sam, &reference, "", "").await;
    assert_eq!(refused.status(), 422);
    let page = refused.text().await.unwrap();
    assert!(text_of(&page, "#question-error").is_some());
    assert!(text_of(&page, "#answer-error").is_some());
    assert_eq!(stored(&app), (0, 0));
}

async fn only_the_secretariat_and_the_groups_convenor_enter_french_versions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "published");
    let path = format!("/workspace/requests/{reference}/translation");
    // Anyone else is sent to sign in.
    let anonymous = Person::new(&app.address);
    let response = anonymous.get(&path).await;
    assert_eq!(response.status(), 303);
    // A member of the group reads the request but may not translate it;
    // a member of another group does not see it at all.
    let mia = app.signed_in("mia@example.org").await;
    assert_eq!(mia.page(&path).await.0, 409);
    let (_, request_page) = mia.page(&format!("/workspace/requests/{reference}")).await;
    assert!(!request_page.contains("id=\"enter-translation\""));
    let otto = app.signed_in("otto@example.org").await;
    assert_eq!(otto.page(&path).await.0, 404);
    // Nor may they post one, with a token of their own.
    for person in [&mia, &otto] {
        let (_, any) = person.page("/workspace").await;
        let token = csrf_token_in(&any);
        let response = person
            .post_form(
                &path,
                &[
                    ("csrf_token", token.as_str()),
                    ("version", "1"),
                    ("question", QUESTION_FR),
                    ("answer", ANSWER_FR),
                ],
            )
            .await;
        assert!(matches!(response.status().as_u16(), 404 | 409));
    }
    assert_eq!(stored(&app), (0, 0));
    // The convenor may.
    let carla = app.signed_in("carla@example.org").await;
    entered(&carla, &reference).await;
    assert_eq!(stored(&app), (1, 1));
}

async fn the_api_the_csv_and_the_feed_carry_the_french_and_search_finds_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "published");
    let other = publish(
        &mut app.db(),
        Published {
            clause: "6.2.5",
            question: "May a laboratory keep competence records only on paper?",
            answer: "Yes, if they are legible and kept safe.",
            ..Published::default()
        },
    );
    let api = |path: String| {
        let app = &app;
        async move {
            let response = app.get(&path).await;
            assert_eq!(response.status(), 200, "{path}");
            response.json::<serde_json::Value>().await.unwrap()
        }
    };
    let record = api(format!("/api/v1/clarifications/{reference}")).await;
    assert!(record["translations"].is_null(), "none yet");

    let sam = app.signed_in("sam@example.org").await;
    entered(&sam, &reference).await;

    // The API: the French beside the English, in the record and the list.
    let record = api(format!("/api/v1/clarifications/{reference}")).await;
    let french = &record["translations"]["fr"];
    assert_eq!(french["question"], QUESTION_FR);
    assert_eq!(french["answer"], ANSWER_FR);
    assert!(french["answer_html"].as_str().unwrap().contains("<p>Oui."));
    assert_eq!(french["of_version"], 1);
    assert!(french["published_at"].is_string());
    assert_eq!(record["question"], QUESTION, "the English stays");
    let list = api("/api/v1/clarifications".to_owned()).await;
    let items = list["items"].as_array().unwrap();
    let of = |r: &str| items.iter().find(|i| i["reference"] == r).unwrap().clone();
    assert_eq!(
        of(&reference)["translations"]["fr"]["question"],
        QUESTION_FR
    );
    assert!(of(&other)["translations"].is_null());
    let document = api("/api/openapi.json".to_owned()).await;
    assert!(
        document["components"]["schemas"]["TranslationRecord"].is_object(),
        "the OpenAPI document describes it"
    );

    // The CSV: French columns, empty where there is no French.
    let csv = app.get("/clarifications.csv").await.text().await.unwrap();
    let mut rows = csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let row = |r: &str| rows.iter().find(|row| &row[0] == r).unwrap().clone();
    assert_eq!(&row(&reference)[at("question_fr")], QUESTION_FR);
    assert_eq!(&row(&reference)[at("answer_fr")], ANSWER_FR);
    assert_eq!(&row(&reference)[at("fr_of_version")], "1");
    assert_eq!(&row(&other)[at("question_fr")], "");

    // The feed read in French carries the French, then the English as
    // such; read in English, it is as it was.
    let french_reader = reader_of(&app, "fr");
    let (_, feed) = french_reader.page("/feeds/clarifications.atom").await;
    assert!(feed.contains("Traduit de l’anglais"), "{feed}");
    assert!(feed.contains("Le laboratoire doit-il valider"));
    assert!(feed.contains("lang=&quot;en&quot;") || feed.contains("lang=\"en\""));
    let (_, feed) = app.page("/feeds/clarifications.atom").await;
    assert!(!feed.contains("Le laboratoire doit-il valider"));

    // Search: a French word finds the French text by its French stem; an
    // English word finds the English as before.
    let found = |list: serde_json::Value| -> Vec<String> {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["reference"].as_str().unwrap().to_owned())
            .collect()
    };
    let french_words = api("/api/v1/clarifications?q=d%C3%A9veloppement".to_owned()).await;
    assert_eq!(found(french_words), [reference.as_str()]);
    let english_words = api("/api/v1/clarifications?q=validate".to_owned()).await;
    assert_eq!(found(english_words), [reference.as_str()]);
    let (_, page) = french_reader
        .page("/clarifications?q=m%C3%A9thode+d%C3%A9velopp%C3%A9e")
        .await;
    assert_eq!(text_of(&page, ".result-title").unwrap(), shown(QUESTION_FR));
}

/// The texts of a page's elements marked as English.
fn marked_english(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("body [lang=en]").unwrap();
    document
        .select(&selector)
        .map(|element| shown(&element.text().collect::<String>()))
        .collect()
}

async fn every_list_of_clarifications_reads_in_french_where_it_can(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let translated = answered(&app, "published");
    let untranslated_question = "Is a spreadsheet a method the laboratory developed?";
    let untranslated = publish(
        &mut app.db(),
        Published {
            question: untranslated_question,
            ..Published::default()
        },
    );
    let sam = app.signed_in("sam@example.org").await;
    entered(&sam, &translated).await;
    let french = reader_of(&app, "fr");
    let note = "Celles qui n’ont pas de version française sont affichées en anglais";

    // Each list that names published clarifications by their question: a
    // standard's page (its list and its revision backlog), the backlog's
    // own page, the home page's latest, and those on the clause a request
    // form is about.
    for path in [
        "/standards/iso-iec-17025-2017",
        "/standards/iso-iec-17025-2017/revision",
        "/",
        "/requests/new?standard=iso-iec-17025-2017&clause=7.2",
    ] {
        let (status, page) = french.page(path).await;
        assert_eq!(status, 200, "{path}");
        let text = shown(&page);
        assert!(
            text.contains(&shown(QUESTION_FR)),
            "{path} shows the French"
        );
        assert!(!text.contains(QUESTION), "{path} shows no English for it");
        assert!(text.contains(note), "{path} says some are in English");
        let english = marked_english(&page);
        assert!(
            english.iter().any(|t| t.contains(untranslated_question)),
            "{path} marks the untranslated question as English: {english:?}"
        );
        assert!(
            !english.iter().any(|t| t.contains(&shown(QUESTION_FR))),
            "{path} marks the French as English: {english:?}"
        );

        let (_, page) = app.page(path).await;
        assert!(page.contains(QUESTION), "{path} in English");
        assert!(!page.contains(&QUESTION_FR[..20]), "{path} in English");
        assert!(marked_english(&page).is_empty(), "{path} in English");
        assert!(
            !page.contains("shown in English"),
            "{path}: an English page has nothing to say about English"
        );
    }

    // Beside a clarification, the related one on its clause: the French,
    // or the English marked and said.
    let (_, page) = french
        .page(&format!("/clarifications/{untranslated}"))
        .await;
    let related = shown(&text_of(&page, "#related").unwrap());
    assert!(related.contains(&shown(QUESTION_FR)), "{related}");
    assert!(!related.contains(note), "{related}");
    let (_, page) = french.page(&format!("/clarifications/{translated}")).await;
    let related = shown(&text_of(&page, "#related").unwrap());
    assert!(related.contains(untranslated_question), "{related}");
    assert!(related.contains(note), "{related}");
    assert!(
        marked_english(&page)
            .iter()
            .any(|t| t == untranslated_question)
    );
}

async fn a_question_reworded_after_its_translation_is_said_to_those_who_translate(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "decided");
    let carla = app.signed_in("carla@example.org").await;
    entered(&carla, &reference).await;
    let request_path = format!("/workspace/requests/{reference}");
    let translation_path = format!("{request_path}/translation");
    let (_, page) = carla.page(&request_path).await;
    assert!(text_of(&page, "#french-outdated").is_none());

    // The secretariat rewords the English question a little later.
    app.clock.advance(chrono::TimeDelta::minutes(10));
    let sam = app.signed_in("sam@example.org").await;
    let wording_path = format!("{request_path}/wording");
    let (_, form) = sam.page(&wording_path).await;
    let reworded = sam
        .post_form(
            &wording_path,
            &[
                ("csrf_token", csrf_token_in(&form).as_str()),
                ("version", &value_of(&form, "version").unwrap()),
                ("standard", "iso-iec-17025-2017"),
                ("clause", "7.2.1"),
                (
                    "question",
                    "Must a laboratory validate the methods it develops?",
                ),
                ("note", ""),
            ],
        )
        .await;
    assert_eq!(reworded.status(), 303);

    // Whoever may enter the French is told, on the request page and on
    // the form; entering it again settles it.
    let (_, page) = carla.page(&request_path).await;
    assert!(
        text_of(&page, "#french-outdated")
            .unwrap()
            .contains("The English changed after the French version was entered"),
    );
    let (_, form) = carla.page(&translation_path).await;
    assert!(text_of(&form, "#question-reworded").is_some());
    app.clock.advance(chrono::TimeDelta::minutes(10));
    let entered = enter(
        &carla,
        &reference,
        "Un laboratoire doit-il valider les méthodes qu’il développe ?",
        ANSWER_FR,
    )
    .await;
    assert_eq!(entered.status(), 303);
    let (_, page) = carla.page(&request_path).await;
    assert!(text_of(&page, "#french-outdated").is_none());
    let (_, form) = carla.page(&translation_path).await;
    assert!(text_of(&form, "#question-reworded").is_none());
}

async fn the_pdf_documents_read_in_french_with_the_english_beside(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "decided");
    let sam = app.signed_in("sam@example.org").await;
    // Published by the secretariat, it takes its number in its
    // standard's set.
    let published = act(&sam, &reference, "publish", &[]).await;
    assert_eq!(published.status(), 303);
    let french = reader_of(&app, "fr");
    let pdf = |person: &Person, path: String| {
        let person = person.clone();
        async move {
            let response = person.get(&path).await;
            assert_eq!(response.status(), 200, "{path}");
            shown(&pdf_text(&response.bytes().await.unwrap()))
        }
    };
    let one = format!("/clarifications/{reference}.pdf");
    let set = "/standards/iso-iec-17025-2017/clarifications.pdf".to_owned();

    // Without a French version, a French document says the text is in
    // English.
    let text = pdf(&french, one.clone()).await;
    assert!(
        text.contains("Il n’existe pas de version française"),
        "{text}"
    );
    assert!(text.contains(QUESTION), "{text}");

    entered(&sam, &reference).await;
    for path in [one.clone(), set.clone()] {
        let text = pdf(&french, path.clone()).await;
        assert!(text.contains("Traduit de l’anglais"), "{path}: {text}");
        assert!(text.contains(&shown(QUESTION_FR)), "{path}: {text}");
        assert!(text.contains(ANSWER_FR), "{path}: {text}");
        assert!(
            text.contains("Question en anglais, texte de référence"),
            "{path}: {text}"
        );
        assert!(text.contains(QUESTION) && text.contains(ANSWER), "{path}");
        let text = pdf(&app.visitor, path.clone()).await;
        assert!(!text.contains(&QUESTION_FR[..20]), "{path} in English");
        assert!(!text.contains("reference text"), "{path} in English");
    }
}

/// Two tabs on the French version: the one read before the other saved is
/// told so, keeps what was typed in it, and sends it again.
async fn a_french_version_sent_from_a_page_out_of_date_is_kept_to_send_again(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let reference = answered(&app, "published");
    let sam = app.signed_in("sam@example.org").await;
    let path = format!("/workspace/requests/{reference}/translation");
    let (_, stale) = sam.page(&path).await;
    entered(&sam, &reference).await;
    let mine = "Le paragraphe 7.2.2 vise-t-il aussi les méthodes que le laboratoire a modifiées ?";
    an_out_of_date_form_is_kept_to_send_again(
        &sam,
        &path,
        &stale,
        &[("question", mine), ("answer", ANSWER_FR)],
    )
    .await;
    let question: String = clarification_translations::table
        .select(clarification_translations::question)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(question, mine);
    assert_eq!(stored(&app), (1, 2), "one French version, entered twice");
}
