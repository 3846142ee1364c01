//! The registry in French (issue 24): a secretariat whose account chose
//! French with the switch reads the administration's pages, their option
//! labels, confirmations and statistics in French.

use chrono::TimeDelta;
use clarion::db::schema::{requests, standards, users};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of, texts_of};
use crate::support::eventually::{BOUND, eventually};

on_both_databases!(
    a_french_secretariat_manages_accounts_and_groups_in_french,
    a_french_secretariat_reads_the_statistics_in_french,
);

const CLAIRE: &str = "claire@example.org";
const MARC: &str = "marc@example.org";

/// Claire of the secretariat, signed in, after choosing French with the
/// switch at the foot of the registry's page.
async fn claire_in_french(app: &TestApp) -> Person {
    app.add_user(CLAIRE, "Claire Dubois", true, None);
    let claire = app.signed_in(CLAIRE).await;
    let (_, registry) = claire.page("/admin").await;
    let response = claire
        .post_form(
            "/language",
            &[
                ("language", "fr"),
                ("back", "/admin"),
                ("csrf_token", &csrf_token_in(&registry)),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    claire
}

async fn a_french_secretariat_manages_accounts_and_groups_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user(MARC, "Marc Lefèvre", false, Some(("MG 17025", "convenor")));
    let claire = claire_in_french(&app).await;

    let (status, registry) = claire.page("/admin").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&registry, "h1").unwrap(), "Registre");
    assert_eq!(
        texts_of(&registry, ".card-title"),
        [
            "Normes",
            "Groupes de maintenance",
            "Organismes",
            "Consultation des liaisons",
            "Comités extérieurs",
            "Comptes",
            "Envoi des courriels",
            "Webhooks",
            "Statistiques",
        ]
    );

    let (_, accounts) = claire.page("/admin/users").await;
    assert_eq!(text_of(&accounts, "h1").unwrap(), "Comptes");
    assert_eq!(
        text_of(&accounts, "#users-heading").unwrap(),
        "Tous les comptes (2)"
    );
    assert_eq!(
        texts_of(&accounts, "thead th"),
        [
            "Nom",
            "Adresse électronique",
            "Secrétariat",
            "Groupes",
            "Statut",
            "Dernière connexion",
            "Action",
        ]
    );
    let rows = texts_of(&accounts, "tbody tr");
    let claire_row = rows
        .iter()
        .find(|r| r.starts_with("Claire Dubois"))
        .unwrap();
    assert!(claire_row.contains("Oui"), "{claire_row}");
    assert!(claire_row.contains("Actif"), "{claire_row}");
    assert!(
        claire_row.ends_with("UTC Vous"),
        "signed in today: {claire_row}"
    );
    assert!(claire_row.contains(" à "), "{claire_row}");
    let marc_row = rows.iter().find(|r| r.starts_with("Marc Lefèvre")).unwrap();
    assert!(marc_row.contains("MG 17025 (animateur)"), "{marc_row}");
    assert!(marc_row.contains("Jamais"), "{marc_row}");
    assert!(marc_row.contains("Désactiver Marc Lefèvre"), "{marc_row}");

    let group = app.group_id("MG 17025");
    let (_, page) = claire.page(&format!("/admin/groups/{group}")).await;
    assert_eq!(text_of(&page, ".eyebrow").unwrap(), "Groupe de maintenance");
    assert_eq!(text_of(&page, "#members-heading").unwrap(), "Membres (1)");
    let marc_member = text_of(&page, "table tbody tr").unwrap();
    assert!(marc_member.contains("Animateur Expert"), "{marc_member}");
    assert!(marc_member.contains("depuis le "), "{marc_member}");
    assert!(marc_member.contains("Aucun déclaré"), "{marc_member}");
    assert_eq!(
        text_of(&page, "#rules-heading").unwrap(),
        "Règles de clôture"
    );
    assert_eq!(
        text_of(&page, "label[for=field-quorum_percent]").unwrap(),
        "Quorum, en pourcentage des votants"
    );
    assert_eq!(
        texts_of(&page, "#field-role option"),
        ["Membre", "Animateur"]
    );
    assert_eq!(
        texts_of(&page, "#field-capacity option"),
        ["Expert", "Observateur", "Liaison"]
    );
    assert_eq!(text_of(&page, "#add-heading").unwrap(), "Ajouter un membre");

    // Deactivating Marc asks first, in French, and changes nothing yet.
    let marc = app.user_id(MARC);
    let response = claire
        .post_form(
            &format!("/admin/users/{marc}/deactivate"),
            &[("csrf_token", &csrf_token_in(&accounts))],
        )
        .await;
    assert_eq!(response.status(), 200);
    let asked = response.text().await.unwrap();
    // A no-break space before the question mark, as French writes it.
    assert!(
        asked.contains(">Désactiver Marc Lefèvre\u{a0}?</h1>"),
        "{asked}"
    );
    assert!(
        text_of(&asked, ".notice--warning")
            .unwrap()
            .starts_with("Marc Lefèvre est déconnecté sur-le-champ"),
        "{asked}"
    );
    assert_eq!(
        text_of(&asked, "form[action$='/deactivate'] button").unwrap(),
        "Désactiver Marc Lefèvre"
    );
    assert_eq!(
        text_of(&asked, "form[action$='/deactivate'] a").unwrap(),
        "Annuler"
    );
    let active: bool = users::table
        .filter(users::email.eq(MARC))
        .select(users::active)
        .first(&mut app.db())
        .unwrap();
    assert!(active, "nothing changes before the confirmation");
}

