//! The submitter's journey (issue 3): form, confirmation, tracking, reply,
//! withdrawal, referral; and every way a submission is refused.

use std::time::Duration;

use chrono::{Datelike, TimeDelta};
use clarion::db::schema::{events, request_contacts, requests, standards, tokens};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in, text_of, version_in};
use crate::support::journey::{
    QUESTION, confirmed_request, file_request, outbox_count, press_confirm, request_count, send,
    valid_form, with,
};

on_both_databases!(
    a_submitter_files_confirms_and_follows_a_request,
    confirming_twice_is_harmless,
    a_standard_without_a_group_warns_the_secretariat,
    a_form_with_mistakes_is_answered_field_by_field_and_stores_nothing,
    the_honeypot_looks_like_success_but_stores_and_mails_nothing,
    repeated_submissions_are_throttled_without_losing_the_input,
    submissions_sent_together_are_each_answered_for_themselves,
    refused_posts_store_nothing,
    a_request_at_every_limit_is_accepted_in_any_script,
    unconfirmed_requests_are_erased_after_72_hours,
    the_submitter_replies_to_the_secretariat_and_can_withdraw,
    a_stale_page_cannot_withdraw_a_changed_request,
    a_reply_the_request_moved_past_is_kept,
    one_token_never_reveals_another_request,
    answers_already_given_are_shown_before_sending,
    the_referral_page_names_the_owning_committee,
    an_address_the_mail_could_never_reach_is_refused,
);

async fn a_submitter_files_confirms_and_follows_a_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_secretariat("secretariat@example.org");

    let (status, form) = app.page("/requests/new?standard=iso-iec-17025-2017").await;
    assert_eq!(status, 200);
    assert!(
        form.contains(r#"<option value="iso-iec-17025-2017" selected>"#),
        "preselected"
    );
    assert!(form.contains(r#"href="/refer""#));

    let confirm = file_request(&app, &valid_form()).await;
    let (status, sent) = app.page("/requests/sent").await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&sent, "h1").unwrap(), "Check your e-mail");

    let (state, reference): (String, Option<String>) = requests::table
        .select((requests::state, requests::reference))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((state.as_str(), reference), ("pending_confirmation", None));
    let contact: (String, String) = request_contacts::table
        .select((request_contacts::name, request_contacts::email))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        contact,
        ("Ana Lima".to_owned(), "ana.lima@lab.example".to_owned())
    );
    let confirmation = &app.mail.to("ana.lima@lab.example")[0];
    assert_eq!(
        confirmation.subject,
        "Confirm your clarification request on ISO/IEC 17025:2017"
    );
    assert!(confirmation.html.contains("Confirm and send") && !confirmation.text.is_empty());

    // Opening the link (as a mail scanner would) changes nothing.
    let (status, page) = app.page(&confirm).await;
    assert_eq!(status, 200);
    assert!(page.contains(QUESTION));
    let state: String = requests::table
        .select(requests::state)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(state, "pending_confirmation");

    let response = press_confirm(&app, &confirm).await;
    assert_eq!(response.status(), 303);
    let tracking = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(tracking.starts_with("/track/"));

    let year = app.clock.now().year();
    let expected_reference = format!("CR-{year}-0001");
    let (state, reference, group): (String, Option<String>, Option<String>) = requests::table
        .left_join(clarion::db::schema::groups::table)
        .select((
            requests::state,
            requests::reference,
            clarion::db::schema::groups::code.nullable(),
        ))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(state, "screening");
    assert_eq!(reference.as_deref(), Some(expected_reference.as_str()));
    assert_eq!(group.as_deref(), Some("MG 17025"));

    let mail = app.mail.wait_for(3, Duration::from_secs(20)).await;
    let acknowledgement = mail
        .iter()
        .find(|m| m.subject.contains("received"))
        .expect("an acknowledgement");
    assert_eq!(
        acknowledgement.envelope_to,
        vec!["ana.lima@lab.example".to_owned()]
    );
    assert_eq!(
        acknowledgement.subject,
        format!("{expected_reference}: your clarification request is received")
    );
    assert!(acknowledgement.text.contains("What happens next"));
    assert!(
        acknowledgement.links().contains(&app.url(&tracking)),
        "the tracking link is in the mail"
    );
    let notice = &app.mail.to("secretariat@example.org")[0];
    assert!(
        notice.subject.starts_with(&expected_reference) && notice.subject.contains("to screen"),
        "{}",
        notice.subject
    );
    assert!(
        notice.text.contains("MG 17025") && notice.text.contains("Brazil"),
        "{}",
        notice.text
    );
    assert!(
        notice
            .links()
            .contains(&app.url(&format!("/workspace/requests/{expected_reference}")))
    );

    let (status, page) = app.page(&tracking).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&page, "h1").unwrap(), expected_reference);
    assert!(page.contains(QUESTION));
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("The secretariat is checking")
    );
    assert!(
        text_of(&page, "[aria-current=step]")
            .unwrap()
            .contains("Screening by the secretariat")
    );
    assert!(page.contains("Withdraw the request"));
    // The tracking token is stored only as its hash.
    let token = tracking.trim_start_matches("/track/");
    let stored: i64 = tokens::table
        .filter(tokens::token_hash.eq(token))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(stored, 0);
}

