//! The public register in French (issue 24): what a reader whose browser
//! asks for French sees of the list, a clarification, a standard and the
//! feed, and the French titles the secretariat keeps in the registry.

use chrono::NaiveDate;
use reqwest::header::{ACCEPT_LANGUAGE, HeaderMap, HeaderValue};

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of, texts_of};
use crate::support::register::{Published, publish};

on_both_databases!(
    a_french_reader_reads_the_register_in_french,
    the_secretariat_keeps_a_french_title_that_french_pages_show,
);

const LAB: &str = "iso-iec-17025-2017";
const LAB_TITLE_FR: &str =
    "Exigences générales concernant la compétence des laboratoires d'étalonnages et d'essais";

fn reader_in(app: &TestApp, accept_language: &str) -> Person {
    let mut headers = HeaderMap::new();
    headers.insert(
        ACCEPT_LANGUAGE,
        HeaderValue::from_str(accept_language).unwrap(),
    );
    Person::with_headers(&app.address, headers)
}

async fn a_french_reader_reads_the_register_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = publish(&mut app.db(), Published::default());
    let withdrawn = publish(
        &mut app.db(),
        Published {
            clause: "6.2.5",
            question: "May a laboratory keep competence records only on paper?",
            flag: Some("withdrawn"),
            published_on: NaiveDate::from_ymd_opt(2025, 4, 2).unwrap(),
            ..Published::default()
        },
    );
    // Enough for a second page.
    for day in 1..=20 {
        publish(
            &mut app.db(),
            Published {
                clause: "7.7.1",
                question: "Which results does the laboratory monitor for validity?",
                published_on: NaiveDate::from_ymd_opt(2025, 5, day).unwrap(),
                ..Published::default()
            },
        );
    }
    let french = reader_in(&app, "fr-CH, fr;q=0.9");

    // The list, its filters and its pager.
    let (status, list) = french.page("/clarifications").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&list, "h1").unwrap(), "Clarifications publiées");
    assert_eq!(
        text_of(&list, "details summary").unwrap(),
        "Filtrer par norme, article, année ou statut"
    );
    assert!(
        text_of(&list, "label[for=field-year]")
            .unwrap()
            .starts_with("Année de publication")
    );
    let statuses = texts_of(&list, "#field-status option");
    assert_eq!(
        statuses,
        [
            "Tous les statuts",
            "En vigueur",
            "Remplacée",
            "Intégrée à une nouvelle édition",
            "Retirée"
        ]
    );
    assert!(
        texts_of(&list, "#field-standard option")
            .iter()
            .any(|o| o == "ISO/IEC 17025:2005 (remplacée)"),
        "a superseded edition is named so in French"
    );
    assert_eq!(
        text_of(&list, "p[role=status]").unwrap(),
        "22 clarifications, affichage 1–20, les plus récentes d’abord."
    );
    assert_eq!(text_of(&list, ".pagination-next").unwrap(), "Suivante");
    assert!(
        texts_of(&list, ".result-list .meta")
            .iter()
            .any(|m| m.contains("article 7.7.1 · publiée le 20 mai 2025")),
        "{list}"
    );
    let (_, second) = french.page("/clarifications?page=2").await;
    assert_eq!(text_of(&second, ".pagination-prev").unwrap(), "Précédente");
    assert!(
        text_of(&second, "title").unwrap().contains("(page 2 sur "),
        "the page in the title, in French"
    );
    assert!(
        texts_of(&second, ".badge").iter().any(|b| b == "Retirée"),
        "the withdrawn one is marked in French"
    );
    let (_, none) = french.page("/clarifications?q=zzzyxw").await;
    assert_eq!(
        text_of(&none, ".empty strong").unwrap(),
        "Aucune clarification publiée ne correspond à cette recherche."
    );

    // A clarification's page: its labels, its dates and its standard's
    // French title.
    let (status, page) = french.page(&format!("/clarifications/{first}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "ISO/IEC 17025:2017, article 7.2.1"
    );
    assert_eq!(text_of(&page, "#question-heading").unwrap(), "Question");
    assert_eq!(text_of(&page, "#answer-heading").unwrap(), "Réponse");
    assert_eq!(
        text_of(&page, ".page-standard a").unwrap(),
        LAB_TITLE_FR,
        "the standard's official French title"
    );
    assert!(
        texts_of(&page, ".meta-list li")
            .iter()
            .any(|li| li == "Publiée le 14 mars 2025")
    );
    let details: Vec<String> = texts_of(&page, ".definition-list dt");
    for label in [
        "Norme",
        "Article",
        "Réponse de",
        "Statut",
        "Prochaine révision",
    ] {
        assert!(
            details.iter().any(|dt| dt == label),
            "{label} in {details:?}"
        );
    }
    assert!(
        texts_of(&page, ".definition-list dd")
            .iter()
            .any(|dd| dd == "En vigueur")
    );
    assert_eq!(
        text_of(&page, "#cite-heading").unwrap(),
        "Citer cette clarification"
    );
    let (_, gone) = french.page(&format!("/clarifications/{withdrawn}")).await;
    assert_eq!(
        text_of(&gone, ".banner-title").unwrap(),
        "Cette clarification est retirée"
    );

    // A standard's page and the list of standards show the French title.
    let (_, standard) = french.page(&format!("/standards/{LAB}")).await;
    assert_eq!(text_of(&standard, ".lede").unwrap(), LAB_TITLE_FR);
    assert_eq!(text_of(&standard, ".badge").unwrap(), "Édition en vigueur");
    assert_eq!(
        text_of(&standard, "#backlog-heading").unwrap(),
        "Pour la prochaine révision (21)",
        "all but the withdrawn one"
    );
    let (_, standards) = french.page("/standards").await;
    assert!(
        texts_of(&standards, "td")
            .iter()
            .any(|td| td == LAB_TITLE_FR),
        "the list of standards gives the French title"
    );

    // The feed's own words, and a feed that says it varies with them.
    let response = french.get("/feeds/clarifications.atom").await;
    assert!(
        response.headers()["vary"]
            .to_str()
            .unwrap()
            .contains("Accept-Language")
    );
    let body = response.bytes().await.unwrap();
    let feed = feed_rs::parser::parse(&body[..]).expect("an Atom feed");
    assert_eq!(feed.language.as_deref(), Some("fr"));
    assert!(
        feed.title
            .unwrap()
            .content
            .ends_with("\u{a0}: nouvelles clarifications"),
        "the feed's title in French"
    );
    assert!(feed.entries.iter().any(|e| {
        e.title
            .as_ref()
            .unwrap()
            .content
            .ends_with("ISO/IEC 17025:2017, article 7.2.1")
    }));

    // Someone else reads the same addresses in English.
    let english = reader_in(&app, "en-GB");
    let (_, page) = english.page(&format!("/clarifications/{first}")).await;
    assert_eq!(
        text_of(&page, ".page-standard a").unwrap(),
        "General requirements for the competence of testing and calibration laboratories"
    );
    assert_eq!(text_of(&page, "#answer-heading").unwrap(), "Answer");
    let (_, list) = english.page("/clarifications").await;
    assert_eq!(
        text_of(&list, "p[role=status]").unwrap(),
        "22 clarifications, showing 1–20, newest first."
    );
}

