//! Appeals (issue 21, item 6): the secretariat lodges an appeal against a
//! request's decision, records its steps, and decides it; the appellant
//! and the group hear of each step by mail; the public pages say the
//! decision is under appeal when the secretariat so chooses; the queue
//! shows the deadlines; the case file keeps every step.

use std::time::Duration;

use chrono::{NaiveDate, TimeDelta};
use clarion::db::schema::{appeals, organisations, requests};
use clarion::domain::lifecycle::{Action, ActorKind, State};
use clarion::models::events;
use diesel::prelude::*;
use serde_json::Value;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of};
use crate::support::eventually::eventually;
use crate::support::register::{Published, publish};
use crate::support::workspace::{act, add_the_people, screened_world, state_of};

on_both_databases!(
    an_upheld_appeal_leaves_the_clarification_standing_and_everyone_is_told,
    an_allowed_appeal_after_conciliation_sends_a_closed_request_back_to_its_group,
    an_allowed_appeal_withdraws_or_supersedes_the_published_clarification,
    the_public_notice_is_the_secretariats_choice,
    the_queue_lists_appeals_by_deadline_the_overdue_first,
    bad_input_steps_out_of_order_and_other_people_change_nothing,
    the_appellants_contact_is_erased_after_the_retention_period,
);

const GROUNDS: &str = "The answer contradicts clause 7.2.2, which the group did not consider.";

/// A clarification of MG 17025 published in March 2025, which the group
/// had accepted and answered.
pub fn published(app: &TestApp) -> String {
    let reference = publish(&mut app.db(), Published::default());
    let request_id: String = requests::table
        .filter(requests::reference.eq(&reference))
        .select(requests::id)
        .first(&mut app.db())
        .unwrap();
    events::record(
        &mut app.db(),
        events::NewEvent {
            request_id: &request_id,
            actor_user_id: None,
            actor_kind: ActorKind::System,
            action: Action::Accept,
            from_state: Some(State::Screening),
            to_state: State::InGroup,
            note: None,
        },
        app.clock.now(),
    )
    .unwrap();
    reference
}

/// A published clarification with the people around it; answers its
/// reference and the secretariat signed in.
async fn published_world(app: &TestApp) -> (String, Person) {
    add_the_people(app);
    let reference = published(app);
    (reference, app.signed_in("sam@example.org").await)
}

fn today(app: &TestApp) -> NaiveDate {
    app.clock.now().date()
}

fn afnor(app: &TestApp) -> String {
    organisations::table
        .filter(organisations::acronym.eq("AFNOR"))
        .select(organisations::id)
        .first(&mut app.db())
        .unwrap()
}

/// The form lodging an appeal from AFNOR received today, with `changes`.
fn from_afnor(app: &TestApp, changes: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    let mut form = vec![
        ("appellant_kind", "member_body".to_owned()),
        ("organisation", afnor(app)),
        ("name", "Claire Martin".to_owned()),
        ("email", "appeals@afnor.example".to_owned()),
        ("grounds", GROUNDS.to_owned()),
        ("received_on", today(app).to_string()),
    ];
    for (name, value) in changes {
        form.retain(|(field, _)| field != name);
        form.push((name, (*value).to_owned()));
    }
    form
}

/// Posts a form of the request's appeals as `person`, with their form
/// token and the request's current version, as its pages carry them.
async fn post(
    app: &TestApp,
    person: &Person,
    reference: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (_, page) = person.page("/workspace").await;
    let version: i32 = requests::table
        .filter(requests::reference.eq(reference))
        .select(requests::version)
        .first(&mut app.db())
        .unwrap();
    let (token, version) = (csrf_token_in(&page), version.to_string());
    let mut all = vec![
        ("csrf_token", token.as_str()),
        ("version", version.as_str()),
    ];
    all.extend_from_slice(fields);
    person
        .post_form(&format!("/workspace/requests/{reference}/{action}"), &all)
        .await
}

