//! Who sits in a group and on what terms (issue 19, item 1): the capacity
//! a member sits in, the organisation that nominated them, the dates of
//! their membership and the interests they declared; each group's closing
//! rules; and the registry of organisations that nominate, with the
//! contact address kept for each.

use chrono::NaiveDateTime;
use clarion::db::schema::{groups, memberships, organisations};
use clarion::i18n::Lang;
use clarion::seed::organisations::Organisations;
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of, value_of};

const SECRETARIAT: &str = "sam@example.org";
const LIA: &str = "lia@example.org";

/// A fresh instance with a secretariat account signed in, and Lia, who has
/// an account and no group.
async fn secretariat_at_work(backend: Backend) -> (TestApp, Person, String) {
    let app = TestApp::spawn(backend).await;
    app.add_user(SECRETARIAT, "Sam Secretariat", true, None);
    app.add_user(LIA, "Lia Liaison", false, None);
    let sam = app.signed_in(SECRETARIAT).await;
    let lia = app.user_id(LIA);
    (app, sam, lia)
}

fn organisation_id(app: &TestApp, acronym: &str) -> String {
    organisations::table
        .filter(organisations::acronym.eq(acronym))
        .select(organisations::id)
        .first(&mut app.db())
        .unwrap()
}

/// Role, capacity, nominating body's acronym, start, end, interests.
type Terms = (
    String,
    String,
    Option<String>,
    NaiveDateTime,
    Option<NaiveDateTime>,
    Option<String>,
);

fn terms(app: &TestApp, group: &str, user: &str) -> Option<Terms> {
    memberships::table
        .left_join(organisations::table)
        .filter(memberships::group_id.eq(group))
        .filter(memberships::user_id.eq(user))
        .select((
            memberships::role,
            memberships::capacity,
            organisations::acronym.nullable(),
            memberships::starts_at,
            memberships::ends_at,
            memberships::interests,
        ))
        .first(&mut app.db())
        .optional()
        .unwrap()
}

