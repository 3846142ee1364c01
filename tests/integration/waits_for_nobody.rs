//! No request waits for nobody (issue 19, item 8): a request goes to a
//! group only when someone there can take it forward; the secretariat's
//! queue shows the groups nobody convenes and the requests waiting in one;
//! a fresh install shows a checklist until it is set up.

use chrono::TimeDelta;
use clarion::db::schema::{events, memberships, outbox, requests};
use diesel::prelude::*;

use crate::browser_workspace::{seen, sign_in};
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::browser::Browser;
use crate::support::journey::{confirmed_request, valid_form};
use crate::support::workspace::{act, add_the_people};
use crate::{in_a_browser, on_both_databases};

on_both_databases!(
    accepting_for_a_group_without_a_convenor_is_refused_until_one_is_added,
    a_convenor_counts_only_while_their_account_and_membership_are_current,
    accepting_for_a_group_where_nobody_votes_is_refused,
    reassigning_a_request_the_group_has_needs_a_convenor_in_the_new_group,
    the_secretariat_sees_groups_without_a_convenor_and_requests_waiting_in_one,
    a_fresh_install_shows_the_secretariat_a_checklist_until_it_is_done,
);
in_a_browser!(the_secretariat_meets_the_checklist_and_a_refused_accept_in_a_browser,);

/// Everything accepting or reassigning could change: the request's state,
/// group and version, its events, and the mail queued.
fn snapshot(app: &TestApp) -> (String, Option<String>, i32, i64, i64) {
    let conn = &mut app.db();
    let (state, group, version) = requests::table
        .select((requests::state, requests::group_id, requests::version))
        .first(conn)
        .unwrap();
    let events = events::table.count().get_result(conn).unwrap();
    let mail = outbox::table.count().get_result(conn).unwrap();
    (state, group, version, events, mail)
}

/// The only request's reference.
fn reference(app: &TestApp) -> String {
    requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap()
}