async fn lodge(
    app: &TestApp,
    sam: &Person,
    reference: &str,
    form: &[(&'static str, String)],
) -> reqwest::Response {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    post(app, sam, reference, "appeals", &fields).await
}

/// Records the next step of appeal `number` as `person`.
async fn step(
    app: &TestApp,
    person: &Person,
    reference: &str,
    number: u32,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    post(
        app,
        person,
        reference,
        &format!("appeals/{number}/steps"),
        fields,
    )
    .await
}

async fn text_of_response(response: reqwest::Response) -> String {
    response.text().await.unwrap()
}

/// Appeal 1 of the request: its step and outcome as stored.
fn appeal_of(app: &TestApp, reference: &str) -> (String, Option<String>) {
    appeals::table
        .inner_join(requests::table)
        .filter(requests::reference.eq(reference))
        .filter(appeals::number.eq(1))
        .select((appeals::step, appeals::outcome))
        .first(&mut app.db())
        .unwrap()
}

fn count_events(app: &TestApp) -> i64 {
    clarion::db::schema::events::table
        .count()
        .get_result(&mut app.db())
        .unwrap()
}

fn count_appeals(app: &TestApp) -> i64 {
    appeals::table.count().get_result(&mut app.db()).unwrap()
}

fn date(day: NaiveDate) -> String {
    day.format("%-d %B %Y").to_string()
}

async fn an_upheld_appeal_leaves_the_clarification_standing_and_everyone_is_told(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, sam) = published_world(&app).await;

    let (status, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(&format!(
        "href=\"/workspace/requests/{reference}/appeals/new\""
    )));
    let (status, form) = sam
        .page(&format!("/workspace/requests/{reference}/appeals/new"))
        .await;
    assert_eq!(status, 200);
    assert!(
        form.contains("within 14 days") && form.contains("within 90 days"),
        "the form states the default time limits"
    );

    let lodged = lodge(
        &app,
        &sam,
        &reference,
        &from_afnor(&app, &[("public_notice", "on")]),
    )
    .await;
    assert_eq!(lodged.status(), 303);
    assert_eq!(
        lodged.headers()["location"],
        format!("/workspace/requests/{reference}/appeals/1").as_str()
    );
    let received = today(&app);
    let (acknowledge_by, decide_by) = (
        received + TimeDelta::days(14),
        received + TimeDelta::days(90),
    );

    // The public page says so, from the day received.
    let (_, public) = app.page(&format!("/clarifications/{reference}")).await;
    assert_eq!(
        text_of(&public, "#appeal-notice .banner-title").as_deref(),
        Some(format!("Under appeal since {}", date(received)).as_str())
    );

    // The appellant and the whole group hear of it.
    let mail = app.mail.wait_for(3, Duration::from_secs(20)).await;
    let to_afnor = app.mail.to("appeals@afnor.example");
    assert_eq!(to_afnor.len(), 1, "{mail:?}");
    assert_eq!(
        to_afnor[0].subject,
        format!("{reference}: appeal 1 received")
    );
    assert!(to_afnor[0].text.contains(GROUNDS));
    assert!(
        to_afnor[0]
            .links()
            .contains(&app.url(&format!("/clarifications/{reference}"))),
        "the appellant is sent the public page, not the workspace"
    );
    for member in ["carla@example.org", "mia@example.org"] {
        let told = app.mail.to(member);
        assert_eq!(told.len(), 1, "{member}");
        assert!(told[0].text.contains("AFNOR (Claire Martin)"));
        assert!(
            told[0]
                .links()
                .contains(&app.url(&format!("/workspace/requests/{reference}")))
        );
    }

    // The request page shows the appeal and its next step.
    let (_, page) = sam.page(&format!("/workspace/requests/{reference}")).await;
    let appeals = text_of(&page, "#appeals").unwrap();
    assert!(
        appeals.contains("Appeal 1 from AFNOR (Claire Martin)")
            && appeals.contains(&format!("acknowledge by {}", date(acknowledge_by))),
        "{appeals}"
    );

    for (next, mails) in [("acknowledge", 6), ("consider", 9)] {
        let response = step(&app, &sam, &reference, 1, &[("step", next)]).await;
        assert_eq!(response.status(), 303, "{next}");
        app.mail.wait_for(mails, Duration::from_secs(20)).await;
    }
    let (_, appeal_page) = sam
        .page(&format!("/workspace/requests/{reference}/appeals/1"))
        .await;
    assert_eq!(
        text_of(&appeal_page, "#appeal-step").as_deref(),
        Some("Under consideration")
    );
    assert!(
        text_of(&appeal_page, "#appeal-due")
            .unwrap()
            .contains(&date(decide_by))
    );
    assert!(
        app.mail
            .to("appeals@afnor.example")
            .iter()
            .any(|m| m.text.contains("is now with the CASCO chair and secretary")),
        "the body named in the configuration considers it"
    );

    let upheld = step(
        &app,
        &sam,
        &reference,
        1,
        &[
            ("step", "upheld"),
            ("note", "Clause 7.2.2 was considered at the meeting of May."),
        ],
    )
    .await;
    assert_eq!(upheld.status(), 303);
    assert_eq!(
        appeal_of(&app, &reference),
        ("decided".to_owned(), Some("upheld".to_owned()))
    );
    let (state, flag): (String, Option<String>) = requests::table
        .filter(requests::reference.eq(&reference))
        .select((requests::state, requests::publication_flag))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((state.as_str(), flag), ("published", None));
    app.mail.wait_for(12, Duration::from_secs(20)).await;
    let decided = app.mail.to("appeals@afnor.example");
    let last = decided.last().unwrap();
    assert_eq!(
        last.subject,
        format!("{reference}: appeal 1 decided: the decision stands")
    );
    assert!(
        last.text
            .contains("Clause 7.2.2 was considered at the meeting of May.")
    );

    // The public page now gives the outcome instead.
    let (_, public) = app.page(&format!("/clarifications/{reference}")).await;
    let notice = text_of(&public, "#appeal-notice").unwrap();
    assert!(
        notice.contains("Appeal decided on") && notice.contains("the decision stands"),
        "{notice}"
    );
    assert!(!public.contains("Under appeal since"));

    // The case file keeps every step, on the page and as JSON.
    let (_, case) = sam
        .page(&format!("/workspace/requests/{reference}/case"))
        .await;
    let section = text_of(&case, "#case-appeals").unwrap();
    assert!(
        section.contains("Appeal 1 from AFNOR (Claire Martin): Decided: the decision stands")
            && section.contains(GROUNDS)
            && section.contains("Referred the appeal for consideration"),
        "{section}"
    );
    let json: Value = sam
        .get(&format!("/workspace/requests/{reference}/case.json"))
        .await
        .json()
        .await
        .unwrap();
    let recorded = &json["appeals"][0];
    assert_eq!(recorded["appellant_kind"], "member_body");
    assert_eq!(recorded["outcome"], "upheld");
    assert_eq!(recorded["decide_by"], decide_by.to_string());
    let steps: Vec<&str> = recorded["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "lodge_appeal",
            "acknowledge_appeal",
            "consider_appeal",
            "uphold_appeal"
        ]
    );
}

