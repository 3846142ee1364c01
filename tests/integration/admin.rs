//! The secretariat's registry under /admin: standards and their editions,
//! maintenance groups and members, external committees, accounts. Only the
//! secretariat sees any of it; everyone else signed in gets 404.

use std::time::Duration;

use clarion::db::schema::{
    external_committees, groups, memberships, outbox, sessions, standards, users,
};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in, links, text_of, value_of};

const PASSWORD: &str = "correct horse battery staple";
const SECRETARIAT: &str = "sam@example.org";
const MEMBER: &str = "mia@example.org";

/// Someone at a browser: their own cookies, no redirects followed.
struct Browser {
    client: reqwest::Client,
    address: String,
}

impl Browser {
    fn new(app: &TestApp) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .cookie_store(true)
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
            address: app.address.clone(),
        }
    }

    /// A browser signed in as `email` (with the test password).
    async fn signed_in(app: &TestApp, email: &str) -> Browser {
        let browser = Browser::new(app);
        let response = browser
            .submit_form(
                "/login",
                "/login",
                &[("email", email), ("password", PASSWORD), ("next", "/")],
            )
            .await;
        assert_eq!(response.status(), 303, "{email} signs in");
        browser
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .unwrap()
    }

    async fn page(&self, path: &str) -> (u16, String) {
        let response = self.get(path).await;
        let status = response.status().as_u16();
        (status, response.text().await.unwrap())
    }

    async fn post(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .form(fields)
            .send()
            .await
            .unwrap()
    }

    /// Opens `page`, then sends `fields` to `action` with the page's CSRF token.
    async fn submit_form(
        &self,
        page: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let (status, body) = self.page(page).await;
        assert_eq!(status, 200, "{page} should show its form");
        self.post_with_token_of(&body, action, fields).await
    }

    /// Sends `fields` to `action` with the CSRF token of a page already shown.
    async fn post_with_token_of(
        &self,
        page_body: &str,
        action: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let token = csrf_token_in(page_body);
        let mut all = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post(action, &all).await
    }
}

fn add_user(app: &TestApp, email: &str, name: &str, secretariat: bool) -> String {
    let id = clarion::db::new_id();
    clarion::models::users::insert(
        &mut app.db(),
        &clarion::models::users::NewUser {
            id: &id,
            email,
            name,
            password_hash: Some(&clarion::domain::password::hash(PASSWORD)),
            is_secretariat: secretariat,
            active: true,
            created_at: app.clock.now(),
            sponsor_organisation_id: None,
        },
    )
    .unwrap();
    id
}

/// A fresh instance with a secretariat account, signed in.
async fn secretariat_at_work(backend: Backend) -> (TestApp, Browser) {
    let app = TestApp::spawn(backend).await;
    add_user(&app, SECRETARIAT, "Sam Secretariat", true);
    let sam = Browser::signed_in(&app, SECRETARIAT).await;
    (app, sam)
}

fn location(response: &reqwest::Response) -> String {
    response.headers()["location"].to_str().unwrap().to_owned()
}

fn committee_id(app: &TestApp, code: &str) -> String {
    external_committees::table
        .filter(external_committees::code.eq(code))
        .select(external_committees::id)
        .first(&mut app.db())
        .unwrap()
}

fn standard_count(app: &TestApp) -> i64 {
    standards::table.count().get_result(&mut app.db()).unwrap()
}

/// (id, title, group id, superseded by) of a standard.
type StandardFacts = (String, String, Option<String>, Option<String>);

fn standard(app: &TestApp, slug: &str) -> StandardFacts {
    standards::table
        .filter(standards::slug.eq(slug))
        .select((
            standards::id,
            standards::title,
            standards::group_id,
            standards::superseded_by_id,
        ))
        .first(&mut app.db())
        .unwrap()
}

on_both_databases!(
    the_secretariat_adds_a_standard_and_a_new_edition_that_supersedes_it,
    a_new_edition_may_be_added_without_superseding_the_old_one,
    bad_standards_are_refused_with_every_value_kept,
    the_secretariat_adds_a_group_and_manages_its_members,
    the_secretariat_edits_a_committees_designations,
    an_invited_person_chooses_a_password_and_signs_in,
    an_expired_invitation_leads_to_a_link_that_works,
    bad_invitations_are_refused_and_nothing_is_stored,
    a_deactivated_account_is_signed_out_and_keeps_its_name,
    a_member_finds_nothing_under_admin,
    anonymous_visitors_are_sent_to_sign_in,
    thousands_of_accounts_are_listed_fifty_a_page_and_found_by_name_or_address,
    groups_standards_and_undelivered_mail_are_paged_and_searched,
);