fn day(text: &str) -> NaiveDateTime {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

/// The visible text of the option selected in the select named `name`.
fn chosen(html: &str, name: &str) -> Option<String> {
    text_of(html, &format!("select[name=\"{name}\"] option[selected]"))
}

/// The rows of the tables under `scope`, each as the texts of its cells.
fn rows(html: &str, scope: &str) -> Vec<Vec<String>> {
    let document = scraper::Html::parse_document(html);
    let rows = scraper::Selector::parse(&format!("{scope} tbody tr")).unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    document
        .select(&rows)
        .map(|row| {
            row.select(&cells)
                .map(|cell| {
                    cell.text()
                        .collect::<Vec<_>>()
                        .join(" ")
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

/// The members table's row of `name`, cell by cell.
fn member_row(html: &str, name: &str) -> Vec<String> {
    rows(html, "[aria-labelledby=members-heading]")
        .into_iter()
        .find(|row| row[0].starts_with(name))
        .unwrap_or_else(|| panic!("a row for {name}"))
}

/// Whether the checkbox named `name` is ticked.
fn ticked(html: &str, name: &str) -> bool {
    let document = scraper::Html::parse_document(html);
    let selector =
        scraper::Selector::parse(&format!("input[type=checkbox][name=\"{name}\"][checked]"))
            .unwrap();
    document.select(&selector).next().is_some()
}

on_both_databases!(
    the_secretariat_seats_a_liaison_then_changes_the_terms_of_the_membership,
    a_membership_that_does_not_hold_together_is_refused_with_the_input_kept,
    the_closing_rules_are_set_on_the_group_page_and_bad_ones_refused,
    the_organisations_are_shipped_searchable_and_their_contact_kept,
);

async fn the_secretariat_seats_a_liaison_then_changes_the_terms_of_the_membership(
    backend: Backend,
) {
    let (app, sam, lia) = secretariat_at_work(backend).await;
    let group = app.group_id("MG 17025");
    let page_path = format!("/admin/groups/{group}");
    let (status, page) = sam.page(&page_path).await;
    assert_eq!(status, 200);
    // Adding someone: an expert from today unless said otherwise.
    let today = app.clock.now().date().format("%Y-%m-%d").to_string();
    assert_eq!(value_of(&page, "starts_on").unwrap(), today);
    assert_eq!(chosen(&page, "capacity").unwrap(), "Expert");
    assert_eq!(chosen(&page, "nominated_by").unwrap(), "None");
    // Member bodies by country, then the liaisons.
    let groups_of_options: Vec<String> = scraper::Html::parse_document(&page)
        .select(&scraper::Selector::parse("#field-nominated_by optgroup").unwrap())
        .map(|g| g.value().attr("label").unwrap().to_owned())
        .collect();
    assert_eq!(
        groups_of_options,
        ["Member bodies, by country", "Liaison organisations"]
    );
    assert!(page.contains(">France — AFNOR</option>"), "{page}");
    assert!(page.contains(">ILAC — International Laboratory Accreditation Cooperation</option>"));

    let ilac = organisation_id(&app, "ILAC");
    let response = sam
        .submit_form(
            &page_path,
            &format!("{page_path}/members"),
            &[
                ("user", &lia),
                ("role", "member"),
                ("capacity", "liaison"),
                ("nominated_by", &ilac),
                ("starts_on", "2090-01-01"),
                ("ends_on", "2092-01-01"),
                ("interests", "Assessor for Example Accreditation."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], page_path.as_str());
    assert_eq!(
        terms(&app, &group, &lia),
        Some((
            "member".into(),
            "liaison".into(),
            Some("ILAC".into()),
            day("2090-01-01"),
            Some(day("2092-01-01")),
            Some("Assessor for Example Accreditation.".into()),
        ))
    );
    let (_, page) = sam.page(&page_path).await;
    assert_eq!(
        text_of(&page, ".notice--success").unwrap(),
        "The member was added."
    );
    assert_eq!(
        member_row(&page, "Lia Liaison")[1..6],
        [
            "Member",
            "Liaison",
            "ILAC",
            "from 1 Jan 2090 until 1 Jan 2092 Not started",
            "Assessor for Example Accreditation.",
        ]
    );

    // The list of accounts says where she sits, and as what.
    let (_, accounts) = sam.page("/admin/users").await;
    assert!(
        text_of(&accounts, "tbody")
            .unwrap()
            .contains("MG 17025 (member, liaison)"),
        "{accounts}"
    );

    // Her own page shows the terms as they stand, and changes them.
    let member_path = format!("{page_path}/members/{lia}");
    let (status, form) = sam.page(&member_path).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&form, "h1").unwrap(), "Lia Liaison");
    assert_eq!(chosen(&form, "capacity").unwrap(), "Liaison");
    assert_eq!(
        chosen(&form, "nominated_by").unwrap(),
        "ILAC — International Laboratory Accreditation Cooperation"
    );
    assert_eq!(value_of(&form, "starts_on").unwrap(), "2090-01-01");
    assert_eq!(value_of(&form, "ends_on").unwrap(), "2092-01-01");
    assert_eq!(
        text_of(&form, "#field-interests").unwrap(),
        "Assessor for Example Accreditation."
    );
    let afnor = organisation_id(&app, "AFNOR");
    let response = sam
        .submit_form(
            &member_path,
            &member_path,
            &[
                ("role", "convenor"),
                ("capacity", "expert"),
                ("nominated_by", &afnor),
                ("starts_on", "2020-01-05"),
                ("ends_on", ""),
                ("interests", "  "),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], page_path.as_str());
    assert_eq!(
        terms(&app, &group, &lia),
        Some((
            "convenor".into(),
            "expert".into(),
            Some("AFNOR".into()),
            day("2020-01-05"),
            None,
            None,
        ))
    );
    let (_, page) = sam.page(&page_path).await;
    assert_eq!(
        text_of(&page, ".notice--success").unwrap(),
        "The membership was saved."
    );
    assert_eq!(
        member_row(&page, "Lia Liaison")[1..6],
        [
            "Convenor",
            "Expert",
            "AFNOR",
            "from 5 Jan 2020",
            "None declared"
        ]
    );

    // Nobody else has a membership page here.
    let stranger = app.user_id(SECRETARIAT);
    let (status, _) = sam.page(&format!("{page_path}/members/{stranger}")).await;
    assert_eq!(status, 404);
}

async fn a_membership_that_does_not_hold_together_is_refused_with_the_input_kept(backend: Backend) {
    let (app, sam, lia) = secretariat_at_work(backend).await;
    let group = app.group_id("MG 17025");
    let page_path = format!("/admin/groups/{group}");
    let afnor = organisation_id(&app, "AFNOR");
    let members = |app: &TestApp| -> i64 {
        memberships::table
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let before = members(&app);

    // A liaison nominated by a member body, and an end before the start.
    let response = sam
        .submit_form(
            &page_path,
            &format!("{page_path}/members"),
            &[
                ("user", &lia),
                ("role", "member"),
                ("capacity", "liaison"),
                ("nominated_by", &afnor),
                ("starts_on", "2027-03-01"),
                ("ends_on", "2027-02-01"),
                ("interests", "Works for Example Certification."),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    assert_eq!(
        text_of(&page, "#nominated_by-error").unwrap(),
        "Error: AFNOR is a member body; a member in liaison capacity represents a liaison organisation. Choose one, or another capacity."
    );
    assert_eq!(
        text_of(&page, "#ends_on-error").unwrap(),
        "Error: The end date must be after the start date."
    );
    let summary = text_of(&page, ".error-summary").unwrap();
    assert!(summary.contains("AFNOR is a member body"), "{summary}");
    // Everything typed is still there.
    assert_eq!(
        chosen(&page, "user").unwrap(),
        "Lia Liaison (lia@example.org)"
    );
    assert_eq!(chosen(&page, "capacity").unwrap(), "Liaison");
    assert_eq!(chosen(&page, "nominated_by").unwrap(), "France — AFNOR");
    assert_eq!(value_of(&page, "starts_on").unwrap(), "2027-03-01");
    assert_eq!(value_of(&page, "ends_on").unwrap(), "2027-02-01");
    assert_eq!(
        text_of(&page, "#field-interests").unwrap(),
        "Works for Example Certification."
    );
    assert_eq!(members(&app), before, "nothing stored");

    // An expert named by a liaison; a body not in the registry; a start
    // that is no date.
    let iaf = organisation_id(&app, "IAF");
    for (capacity, body, starts_on, field, message) in [
        (
            "expert",
            iaf.as_str(),
            "2027-03-01",
            "nominated_by",
            "IAF is a liaison organisation; its representatives sit in liaison capacity. Choose that capacity, or a member body.",
        ),
        (
            "liaison",
            "",
            "2027-03-01",
            "nominated_by",
            "Choose the liaison organisation this member represents.",
        ),
        (
            "observer",
            "no-such-organisation",
            "2027-03-01",
            "nominated_by",
            "Choose a nominating body from the list, or none.",
        ),
        (
            "observer",
            "",
            "1 March",
            "starts_on",
            "Enter the start date as a date, for example 2027-01-31.",
        ),
        (
            "chair",
            "",
            "2027-03-01",
            "capacity",
            "Choose expert, observer or liaison.",
        ),
    ] {
        let response = sam
            .submit_form(
                &page_path,
                &format!("{page_path}/members"),
                &[
                    ("user", &lia),
                    ("role", "member"),
                    ("capacity", capacity),
                    ("nominated_by", body),
                    ("starts_on", starts_on),
                ],
            )
            .await;
        assert_eq!(response.status(), 422, "{capacity} {body} {starts_on}");
        let page = response.text().await.unwrap();
        assert_eq!(
            text_of(&page, &format!("#{field}-error")).unwrap(),
            format!("Error: {message}")
        );
    }
    assert_eq!(members(&app), before, "nothing stored");

    // A member's own page refuses the same way and keeps the terms.
    app.add_user(
        "eva@example.org",
        "Eva Expert",
        false,
        Some(("MG 17025", "member")),
    );
    let eva = app.user_id("eva@example.org");
    let stored = terms(&app, &group, &eva);
    let member_path = format!("{page_path}/members/{eva}");
    let response = sam
        .submit_form(
            &member_path,
            &member_path,
            &[
                ("role", "member"),
                ("capacity", "expert"),
                ("nominated_by", &afnor),
                ("starts_on", ""),
                ("ends_on", "2030-13-01"),
                ("interests", &"x".repeat(2_001)),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#starts_on-error").unwrap(),
        "Error: Enter the date the membership starts."
    );
    assert_eq!(
        text_of(&page, "#ends_on-error").unwrap(),
        "Error: Enter the end date as a date, for example 2027-01-31, or leave it empty."
    );
    assert_eq!(
        text_of(&page, "#interests-error").unwrap(),
        "Error: Enter declared interests of at most 2,000 characters."
    );
    assert_eq!(chosen(&page, "nominated_by").unwrap(), "France — AFNOR");
    assert_eq!(value_of(&page, "ends_on").unwrap(), "2030-13-01");
    assert_eq!(terms(&app, &group, &eva), stored, "nothing changed");
}

async fn the_closing_rules_are_set_on_the_group_page_and_bad_ones_refused(backend: Backend) {
    let (app, sam, _) = secretariat_at_work(backend).await;
    let group = app.group_id("MG 17065");
    let page_path = format!("/admin/groups/{group}");
    let rules = |app: &TestApp| -> (i32, i32, bool, i32, i32) {
        groups::table
            .find(&group)
            .select((
                groups::quorum_percent,
                groups::quorum_minimum,
                groups::liaisons_vote,
                groups::objection_days,
                groups::meeting_objection_days,
            ))
            .first(&mut app.db())
            .unwrap()
    };
    // The safe defaults of issue 19, as the form shows them.
    assert_eq!(rules(&app), (50, 2, false, 7, 14));
    let (_, page) = sam.page(&page_path).await;
    assert_eq!(value_of(&page, "quorum_percent").unwrap(), "50");
    assert_eq!(value_of(&page, "quorum_minimum").unwrap(), "2");
    assert!(!ticked(&page, "liaisons_vote"));
    assert_eq!(value_of(&page, "objection_days").unwrap(), "7");
    assert_eq!(value_of(&page, "meeting_objection_days").unwrap(), "14");

    let version = || clarion::models::register::version(&mut app.db()).unwrap();
    let register_before = version();
    let response = sam
        .submit_form(
            &page_path,
            &format!("{page_path}/rules"),
            &[
                ("quorum_percent", "60"),
                ("quorum_minimum", "3"),
                ("liaisons_vote", "on"),
                ("objection_days", "10"),
                ("meeting_objection_days", "21"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], page_path.as_str());
    assert_eq!(rules(&app), (60, 3, true, 10, 21));
    assert_eq!(
        version(),
        register_before,
        "the public register does not show closing rules"
    );
    let (_, page) = sam.page(&page_path).await;
    assert_eq!(
        text_of(&page, ".notice--success").unwrap(),
        "The closing rules were saved."
    );
    assert_eq!(value_of(&page, "quorum_percent").unwrap(), "60");
    assert!(ticked(&page, "liaisons_vote"));

    let response = sam
        .submit_form(
            &page_path,
            &format!("{page_path}/rules"),
            &[
                ("quorum_percent", "101"),
                ("quorum_minimum", "0"),
                ("objection_days", "two weeks"),
                ("meeting_objection_days", "0"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    for (field, message) in [
        ("quorum_percent", "Enter a whole number from 0 to 100."),
        (
            "quorum_minimum",
            "Enter a whole number of voters from 1 to 1,000.",
        ),
        ("objection_days", "Enter a number of days from 1 to 365."),
        (
            "meeting_objection_days",
            "Enter a number of days from 1 to 365.",
        ),
    ] {
        assert_eq!(
            text_of(&page, &format!("#{field}-error")).unwrap(),
            format!("Error: {message}"),
            "{field}"
        );
    }
    assert_eq!(value_of(&page, "quorum_percent").unwrap(), "101");
    assert_eq!(value_of(&page, "objection_days").unwrap(), "two weeks");
    assert_eq!(rules(&app), (60, 3, true, 10, 21), "nothing changed");
}

async fn the_organisations_are_shipped_searchable_and_their_contact_kept(backend: Backend) {
    let (app, sam, _) = secretariat_at_work(backend).await;
    let shipped = Organisations::built_in();
    let (_, index) = sam.page("/admin").await;
    assert!(index.contains(r#"href="/admin/organisations""#));

    // The registry holds the shipped list from the first start, member
    // bodies first, 50 a page.
    let (status, page) = sam.page("/admin/organisations").await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "#bodies-heading").unwrap(),
        format!("Member bodies ({})", shipped.member_bodies.len())
    );
    let listed = shipped.member_bodies.len() + shipped.liaisons.len();
    let pages = listed.div_ceil(50);
    assert!(pages > 1, "{listed} organisations fill more than a page");
    assert_eq!(
        text_of(&page, "[role=status]").unwrap(),
        format!("{listed} organisations, showing 1–50.")
    );
    assert_eq!(rows(&page, "[aria-labelledby=bodies-heading]").len(), 50);
    let mut bodies = Vec::new();
    let mut liaisons = Vec::new();
    for number in 1..=pages {
        let (status, page) = sam
            .page(&format!("/admin/organisations?page={number}"))
            .await;
        assert_eq!(status, 200);
        bodies.extend(rows(&page, "[aria-labelledby=bodies-heading]"));
        liaisons.extend(rows(&page, "[aria-labelledby=liaisons-heading]"));
        if number == pages {
            assert_eq!(
                text_of(&page, "#liaisons-heading").unwrap(),
                format!("Liaison organisations ({})", shipped.liaisons.len())
            );
        }
    }
    assert_eq!(bodies.len(), shipped.member_bodies.len());
    assert_eq!(liaisons.len(), shipped.liaisons.len());
    let (_, past) = sam
        .page(&format!("/admin/organisations?page={}", pages + 1))
        .await;
    let empty = text_of(&past, ".empty").unwrap();
    assert!(
        empty.contains(&format!("There are only {pages} pages of organisations")),
        "{empty}"
    );
    let afnor = organisation_id(&app, "AFNOR");
    let edit = format!("/admin/organisations/{afnor}/edit");
    assert!(bodies.contains(&vec![
        "France".to_owned(),
        "AFNOR".to_owned(),
        "Association Française de Normalisation".to_owned(),
        "None yet".to_owned(),
        "Edit AFNOR".to_owned(),
    ]));
    // By country name as English sorts it: Argentina before Austria before
    // Brazil, and an accent counts after the letters, so Côte d'Ivoire
    // comes between Costa Rica and Croatia.
    let countries: Vec<&str> = bodies.iter().map(|row| row[0].as_str()).collect();
    let mut sorted = countries.clone();
    sorted.sort_by(|a, b| Lang::english().compare(a, b));
    assert_eq!(countries, sorted);
    let at = |name: &str| countries.iter().position(|c| *c == name).unwrap();
    assert!(at("Argentina") < at("Austria") && at("Austria") < at("Brazil"));
    assert!(at("Costa Rica") < at("Côte d'Ivoire") && at("Côte d'Ivoire") < at("Croatia"));

    // A search narrows both lists.
    let (_, found) = sam.page("/admin/organisations?q=accreditation").await;
    let liaisons = text_of(&found, "[aria-labelledby=liaisons-heading] tbody").unwrap();
    assert!(
        liaisons.contains("ILAC") && liaisons.contains("IAF"),
        "{liaisons}"
    );
    assert!(!liaisons.contains("IQNet"), "{liaisons}");
    let (_, found) = sam.page("/admin/organisations?q=FRANCE").await;
    assert_eq!(
        text_of(&found, "#bodies-heading").unwrap(),
        "Member bodies (1)"
    );
    assert!(text_of(&found, "#liaisons-heading").is_none());
    assert!(found.contains("No liaison organisation matches."));
    assert!(found.contains(&format!(r#"href="/admin/organisations/{afnor}/edit""#)));
    let (_, none) = sam.page("/admin/organisations?q=atlantis").await;
    assert!(text_of(&none, ".empty").unwrap().contains(&format!(
        "None of the {listed} organisations matches “atlantis”"
    )),);

    // The contact address: refused when it is no address, kept, cleared.
    let contact = |app: &TestApp| -> Option<String> {
        organisations::table
            .find(&afnor)
            .select(organisations::contact_email)
            .first(&mut app.db())
            .unwrap()
    };
    let action = format!("/admin/organisations/{afnor}");
    let response = sam
        .submit_form(
            &edit,
            &action,
            &[("contact_email", "clarifications at afnor")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#contact_email-error").unwrap(),
        "Error: Enter the contact address in the form name@example.org, or leave it empty."
    );
    assert_eq!(
        value_of(&page, "contact_email").unwrap(),
        "clarifications at afnor"
    );
    assert_eq!(contact(&app), None);
    let response = sam
        .submit_form(
            &edit,
            &action,
            &[("contact_email", "Clarifications@AFNOR.example")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/admin/organisations");
    assert_eq!(
        contact(&app).as_deref(),
        Some("clarifications@afnor.example")
    );
    let (_, page) = sam.page("/admin/organisations").await;
    assert_eq!(
        text_of(&page, ".notice--success").unwrap(),
        "The contact address was saved."
    );
    assert!(page.contains("clarifications@afnor.example"));
    // Seeding again leaves it as the secretariat set it.
    clarion::seed::registry::Registry::built_in()
        .load(&mut app.db(), app.clock.now())
        .unwrap();
    assert_eq!(
        contact(&app).as_deref(),
        Some("clarifications@afnor.example")
    );
    let response = sam
        .submit_form(&edit, &action, &[("contact_email", "")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(contact(&app), None);

    // Added by hand: checked like the rest, and offered on the group page.
    let count = |app: &TestApp| -> i64 {
        organisations::table
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    let before = count(&app);
    for (fields, field, message) in [
        (
            [
                ("kind", "member_body"),
                ("acronym", "afnor"),
                ("name", "Again"),
                ("country", "FR"),
            ],
            "acronym",
            "AFNOR (Association Française de Normalisation) is already in the registry.",
        ),
        (
            [
                ("kind", "member_body"),
                ("acronym", "XSB"),
                ("name", "Example Standards"),
                ("country", ""),
            ],
            "country",
            "Enter the country of the member body as its two-letter code, for example FR.",
        ),
        (
            [
                ("kind", "liaison"),
                ("acronym", "XLO"),
                ("name", "Example Liaison"),
                ("country", "FR"),
            ],
            "country",
            "A liaison organisation is international: leave the country empty.",
        ),
    ] {
        let response = sam
            .submit_form("/admin/organisations/new", "/admin/organisations", &fields)
            .await;
        assert_eq!(response.status(), 422, "{fields:?}");
        let page = response.text().await.unwrap();
        assert_eq!(
            text_of(&page, &format!("#{field}-error")).unwrap(),
            format!("Error: {message}")
        );
        assert_eq!(value_of(&page, "name").unwrap(), fields[2].1);
    }
    assert_eq!(count(&app), before, "nothing stored");
    let response = sam
        .submit_form(
            "/admin/organisations/new",
            "/admin/organisations",
            &[
                ("kind", "liaison"),
                ("acronym", "XLO"),
                ("name", "Example Liaison Organisation"),
                ("country", ""),
                ("contact_email", "clarify@xlo.example"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/admin/organisations");
    assert_eq!(count(&app), before + 1);
    let (_, page) = sam.page("/admin/organisations?q=xlo").await;
    assert_eq!(
        text_of(&page, "[aria-labelledby=liaisons-heading] tbody").unwrap(),
        "XLO Example Liaison Organisation clarify@xlo.example Edit XLO"
    );
    let (_, group_page) = sam
        .page(&format!("/admin/groups/{}", app.group_id("MG 17025")))
        .await;
    assert!(group_page.contains(">XLO — Example Liaison Organisation</option>"));
}