async fn an_allowed_appeal_after_conciliation_sends_a_closed_request_back_to_its_group(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (reference, tracking) = screened_world(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let closed = act(
        &sam,
        &reference,
        "not-admissible",
        &[
            ("reason", "new_requirement"),
            ("note", "This asks for a new requirement."),
            ("confirm", "on"),
        ],
    )
    .await;
    assert_eq!(closed.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let (status, _) = carla
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert_eq!(status, 404, "the group never had the request");

    let submitter = [
        ("appellant_kind", "submitter"),
        ("name", "Ana Lima"),
        ("email", "ana@example.org"),
        ("public_notice", "on"),
    ];
    let lodged = lodge(&app, &sam, &reference, &from_afnor(&app, &submitter)).await;
    assert_eq!(lodged.status(), 303);
    let (_, page) = app.page(&tracking).await;
    assert!(
        text_of(&page, "#appeal-notice")
            .unwrap()
            .contains(&format!("Under appeal since {}", date(today(&app)))),
        "the submitter's page says so"
    );

    for next in ["acknowledge", "consider", "conciliate"] {
        assert_eq!(
            step(&app, &sam, &reference, 1, &[("step", next)])
                .await
                .status(),
            303,
            "{next}"
        );
    }
    assert_eq!(appeal_of(&app, &reference).0, "conciliation");
    let allowed = step(
        &app,
        &sam,
        &reference,
        1,
        &[
            ("step", "back_to_group"),
            ("note", "The question can be answered as a clarification."),
        ],
    )
    .await;
    assert_eq!(allowed.status(), 303);
    assert_eq!(state_of(&app), ("in_group".to_owned(), None));
    assert_eq!(
        appeal_of(&app, &reference),
        ("decided".to_owned(), Some("back_to_group".to_owned()))
    );
    let closed_at: Option<chrono::NaiveDateTime> = requests::table
        .select(requests::closed_at)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(closed_at, None);

    // The group has it now, with the convenor's task.
    let (status, page) = carla
        .page(&format!("/workspace/requests/{reference}"))
        .await;
    assert_eq!(status, 200);
    assert!(page.contains("Appeal allowed"));
    let (_, queue) = carla.page("/workspace").await;
    assert!(queue.contains(&reference), "the convenor drafts an answer");

    let mailed = |to: &'static str, subject: &'static str, says: &'static str| {
        let app = &app;
        async move {
            eventually(Duration::from_secs(20), || async {
                app.mail
                    .to(to)
                    .iter()
                    .find(|m| m.subject.ends_with(subject) && m.text.contains(says))
                    .map(drop)
                    .ok_or_else(|| format!("no mail to {to} ending {subject:?}"))
            })
            .await
        }
    };
    mailed(
        "ana@example.org",
        "appeal 1 in conciliation",
        "the appellant and the group are asked to find an agreement",
    )
    .await;
    mailed(
        "carla@example.org",
        "appeal 1 allowed",
        "goes back to the maintenance group",
    )
    .await;
    let (_, page) = app.page(&tracking).await;
    let notice = text_of(&page, "#appeal-notice").unwrap();
    assert!(notice.contains("was allowed"), "{notice}");
}

async fn an_allowed_appeal_withdraws_or_supersedes_the_published_clarification(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add_the_people(&app);
    let (withdrawn, superseded, successor) = {
        let mut conn = app.db();
        (
            publish(&mut conn, Published::default()),
            publish(&mut conn, Published::default()),
            publish(&mut conn, Published::default()),
        )
    };
    let sam = app.signed_in("sam@example.org").await;
    for reference in [&withdrawn, &superseded] {
        assert_eq!(
            lodge(&app, &sam, reference, &from_afnor(&app, &[]))
                .await
                .status(),
            303
        );
        for next in ["acknowledge", "consider"] {
            assert_eq!(
                step(&app, &sam, reference, 1, &[("step", next)])
                    .await
                    .status(),
                303
            );
        }
    }

    let reasons = "The answer adds a requirement the standard does not have.";
    let response = step(
        &app,
        &sam,
        &withdrawn,
        1,
        &[("step", "withdrawn"), ("note", reasons)],
    )
    .await;
    assert_eq!(response.status(), 303);
    let (_, page) = app.page(&format!("/clarifications/{withdrawn}")).await;
    let banner = text_of(&page, ".banner--danger").unwrap();
    assert!(
        banner.contains("This clarification is withdrawn") && banner.contains(reasons),
        "{banner}"
    );

    // Superseded names what replaces it, through the publication's mark.
    let without_successor = step(
        &app,
        &sam,
        &superseded,
        1,
        &[("step", "superseded"), ("note", reasons)],
    )
    .await;
    assert_eq!(without_successor.status(), 422);
    assert_eq!(appeal_of(&app, &superseded).0, "considering");
    let response = step(
        &app,
        &sam,
        &superseded,
        1,
        &[
            ("step", "superseded"),
            ("note", reasons),
            ("successor", &successor),
        ],
    )
    .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        appeal_of(&app, &superseded),
        ("decided".to_owned(), Some("superseded".to_owned()))
    );
    let (_, page) = app.page(&format!("/clarifications/{superseded}")).await;
    assert!(
        text_of(&page, ".banner")
            .unwrap()
            .contains(&format!("It is replaced by clarification {successor}"))
    );
    let flags: Vec<Option<String>> = requests::table
        .order(requests::reference)
        .select(requests::publication_flag)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        flags,
        [
            Some("withdrawn".to_owned()),
            Some("superseded".to_owned()),
            None
        ]
    );
}

