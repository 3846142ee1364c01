//! The case file (issue 21, item 7): the whole record of a request on one
//! printable page and as JSON, for whoever may read the request.

use clarion::db::schema::votes;
use diesel::prelude::*;
use serde_json::Value;

use crate::consensus::{DRAFT, balloting};
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in, text_of, version_in};
use crate::support::journey::form_token;
use crate::support::workspace::{act, screened_world, state_of};

const OPPOSITION: &str = "Name each method in the procedure's scope.";
const RESPONSE: &str = "Each method is named by clause 7.2.1 already.";
const COMMENT: &str = "The 2017 edition kept this wording from 2005.";

on_both_databases!(
    the_case_file_holds_every_step_of_a_decided_request,
    the_case_file_is_for_those_who_may_read_the_request,
    the_case_file_holds_a_request_that_went_through_all_of_it,
);

/// A request screened, discussed, opposed and answered, decided and
/// published; returns its reference.
async fn published(app: &TestApp) -> String {
    let reference = balloting(app).await;
    let carla = app.signed_in("carla@example.org").await;
    let comment = [("body", COMMENT)];
    assert_eq!(
        act(&carla, &reference, "comments", &comment).await.status(),
        303
    );
    let mia = app.signed_in("mia@example.org").await;
    let oppose = [("position", "oppose"), ("comment", OPPOSITION)];
    assert_eq!(act(&mia, &reference, "vote", &oppose).await.status(), 303);
    for voter in ["carla@example.org", "nils@example.org"] {
        let voter = app.signed_in(voter).await;
        let agree = [("position", "agree"), ("comment", "")];
        assert_eq!(act(&voter, &reference, "vote", &agree).await.status(), 303);
    }
    let vote_id: String = votes::table
        .filter(votes::position.eq("oppose"))
        .select(votes::id)
        .first(&mut app.db())
        .unwrap();
    let answer = [("vote", vote_id.as_str()), ("response", RESPONSE)];
    assert_eq!(
        act(&carla, &reference, "responses", &answer).await.status(),
        303
    );
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    let sam = app.signed_in("sam@example.org").await;
    let publish = [("consider_at_revision", "on")];
    assert_eq!(
        act(&sam, &reference, "publish", &publish).await.status(),
        303
    );
    assert_eq!(state_of(app).0, "published");
    reference
}

async fn case_page(person: &Person, reference: &str) -> (u16, String) {
    person
        .page(&format!("/workspace/requests/{reference}/case"))
        .await
}