/// French abbreviations of the months, as the tables of the statistics
/// name them.
const MOIS: [&str; 12] = [
    "janv.", "févr.", "mars", "avril", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

async fn a_french_secretariat_reads_the_statistics_in_french(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // A request confirmed four days ago and published three and a half
    // days later.
    let confirmed = app.clock.now() - TimeDelta::days(4);
    let standard: String = standards::table
        .filter(standards::slug.eq("iso-iec-17025-2017"))
        .select(standards::id)
        .first(&mut app.db())
        .unwrap();
    diesel::insert_into(requests::table)
        .values((
            requests::id.eq(clarion::db::new_id()),
            requests::state.eq("published"),
            requests::standard_id.eq(standard),
            requests::clause.eq("7.2.1"),
            requests::question.eq("Does the clause require one procedure per method?"),
            requests::submitter_country.eq("FR"),
            requests::submitter_category.eq("other"),
            requests::is_sample.eq(false),
            requests::created_at.eq(confirmed),
            requests::updated_at.eq(confirmed),
            requests::confirmed_at.eq(Some(confirmed)),
            requests::published_at.eq(Some(confirmed + TimeDelta::hours(84))),
        ))
        .execute(&mut app.db())
        .unwrap();
    let claire = claire_in_french(&app).await;
    app.run_worker_once().await;
    let page = eventually(BOUND, || async {
        let (status, page) = claire.page("/admin/stats").await;
        let brief = text_of(&page, ".stats").unwrap_or_default();
        match status {
            200 if brief.contains("1 Demandes") => Ok(page),
            _ => Err(format!("{status}, {brief:?}")),
        }
    })
    .await;

    assert_eq!(text_of(&page, "h1").unwrap(), "Statistiques");
    let brief = text_of(&page, ".stats").unwrap();
    for figure in [
        "1 Demandes",
        "0 En cours",
        "1 Publiées",
        "3,5 Jours médians jusqu’à la publication",
        "— Acceptées à l’examen de recevabilité",
    ] {
        assert!(brief.contains(figure), "{figure:?} in {brief}");
    }
    assert!(
        text_of(&page, "#computed-at")
            .unwrap()
            .starts_with("Chiffres calculés le "),
    );
    assert_eq!(texts_of(&page, "#by-state-caption"), ["Demandes par état"]);
    // States are named in French in the table and on the chart's bars.
    let states = texts_of(&page, "section[aria-labelledby=by-state-heading] tr");
    assert!(states.contains(&"Publiée 1".to_owned()), "{states:?}");
    assert!(
        page.contains(">Publiée</text>"),
        "the bar of published requests"
    );
    assert_eq!(
        texts_of(&page, "section[aria-labelledby=screening-heading] tbody th"),
        ["Acceptées", "Irrecevables", "Renvoyées", "Doublons"]
    );
    // Months are named in French, in the tables and under the charts.
    let months = texts_of(&page, "section[aria-labelledby=per-month-heading] tbody th");
    assert_eq!(months.len(), 12);
    for month in &months {
        let (name, year) = month.rsplit_once(' ').unwrap();
        assert!(MOIS.contains(&name), "{month}");
        assert_eq!(year.len(), 4, "{month}");
    }
    let (this_month, _) = months[11].rsplit_once(' ').unwrap();
    let chart = scraper::Html::parse_fragment(&page);
    let svg_texts: Vec<String> = chart
        .select(&scraper::Selector::parse("#per-month-title ~ text").unwrap())
        .map(|t| t.text().collect())
        .collect();
    assert!(svg_texts.iter().any(|t| t == this_month), "{svg_texts:?}");
    assert!(
        page.contains("Jours médians de la confirmation à la publication, par mois de publication"),
        "the line chart's title"
    );
    assert!(page.contains("3,5 jours</title>"), "a point's tooltip");
    assert!(!page.contains("No data") && !page.contains("Median days"));
}