async fn confirming_twice_is_harmless(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let confirm = file_request(&app, &valid_form()).await;
    let (_, page) = app.page(&confirm).await;
    let token = csrf_token_in(&page);
    assert_eq!(
        app.post_form(&confirm, &[("csrf_token", &token)])
            .await
            .status(),
        303
    );
    // The second press redirects too (a refresh never resubmits), to the
    // link's page, which says so.
    let again = app.post_form(&confirm, &[("csrf_token", &token)]).await;
    assert_eq!(again.status(), 303);
    assert_eq!(again.headers()["location"], confirm.as_str());
    let (status, page) = app.page(&confirm).await;
    assert_eq!(status, 200);
    assert_eq!(
        text_of(&page, "h1").unwrap(),
        "This request is already confirmed"
    );
    let confirmations: i64 = events::table
        .filter(events::action.eq("confirm"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(confirmations, 1);
    let references: Vec<Option<String>> = requests::table
        .select(requests::reference)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(references.len(), 1);
}

async fn a_standard_without_a_group_warns_the_secretariat(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_secretariat("secretariat@example.org");
    let form = with(valid_form(), "standard", "iso-pas-17005-2008");
    confirmed_request(&app, &form).await;
    let mail = app.mail.wait_for(3, Duration::from_secs(20)).await;
    let notice = mail
        .iter()
        .find(|m| m.envelope_to == ["secretariat@example.org"])
        .unwrap();
    assert!(
        notice.subject.ends_with("(no group assigned)"),
        "{}",
        notice.subject
    );
    assert!(
        notice.text.contains("no maintenance group is responsible"),
        "{}",
        notice.text
    );
    let group: Option<String> = requests::table
        .select(requests::group_id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(group, None);
}

async fn a_form_with_mistakes_is_answered_field_by_field_and_stores_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut form = valid_form();
    form = with(form, "email", "ana.lima@");
    form = with(form, "question", "Is it ok?");
    form = with(form, "country", "XX");
    form = with(form, "standard", "iso-iec-17025-2005");
    form.retain(|(k, _)| *k != "confirm_publication");
    let response = send(&app, &form).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    let summary = text_of(&page, ".error-summary").unwrap();
    for message in [
        "Choose a standard from the list; only current editions take new requests.",
        "Write your question in at least 20 characters, as a full sentence.",
        "Enter an e-mail address in the form name@example.org.",
        "Choose the country you are in.",
        "Confirm that the question and answer may be published without your name.",
    ] {
        assert!(summary.contains(message), "{message} in {summary}");
    }
    for field in [
        "standard",
        "question",
        "email",
        "country",
        "confirm_publication",
    ] {
        assert!(
            page.contains(&format!(r##"<a href="#field-{field}">"##)),
            "summary links to {field}"
        );
        assert!(
            page.contains(&format!(r#"id="{field}-error""#)),
            "message beside {field}"
        );
    }
    // What was typed is still there.
    assert!(page.contains(r#"value="ana.lima@""#));
    assert!(page.contains(r#"value="Ana Lima""#));
    assert!(page.contains(">Is it ok?</textarea>"));
    assert!(page.contains("Assessors read the clause differently.</textarea>"));
    assert!(page.contains(r#"id="field-confirm_intent" name="confirm_intent" value="on" checked"#));
    // The browser may fill in who the submitter is (WCAG 1.3.5).
    for (field, purpose) in [
        ("name", "name"),
        ("email", "email"),
        ("organization", "organization"),
        ("country", "country"),
    ] {
        let control = format!("#field-{field}[autocomplete={purpose}]");
        assert!(text_of(&page, &control).is_some(), "{control}");
    }
    assert_eq!(request_count(&app), 0);
    assert_eq!(outbox_count(&app), 0);
}

async fn an_address_the_mail_could_never_reach_is_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Both pass lettre's address check, and the message builder refuses
    // them: the confirmation would fail forever.
    for address in ["\"a b\"@example.org", "a@[127.0.0.1]"] {
        let response = send(&app, &with(valid_form(), "email", address)).await;
        assert_eq!(response.status(), 422, "{address}");
        let summary = text_of(&response.text().await.unwrap(), ".error-summary").unwrap();
        assert!(
            summary.contains("Enter an e-mail address in the form name@example.org."),
            "{address}: {summary}"
        );
    }
    assert_eq!(request_count(&app), 0);
    assert_eq!(outbox_count(&app), 0);
}

async fn the_honeypot_looks_like_success_but_stores_and_mails_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let response = send(&app, &with(valid_form(), "website", "http://spam.example")).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/requests/sent");
    app.run_worker_once().await;
    assert_eq!(request_count(&app), 0);
    assert_eq!(outbox_count(&app), 0);
    assert!(app.mail.received().is_empty());
}

async fn repeated_submissions_are_throttled_without_losing_the_input(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "2".into())]).await;
    // A form corrected after an error does not count.
    assert_eq!(
        send(&app, &with(valid_form(), "email", "wrong"))
            .await
            .status(),
        422
    );
    assert_eq!(send(&app, &valid_form()).await.status(), 303);
    assert_eq!(send(&app, &valid_form()).await.status(), 303);
    let third = with(
        valid_form(),
        "question",
        "A third question, about clause 7.2.2 and its validation records?",
    );
    let response = send(&app, &third).await;
    assert_eq!(response.status(), 429);
    let page = response.text().await.unwrap();
    assert!(
        text_of(&page, "[role=alert]")
            .unwrap()
            .contains("Please wait before sending again")
    );
    assert!(
        page.contains(
            "A third question, about clause 7.2.2 and its validation records?</textarea>"
        )
    );
    assert_eq!(request_count(&app), 2);
    // An hour later the address may send again.
    app.clock.advance(TimeDelta::minutes(61));
    assert_eq!(send(&app, &third).await.status(), 303);
    assert_eq!(request_count(&app), 3);
}

/// Submissions arriving together are stored together (one transaction for
/// the group); each must still get its own answer: the throttle counts the
/// ones stored before it in the same group, and a standard superseded
/// since the form was filled in refuses that one alone.
async fn submissions_sent_together_are_each_answered_for_themselves(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "3".into())]).await;
    let (_, page) = app.visitor.page("/requests/new").await;
    let token = csrf_token_in(&page);
    let mut forms: Vec<Vec<(&'static str, String)>> = (0..6)
        .map(|i| {
            with(
                valid_form(),
                "question",
                &format!("Question number {i} sent together: does clause 7.2.1 apply?"),
            )
        })
        .collect();
    forms.push(with(valid_form(), "standard", "iso-iec-17025-2005"));
    let mut sending = tokio::task::JoinSet::new();
    for (i, mut form) in forms.into_iter().enumerate() {
        form.push(("csrf_token", token.clone()));
        let visitor = app.visitor.clone();
        sending.spawn(async move {
            let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let response = visitor.post_form("/requests", &fields).await;
            let status = response.status().as_u16();
            (i, status, response.text().await.unwrap())
        });
    }
    let mut answers = sending.join_all().await;
    answers.sort();
    let (_, superseded, page) = answers.pop().unwrap();
    assert_eq!(superseded, 422);
    assert!(
        text_of(&page, ".error-summary")
            .unwrap()
            .contains("only current editions take new requests")
    );
    let mut statuses: Vec<u16> = answers.iter().map(|(_, status, _)| *status).collect();
    statuses.sort();
    assert_eq!(statuses, [303, 303, 303, 429, 429, 429]);
    assert_eq!(request_count(&app), 3);
    assert_eq!(outbox_count(&app), 3);
    let stored: Vec<String> = requests::table
        .select(requests::question)
        .load(&mut app.db())
        .unwrap();
    for (i, status, _) in &answers {
        let question = format!("Question number {i} sent together: does clause 7.2.1 apply?");
        assert_eq!(stored.contains(&question), *status == 303, "{question}");
    }
}

async fn refused_posts_store_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let form = valid_form();
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    // No CSRF token.
    let response = app.post_form("/requests", &fields).await;
    assert_eq!(response.status(), 403);
    let page = response.text().await.unwrap();
    assert_eq!(text_of(&page, "h1").unwrap(), "This form has expired");
    assert!(page.contains(r#"href="/requests""#));
    assert_eq!(
        app.get("/requests").await.headers()["location"],
        "/requests/new"
    );
    // Over 64 KiB.
    let huge = with(valid_form(), "background", &"x".repeat(65 * 1024));
    assert_eq!(send(&app, &huge).await.status(), 413);
    app.run_worker_once().await;
    assert_eq!(request_count(&app), 0);
    assert_eq!(outbox_count(&app), 0);
}

/// The fields' limits count characters, and 64 KiB bounds the text a form
/// carries, not its encoding: sent from a browser, each byte of a letter
/// outside ASCII travels as three, so a request in Japanese at every limit
/// is some 180 KiB on the wire.
async fn a_request_at_every_limit_is_accepted_in_any_script(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let text = |chars: usize| {
        "この要求事項の意図を確認したい。"
            .chars()
            .cycle()
            .take(chars)
            .collect::<String>()
    };
    let (question, background, proposal) = (text(5_000), text(10_000), text(5_000));
    let mut form = with(valid_form(), "question", &question);
    form = with(form, "background", &background);
    form = with(form, "proposed_answer", &proposal);
    form = with(form, "name", &text(200));
    form = with(form, "organization", &text(200));
    let response = send(&app, &form).await;
    assert_eq!(response.status(), 303, "{}", response.text().await.unwrap());
    assert_eq!(response.headers()["location"], "/requests/sent");
    let stored: (String, Option<String>, Option<String>) = requests::table
        .select((
            requests::question,
            requests::background,
            requests::proposed_answer,
        ))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, (question, Some(background), Some(proposal)));
    // One character past a limit is still answered beside its field.
    let response = send(&app, &with(form.clone(), "background", &text(10_001))).await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains(r#"id="background-error""#));
    // Past 64 KiB of text, the form is refused whole.
    let response = send(&app, &with(form, "background", &text(22_000))).await;
    assert_eq!(response.status(), 413);
    assert_eq!(request_count(&app), 1);
}

async fn unconfirmed_requests_are_erased_after_72_hours(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let confirm = file_request(&app, &valid_form()).await;
    app.clock.advance(TimeDelta::hours(71));
    app.run_worker_once().await;
    assert_eq!(request_count(&app), 1, "still within its 72 hours");
    app.clock.advance(TimeDelta::hours(2));
    app.run_worker_once().await;
    assert_eq!(request_count(&app), 0);
    let contacts: i64 = request_contacts::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(contacts, 0, "the submitter's details are gone too");
    // The link from the mail says what happened and leads to the form.
    let (status, page) = app.page(&confirm).await;
    assert_eq!(status, 404);
    assert_eq!(text_of(&page, "h1").unwrap(), "This link no longer works");
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("the request and your details were deleted")
    );
    assert_eq!(
        text_of(&page, "main ul a[href='/requests/new']").unwrap(),
        "Ask for a clarification"
    );
}

/// What the secretariat's "ask for information" (issue 4) leaves behind.
fn secretariat_asks(app: &TestApp, question: &str) {
    let mut conn = app.db();
    let (id, version): (String, i32) = requests::table
        .select((requests::id, requests::version))
        .first(&mut conn)
        .unwrap();
    diesel::update(requests::table.find(&id))
        .set((
            requests::state.eq("awaiting_submitter"),
            requests::version.eq(version + 1),
        ))
        .execute(&mut conn)
        .unwrap();
    clarion::models::events::record(
        &mut conn,
        clarion::models::events::NewEvent {
            request_id: &id,
            actor_user_id: None,
            actor_kind: clarion::domain::lifecycle::ActorKind::User,
            action: clarion::domain::lifecycle::Action::AskForInformation,
            from_state: Some(clarion::domain::lifecycle::State::Screening),
            to_state: clarion::domain::lifecycle::State::AwaitingSubmitter,
            note: Some(question),
        },
        app.clock.now(),
    )
    .unwrap();
}

async fn the_submitter_replies_to_the_secretariat_and_can_withdraw(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.add_secretariat("secretariat@example.org");
    let tracking = confirmed_request(&app, &valid_form()).await;
    app.mail.wait_for(3, Duration::from_secs(20)).await;
    secretariat_asks(&app, "Which edition of the method standard do you use?");

    let (_, page) = app.page(&tracking).await;
    assert!(page.contains("Which edition of the method standard do you use?"));
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("asked you for more information")
    );
    // An empty reply is refused beside the field.
    let csrf = csrf_token_in(&page);
    let version = version_in(&page);
    let reply_path = format!("{tracking}/reply");
    let response = app
        .post_form(
            &reply_path,
            &[
                ("csrf_token", &csrf),
                ("version", &version),
                ("reply", "  "),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Write your reply to the secretariat.")
    );

    let response = app
        .post_form(
            &reply_path,
            &[
                ("csrf_token", &csrf),
                ("version", &version),
                ("reply", "The 2019 edition."),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (_, page) = app.page(&tracking).await;
    assert!(page.contains("You replied") && page.contains("The 2019 edition."));
    let state: String = requests::table
        .select(requests::state)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(state, "screening");
    let mail = app.mail.wait_for(4, Duration::from_secs(20)).await;
    let replied = mail
        .iter()
        .find(|m| m.subject.ends_with("the submitter replied"))
        .expect("the secretariat hears of it");
    assert!(replied.text.contains("The 2019 edition."));

    // Withdrawing asks first, then closes.
    let withdraw_path = format!("{tracking}/withdraw");
    let (status, page) = app.page(&withdraw_path).await;
    assert_eq!(status, 200);
    assert_eq!(text_of(&page, "h1").unwrap(), "Withdraw your request?");
    let csrf = csrf_token_in(&page);
    let version = version_in(&page);
    let response = app
        .post_form(
            &withdraw_path,
            &[("csrf_token", &csrf), ("version", &version)],
        )
        .await;
    assert_eq!(response.status(), 303);
    let (state, reason): (String, Option<String>) = requests::table
        .select((requests::state, requests::closure_reason))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        (state.as_str(), reason.as_deref()),
        ("closed", Some("withdrawn"))
    );
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("you withdrew the request")
    );
    assert!(!page.contains("Withdraw the request"));
    let mail = app.mail.wait_for(5, Duration::from_secs(20)).await;
    assert!(
        mail.iter()
            .any(|m| m.subject.ends_with("withdrawn by the submitter"))
    );
    // A closed request cannot be withdrawn again: pressing the button a
    // second time leads back to the tracking page, which says so.
    let again = app
        .post_form(
            &withdraw_path,
            &[("csrf_token", &csrf), ("version", &version)],
        )
        .await;
    assert_eq!(again.status(), 409);
    let page = again.text().await.unwrap();
    let notice = text_of(&page, "#withdrawal-refused").unwrap();
    assert!(
        notice.contains("Your request was not withdrawn"),
        "{notice}"
    );
    assert!(notice.contains("“Closed”"), "{notice}");
    assert!(notice.contains("Nothing was changed."), "{notice}");
    assert!(text_of(&page, "title").unwrap().starts_with("Error: "));
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("you withdrew the request"),
        "the tracking page as it is"
    );
}

async fn a_stale_page_cannot_withdraw_a_changed_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let tracking = confirmed_request(&app, &valid_form()).await;
    let withdraw_path = format!("{tracking}/withdraw");
    let (_, page) = app.page(&withdraw_path).await;
    let csrf = csrf_token_in(&page);
    let version = version_in(&page);
    // Meanwhile the secretariat acts.
    secretariat_asks(&app, "Please name the method.");
    let response = app
        .post_form(
            &withdraw_path,
            &[("csrf_token", &csrf), ("version", &version)],
        )
        .await;
    assert_eq!(response.status(), 409);
    let page = response.text().await.unwrap();
    let notice = text_of(&page, "#withdrawal-refused").unwrap();
    assert!(
        notice.contains("This request changed while you were looking at it."),
        "{notice}"
    );
    // The page shows the request as it is now, the secretariat's question
    // included, and still offers to withdraw it.
    assert!(page.contains("Please name the method."));
    let again = text_of(&page, "a[href$='/withdraw']").unwrap();
    assert_eq!(again, "Withdraw the request");
    let state: String = requests::table
        .select(requests::state)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(state, "awaiting_submitter");
}

/// The submitter writes a reply while the secretariat changes the request
/// (its wording, say), then while it closes it: the reply is not taken,
/// and what was written is kept, in the form to send again while the
/// request still waits for it, else on the page to copy.
async fn a_reply_the_request_moved_past_is_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let tracking = confirmed_request(&app, &valid_form()).await;
    secretariat_asks(&app, "Please name the method.");
    let reply = "The method is ISO 17025 annex B, as written in our procedure P-12.";
    let send = |page: String| {
        let app = &app;
        let path = format!("{tracking}/reply");
        async move {
            app.post_form(
                &path,
                &[
                    ("csrf_token", &csrf_token_in(&page)),
                    ("version", &version_in(&page)),
                    ("reply", reply),
                ],
            )
            .await
        }
    };
    let moved_on = |state: &str| {
        diesel::update(requests::table)
            .set((
                requests::state.eq(state),
                requests::version.eq(requests::version + 1),
            ))
            .execute(&mut app.db())
            .unwrap();
    };
    let (_, stale) = app.page(&tracking).await;
    moved_on("awaiting_submitter");
    let refused = send(stale).await;
    assert_eq!(refused.status(), 409);
    let kept = refused.text().await.unwrap();
    let said = text_of(&kept, "#reply-refused").unwrap();
    assert!(text_of(&kept, "title").unwrap().starts_with("Error: "));
    assert!(said.contains("Your reply was not sent"), "{said}");
    assert!(said.contains("What you wrote is kept below"), "{said}");
    assert!(kept.contains(&format!(">{reply}</textarea>")));
    let (_, now) = app.page(&tracking).await;
    assert_eq!(version_in(&kept), version_in(&now), "on the version now");
    let events_before: i64 = events::table.count().get_result(&mut app.db()).unwrap();

    let (_, stale) = app.page(&tracking).await;
    moved_on("closed");
    let refused = send(stale).await;
    assert_eq!(refused.status(), 409);
    let page = refused.text().await.unwrap();
    assert!(
        text_of(&page, "#reply-refused")
            .unwrap()
            .contains("The request no longer waits for your reply.")
    );
    assert_eq!(text_of(&page, "#reply-not-sent").as_deref(), Some(reply));
    let stored: i64 = events::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(stored, events_before, "nothing stored");

    moved_on("awaiting_submitter");
    let (_, page) = app.page(&tracking).await;
    assert_eq!(send(page).await.status(), 303, "sent on the page as it is");
}

async fn one_token_never_reveals_another_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first = confirmed_request(&app, &valid_form()).await;
    let other_question =
        "Does clause 6.4.13 require records for equipment that is used only once a year?";
    let second = confirmed_request(
        &app,
        &with(
            with(valid_form(), "question", other_question),
            "clause",
            "6.4.13",
        ),
    )
    .await;
    let (_, one) = app.page(&first).await;
    let (_, two) = app.page(&second).await;
    assert!(one.contains(QUESTION) && !one.contains(other_question));
    assert!(two.contains(other_question) && !two.contains(QUESTION));
    for bad in [
        "/track/00000000000000000000000000000000",
        "/track/not-a-token",
        "/track/",
    ] {
        assert_eq!(app.page(bad).await.0, 404, "{bad}");
    }
    // A confirmation token is no tracking token.
    let confirm = file_request(&app, &valid_form()).await;
    let token = confirm.trim_start_matches("/requests/confirm/");
    assert_eq!(app.page(&format!("/track/{token}")).await.0, 404);
    // Tracking pages never land in shared caches.
    let response = app.get(&first).await;
    assert_eq!(response.headers()["cache-control"], "private, no-store");
}

/// Stores a published clarification directly (publishing is issue 4's).
fn publish(app: &TestApp, reference: &str, clause: &str, question: &str) {
    let mut conn = app.db();
    let standard_id: String = standards::table
        .filter(standards::slug.eq("iso-iec-17025-2017"))
        .select(standards::id)
        .first(&mut conn)
        .unwrap();
    let now = app.clock.now();
    diesel::insert_into(requests::table)
        .values((
            requests::id.eq(clarion::db::new_id()),
            requests::reference.eq(reference),
            requests::state.eq("published"),
            requests::standard_id.eq(standard_id),
            requests::clause.eq(clause),
            requests::question.eq(question),
            requests::answer.eq("Yes."),
            requests::submitter_country.eq("FR"),
            requests::submitter_category.eq("regulator"),
            requests::created_at.eq(now),
            requests::updated_at.eq(now),
            requests::published_at.eq(now),
        ))
        .execute(&mut conn)
        .unwrap();
}

async fn answers_already_given_are_shown_before_sending(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    publish(
        &app,
        "CR-2025-0007",
        "7.2.1",
        "Must every method have its own procedure?",
    );
    publish(
        &app,
        "CR-2025-0008",
        "7.20",
        "An unrelated clause that merely shares digits?",
    );

    let (_, page) = app
        .page("/requests/new?standard=iso-iec-17025-2017&clause=7.2")
        .await;
    let found = text_of(&page, "#existing").unwrap();
    assert!(
        found.starts_with("1 published answer on ISO/IEC 17025:2017 clause 7.2"),
        "{found}"
    );
    assert!(page.contains(r#"<a href="/clarifications/CR-2025-0007">"#));
    assert!(!page.contains("CR-2025-0008"));

    // Without JavaScript: the "check" button keeps what was typed.
    let form = with(with(valid_form(), "intent", "check"), "clause", "7.2.1");
    let response = send(&app, &form).await;
    assert_eq!(response.status(), 200);
    let page = response.text().await.unwrap();
    assert!(page.contains("CR-2025-0007"));
    assert!(page.contains(&format!(">{QUESTION}</textarea>")));
    assert_eq!(request_count(&app), 2, "checking stores nothing");

    let (_, page) = app
        .page("/requests/new?standard=iso-iec-17025-2017&clause=4.1")
        .await;
    assert!(
        text_of(&page, "#existing")
            .unwrap()
            .starts_with("No published answer")
    );
}

async fn the_referral_page_names_the_owning_committee(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (status, page) = app.page("/refer?designation=ISO+9001%3A2015").await;
    assert_eq!(status, 200);
    assert!(
        text_of(&page, "#answer-heading")
            .unwrap()
            .contains("ISO/TC 176")
    );
    let (_, page) = app.page("/refer?designation=iso%2Fiec+27001").await;
    assert!(
        text_of(&page, "#answer-heading")
            .unwrap()
            .contains("ISO/IEC JTC 1/SC 27")
    );
    let (_, page) = app.page("/refer?designation=ISO%2FIEC+17065").await;
    assert!(page.contains(r#"href="/requests/new?standard=iso-iec-17065-2012""#));
    let (_, page) = app.page("/refer?designation=ISO+99999").await;
    assert!(
        text_of(&page, "#answer-heading")
            .unwrap()
            .contains("We do not know who owns")
    );
    assert!(page.contains("national standards body"));
}

on_both_databases!(
    personal_data_is_erased_after_the_retention_period,
    erasing_a_request_erases_its_waiting_mail_and_its_tracking_links,
);

async fn personal_data_is_erased_after_the_retention_period(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_RETENTION_DAYS", "30".into())]).await;
    let tracking = confirmed_request(&app, &valid_form()).await;
    let (_, page) = app.page(&format!("{tracking}/withdraw")).await;
    let csrf = csrf_token_in(&page);
    let version = version_in(&page);
    app.post_form(
        &format!("{tracking}/withdraw"),
        &[("csrf_token", &csrf), ("version", &version)],
    )
    .await;

    app.clock.advance(TimeDelta::days(29));
    app.run_worker_once().await;
    let contacts = || -> i64 {
        request_contacts::table
            .count()
            .get_result(&mut app.db())
            .unwrap()
    };
    assert_eq!(contacts(), 1, "kept within the retention period");
    app.clock.advance(TimeDelta::days(2));
    app.run_worker_once().await;
    assert_eq!(contacts(), 0);
    let (question, erased): (String, Option<chrono::NaiveDateTime>) = requests::table
        .select((requests::question, requests::personal_data_erased_at))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(question, QUESTION, "the anonymous question remains");
    assert!(erased.is_some());
}

async fn erasing_a_request_erases_its_waiting_mail_and_its_tracking_links(backend: Backend) {
    use clarion::db::schema::outbox;
    let app = TestApp::spawn(backend).await;
    let (reference, tracking) = crate::support::workspace::screened_world(&app).await;
    assert_eq!(app.page(&tracking).await.0, 200);
    let delivered_before = app.mail.to("ana.lima@lab.example").len();
    // The mail telling the submitter waits, the SMTP server being down.
    app.mail.stop();
    let sam = app.signed_in("sam@example.org").await;
    let closed = crate::support::workspace::act(
        &sam,
        &reference,
        "not-admissible",
        &[
            ("reason", "specific_situation"),
            ("note", "One assessment."),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(closed.status(), 303);
    let waiting = || -> Vec<String> {
        outbox::table
            .filter(outbox::status.eq("pending"))
            .select(outbox::recipient)
            .load(&mut app.db())
            .unwrap()
    };
    assert!(waiting().contains(&"ana.lima@lab.example".to_owned()));

    // The retention job's erasure, as it runs once the period is over.
    let now = app.clock.now();
    let erased = clarion::models::requests::erase_personal_data(
        &mut app.db(),
        now + TimeDelta::seconds(1),
        now,
    )
    .unwrap();
    assert_eq!(erased, 1);
    assert!(
        !waiting().contains(&"ana.lima@lab.example".to_owned()),
        "the waiting mail is gone"
    );
    let about_the_submitter: i64 = outbox::table
        .filter(outbox::recipient.eq("ana.lima@lab.example"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(about_the_submitter, 0);
    let (status, page) = app.page(&tracking).await;
    assert_eq!(status, 404, "old tracking links stop working");
    assert_eq!(text_of(&page, "h1").unwrap(), "This link no longer works");
    assert!(
        text_of(&page, ".lede")
            .unwrap()
            .contains("when the request's personal details are erased")
    );
    assert_eq!(
        text_of(&page, "main ul a[href='/clarifications']").unwrap(),
        "Search the published clarifications"
    );
    // A form of the old page sent now is told the same.
    let (_, any_form) = app.page("/login").await;
    let reply = app
        .post_form(
            &format!("{tracking}/reply"),
            &[
                ("csrf_token", &csrf_token_in(&any_form)),
                ("reply", "Late."),
            ],
        )
        .await;
    assert_eq!(reply.status(), 404);
    let reply = reply.text().await.unwrap();
    assert_eq!(text_of(&reply, "h1").unwrap(), "This link no longer works");
    let links_left: i64 = tokens::table
        .filter(tokens::request_id.is_not_null())
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(links_left, 0);
    app.mail.resume();
    app.run_worker_once().await;
    assert_eq!(
        app.mail.to("ana.lima@lab.example").len(),
        delivered_before,
        "nothing reaches the submitter after the erasure"
    );
}
