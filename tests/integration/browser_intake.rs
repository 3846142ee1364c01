//! A request from the public goes through its sponsor in a real browser
//! (issue 22): the form asks for the member body or liaison, the submitter
//! confirms and is told the request awaits its endorsement, the sponsor
//! opens its link, is refused a reason left empty, endorses, and the
//! secretariat finds the request in screening, naming its sponsor; axe
//! checks each page.

use clarion::db::schema::{requests, users};
use clarion::models::organisations;
use diesel::prelude::*;

use crate::browser_workspace::sign_in;
use crate::in_a_browser;
use crate::support::app::{Backend, TestApp};
use crate::support::browser::Browser;
use crate::support::journey::{confirmed_request, fill_valid_form, valid_form, with};
use crate::support::workspace::add_the_people;

in_a_browser!(
    a_public_request_goes_through_its_sponsor_to_screening_in_a_browser,
    a_sponsors_account_endorses_from_its_queue_in_a_browser,
);

async fn a_public_request_goes_through_its_sponsor_to_screening_in_a_browser(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_INTAKE", "endorsed".to_owned())]).await;
    add_the_people(&app);
    let afnor = organisations::find_by_acronym(&mut app.db(), "AFNOR")
        .unwrap()
        .unwrap();
    organisations::set_contact_email(&mut app.db(), &afnor.id, Some("requests@afnor.example"))
        .unwrap();
    let browser = Browser::open().await;
    let shots = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();

    browser
        .goto(&app.url("/requests/new?standard=iso-iec-17025-2017"))
        .await;
    fill_valid_form(&browser).await;
    browser
        .find("#field-sponsor")
        .await
        .select_by_value(&afnor.id)
        .await
        .unwrap();
    browser.assert_accessible().await;
    browser.follow("button[value=send]").await;
    assert_eq!(browser.text("h1").await, "Check your e-mail");

    let confirm = app
        .mail
        .link_to("ana.lima@lab.example", "/requests/confirm/")
        .await;
    browser.goto(&confirm).await;
    let landed = browser.follow("form button[type=submit]").await;
    assert!(landed.contains("/track/"), "{landed}");
    assert_eq!(browser.text(".badge--state").await, "Awaiting endorsement");
    assert!(
        browser
            .text(".lede")
            .await
            .contains("The member body or liaison you chose is deciding")
    );
    browser.assert_accessible().await;

    let endorse = app
        .mail
        .link_to("requests@afnor.example", "/endorse/")
        .await;
    browser.goto(&endorse).await;
    assert_eq!(
        browser.text("h1").await,
        "A clarification request awaits your endorsement"
    );
    browser.assert_accessible().await;
    browser.screenshot(shots.join("endorse-1280.png")).await;
    browser.set_viewport(390, 844).await;
    browser.screenshot(shots.join("endorse-390.png")).await;
    browser.set_viewport(1280, 900).await;
    // Declining without a reason is refused, and says so.
    browser
        .follow("form:has(input[value=decline]) button[type=submit]")
        .await;
    assert!(
        browser
            .text(".error-summary")
            .await
            .contains("Write why you decline")
    );
    browser.assert_accessible().await;
    browser
        .follow("form:has(input[value=endorse]) button[type=submit]")
        .await;
    assert_eq!(browser.text("h1").await, "Request endorsed");
    browser.assert_accessible().await;

    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    sign_in(&browser, &app, "sam@example.org", false).await;
    browser
        .goto(&app.url(&format!("/workspace/requests/{reference}")))
        .await;
    assert_eq!(browser.text(".badge--state").await, "Screening");
    assert_eq!(browser.text("#sponsor").await, "Sponsor: AFNOR (FR)");
    browser.assert_accessible().await;
    browser.close().await;
}

async fn a_sponsors_account_endorses_from_its_queue_in_a_browser(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_INTAKE", "both".to_owned())]).await;
    add_the_people(&app);
    let afnor = organisations::find_by_acronym(&mut app.db(), "AFNOR")
        .unwrap()
        .unwrap();
    organisations::set_contact_email(&mut app.db(), &afnor.id, Some("requests@afnor.example"))
        .unwrap();
    app.add_user("camille@afnor.example", "Camille Lefèvre", false, None);
    diesel::update(users::table.filter(users::email.eq("camille@afnor.example")))
        .set(users::sponsor_organisation_id.eq(&afnor.id))
        .execute(&mut app.db())
        .unwrap();
    confirmed_request(&app, &with(valid_form(), "sponsor", &afnor.id)).await;
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();

    let browser = Browser::open().await;
    sign_in(&browser, &app, "camille@afnor.example", false).await;
    browser.assert_accessible().await;
    browser.follow("#sponsor-notice a").await;
    assert_eq!(browser.text("h1").await, "AFNOR's requests");
    browser.assert_accessible().await;
    browser
        .follow(&format!("a[href='/sponsor/requests/{reference}']"))
        .await;
    assert_eq!(
        browser.text("h1").await,
        "A clarification request awaits your endorsement"
    );
    browser.assert_accessible().await;
    let back = browser
        .follow("form:has(input[value=endorse]) button[type=submit]")
        .await;
    assert!(back.ends_with("/sponsor"), "{back}");
    assert!(
        browser
            .text("#banner")
            .await
            .contains(&format!("You endorsed {reference}"))
    );
    browser.assert_accessible().await;

    // The form names AFNOR rather than asking.
    browser.goto(&app.url("/requests/new")).await;
    assert!(
        browser
            .text("#sponsor-own")
            .await
            .starts_with("Sponsor: France — AFNOR")
    );
    browser.assert_accessible().await;
    browser.close().await;
}
