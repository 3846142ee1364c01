//! The case file (issue 21, item 7): the whole record of a request on one
//! printable page and as JSON, for whoever may read the request.

use clarion::db::schema::votes;
use diesel::prelude::*;
use serde_json::Value;

use crate::consensus::{DRAFT, balloting};
use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::workspace::{act, state_of};

const OPPOSITION: &str = "Name each method in the procedure's scope.";
const RESPONSE: &str = "Each method is named by clause 7.2.1 already.";
const COMMENT: &str = "The 2017 edition kept this wording from 2005.";

on_both_databases!(
    the_case_file_holds_every_step_of_a_decided_request,
    the_case_file_is_for_those_who_may_read_the_request,
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
