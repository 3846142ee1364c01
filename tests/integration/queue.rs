//! My queue (issue 4, item 3): each role sees what waits for it.

use chrono::TimeDelta;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::workspace::{act, screened_world};

async fn queue(person: &Person) -> String {
    let (status, page) = person.page("/workspace").await;
    assert_eq!(status, 200);
    text_of(&page, "main").unwrap()
}

on_both_databases!(each_role_finds_its_work_in_the_queue);

async fn each_role_finds_its_work_in_the_queue(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (reference, _) = screened_world(&app).await;
    let (sam, carla, mia, otto) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
        app.signed_in("mia@example.org").await,
        app.signed_in("otto@example.org").await,
    );
    let for_sam = queue(&sam).await;
    assert!(
        for_sam.contains(&format!("{reference} ISO/IEC 17025:2017 7.2.1 Screen")),
        "{for_sam}"
    );
    assert!(
        for_sam.contains("1 Screening"),
        "counts per state: {for_sam}"
    );
    assert!(queue(&carla).await.contains("Nothing waits for you"));

    act(&sam, &reference, "accept", &[]).await;
    assert!(queue(&sam).await.contains("Nothing waits for you"));
    assert!(
        queue(&carla)
            .await
            .contains("Draft an answer and open a round")
    );
    assert!(queue(&mia).await.contains("Nothing waits for you"));

    act(
        &carla,
        &reference,
        "rounds",
        &[("draft", "Yes."), ("deadline", "")],
    )
    .await;
    assert!(queue(&mia).await.contains("Vote on the draft answer"));
    assert!(
        queue(&otto).await.contains("Nothing waits for you"),
        "another group's member"
    );
    act(
        &mia,
        &reference,
        "vote",
        &[("position", "agree"), ("comment", "")],
    )
    .await;
    assert!(queue(&mia).await.contains("Nothing waits for you"));

    app.clock.advance(TimeDelta::days(22));
    // Sessions end after 8 idle hours: sign in again.
    let (sam, carla) = (
        app.signed_in("sam@example.org").await,
        app.signed_in("carla@example.org").await,
    );
    let for_carla = queue(&carla).await;
    assert!(
        for_carla.contains("Overdue Deadline passed: close the round"),
        "{for_carla}"
    );
    assert!(
        queue(&sam)
            .await
            .contains("Overdue Round past its deadline")
    );
}