async fn the_secretariat_adds_a_standard_and_a_new_edition_that_supersedes_it(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let (status, index) = sam.page("/admin").await;
    assert_eq!(status, 200);
    assert!(index.contains(r#"href="/admin/standards""#), "{index}");
    assert!(
        text_of(&index, ".site-account")
            .unwrap()
            .contains("Signed in as Sam Secretariat")
    );

    // The public search form offers every standard, each under its label.
    let choice = |page: &str, slug: &str| {
        text_of(page, &format!(r#"#field-standard option[value="{slug}"]"#))
    };
    let (_, search) = app.page("/clarifications?q=testing").await;
    assert_eq!(choice(&search, "iso-iec-17099-2019"), None);

    let mg = app.group_id("MG 17000");
    let response = sam
        .submit_form(
            "/admin/standards/new",
            "/admin/standards",
            &[
                ("designation", "ISO/IEC  17099"),
                ("edition", "2019"),
                ("title", "Conformity assessment — Guidance on testing"),
                ("group", &mg),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/standards");
    let (old_id, _, group, superseded_by) = standard(&app, "iso-iec-17099-2019");
    assert_eq!(group.as_deref(), Some(mg.as_str()));
    assert_eq!(superseded_by, None);
    let (_, list) = sam.page("/admin/standards").await;
    assert_eq!(
        text_of(&list, ".notice--success").unwrap(),
        "The standard was added."
    );
    assert!(list.contains("ISO/IEC 17099:2019"));
    let (_, search) = app.page("/clarifications?q=testing").await;
    assert_eq!(
        choice(&search, "iso-iec-17099-2019").as_deref(),
        Some("ISO/IEC 17099:2019"),
        "offered at once, not when the form's choices are next read"
    );

    // A newer edition, typed in another spelling: the form first asks
    // whether it supersedes the edition in force, ticked by default.
    let before = standard_count(&app);
    let response = sam
        .submit_form(
            "/admin/standards/new",
            "/admin/standards",
            &[
                ("designation", "iso/iec 17099"),
                ("edition", "2026"),
                ("title", "Conformity assessment — Guidance on testing"),
                ("group", &mg),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, ".error-summary h2").unwrap(),
        "There is a problem"
    );
    assert!(
        text_of(&page, ".error-summary")
            .unwrap()
            .contains("ISO/IEC 17099:2019 is in the registry"),
        "{page}"
    );
    assert_eq!(
        text_of(&page, "label[for=field-supersedes]").unwrap(),
        "Supersedes ISO/IEC 17099:2019"
    );
    assert!(page.contains(r#"id="field-supersedes" name="supersedes" value="on" checked"#));
    assert_eq!(value_of(&page, "designation").unwrap(), "iso/iec 17099");
    assert_eq!(standard_count(&app), before, "nothing stored yet");

    let offered = value_of(&page, "offered").unwrap();
    let response = sam
        .post_with_token_of(
            &page,
            "/admin/standards",
            &[
                ("designation", "iso/iec 17099"),
                ("edition", "2026"),
                ("title", "Conformity assessment — Guidance on testing"),
                ("group", &mg),
                ("offered", &offered),
                ("supersedes", "on"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/standards");
    let (new_id, ..) = standard(&app, "iso-iec-17099-2026");
    let (_, _, _, superseded_by) = standard(&app, "iso-iec-17099-2019");
    assert_eq!(superseded_by.as_deref(), Some(new_id.as_str()));
    let designation: String = standards::table
        .find(&new_id)
        .select(standards::designation)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(designation, "ISO/IEC 17099", "spelled as the registry does");
    assert_ne!(old_id, new_id);

    // The public list shows the old edition as superseded.
    let (_, public) = app.page("/standards").await;
    let superseded = text_of(&public, "[aria-labelledby=superseded-heading]").unwrap();
    assert!(superseded.contains("ISO/IEC 17099:2019"), "{superseded}");
    let current = text_of(&public, "[aria-labelledby=current-heading]").unwrap();
    assert!(current.contains("ISO/IEC 17099:2026"), "{current}");
    assert!(!current.contains("ISO/IEC 17099:2019"), "{current}");
    let (_, search) = app.page("/clarifications?q=testing").await;
    assert_eq!(
        choice(&search, "iso-iec-17099-2019").as_deref(),
        Some("ISO/IEC 17099:2019 (superseded)")
    );
    assert_eq!(
        choice(&search, "iso-iec-17099-2026").as_deref(),
        Some("ISO/IEC 17099:2026")
    );

    // Title and group can be edited; the identity cannot.
    let response = sam
        .submit_form(
            "/admin/standards/iso-iec-17099-2026/edit",
            "/admin/standards/iso-iec-17099-2026",
            &[
                ("title", "Conformity assessment — Testing guidance"),
                ("group", ""),
                ("designation", "ISO 1"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/standards");
    let (_, title, group, _) = standard(&app, "iso-iec-17099-2026");
    assert_eq!(title, "Conformity assessment — Testing guidance");
    assert_eq!(group, None);
}

async fn a_new_edition_may_be_added_without_superseding_the_old_one(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let (status, page) = sam
        .page("/admin/standards/new?edition_of=iso-iec-17025-2017")
        .await;
    assert_eq!(status, 200);
    assert_eq!(value_of(&page, "designation").unwrap(), "ISO/IEC 17025");
    assert_eq!(
        text_of(&page, "label[for=field-supersedes]").unwrap(),
        "Supersedes ISO/IEC 17025:2017"
    );
    assert!(page.contains(r#"value="on" checked"#), "ticked by default");
    let title = value_of(&page, "title").unwrap();
    let offered = value_of(&page, "offered").unwrap();
    let group = app.group_id("MG 17025");

    // Unticked: both editions stay in force.
    let response = sam
        .post_with_token_of(
            &page,
            "/admin/standards",
            &[
                ("designation", "ISO/IEC 17025"),
                ("edition", "2030"),
                ("title", &title),
                ("group", &group),
                ("offered", &offered),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/standards");
    assert_eq!(standard(&app, "iso-iec-17025-2017").3, None);
    assert_eq!(
        standard(&app, "iso-iec-17025-2030").2.as_deref(),
        Some(group.as_str())
    );
}

async fn bad_standards_are_refused_with_every_value_kept(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let before = standard_count(&app);

    let response = sam
        .submit_form(
            "/admin/standards/new",
            "/admin/standards",
            &[
                ("designation", "ISO/IEC 17099"),
                ("edition", "20x7"),
                ("title", "   "),
                ("group", "no-such-group"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let summary = text_of(&page, ".error-summary").unwrap();
    for message in [
        "Enter the year of the edition as four digits, for example 2017.",
        "Enter the title of the standard.",
        "Choose a group from the list, or none.",
    ] {
        assert!(summary.contains(message), "{summary}");
    }
    assert_eq!(
        text_of(&page, "#title-error").unwrap(),
        "Error: Enter the title of the standard."
    );
    assert_eq!(value_of(&page, "designation").unwrap(), "ISO/IEC 17099");
    assert_eq!(value_of(&page, "edition").unwrap(), "20x7");
    assert!(page.contains(r##"href="#field-edition""##));

    // The same designation and edition twice.
    let response = sam
        .submit_form(
            "/admin/standards/new",
            "/admin/standards",
            &[
                ("designation", "ISO/IEC 17025"),
                ("edition", "2017"),
                (
                    "title",
                    "General requirements for the competence of laboratories",
                ),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#edition-error").unwrap(),
        "Error: ISO/IEC 17025:2017 is already in the registry."
    );
    assert_eq!(
        value_of(&page, "title").unwrap(),
        "General requirements for the competence of laboratories"
    );

    // A designation owned by another committee is not ours to add.
    let response = sam
        .submit_form(
            "/admin/standards/new",
            "/admin/standards",
            &[
                ("designation", "ISO 9001"),
                ("edition", "2015"),
                ("title", "Quality management systems"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        text_of(&response.text().await.unwrap(), "#designation-error")
            .unwrap()
            .contains("belongs to ISO/TC 176")
    );

    // Editing keeps the rules.
    let response = sam
        .submit_form(
            "/admin/standards/iso-iec-17025-2017/edit",
            "/admin/standards/iso-iec-17025-2017",
            &[("title", ""), ("group", "")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        text_of(&page, ".error-summary")
            .unwrap()
            .contains("Enter the title of the standard.")
    );
    assert_eq!(standard_count(&app), before, "nothing stored");
    assert!(!standard(&app, "iso-iec-17025-2017").1.is_empty());
    assert!(standard(&app, "iso-iec-17025-2017").2.is_some());
}

async fn the_secretariat_adds_a_group_and_manages_its_members(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let mia = add_user(&app, MEMBER, "Mia Member", false);

    let response = sam
        .submit_form(
            "/admin/groups/new",
            "/admin/groups",
            &[
                ("code", "MG 17099"),
                ("name", "Maintenance group for ISO/IEC 17099"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/groups");
    let group = app.group_id("MG 17099");

    // Codes are unique, whatever the case; names are required.
    let response = sam
        .submit_form(
            "/admin/groups/new",
            "/admin/groups",
            &[("code", "mg 17099"), ("name", "Another group")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, ".error-summary h2").unwrap(),
        "There is a problem"
    );
    assert_eq!(
        text_of(&page, "#code-error").unwrap(),
        "Error: A group with the code mg 17099 already exists."
    );
    assert_eq!(value_of(&page, "code").unwrap(), "mg 17099");
    assert_eq!(value_of(&page, "name").unwrap(), "Another group");
    let response = sam
        .submit_form(
            "/admin/groups/new",
            "/admin/groups",
            &[("code", "MG 17100"), ("name", " ")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#name-error").unwrap(),
        "Error: Enter the name of the group."
    );
    let stored: i64 = groups::table
        .filter(groups::code.eq("MG 17100"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(stored, 0, "nothing stored");

    let page_path = format!("/admin/groups/{group}");
    let members_path = format!("{page_path}/members");
    // Nobody chosen: refused, the role kept.
    let response = sam
        .submit_form(
            &page_path,
            &members_path,
            &[("user", ""), ("role", "convenor")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#user-error").unwrap(),
        "Error: Choose the person to add."
    );
    assert!(page.contains(r#"<option value="convenor" selected>"#));

    let response = sam
        .submit_form(
            &page_path,
            &members_path,
            &[("user", &mia), ("role", "convenor")],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), page_path);
    let (_, page) = sam.page(&page_path).await;
    let members = text_of(&page, "[aria-labelledby=members-heading]").unwrap();
    assert!(members.contains("Mia Member"), "{members}");
    assert!(members.contains("Convenor"), "{members}");
    let member_path = format!("{members_path}/{mia}");
    let (_, form) = sam.page(&member_path).await;
    assert_eq!(
        text_of(&form, "#field-role option[selected]").unwrap(),
        "Convenor"
    );
    let (_, list) = sam.page("/admin/groups").await;
    let row = format!("a[href=\"{page_path}\"]");
    assert_eq!(text_of(&list, &row).unwrap(), "MG 17099");
    let count: i64 = memberships::table
        .filter(memberships::group_id.eq(&group))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(count, 1);

    let terms = |role| [("role", role), ("starts_on", "2026-01-05")];
    let response = sam
        .submit_form(&member_path, &member_path, &terms("chair"))
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        text_of(&response.text().await.unwrap(), ".error-summary")
            .unwrap()
            .contains("Choose convenor or member.")
    );
    let response = sam
        .submit_form(&member_path, &member_path, &terms("member"))
        .await;
    assert_eq!(response.status(), 303);
    let role: String = memberships::table
        .find((&group, &mia))
        .select(memberships::role)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(role, "member");

    // Removing asks first, and removes nobody until confirmed.
    let remove_path = format!("{members_path}/{mia}/remove");
    let response = sam.submit_form(&page_path, &remove_path, &[]).await;
    assert_eq!(response.status(), 200);
    let asked = response.text().await.unwrap();
    assert_eq!(
        text_of(&asked, "h1").unwrap(),
        "Remove Mia Member from MG 17099?"
    );
    assert!(
        text_of(&asked, "form .btn-danger")
            .unwrap()
            .starts_with("Remove Mia Member")
    );
    let still: i64 = memberships::table
        .find((&group, &mia))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(still, 1, "not removed before confirming");
    let response = sam
        .submit_form(&page_path, &remove_path, &[("confirm", "yes")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), page_path);
    let (_, page) = sam.page(&page_path).await;
    assert!(
        text_of(&page, ".notice--success")
            .unwrap()
            .contains("removed")
    );
    assert!(
        !text_of(&page, "[aria-labelledby=members-heading]")
            .unwrap()
            .contains("Mia Member")
    );
    // The account itself stays.
    let still: bool = users::table
        .find(&mia)
        .select(users::active)
        .first(&mut app.db())
        .unwrap();
    assert!(still);
}

async fn the_secretariat_edits_a_committees_designations(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let tc176 = committee_id(&app, "ISO/TC 176");
    let edit = format!("/admin/committees/{tc176}/edit");
    let (status, page) = sam.page(&edit).await;
    assert_eq!(status, 200);
    let contact = text_of(&page, "#field-contact").unwrap();
    assert!(
        text_of(&page, "#field-designations")
            .unwrap()
            .contains("ISO 9001")
    );

    // ISO 14001 belongs to ISO/TC 207 and moves; ISO 9004 is dropped.
    let fields = [
        ("code", "ISO/TC 176"),
        ("name", "Quality management and quality assurance"),
        ("contact", contact.as_str()),
        ("url", "https://www.iso.org/committee/53882.html"),
        (
            "designations",
            "ISO 9000\n iso 9001:2015 \n\nISO 99999\nISO 14001",
        ),
    ];
    let response = sam
        .submit_form(&edit, &format!("/admin/committees/{tc176}"), &fields)
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/committees");
    let (_, list) = sam.page("/admin/committees").await;
    assert!(
        text_of(&list, ".notice--success")
            .unwrap()
            .contains("One designation moved")
    );

    for (asked, owner) in [
        ("ISO+99999", "ISO/TC 176"),
        ("iso+14001%3A2015", "ISO/TC 176"),
        ("ISO+9001", "ISO/TC 176"),
    ] {
        let (_, page) = app.page(&format!("/refer?designation={asked}")).await;
        let answer = text_of(&page, "#answer-heading").unwrap();
        assert!(
            answer.contains(&format!("belongs to {owner}")),
            "{asked}: {answer}"
        );
    }
    let (_, page) = app.page("/refer?designation=ISO+9004").await;
    assert!(
        text_of(&page, "#answer-heading")
            .unwrap()
            .contains("We do not know who owns")
    );

    // Bad input: nothing changes.
    let response = sam
        .submit_form(
            &edit,
            &format!("/admin/committees/{tc176}"),
            &[
                ("code", "ISO/TC 207"),
                ("name", "Quality"),
                ("contact", ""),
                ("url", "ftp://example.org"),
                ("designations", "ISO 9001\nISO/IEC 17025"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    let summary = text_of(&page, ".error-summary").unwrap();
    for message in [
        "Enter how a submitter reaches this committee.",
        "Enter a web address starting with https://",
    ] {
        assert!(summary.contains(message), "{summary}");
    }
    assert_eq!(value_of(&page, "url").unwrap(), "ftp://example.org");
    assert_eq!(
        text_of(&page, "#field-designations").unwrap(),
        "ISO 9001 ISO/IEC 17025"
    );
    // Once the rest is right, the database's own checks speak.
    let response = sam
        .submit_form(
            &edit,
            &format!("/admin/committees/{tc176}"),
            &[
                ("code", "ISO/TC 207"),
                ("name", "Quality"),
                ("contact", "Write to the committee manager."),
                ("url", "https://www.iso.org/"),
                ("designations", "ISO 9001\nISO/IEC 17025"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(
        text_of(&page, "#code-error")
            .unwrap()
            .contains("A committee with the code ISO/TC 207 already exists.")
    );
    assert!(
        text_of(&page, "#designations-error")
            .unwrap()
            .contains("ISO/IEC 17025 is one of the standards handled here")
    );
    let (_, page) = app.page("/refer?designation=ISO+9001").await;
    assert!(
        text_of(&page, "#answer-heading")
            .unwrap()
            .contains("ISO/TC 176")
    );

    // A new committee.
    let response = sam
        .submit_form(
            "/admin/committees/new",
            "/admin/committees",
            &[
                ("code", "ISO/TC 999"),
                ("name", "Imaginary things"),
                ("contact", "Write to the ISO/TC 999 committee manager."),
                ("url", "https://www.iso.org/committee/999.html"),
                ("designations", "ISO 77777"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/committees");
    let (_, page) = app.page("/refer?designation=ISO+77777").await;
    assert!(
        text_of(&page, "#answer-heading")
            .unwrap()
            .contains("ISO/TC 999")
    );
}

async fn an_invited_person_chooses_a_password_and_signs_in(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let group = app.group_id("MG 17025");
    let response = sam
        .submit_form(
            "/admin/users/invite",
            "/admin/users/invite",
            &[
                ("name", "Ines Invited"),
                ("email", "Ines@Example.org"),
                ("group", &group),
                ("role", "convenor"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/users");

    let mail = app.mail.wait_for(1, Duration::from_secs(20)).await;
    assert_eq!(mail[0].envelope_to, ["ines@example.org"]);
    let link = mail[0]
        .links()
        .into_iter()
        .find(|l| l.contains("/invitation/"))
        .expect("an invitation link");
    let path = link.strip_prefix(&app.address).unwrap().to_owned();

    let (_, list) = sam.page("/admin/users").await;
    let row = text_of(&list, "tbody").unwrap();
    assert!(row.contains("Ines Invited"), "{row}");
    assert!(row.contains("MG 17025 (convenor)"), "{row}");
    assert!(row.contains("Invited"), "{row}");

    let ines = Browser::new(&app);
    let new_password = "ines chooses a long passphrase";
    let response = ines
        .submit_form(
            &path,
            &path,
            &[
                ("password", new_password),
                ("password_confirmation", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/login");
    let response = ines
        .submit_form(
            "/login",
            "/login",
            &[
                ("email", "ines@example.org"),
                ("password", new_password),
                ("next", "/workspace"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (status, page) = ines.page("/workspace").await;
    assert_eq!(status, 200);
    assert!(
        text_of(&page, ".site-account")
            .unwrap()
            .contains("Ines Invited")
    );
    // A convenor is not the secretariat.
    assert_eq!(ines.page("/admin/users").await.0, 404);
    // The invitation, used, says so and where to go instead.
    let (status, gone) = ines.page(&path).await;
    assert_eq!(status, 404);
    assert_eq!(
        text_of(&gone, "h1").unwrap(),
        "This invitation no longer works"
    );
}

/// An invitation left unused past its seven days says so, and the
/// invitee can still choose a password by asking for a link.
async fn an_expired_invitation_leads_to_a_link_that_works(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let response = sam
        .submit_form(
            "/admin/users/invite",
            "/admin/users/invite",
            &[("name", "Ivo Late"), ("email", "ivo@example.org")],
        )
        .await;
    assert_eq!(response.status(), 303);
    let mailed = |link: String| link.strip_prefix(&app.address).unwrap().to_owned();
    let invitation = mailed(app.mail.link_to("ivo@example.org", "/invitation/").await);
    app.clock.advance(chrono::TimeDelta::days(8));

    let ivo = Browser::new(&app);
    let (status, gone) = ivo.page(&invitation).await;
    assert_eq!(status, 404);
    assert_eq!(
        text_of(&gone, "h1").unwrap(),
        "This invitation no longer works"
    );
    assert!(
        text_of(&gone, ".lede")
            .unwrap()
            .contains("ask for a link to choose your password"),
        "{gone}"
    );
    let forgot = links(&gone, "main ul a");
    assert_eq!(forgot.first().map(String::as_str), Some("/password/forgot"));

    let response = ivo
        .submit_form(
            "/password/forgot",
            "/password/forgot",
            &[("email", "ivo@example.org")],
        )
        .await;
    assert_eq!(response.status(), 200);
    let reset = mailed(
        app.mail
            .link_to("ivo@example.org", "/password/reset/")
            .await,
    );
    let chosen = "ivo finally chooses a passphrase";
    let response = ivo
        .submit_form(
            &reset,
            &reset,
            &[("password", chosen), ("password_confirmation", chosen)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let response = ivo
        .submit_form(
            "/login",
            "/login",
            &[("email", "ivo@example.org"), ("password", chosen)],
        )
        .await;
    assert_eq!(response.status(), 303, "signed in");
}

async fn bad_invitations_are_refused_and_nothing_is_stored(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let user_count = || -> i64 { users::table.count().get_result(&mut app.db()).unwrap() };
    let before = user_count();

    let response = sam
        .submit_form(
            "/admin/users/invite",
            "/admin/users/invite",
            &[
                ("name", "Ned Nobody"),
                ("email", "ned at example"),
                ("secretariat", "on"),
                ("group", "not-a-group"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert_eq!(
        text_of(&page, "#email-error").unwrap(),
        "Error: Enter an e-mail address in the form name@example.org."
    );
    assert_eq!(
        text_of(&page, "#group-error").unwrap(),
        "Error: Choose a group from the list, or none."
    );
    assert_eq!(value_of(&page, "name").unwrap(), "Ned Nobody");
    assert_eq!(value_of(&page, "email").unwrap(), "ned at example");
    assert!(page.contains(r#"id="field-secretariat" name="secretariat" value="on" checked"#));

    let response = sam
        .submit_form(
            "/admin/users/invite",
            "/admin/users/invite",
            &[("name", ""), ("email", "")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let summary = text_of(&response.text().await.unwrap(), ".error-summary").unwrap();
    assert!(
        summary.contains("Enter the full name of the person."),
        "{summary}"
    );
    assert!(
        summary.contains("Enter the e-mail address of the person."),
        "{summary}"
    );

    let response = sam
        .submit_form(
            "/admin/users/invite",
            "/admin/users/invite",
            &[("name", "Sam Again"), ("email", "SAM@example.org")],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert_eq!(
        text_of(&response.text().await.unwrap(), "#email-error").unwrap(),
        "Error: An account with this address already exists."
    );

    assert_eq!(user_count(), before);
    app.run_worker_once().await;
    let queued: i64 = outbox::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(queued, 0);
    assert!(app.mail.received().is_empty());
}

async fn a_deactivated_account_is_signed_out_and_keeps_its_name(backend: Backend) {
    let (app, sam) = secretariat_at_work(backend).await;
    let mia_id = add_user(&app, MEMBER, "Mia Member", false);
    let mia = Browser::signed_in(&app, MEMBER).await;
    assert_eq!(mia.page("/workspace").await.0, 200);

    // Deactivating asks first, and changes nothing until confirmed.
    let deactivate_path = format!("/admin/users/{mia_id}/deactivate");
    let response = sam.submit_form("/admin/users", &deactivate_path, &[]).await;
    assert_eq!(response.status(), 200);
    let asked = response.text().await.unwrap();
    assert_eq!(text_of(&asked, "h1").unwrap(), "Deactivate Mia Member?");
    assert_eq!(mia.page("/workspace").await.0, 200, "still signed in");
    let response = sam
        .submit_form("/admin/users", &deactivate_path, &[("confirm", "yes")])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/users");
    let open: i64 = sessions::table
        .filter(sessions::user_id.eq(&mia_id))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(open, 0);

    // Mia's browser is signed out, and she cannot sign in again.
    let response = mia.get("/workspace").await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/login"));
    let response = mia
        .submit_form(
            "/login",
            "/login",
            &[("email", MEMBER), ("password", PASSWORD), ("next", "/")],
        )
        .await;
    assert_eq!(response.status(), 422);

    // Her name stays, marked as deactivated.
    let (_, list) = sam.page("/admin/users").await;
    assert!(
        text_of(&list, ".notice--success")
            .unwrap()
            .contains("deactivated")
    );
    let name: String = users::table
        .find(&mia_id)
        .select(users::name)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(name, "Mia Member");
    let body = text_of(&list, "tbody").unwrap();
    assert!(body.contains("Mia Member mia@example.org"), "{body}");
    assert!(body.contains("Deactivated"), "{body}");

    // Nobody deactivates their own account.
    let sam_id: String = users::table
        .filter(users::email.eq(SECRETARIAT))
        .select(users::id)
        .first(&mut app.db())
        .unwrap();
    let response = sam
        .submit_form(
            "/admin/users",
            &format!("/admin/users/{sam_id}/deactivate"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 409);

    let response = sam
        .submit_form(
            "/admin/users",
            &format!("/admin/users/{mia_id}/reactivate"),
            &[],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/admin/users");
    Browser::signed_in(&app, MEMBER).await;
}

async fn a_member_finds_nothing_under_admin(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mia_id = add_user(&app, MEMBER, "Mia Member", false);
    let group = app.group_id("MG 17025");
    clarion::models::groups::add_member(
        &mut app.db(),
        &group,
        &mia_id,
        "convenor",
        app.clock.now(),
    )
    .unwrap();
    let committee = committee_id(&app, "ISO/TC 176");
    let mia = Browser::signed_in(&app, MEMBER).await;
    let (_, not_found) = mia.page("/no-such-page").await;
    let not_found_title = text_of(&not_found, "h1").unwrap();

    for path in [
        "/admin".to_owned(),
        "/admin/standards".to_owned(),
        "/admin/standards/new".to_owned(),
        "/admin/standards/iso-iec-17025-2017/edit".to_owned(),
        "/admin/groups".to_owned(),
        "/admin/groups/new".to_owned(),
        format!("/admin/groups/{group}"),
        format!("/admin/groups/{group}/members/{mia_id}"),
        "/admin/organisations".to_owned(),
        "/admin/organisations/new".to_owned(),
        "/admin/committees".to_owned(),
        "/admin/committees/new".to_owned(),
        format!("/admin/committees/{committee}/edit"),
        "/admin/users".to_owned(),
        "/admin/users/invite".to_owned(),
        "/admin/nothing-here".to_owned(),
    ] {
        let (status, page) = mia.page(&path).await;
        assert_eq!(status, 404, "GET {path}");
        assert_eq!(text_of(&page, "h1").unwrap(), not_found_title, "{path}");
    }

    // With a valid token from a page of the site, and without one.
    let (_, login) = mia.page("/login").await;
    let before = standard_count(&app);
    for path in [
        "/admin/standards".to_owned(),
        "/admin/standards/iso-iec-17025-2017".to_owned(),
        "/admin/groups".to_owned(),
        format!("/admin/groups/{group}/members"),
        format!("/admin/groups/{group}/members/{mia_id}"),
        format!("/admin/groups/{group}/rules"),
        "/admin/organisations".to_owned(),
        format!("/admin/groups/{group}/members/{mia_id}/remove"),
        "/admin/committees".to_owned(),
        format!("/admin/committees/{committee}"),
        "/admin/users/invite".to_owned(),
        format!("/admin/users/{mia_id}/deactivate"),
        format!("/admin/users/{mia_id}/reactivate"),
    ] {
        let fields = [
            ("designation", "ISO/IEC 17099"),
            ("edition", "2026"),
            ("title", "Anything"),
            ("code", "MG X"),
            ("name", "Someone"),
            ("email", "someone@example.org"),
            ("role", "member"),
            ("user", mia_id.as_str()),
        ];
        let response = mia.post_with_token_of(&login, &path, &fields).await;
        assert_eq!(response.status(), 404, "POST {path}");
        let response = mia.post(&path, &fields).await;
        assert_eq!(response.status(), 404, "POST {path} without a token");
    }
    assert_eq!(standard_count(&app), before);
    let role: String = memberships::table
        .find((&group, &mia_id))
        .select(memberships::role)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(role, "convenor", "nothing changed");
    assert_eq!(mia.page("/workspace").await.0, 200, "still signed in");
}

async fn anonymous_visitors_are_sent_to_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let visitor = Browser::new(&app);
    for path in ["/admin", "/admin/users", "/admin/standards/new"] {
        let response = visitor.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        let expected = format!(
            "/login?{}",
            serde_urlencoded::to_string([("next", path)]).unwrap()
        );
        assert_eq!(location(&response), expected);
    }
    let response = visitor
        .post("/admin/standards", &[("designation", "ISO/IEC 17099")])
        .await;
    assert_eq!(response.status(), 303);
    assert!(location(&response).starts_with("/login?next="));
}

/// The rows of the table in the section headed `heading`'s body.
fn rows_under(page: &str, heading: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(page);
    let selector =
        scraper::Selector::parse(&format!("section[aria-labelledby={heading}] tbody tr")).unwrap();
    document
        .select(&selector)
        .map(|row| row.text().collect::<Vec<_>>().join(" "))
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// Where the page links of a list lead.
fn page_links(page: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(page);
    let selector = scraper::Selector::parse("nav.pagination a").unwrap();
    document
        .select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

async fn thousands_of_accounts_are_listed_fifty_a_page_and_found_by_name_or_address(
    backend: Backend,
) {
    use clarion::seed::synthetic::{self, Volume};
    let app = TestApp::spawn(backend).await;
    app.add_user(SECRETARIAT, "Sam Secretariat", true, None);
    let volume = Volume {
        published: 0,
        open_requests: 0,
        users: 2_000,
    };
    synthetic::seed(&mut app.db(), volume, "clarion-demo", app.clock.now()).unwrap();
    let sam = app.signed_in(SECRETARIAT).await;

    let (status, page) = sam.page("/admin/users").await;
    assert_eq!(status, 200);
    assert_eq!(rows_under(&page, "users-heading").len(), 50, "one page");
    assert!(
        page.len() < 200_000,
        "the page stays small: {} bytes",
        page.len()
    );
    assert_eq!(
        text_of(&page, "#users-heading").as_deref(),
        Some("All accounts (2,001)")
    );
    let status_line = text_of(&page, "[role=status]").unwrap();
    assert!(
        status_line.contains("2,001 accounts, showing 1–50"),
        "{status_line}"
    );
    assert!(
        page.contains(r#"href="/admin/users?page=41""#),
        "the last page is offered"
    );

    let (status, last) = sam.page("/admin/users?page=41").await;
    assert_eq!(status, 200);
    assert_eq!(
        rows_under(&last, "users-heading").len(),
        1,
        "2001 = 40 × 50 + 1"
    );

    let (status, past) = sam.page("/admin/users?page=42").await;
    assert_eq!(status, 200);
    let empty = text_of(&past, ".empty").unwrap();
    assert!(
        empty.contains("There are only 41 pages of accounts"),
        "{empty}"
    );
    let document = scraper::Html::parse_document(&past);
    let last_page = scraper::Selector::parse(".empty a").unwrap();
    let link = document
        .select(&last_page)
        .next()
        .expect("a link to the last page");
    assert_eq!(link.value().attr("href"), Some("/admin/users?page=41"));
    // However far past the last page, the way back is shown.
    let (status, far) = sam.page("/admin/users?page=5001").await;
    assert_eq!(status, 200);
    assert!(
        text_of(&far, ".empty")
            .unwrap()
            .contains("There are only 41 pages of accounts")
    );
    for refused in ["0", "-3", "two", "1000000001"] {
        let (status, _) = sam.page(&format!("/admin/users?page={refused}")).await;
        assert_eq!(status, 404, "page {refused}");
    }

    // By name, whatever the case: Member 1, 10–19, 100–199, 1000–1999.
    let (status, found) = sam.page("/admin/users?q=MEMBER+1").await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&found, "#users-heading").as_deref(),
        Some("Accounts matching “MEMBER 1” (1,111)")
    );
    assert_eq!(rows_under(&found, "users-heading").len(), 50);
    assert!(
        page_links(&found).contains(&"/admin/users?q=MEMBER+1&page=2".to_owned()),
        "the next pages keep the search: {:?}",
        page_links(&found)
    );
    let (_, second) = sam.page("/admin/users?q=MEMBER+1&page=23").await;
    assert_eq!(
        rows_under(&second, "users-heading").len(),
        11,
        "1111 = 22 × 50 + 11"
    );
    assert_eq!(
        text_of(&second, "title").unwrap(),
        "Accounts (page 23 of 23) · Registry · Clarion"
    );

    // By address: one account.
    let (_, one) = sam.page("/admin/users?q=synthetic.member.77%40").await;
    let rows = rows_under(&one, "users-heading");
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(
        rows[0].starts_with("Synthetic Member 77 synthetic.member.77@example.org"),
        "{rows:?}"
    );

    // What is typed is looked for as it is, wildcards too.
    let (status, none) = sam.page("/admin/users?q=%25_").await;
    assert_eq!(status, 200);
    let empty = text_of(&none, ".empty").unwrap();
    assert!(empty.contains("No account matches “%_”"), "{empty}");
    assert!(none.contains(r#"value="%_""#), "the search is shown again");
}

async fn groups_standards_and_undelivered_mail_are_paged_and_searched(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user(SECRETARIAT, "Sam Secretariat", true, None);
    let now = app.clock.now();
    let mut conn = app.db();
    let groups_before: i64 = groups::table.count().get_result(&mut conn).unwrap();
    let standards_before: i64 = standards::table.count().get_result(&mut conn).unwrap();
    for i in 1..=60 {
        diesel::insert_into(groups::table)
            .values((
                groups::id.eq(clarion::db::new_id()),
                groups::code.eq(format!("MG {:05}", 90_000 + i)),
                groups::name.eq(format!("Maintenance of the Zeta scheme, part {i}")),
                groups::created_at.eq(now),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::insert_into(standards::table)
            .values((
                standards::id.eq(clarion::db::new_id()),
                standards::slug.eq(format!("iso-{}-2026", 90_000 + i)),
                standards::designation.eq(format!("ISO {}", 90_000 + i)),
                standards::edition.eq(2026),
                standards::title.eq(format!("Omega requirements, part {i}")),
                standards::created_at.eq(now),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::insert_into(outbox::table)
            .values((
                outbox::id.eq(clarion::db::new_id()),
                outbox::message_id.eq(format!("<m{i}@clarion.test>")),
                outbox::recipient.eq(format!("reader{i}@example.org")),
                outbox::recipient_hash.eq(format!("hash{i}")),
                outbox::subject.eq(format!("Lost letter {i}")),
                outbox::body_text.eq("text"),
                outbox::body_html.eq("<p>text</p>"),
                outbox::status.eq("failed"),
                outbox::attempts.eq(9),
                outbox::next_attempt_at.eq(now),
                outbox::last_error.eq("550 no such mailbox"),
                outbox::created_at.eq(now),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    drop(conn);
    let sam = app.signed_in(SECRETARIAT).await;

    let lists = [
        (
            "/admin/groups",
            "groups-heading",
            groups_before + 60,
            "All groups",
            "groups",
        ),
        (
            "/admin/standards",
            "standards-heading",
            standards_before + 60,
            "All standards",
            "standards",
        ),
        (
            "/admin/mail",
            "undelivered-heading",
            60,
            "Not delivered",
            "messages not delivered",
        ),
    ];
    for (path, heading, total, title, many) in lists {
        let pages = (total + 49) / 50;
        assert!(pages > 1, "{path}: more than a page of {total}");
        let (status, page) = sam.page(path).await;
        assert_eq!(status, 200, "{path}");
        assert_eq!(rows_under(&page, heading).len(), 50, "{path}");
        assert_eq!(
            text_of(&page, &format!("#{heading}")),
            Some(format!("{title} ({total})")),
            "{path}"
        );
        let (_, last) = sam.page(&format!("{path}?page={pages}")).await;
        assert_eq!(
            rows_under(&last, heading).len() as i64,
            total - 50 * (pages - 1),
            "{path}"
        );
        let (status, past) = sam.page(&format!("{path}?page={}", pages + 1)).await;
        assert_eq!(status, 200, "{path}");
        let empty = text_of(&past, ".empty").unwrap();
        assert!(
            empty.contains(&format!("There are only {pages} pages of {many}")),
            "{empty}"
        );
        assert_eq!(
            sam.page(&format!("{path}?page=none")).await.0,
            404,
            "{path}"
        );
    }

    let searches = [
        (
            "/admin/groups?q=zeta+SCHEME,+part+7",
            "groups-heading",
            vec!["MG 90007"],
        ),
        (
            "/admin/groups?q=mg+90060",
            "groups-heading",
            vec!["MG 90060"],
        ),
        (
            "/admin/standards?q=iso+90005",
            "standards-heading",
            vec!["ISO 90005:2026"],
        ),
        (
            "/admin/standards?q=omega+requirements,+part+42",
            "standards-heading",
            vec!["ISO 90042:2026"],
        ),
        (
            "/admin/mail?q=READER3%40",
            "undelivered-heading",
            vec!["reader3@example.org"],
        ),
        (
            "/admin/mail?q=lost+letter+6",
            "undelivered-heading",
            vec!["reader6@", "reader60@"],
        ),
    ];
    for (path, heading, expected) in searches {
        let (status, page) = sam.page(path).await;
        assert_eq!(status, 200, "{path}");
        let rows = rows_under(&page, heading);
        assert_eq!(rows.len(), expected.len(), "{path}: {rows:?}");
        for (row, wanted) in rows.iter().zip(expected) {
            assert!(row.contains(wanted), "{path}: {row}");
        }
    }
    let (_, nothing) = sam.page("/admin/standards?q=no+such+standard").await;
    let empty = text_of(&nothing, ".empty").unwrap();
    assert!(
        empty.contains("No standard matches “no such standard”"),
        "{empty}"
    );
}