async fn the_public_notice_is_the_secretariats_choice(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, sam) = published_world(&app).await;
    let public = format!("/clarifications/{reference}");
    assert_eq!(
        lodge(&app, &sam, &reference, &from_afnor(&app, &[]))
            .await
            .status(),
        303
    );
    let (_, page) = app.page(&public).await;
    assert!(!page.contains("appeal-notice"), "not asked for");

    let notice = "appeals/1/notice";
    assert_eq!(
        post(&app, &sam, &reference, notice, &[("public_notice", "on")])
            .await
            .status(),
        303
    );
    let (_, page) = app.page(&public).await;
    assert!(
        text_of(&page, "#appeal-notice")
            .unwrap()
            .contains("Under appeal since")
    );

    let carla = app.signed_in("carla@example.org").await;
    assert_eq!(
        post(&app, &carla, &reference, notice, &[]).await.status(),
        409,
        "only the secretariat decides"
    );
    let (_, page) = app.page(&public).await;
    assert!(page.contains("appeal-notice"));

    assert_eq!(
        post(&app, &sam, &reference, notice, &[]).await.status(),
        303
    );
    let (_, page) = app.page(&public).await;
    assert!(!page.contains("appeal-notice"), "taken down again");
}

async fn the_queue_lists_appeals_by_deadline_the_overdue_first(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[("CLARION_APPEAL_ACKNOWLEDGE_DAYS", "7".to_owned())],
    )
    .await;
    add_the_people(&app);
    let (recent, old) = {
        let mut conn = app.db();
        (
            publish(&mut conn, Published::default()),
            publish(&mut conn, Published::default()),
        )
    };
    let sam = app.signed_in("sam@example.org").await;
    let received_long_ago = (today(&app) - TimeDelta::days(10)).to_string();
    assert_eq!(
        lodge(&app, &sam, &recent, &from_afnor(&app, &[]))
            .await
            .status(),
        303
    );
    assert_eq!(
        lodge(
            &app,
            &sam,
            &old,
            &from_afnor(&app, &[("received_on", &received_long_ago)])
        )
        .await
        .status(),
        303
    );
    let (_, queue) = sam.page("/workspace").await;
    let heading = queue.find(">Appeals (2)</h3>").expect("an Appeals section");
    let section = &queue[heading..];
    let (first, second) = (
        section.find(&old).expect("the overdue appeal"),
        section.find(&recent).expect("the recent appeal"),
    );
    assert!(first < second, "the overdue one first");
    let overdue_row = &section[first..second];
    assert!(
        overdue_row.contains("Overdue")
            && overdue_row.contains(&date(today(&app) - TimeDelta::days(3))),
        "acknowledgement due 7 days after receipt: {overdue_row}"
    );
    assert!(
        section[second..].contains(&date(today(&app) + TimeDelta::days(7))),
        "the other is due in 7 days"
    );

    // Decided appeals leave the queue; the group's queues never had them.
    for next in ["acknowledge", "consider"] {
        step(&app, &sam, &old, 1, &[("step", next)]).await;
    }
    step(
        &app,
        &sam,
        &old,
        1,
        &[("step", "upheld"), ("note", "No error.")],
    )
    .await;
    let (_, queue) = sam.page("/workspace").await;
    assert!(queue.contains(">Appeals (1)</h3>"));
    let carla = app.signed_in("carla@example.org").await;
    let (_, queue) = carla.page("/workspace").await;
    assert!(!queue.contains(">Appeals ("));
}