/// The addresses the links of the first element matching `selector` lead to.
fn links_in(html: &str, selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    let links = scraper::Selector::parse("a").unwrap();
    document
        .select(&selector)
        .next()
        .map(|element| {
            element
                .select(&links)
                .filter_map(|a| a.value().attr("href").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The value of the option the screening's accept choice has selected.
fn accept_group_selected(html: &str) -> Option<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("#field-screen-group option[selected]").unwrap();
    document
        .select(&selector)
        .next()
        .and_then(|o| o.value().attr("value").map(str::to_owned))
}

/// Sam accepts the request for `group` (its own group when empty) and
/// expects a refusal: 409, the request page again, nothing changed.
/// Returns the page.
async fn refused_accept(app: &TestApp, sam: &Person, group: &str) -> String {
    let before = snapshot(app);
    let response = act(sam, &reference(app), "accept", &[("group", group)]).await;
    assert_eq!(response.status(), 409, "accepting is refused");
    let page = response.text().await.unwrap();
    assert_eq!(snapshot(app), before, "a refused accept changes nothing");
    page
}

async fn accepting_for_a_group_without_a_convenor_is_refused_until_one_is_added(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    app.add_user(
        "mia@example.org",
        "Mia Member",
        false,
        Some(("MG 17025", "member")),
    );
    confirmed_request(&app, &valid_form()).await;
    let sam = app.signed_in("sam@example.org").await;
    let mg_17025 = app.group_id("MG 17025");

    let page = refused_accept(&app, &sam, "").await;
    let problem = text_of(&page, ".notice--error").expect("the page says why");
    assert!(
        problem.contains("MG 17025 has no convenor"),
        "the refusal names the group: {problem}"
    );
    assert!(problem.contains("Nothing was changed"), "{problem}");
    assert_eq!(
        links_in(&page, ".notice--error"),
        [format!("/admin/groups/{mg_17025}")],
        "the refusal links to the group's page"
    );
    let (status, group_page) = sam.page(&format!("/admin/groups/{mg_17025}")).await;
    assert_eq!(status, 200, "the link leads to the group's page");
    assert!(group_page.contains("MG 17025"));

    // Another group chosen: refused the same way, the choice kept.
    let mg_17065 = app.group_id("MG 17065");
    let page = refused_accept(&app, &sam, &mg_17065).await;
    assert!(
        text_of(&page, ".notice--error")
            .unwrap()
            .contains("MG 17065 has no convenor")
    );
    assert_eq!(accept_group_selected(&page), Some(mg_17065));

    app.add_user(
        "carla@example.org",
        "Carla Convenor",
        false,
        Some(("MG 17025", "convenor")),
    );
    let response = act(&sam, &reference(&app), "accept", &[]).await;
    assert_eq!(
        response.status(),
        303,
        "accepted once the group has a convenor"
    );
    let (state, group, ..) = snapshot(&app);
    assert_eq!((state.as_str(), group), ("in_group", Some(mg_17025)));
}

async fn a_convenor_counts_only_while_their_account_and_membership_are_current(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    confirmed_request(&app, &valid_form()).await;
    let sam = app.signed_in("sam@example.org").await;
    let carla = app.user_id("carla@example.org");

    clarion::models::users::set_active(&mut app.db(), &carla, false).unwrap();
    let page = refused_accept(&app, &sam, "").await;
    assert!(
        text_of(&page, ".notice--error")
            .unwrap()
            .contains("MG 17025 has no convenor"),
        "a deactivated convenor convenes nothing"
    );

    clarion::models::users::set_active(&mut app.db(), &carla, true).unwrap();
    let mg_17025 = app.group_id("MG 17025");
    let carla_leaves = |on| {
        diesel::update(
            memberships::table
                .filter(memberships::user_id.eq(&carla))
                .filter(memberships::group_id.eq(&mg_17025)),
        )
        .set(memberships::ends_at.eq(on))
        .execute(&mut app.db())
        .unwrap();
    };
    carla_leaves(app.clock.now() - TimeDelta::days(1));
    let page = refused_accept(&app, &sam, "").await;
    assert!(
        text_of(&page, ".notice--error")
            .unwrap()
            .contains("MG 17025 has no convenor"),
        "a membership that ended convenes nothing"
    );

    carla_leaves(app.clock.now() + TimeDelta::days(365));
    let response = act(&sam, &reference(&app), "accept", &[]).await;
    assert_eq!(
        response.status(),
        303,
        "a membership ending next year counts"
    );
}

async fn accepting_for_a_group_where_nobody_votes_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    confirmed_request(&app, &valid_form()).await;
    let sam = app.signed_in("sam@example.org").await;
    let mg_17025 = app.group_id("MG 17025");
    let observe = |email: &str, capacity: &str| {
        diesel::update(
            memberships::table
                .filter(memberships::user_id.eq(app.user_id(email)))
                .filter(memberships::group_id.eq(&mg_17025)),
        )
        .set(memberships::capacity.eq(capacity))
        .execute(&mut app.db())
        .unwrap();
    };
    // The convenor and the member only observe; a liaison votes only
    // where the group says so, and MG 17025 does not.
    observe("carla@example.org", "observer");
    observe("mia@example.org", "liaison");

    let page = refused_accept(&app, &sam, "").await;
    let problem = text_of(&page, ".notice--error").unwrap();
    assert!(
        problem.contains("MG 17025 has no member who may vote"),
        "{problem}"
    );
    assert_eq!(
        links_in(&page, ".notice--error"),
        [format!("/admin/groups/{mg_17025}")]
    );

    // The convenor votes as an expert: that is enough.
    observe("carla@example.org", "expert");
    let response = act(&sam, &reference(&app), "accept", &[]).await;
    assert_eq!(response.status(), 303);
}

async fn reassigning_a_request_the_group_has_needs_a_convenor_in_the_new_group(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    confirmed_request(&app, &valid_form()).await;
    let sam = app.signed_in("sam@example.org").await;
    let mg_17065 = app.group_id("MG 17065");
    assert_eq!(
        act(&sam, &reference(&app), "accept", &[]).await.status(),
        303
    );

    // MG 17065 has a member (Otto) and no convenor.
    let before = snapshot(&app);
    let response = act(&sam, &reference(&app), "reassign", &[("group", &mg_17065)]).await;
    assert_eq!(response.status(), 409);
    let page = response.text().await.unwrap();
    assert_eq!(snapshot(&app), before, "the request stays with MG 17025");
    assert!(
        text_of(&page, ".notice--error")
            .unwrap()
            .contains("MG 17065 has no convenor")
    );
    assert_eq!(
        links_in(&page, ".notice--error"),
        [format!("/admin/groups/{mg_17065}")]
    );

    app.add_user(
        "cleo@example.org",
        "Cleo Convenor",
        false,
        Some(("MG 17065", "convenor")),
    );
    let response = act(&sam, &reference(&app), "reassign", &[("group", &mg_17065)]).await;
    assert_eq!(response.status(), 303);
    assert_eq!(snapshot(&app).1, Some(mg_17065));
}

/// The row of group `code` in the registry's list of groups, as text.
async fn registry_row(sam: &Person, code: &str) -> String {
    let (status, list) = sam.page("/admin/groups").await;
    assert_eq!(status, 200);
    let document = scraper::Html::parse_document(&list);
    let rows = scraper::Selector::parse("tbody tr").unwrap();
    document
        .select(&rows)
        .map(|tr| tr.text().collect::<Vec<_>>().join(" "))
        .find(|text| text.contains(code))
        .expect("the group is listed")
}

/// The main part of `person`'s queue, as text.
async fn queue_of(person: &Person) -> (String, String) {
    let (status, page) = person.page("/workspace").await;
    assert_eq!(status, 200);
    let text = text_of(&page, "main").unwrap();
    (page, text)
}

async fn the_secretariat_sees_groups_without_a_convenor_and_requests_waiting_in_one(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    confirmed_request(&app, &valid_form()).await;
    let sam = app.signed_in("sam@example.org").await;
    let reference = reference(&app);
    let (mg_17025, mg_17065) = (app.group_id("MG 17025"), app.group_id("MG 17065"));
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);

    let (page, text) = queue_of(&sam).await;
    assert!(text.contains("Groups without a convenor"), "{text}");
    let unconvened = links_in(&page, "#unconvened");
    assert!(unconvened.contains(&format!("/admin/groups/{mg_17065}")));
    assert!(
        !unconvened.contains(&format!("/admin/groups/{mg_17025}")),
        "Carla convenes MG 17025"
    );
    assert!(!text.contains("has no convenor: appoint one"), "{text}");
    let row = registry_row(&sam, "MG 17025").await;
    assert!(!row.contains("No convenor"), "{row}");

    // Carla leaves: the request in MG 17025 now waits for nobody.
    clarion::models::users::set_active(&mut app.db(), &app.user_id("carla@example.org"), false)
        .unwrap();
    let (page, text) = queue_of(&sam).await;
    assert!(
        text.contains(&format!(
            "{reference} ISO/IEC 17025:2017 7.2.1 MG 17025 has no convenor: appoint one"
        )),
        "{text}"
    );
    assert!(
        links_in(&page, "table").contains(&format!("/admin/groups/{mg_17025}")),
        "the task links to the group's page"
    );
    assert!(links_in(&page, "#unconvened").contains(&format!("/admin/groups/{mg_17025}")));
    let listed = text_of(&page, "#unconvened").unwrap();
    assert!(
        listed.contains(
            "MG 17025 — Maintenance group for ISO/IEC 17025 (answers for ISO/IEC 17025:2017)"
        ),
        "{listed}"
    );

    let row = registry_row(&sam, "MG 17025").await;
    assert!(row.contains("No convenor"), "the registry agrees: {row}");

    // The groups are the secretariat's to follow, not the members'.
    let mia = app.signed_in("mia@example.org").await;
    let (_, text) = queue_of(&mia).await;
    assert!(!text.contains("Groups without a convenor"), "{text}");
    assert!(!text.contains("appoint one"), "{text}");
}

/// The checklist's items as (done, item text).
fn checklist(page: &str) -> Vec<(bool, String)> {
    let document = scraper::Html::parse_document(page);
    let items = scraper::Selector::parse("#checklist > li").unwrap();
    document
        .select(&items)
        .map(|li| {
            let text = li
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (text.starts_with("Done"), text)
        })
        .collect()
}

/// Appoints a convenor to every group that answers for a standard in force.
fn convene_every_responsible_group(app: &TestApp) {
    use clarion::db::schema::{groups, standards};
    let codes: Vec<String> = groups::table
        .inner_join(standards::table)
        .filter(standards::superseded_by_id.is_null())
        .select(groups::code)
        .distinct()
        .load(&mut app.db())
        .unwrap();
    assert!(codes.len() > 1, "the registry ships several groups");
    for (i, code) in codes.iter().enumerate() {
        app.add_user(
            &format!("convenor{i}@example.org"),
            &format!("Convenor {i}"),
            false,
            Some((code, "convenor")),
        );
    }
}

async fn a_fresh_install_shows_the_secretariat_a_checklist_until_it_is_done(backend: Backend) {
    // Mail into files, as a first run without configuration.
    let app = TestApp::spawn_with(backend, &[("CLARION_SMTP_URL", String::new())]).await;
    add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let (page, text) = queue_of(&sam).await;
    assert!(text.contains("Before requests can flow"), "{text}");
    let items = checklist(&page);
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items.iter().all(|(done, _)| !done), "{items:?}");
    assert!(items[0].1.contains("Invite convenors"), "{items:?}");
    assert!(
        items[0].1.contains("have no convenor yet"),
        "MG 17025 has Carla, the others nobody: {items:?}"
    );
    assert!(items[1].1.contains("Check the registry"), "{items:?}");
    assert!(items[2].1.contains("Set the mail server"), "{items:?}");
    assert!(items[2].1.contains("CLARION_SMTP_URL"), "{items:?}");
    let links = links_in(&page, "#checklist");
    for place in ["/admin/users/invite", "/admin", "/admin/mail"] {
        assert!(
            links.contains(&place.to_owned()),
            "{place} is linked: {links:?}"
        );
    }

    let (status, mail_page) = sam.page("/admin/mail").await;
    assert_eq!(status, 200);
    assert!(
        text_of(&mail_page, "#no-mail-server")
            .expect("the mail page says mail goes nowhere")
            .contains("Set CLARION_SMTP_URL to your mail server and restart."),
    );

    // Members never see it.
    let (_, text) = queue_of(&app.signed_in("carla@example.org").await).await;
    assert!(!text.contains("Before requests can flow"), "{text}");

    // The registry is checked: that item ticks, and stays ticked.
    let response = sam
        .submit_form("/workspace", "/admin/registry/checked", &[])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/workspace");
    convene_every_responsible_group(&app);
    let (page, _) = queue_of(&sam).await;
    let done: Vec<bool> = checklist(&page).into_iter().map(|(d, _)| d).collect();
    assert_eq!(
        done,
        [true, true, false],
        "only the mail server is left: {:?}",
        checklist(&page)
    );
    assert!(
        !page.contains("/admin/registry/checked"),
        "nothing left to confirm"
    );

    // With a mail server set, and the rest done, the checklist is gone.
    let configured = TestApp::spawn(backend).await;
    add_the_people(&configured);
    let sam = configured.signed_in("sam@example.org").await;
    let (page, _) = queue_of(&sam).await;
    let done: Vec<bool> = checklist(&page).into_iter().map(|(d, _)| d).collect();
    assert_eq!(done, [false, false, true], "{:?}", checklist(&page));
    let (_, mail_page) = sam.page("/admin/mail").await;
    assert_eq!(text_of(&mail_page, "#no-mail-server"), None);
    sam.submit_form("/workspace", "/admin/registry/checked", &[])
        .await;
    convene_every_responsible_group(&configured);
    let (page, text) = queue_of(&sam).await;
    assert!(checklist(&page).is_empty(), "{text}");
    assert!(!text.contains("Before requests can flow"), "{text}");
}