async fn the_secretariat_keeps_a_french_title_that_french_pages_show(backend: Backend) {
    use clarion::db::schema::{groups, standards};
    use diesel::prelude::*;

    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretary", true, None);
    let sam = app.signed_in("sam@example.org").await;
    let slug = "iso-iec-17065-2012";
    let group: Option<String> = standards::table
        .filter(standards::slug.eq(slug))
        .select(standards::group_id)
        .first(&mut app.db())
        .unwrap();
    let english_title = "Conformity assessment — Requirements for bodies certifying products, processes and services";
    let french_title = "Évaluation de la conformité — Exigences pour les organismes certifiant les produits, les procédés et les services (essai)";

    let edit = format!("/admin/standards/{slug}/edit");
    let (_, form) = sam.page(&edit).await;
    assert!(
        form.contains("name=\"title_fr\""),
        "the edit form offers the French title"
    );
    let response = sam
        .submit_form(
            &edit,
            &format!("/admin/standards/{slug}"),
            &[
                ("title", english_title),
                ("title_fr", french_title),
                ("group", group.as_deref().unwrap_or_default()),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let stored: Option<String> = standards::table
        .filter(standards::slug.eq(slug))
        .select(standards::title_fr)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored.as_deref(), Some(french_title));

    let french = reader_in(&app, "fr");
    let (_, page) = french.page(&format!("/standards/{slug}")).await;
    assert_eq!(text_of(&page, ".lede").unwrap(), french_title);
    let english = reader_in(&app, "en");
    let (_, page) = english.page(&format!("/standards/{slug}")).await;
    assert_eq!(text_of(&page, ".lede").unwrap(), english_title);
    let api: serde_json::Value = english.get("/api/v1/standards").await.json().await.unwrap();
    let record = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|item| item["slug"] == slug)
        .unwrap();
    assert_eq!(record["title_fr"], french_title);

    // Left empty, the French title is gone and French pages fall back to
    // the English one.
    let response = sam
        .submit_form(
            &edit,
            &format!("/admin/standards/{slug}"),
            &[
                ("title", english_title),
                ("title_fr", "  "),
                ("group", group.as_deref().unwrap_or_default()),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = french.page(&format!("/standards/{slug}")).await;
    assert_eq!(text_of(&page, ".lede").unwrap(), english_title);

    // A new group keeps its French name.
    let response = sam
        .submit_form(
            "/admin/groups/new",
            "/admin/groups",
            &[
                ("code", "MG 17099"),
                ("name", "Maintenance group for ISO/IEC 17099"),
                ("name_fr", "Groupe de maintenance de l'ISO/IEC 17099"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let name_fr: Option<String> = groups::table
        .filter(groups::code.eq("MG 17099"))
        .select(groups::name_fr)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        name_fr.as_deref(),
        Some("Groupe de maintenance de l'ISO/IEC 17099")
    );
}