async fn bad_input_steps_out_of_order_and_other_people_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, sam) = published_world(&app).await;
    let (events_before, outbox_before) = (
        count_events(&app),
        crate::support::journey::outbox_count(&app),
    );
    let tomorrow = (today(&app) + TimeDelta::days(1)).to_string();
    let liaison: String = organisations::table
        .filter(organisations::kind.eq("liaison"))
        .select(organisations::id)
        .first(&mut app.db())
        .unwrap();
    let bad = [
        (vec![("appellant_kind", "a friend")], "Choose who appeals"),
        (
            vec![("organisation", liaison.as_str())],
            "Choose the member body that appeals",
        ),
        (vec![("name", "  ")], "Write the name of the person"),
        (vec![("email", "not an address")], "Enter an e-mail address"),
        (vec![("grounds", "")], "Write the grounds of the appeal"),
        (
            vec![("received_on", "last week")],
            "Give the date the appeal was received",
        ),
        (vec![("received_on", tomorrow.as_str())], "after today"),
    ];
    for (changes, said) in bad {
        let response = lodge(&app, &sam, &reference, &from_afnor(&app, &changes)).await;
        assert_eq!(response.status(), 422, "{changes:?}");
        let page = text_of_response(response).await;
        assert!(page.contains(said), "{changes:?}: {said}");
    }
    assert_eq!(count_appeals(&app), 0);
    assert_eq!(count_events(&app), events_before);
    assert_eq!(crate::support::journey::outbox_count(&app), outbox_before);

    // Only the secretariat lodges; an outsider learns nothing.
    let carla = app.signed_in("carla@example.org").await;
    let otto = app.signed_in("otto@example.org").await;
    assert_eq!(
        lodge(&app, &carla, &reference, &from_afnor(&app, &[]))
            .await
            .status(),
        409
    );
    let (status, _) = otto
        .page(&format!("/workspace/requests/{reference}/appeals/new"))
        .await;
    assert_eq!(status, 404);
    assert_eq!(count_appeals(&app), 0);

    assert_eq!(
        lodge(&app, &sam, &reference, &from_afnor(&app, &[]))
            .await
            .status(),
        303
    );
    let events_lodged = count_events(&app);
    let refused = [
        (
            vec![("step", "upheld"), ("note", "Too early.")],
            422,
            "not at that step",
        ),
        (vec![("step", "consider")], 422, "not at that step"),
        (
            vec![("step", "appeal everything")],
            422,
            "Choose the appeal",
        ),
    ];
    for (fields, status, said) in refused {
        let response = step(&app, &sam, &reference, 1, &fields).await;
        assert_eq!(response.status(), status, "{fields:?}");
        assert!(text_of_response(response).await.contains(said), "{said}");
    }
    let response = step(&app, &otto, &reference, 1, &[("step", "acknowledge")]).await;
    assert_eq!(response.status(), 404, "an outsider learns nothing");
    assert_eq!(
        step(&app, &carla, &reference, 1, &[("step", "acknowledge")])
            .await
            .status(),
        409,
        "the convenor reads the appeal but does not record its steps"
    );
    let (status, _) = otto
        .page(&format!("/workspace/requests/{reference}/appeals/1"))
        .await;
    assert_eq!(status, 404);
    let (status, _) = sam
        .page(&format!("/workspace/requests/{reference}/appeals/2"))
        .await;
    assert_eq!(status, 404, "no second appeal");
    assert_eq!(appeal_of(&app, &reference), ("lodged".to_owned(), None));
    assert_eq!(count_events(&app), events_lodged);

    for next in ["acknowledge", "consider"] {
        step(&app, &sam, &reference, 1, &[("step", next)]).await;
    }
    let events_considered = count_events(&app);
    let refused = [
        (
            vec![("step", "back_to_group"), ("note", "Again.")],
            "does not go back to the group",
        ),
        (
            vec![("step", "withdrawn")],
            "Write the reasons of the decision",
        ),
    ];
    for (fields, said) in refused {
        let response = step(&app, &sam, &reference, 1, &fields).await;
        assert_eq!(response.status(), 422, "{fields:?}");
        assert!(text_of_response(response).await.contains(said), "{said}");
    }
    assert_eq!(
        appeal_of(&app, &reference),
        ("considering".to_owned(), None)
    );
    assert_eq!(count_events(&app), events_considered);

    step(
        &app,
        &sam,
        &reference,
        1,
        &[("step", "upheld"), ("note", "No error.")],
    )
    .await;
    let response = step(
        &app,
        &sam,
        &reference,
        1,
        &[("step", "withdrawn"), ("note", "Late.")],
    )
    .await;
    assert_eq!(response.status(), 422);
    assert!(text_of_response(response).await.contains("already decided"));
    let flag: Option<String> = requests::table
        .select(requests::publication_flag)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(flag, None, "a decided appeal withdraws nothing");
}