async fn the_secretariat_meets_the_checklist_and_a_refused_accept_in_a_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    confirmed_request(&app, &valid_form()).await;
    let reference = reference(&app);
    let mg_17025 = app.group_id("MG 17025");
    let browser = Browser::open().await;

    sign_in(&browser, &app, "sam@example.org", false).await;
    assert_eq!(
        seen(&browser, "#setup-heading").await,
        "Before requests can flow"
    );
    assert!(
        seen(&browser, "#unconvened-heading")
            .await
            .starts_with("Groups without a convenor")
    );
    browser.assert_accessible().await;

    // Accepting for MG 17025, which nobody convenes yet.
    browser
        .follow(&format!("a[href='/workspace/requests/{reference}']"))
        .await;
    browser.click("#choice-accept").await;
    browser.follow("#screening button[type=submit]").await;
    let problem = seen(&browser, ".notice--error").await;
    assert!(problem.contains("MG 17025 has no convenor"), "{problem}");
    browser.assert_accessible().await;
    let landed = browser.follow(".notice--error a").await;
    assert!(
        landed.ends_with(&format!("/admin/groups/{mg_17025}")),
        "{landed}"
    );

    // Back on the queue, the registry is confirmed.
    browser.goto(&app.url("/workspace")).await;
    browser
        .follow("form[action='/admin/registry/checked'] button[type=submit]")
        .await;
    let items = seen(&browser, "#checklist").await;
    assert!(items.contains("Done Check the registry."), "{items}");
    assert!(items.contains("To do Invite convenors."), "{items}");
    assert!(items.contains("Done Set the mail server."), "{items}");
    browser.assert_accessible().await;
    browser.close().await;
}