async fn the_case_file_holds_every_step_of_a_decided_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = published(&app).await;
    let sam = app.signed_in("sam@example.org").await;

    let (status, page) = case_page(&sam, &reference).await;
    assert_eq!(status, 200);
    let request = text_of(&page, "#case-request-heading + dl").unwrap();
    for part in [
        "ISO/IEC 17025:2017",
        "Received",
        "Confirmed",
        "Decided",
        "Published",
    ] {
        assert!(request.contains(part), "{part} in {request}");
    }
    let round = text_of(&page, "[id^=round-heading]").unwrap();
    assert!(round.contains("Consensus round 1"), "{round}");
    let voters = text_of(&page, "[aria-label=Votes]").unwrap();
    for part in [
        "Carla Convenor",
        "Mia Member",
        "Nils Member",
        OPPOSITION,
        RESPONSE,
    ] {
        assert!(voters.contains(part), "{part} in {voters}");
    }
    let record = text_of(&page, "[id^=record-heading] + dl").unwrap();
    assert!(record.contains("Reached: 3 of 3 voted"), "{record}");
    assert!(record.contains("The voted text, unchanged"), "{record}");
    let timeline = text_of(&page, ".timeline").unwrap();
    for step in ["Accepted", "Opened a consensus round", "Published"] {
        assert!(timeline.contains(step), "{step} in {timeline}");
    }
    assert!(text_of(&page, ".prose").is_some());
    assert!(page.contains(COMMENT), "the group's comment");
    assert!(page.contains("/case.json"), "a link to the JSON");

    let json = sam
        .get(&format!("/workspace/requests/{reference}/case.json"))
        .await;
    assert_eq!(json.status(), 200);
    assert_eq!(json.headers()["content-type"], "application/json");
    assert_eq!(json.headers()["cache-control"], "private, no-store");
    let record: Value = json.json().await.unwrap();
    assert_eq!(record["request"]["reference"], reference.as_str());
    assert_eq!(record["request"]["state"], "published");
    assert!(
        record["request"].get("submitted_from").is_none(),
        "the throttle's hash stays out"
    );
    assert_eq!(record["contact"]["email"], "ana.lima@lab.example");
    let rounds = record["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 1);
    assert_eq!(rounds[0]["round"]["outcome"], "consensus");
    assert_eq!(rounds[0]["voters"].as_array().unwrap().len(), 3);
    let votes = rounds[0]["votes"].as_array().unwrap();
    let opposed = votes
        .iter()
        .find(|v| v["position"] == "oppose")
        .expect("the opposition");
    assert_eq!(opposed["voter"], "Mia Member");
    assert_eq!(opposed["response"], RESPONSE);
    let actions: Vec<&str> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in [
        "confirm",
        "accept",
        "open_round",
        "close_with_consensus",
        "publish",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    assert_eq!(record["comments"][0]["body"], COMMENT);
}

async fn the_case_file_is_for_those_who_may_read_the_request(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let reference = published(&app).await;
    for path in ["case", "case.json"] {
        let address = format!("/workspace/requests/{reference}/{path}");
        let mia = app.signed_in("mia@example.org").await;
        assert_eq!(
            mia.get(&address).await.status(),
            200,
            "a member of the group"
        );
        let otto = app.signed_in("otto@example.org").await;
        assert_eq!(
            otto.get(&address).await.status(),
            404,
            "another group's member"
        );
        let anonymous = Person::new(&app.address);
        let response = anonymous.get(&address).await;
        assert_eq!(response.status(), 303);
        assert!(
            response.headers()["location"]
                .to_str()
                .unwrap()
                .starts_with("/login")
        );
        let unknown = app
            .signed_in("sam@example.org")
            .await
            .get(&format!("/workspace/requests/CR-1999-0001/{path}"))
            .await;
        assert_eq!(unknown.status(), 404);
    }
}

/// Posts the form at `path` as `person` sees it on `page_path`: its form
/// token and the request's version, then `fields`.
async fn send(
    person: &Person,
    page_path: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let (status, page) = person.page(page_path).await;
    assert_eq!(status, 200, "{page_path}");
    let (token, version) = (csrf_token_in(&page), version_in(&page));
    let mut all = vec![
        ("csrf_token", token.as_str()),
        ("version", version.as_str()),
    ];
    all.extend_from_slice(fields);
    person.post_form(path, &all).await
}

/// Reworded, decided, published, corrected, asked to be reconsidered and
/// appealed: the case file holds each of those records.
async fn the_case_file_holds_a_request_that_went_through_all_of_it(backend: Backend) {
    const REWORDED: &str = "Must a laboratory document one procedure per method (clause 7.2.1)?";
    const CORRECTED: &str =
        "No. Clause 7.2.1 requires documented methods; one procedure can cover several methods.";
    const NOTE: &str = "A typing error: may, not can.";
    const REASONS: &str = "The answer overlooks methods developed by the laboratory itself.";
    const GROUNDS: &str = "The group did not consider the 2024 amendment.";
    let app = TestApp::spawn(backend).await;
    let (reference, tracking) = screened_world(&app).await;
    app.add_user(
        "nils@example.org",
        "Nils Member",
        false,
        Some(("MG 17025", "member")),
    );
    let sam = app.signed_in("sam@example.org").await;
    let page = format!("/workspace/requests/{reference}");
    let wording = format!("{page}/wording");
    let edit = [
        ("standard", "iso-iec-17025-2017"),
        ("clause", "7.2.1"),
        ("question", REWORDED),
        ("note", "The submitter's name taken out."),
    ];
    assert_eq!(send(&sam, &wording, &wording, &edit).await.status(), 303);
    assert_eq!(act(&sam, &reference, "accept", &[]).await.status(), 303);
    let carla = app.signed_in("carla@example.org").await;
    let round = [("draft", DRAFT), ("deadline", "")];
    assert_eq!(
        act(&carla, &reference, "rounds", &round).await.status(),
        303
    );
    for voter in ["carla@example.org", "mia@example.org", "nils@example.org"] {
        let voter = app.signed_in(voter).await;
        let agree = [("position", "agree"), ("comment", "")];
        assert_eq!(act(&voter, &reference, "vote", &agree).await.status(), 303);
    }
    let decided = act(&carla, &reference, "consensus", &[("final_answer", DRAFT)]).await;
    assert_eq!(decided.status(), 303);
    let publish = [("consider_at_revision", "on")];
    assert_eq!(
        act(&sam, &reference, "publish", &publish).await.status(),
        303
    );

    let correct = format!("{page}/correct");
    let fields = [
        ("question", REWORDED),
        ("answer", CORRECTED),
        ("note", NOTE),
    ];
    assert_eq!(send(&sam, &correct, &correct, &fields).await.status(), 303);

    let token = form_token(&app.visitor).await;
    let asked = app
        .post_form(
            &format!("{tracking}/reconsideration"),
            &[("csrf_token", &token), ("reasons", REASONS)],
        )
        .await;
    assert_eq!(asked.status(), 303);

    let today = app.clock.now().date().to_string();
    let appeal = [
        ("appellant_kind", "submitter"),
        ("name", "Ana Lima"),
        ("email", "ana.lima@lab.example"),
        ("grounds", GROUNDS),
        ("received_on", today.as_str()),
    ];
    let appeals = format!("{page}/appeals");
    let lodged = send(&sam, &format!("{appeals}/new"), &appeals, &appeal).await;
    assert_eq!(lodged.status(), 303);
    let acknowledge = [("step", "acknowledge")];
    let stepped = send(
        &sam,
        &format!("{appeals}/1"),
        &format!("{appeals}/1/steps"),
        &acknowledge,
    )
    .await;
    assert_eq!(stepped.status(), 303);

    let (status, case) = case_page(&sam, &reference).await;
    assert_eq!(status, 200);
    assert!(case.contains(REWORDED), "the public wording");
    assert!(case.contains("Ana Lima"), "the submitter");
    let round = text_of(&case, "[id^=round-heading]").unwrap();
    assert!(round.contains("Consensus round 1"), "{round}");
    let versions = text_of(&case, "#versions").unwrap();
    for part in ["Version 1", "Version 2", NOTE] {
        assert!(versions.contains(part), "{part} in {versions}");
    }
    let follow_ups = text_of(&case, "#case-follow-ups").unwrap();
    assert!(follow_ups.contains("Reconsideration"), "{follow_ups}");
    let appeals = text_of(&case, "#case-appeals").unwrap();
    assert!(
        appeals.contains("Appeal 1 from Ana Lima") && appeals.contains(GROUNDS),
        "{appeals}"
    );

    let record: Value = sam
        .get(&format!("{page}/case.json"))
        .await
        .json()
        .await
        .unwrap();
    let actions: Vec<&str> = record["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for action in [
        "confirm",
        "edit_wording",
        "accept",
        "open_round",
        "vote",
        "close_with_consensus",
        "publish",
        "correct_publication",
        "follow_up_lodged",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    assert_eq!(record["versions"].as_array().unwrap().len(), 2);
    assert_eq!(record["versions"][1]["note"], NOTE);
    let followed = record["follow_ups"]["followed_by"].as_array().unwrap();
    assert_eq!(followed.len(), 1);
    assert_eq!(followed[0]["kind"], "reconsideration");
    let appeals = record["appeals"].as_array().unwrap();
    assert_eq!(appeals.len(), 1);
    assert_eq!(appeals[0]["grounds"], GROUNDS);
    let steps: Vec<&str> = appeals[0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["lodge_appeal", "acknowledge_appeal"]);
}