async fn the_appellants_contact_is_erased_after_the_retention_period(backend: Backend) {
    let app = TestApp::spawn_with(backend, &[("CLARION_RETENTION_DAYS", "30".into())]).await;
    let (reference, sam) = published_world(&app).await;
    assert_eq!(
        lodge(&app, &sam, &reference, &from_afnor(&app, &[]))
            .await
            .status(),
        303
    );
    for next in ["acknowledge", "consider"] {
        assert_eq!(
            step(&app, &sam, &reference, 1, &[("step", next)])
                .await
                .status(),
            303
        );
    }
    let decided = step(
        &app,
        &sam,
        &reference,
        1,
        &[("step", "upheld"), ("note", "Clause 7.2.2 was considered.")],
    )
    .await;
    assert_eq!(decided.status(), 303);
    let case = format!("/workspace/requests/{reference}/case");
    let contact = || -> (String, String) {
        appeals::table
            .select((appeals::appellant_name, appeals::appellant_email))
            .first(&mut app.db())
            .unwrap()
    };

    app.clock.advance(TimeDelta::days(29));
    app.run_worker_once().await;
    assert_eq!(
        contact(),
        (
            "AFNOR (Claire Martin)".to_owned(),
            "appeals@afnor.example".to_owned()
        ),
        "kept within the retention period"
    );

    app.clock.advance(TimeDelta::days(2));
    app.run_worker_once().await;
    assert_eq!(contact(), ("AFNOR".to_owned(), String::new()));
    // A month on, the secretariat signs in afresh.
    let sam = app.signed_in("sam@example.org").await;
    let (status, page) = sam.page(&case).await;
    assert_eq!(status, 200);
    let appeals = text_of(&page, "#case-appeals").unwrap();
    assert!(
        appeals.contains("Appeal 1 from AFNOR: Decided")
            && appeals.contains("address erased after the retention period"),
        "{appeals}"
    );
    assert!(
        !page.contains("Claire Martin") && !page.contains("appeals@afnor.example"),
        "neither the person nor the address is left on the case file"
    );
    let (_, json) = sam.page(&format!("{case}.json")).await;
    assert!(!json.contains("Claire Martin") && !json.contains("appeals@afnor.example"));
}
