//! Webhooks (issue 23, item 3): the secretariat registers a receiver in
//! the admin and is shown its secret once; publishing, correcting and
//! withdrawing a clarification each reach the receiver, a real HTTP server
//! on loopback, once, signed as the Standard Webhooks specification says;
//! a receiver that was down gets the event when the worker tries again; an
//! endpoint failing for days is turned off, the secretariat mailed, and
//! turned on again from the admin; the secretariat turns one off, renews
//! its secret and removes it; bad input stores nothing.

use std::net::TcpListener;
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};

use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::TimeDelta;
use clarion::db::schema::{webhook_deliveries, webhook_endpoints, webhook_events};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use serde_json::Value;

use crate::corrections::correct;
use crate::on_both_databases;
use crate::publication::decided;
use crate::support::app::{Backend, Person, TestApp, text_of};
use crate::support::eventually::{BOUND, eventually};
use crate::support::workspace::act;

on_both_databases!(
    a_receiver_gets_each_event_once_signed_with_its_secret,
    a_receiver_that_was_down_gets_the_event_when_the_worker_tries_again,
    an_endpoint_failing_for_days_is_turned_off_and_the_secretariat_told,
    an_endpoint_that_cannot_be_is_refused_and_nothing_is_stored,
    the_secretariat_turns_an_endpoint_off_gives_it_a_new_secret_and_removes_it,
);

/// One POST the receiver got.
#[derive(Debug, Clone)]
struct Delivery {
    id: String,
    timestamp: String,
    signature: String,
    content_type: String,
    body: String,
}

impl Delivery {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("the body is JSON")
    }
}

/// A webhook receiver on loopback that records every delivery and answers
/// with the status it is told to.
struct Receiver {
    port: u16,
    got: Arc<Mutex<Vec<Delivery>>>,
    answer: Arc<AtomicU16>,
    server: Option<actix_web::dev::ServerHandle>,
}

impl Receiver {
    /// A port nobody listens on yet: the receiver is down.
    fn down() -> Receiver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        Receiver {
            port,
            got: Arc::default(),
            answer: Arc::new(AtomicU16::new(204)),
            server: None,
        }
    }

    fn up() -> Receiver {
        let mut receiver = Receiver::down();
        receiver.start();
        receiver
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/hooks/clarion", self.port)
    }

    fn answer_with(&self, status: u16) {
        self.answer.store(status, Ordering::SeqCst);
    }

    fn start(&mut self) {
        let (got, answer) = (self.got.clone(), self.answer.clone());
        let listener = TcpListener::bind(("127.0.0.1", self.port)).expect("the receiver's port");
        let server = HttpServer::new(move || {
            let (got, answer) = (got.clone(), answer.clone());
            App::new().default_service(web::to(move |req: HttpRequest, body: String| {
                let (got, answer) = (got.clone(), answer.clone());
                async move {
                    let header = |name: &str| {
                        req.headers()
                            .get(name)
                            .map(|v| v.to_str().unwrap().to_owned())
                            .unwrap_or_default()
                    };
                    got.lock().unwrap().push(Delivery {
                        id: header("webhook-id"),
                        timestamp: header("webhook-timestamp"),
                        signature: header("webhook-signature"),
                        content_type: header("content-type"),
                        body,
                    });
                    let status = answer.load(Ordering::SeqCst);
                    HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap())
                        .finish()
                }
            }))
        })
        .workers(1)
        .listen(listener)
        .unwrap()
        .run();
        self.server = Some(server.handle());
        tokio::spawn(server);
    }

    fn got(&self) -> Vec<Delivery> {
        self.got.lock().unwrap().clone()
    }

    /// Waits until `count` deliveries arrived.
    async fn wait_for(&self, count: usize) -> Vec<Delivery> {
        eventually(BOUND, || async {
            let got = self.got();
            if got.len() >= count {
                Ok(got)
            } else {
                Err(format!("{} of {count} deliveries arrived", got.len()))
            }
        })
        .await
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            drop(server.stop(false));
        }
    }
}

/// Whether `delivery` carries a signature the receiver computes itself
/// from the secret, as the specification's libraries do: the HMAC-SHA256,
/// keyed with the base64-decoded part after `whsec_`, of id.timestamp.body.
fn signed_with(delivery: &Delivery, secret: &str) -> bool {
    let key = BASE64
        .decode(secret.strip_prefix("whsec_").expect("a whsec_ secret"))
        .unwrap();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{}.{}.{}", delivery.id, delivery.timestamp, delivery.body).as_bytes());
    let expected = format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()));
    delivery.signature.split(' ').any(|given| given == expected)
}

/// Sam registers `url` for `events` through the admin; returns the
/// endpoint's page (the answer to the form) and its address.
async fn register(sam: &Person, url: &str, events: &[&str]) -> (u16, String) {
    let mut fields = vec![("url", url), ("description", "The accreditation body")];
    fields.extend(events.iter().map(|event| (*event, "on")));
    let response = sam
        .submit_form("/admin/webhooks", "/admin/webhooks", &fields)
        .await;
    let status = response.status().as_u16();
    (status, response.text().await.unwrap())
}

fn endpoint_id(app: &TestApp) -> String {
    webhook_endpoints::table
        .select(webhook_endpoints::id)
        .first(&mut app.db())
        .unwrap()
}

/// Status and attempts of every delivery, oldest first.
fn deliveries(app: &TestApp) -> Vec<(String, i32)> {
    webhook_deliveries::table
        .order(webhook_deliveries::created_at)
        .select((webhook_deliveries::status, webhook_deliveries::attempts))
        .load(&mut app.db())
        .unwrap()
}

/// Waits until the app has recorded `count` tries in all, so that moving
/// the clock cannot fall between a try reaching the receiver and the app
/// writing down what it gave (the record takes its time from the clock).
async fn tries_recorded(app: &TestApp, count: i32) {
    eventually(BOUND, || async {
        let recorded = deliveries(app);
        match recorded.iter().map(|(_, tries)| tries).sum::<i32>() {
            n if n >= count => Ok(()),
            _ => Err(format!("{count} tries not recorded yet: {recorded:?}")),
        }
    })
    .await;
}

fn private_targets_allowed() -> [(&'static str, String); 1] {
    [("CLARION_WEBHOOK_PRIVATE_TARGETS", "on".into())]
}

async fn a_receiver_gets_each_event_once_signed_with_its_secret(backend: Backend) {
    let app = TestApp::spawn_with(backend, &private_targets_allowed()).await;
    let receiver = Receiver::up();
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;

    // The secret is shown on the page that answers the form, and only there.
    let (status, page) = register(
        &sam,
        &receiver.url(),
        &["published", "corrected", "marked", "withdrawn"],
    )
    .await;
    assert_eq!(status, 201);
    let secret = text_of(&page, "#secret").expect("the secret is shown");
    assert!(secret.starts_with("whsec_"), "{secret}");
    let key = BASE64.decode(&secret["whsec_".len()..]).unwrap();
    assert!((24..=64).contains(&key.len()), "{} bytes", key.len());
    let path = format!("/admin/webhooks/{}", endpoint_id(&app));
    let (status, again) = sam.page(&path).await;
    assert_eq!(status, 200);
    assert!(!again.contains(&secret), "the secret is not shown again");
    assert_eq!(
        text_of(&again, "#endpoint-events").unwrap(),
        "clarification.published, clarification.corrected, clarification.marked, clarification.withdrawn"
    );
    let (_, list) = sam.page("/admin/webhooks").await;
    assert!(
        text_of(&list, "#endpoints")
            .unwrap()
            .contains(&receiver.url())
    );

    // Published, corrected, withdrawn: one delivery each, in order.
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    let published = receiver.wait_for(1).await.remove(0);
    let corrected_answer = "Yes, and the procedure must name each method it covers.";
    let note = "Editorial: the answer names what the procedure must say.";
    let correction = correct(
        &sam,
        &reference,
        &[("answer", corrected_answer), ("note", note)],
        false,
    )
    .await;
    assert_eq!(correction.status(), 303);
    receiver.wait_for(2).await;
    let withdrawn = act(
        &sam,
        &reference,
        "mark",
        &[("reason", "withdrawn"), ("note", "The group withdrew it.")],
    )
    .await;
    assert_eq!(withdrawn.status(), 303);
    let got = receiver.wait_for(3).await;

    let now = app.clock.now().and_utc().timestamp();
    for delivery in &got {
        assert!(signed_with(delivery, &secret), "{delivery:?}");
        assert!(!signed_with(
            delivery,
            "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        ));
        assert_eq!(delivery.content_type, "application/json");
        assert!(!delivery.id.is_empty() && !delivery.id.contains('.'));
        let sent_at: i64 = delivery.timestamp.parse().expect("Unix seconds");
        assert!((now - sent_at).abs() < 300, "{sent_at} vs {now}");
    }
    let kinds: Vec<Value> = got.iter().map(|d| d.json()["type"].clone()).collect();
    assert_eq!(
        kinds,
        [
            "clarification.published",
            "clarification.corrected",
            "clarification.withdrawn"
        ]
    );
    let data = &published.json()["data"];
    assert_eq!(data["reference"], reference.as_str());
    assert_eq!(
        data["url"],
        app.url(&format!("/clarifications/{reference}")).as_str()
    );
    assert_eq!(
        data["api_url"],
        app.url(&format!("/api/v1/clarifications/{reference}"))
            .as_str()
    );
    assert_eq!(data["version"], 1);
    assert_eq!(data["standard"]["label"], "ISO/IEC 17025:2017");
    assert_eq!(data["status"], "current");
    let corrected = &got[1].json()["data"];
    assert_eq!(corrected["version"], 2);
    assert_eq!(corrected["note"], note);
    assert_eq!(
        corrected["version_url"],
        app.url(&format!("/clarifications/{reference}/v2")).as_str()
    );
    let withdrawn = &got[2].json()["data"];
    assert_eq!(withdrawn["status"], "withdrawn");
    assert_eq!(withdrawn["note"], "The group withdrew it.");

    // Each event is one id, delivered once, however often workers pass.
    let mut ids: Vec<&str> = got.iter().map(|d| d.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 3, "three events, three ids");
    tokio::join!(app.run_worker_once(), app.run_worker_once());
    tries_recorded(&app, 3).await;
    app.clock.advance(TimeDelta::days(2));
    app.run_worker_once().await;
    assert_eq!(receiver.got().len(), 3, "nothing is delivered twice");
    assert_eq!(deliveries(&app), vec![("delivered".to_owned(), 1); 3]);
    let events: i64 = webhook_events::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(events, 3);

    // The delivery log shows each, delivered at the first try with 204
    // (to Sam signed in again: two days idle ended the session).
    let sam = app.signed_in("sam@example.org").await;
    let (_, log) = sam.page(&path).await;
    let table = text_of(&log, "#deliveries").unwrap();
    assert_eq!(table.matches("Delivered").count(), 3, "{table}");
    // Counted as words: an event's id (a UUID) may hold "204" too.
    assert_eq!(
        table
            .split_whitespace()
            .filter(|word| *word == "204")
            .count(),
        3,
        "{table}"
    );
    assert!(table.contains("clarification.corrected"), "{table}");
}

async fn a_receiver_that_was_down_gets_the_event_when_the_worker_tries_again(backend: Backend) {
    let app = TestApp::spawn_with(backend, &private_targets_allowed()).await;
    let mut receiver = Receiver::down();
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let (status, _) = register(&sam, &receiver.url(), &["published"]).await;
    assert_eq!(status, 201);

    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    let path = format!("/admin/webhooks/{}", endpoint_id(&app));
    eventually(BOUND, || async {
        match deliveries(&app).as_slice() {
            [(status, 1)] if status == "pending" => Ok(()),
            other => Err(format!("no failed first try yet: {other:?}")),
        }
    })
    .await;
    let (_, log) = sam.page(&path).await;
    let table = text_of(&log, "#deliveries").unwrap();
    assert!(
        table.contains("Waiting") && table.contains("next try"),
        "{table}"
    );
    assert!(table.to_lowercase().contains("connect"), "{table}");
    let (_, state) = sam.page(&path).await;
    assert!(
        text_of(&state, "#endpoint-state")
            .unwrap()
            .starts_with("On; deliveries failing since")
    );

    // The receiver comes up; the next try, after the backoff, reaches it.
    receiver.start();
    app.clock.advance(TimeDelta::hours(1));
    let got = receiver.wait_for(1).await;
    assert_eq!(got.len(), 1);
    let event_id: String = webhook_events::table
        .select(webhook_events::id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(got[0].id, event_id, "the same id on every try");
    let sent_at: i64 = got[0].timestamp.parse().unwrap();
    let now = app.clock.now().and_utc().timestamp();
    assert!(
        (now - sent_at).abs() < 300,
        "the timestamp is the attempt's"
    );
    eventually(BOUND, || async {
        match deliveries(&app).as_slice() {
            [(status, tries)] if status == "delivered" && *tries >= 2 => Ok(()),
            other => Err(format!("not recorded as delivered: {other:?}")),
        }
    })
    .await;
    app.run_worker_once().await;
    assert_eq!(receiver.got().len(), 1);
    let (_, state) = sam.page(&path).await;
    assert_eq!(text_of(&state, "#endpoint-state").unwrap(), "On.");
}

async fn an_endpoint_failing_for_days_is_turned_off_and_the_secretariat_told(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[
            ("CLARION_WEBHOOK_PRIVATE_TARGETS", "on".into()),
            ("CLARION_WEBHOOK_DISABLE_DAYS", "2".into()),
        ],
    )
    .await;
    let receiver = Receiver::up();
    receiver.answer_with(500);
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let (status, _) = register(&sam, &receiver.url(), &["published"]).await;
    assert_eq!(status, 201);
    let id = endpoint_id(&app);
    let enabled = || -> bool {
        webhook_endpoints::table
            .find(&id)
            .select(webhook_endpoints::enabled)
            .first(&mut app.db())
            .unwrap()
    };

    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    receiver.wait_for(1).await;
    tries_recorded(&app, 1).await;
    // A day later the next try fails too: still on.
    app.clock.advance(TimeDelta::hours(25));
    receiver.wait_for(2).await;
    tries_recorded(&app, 2).await;
    app.run_worker_once().await;
    assert!(enabled(), "one day of failures is not two");
    assert!(
        !app.mail
            .received()
            .iter()
            .any(|m| m.subject.contains("Webhook endpoint turned off"))
    );

    // Two days after the first failure, the endpoint is turned off.
    app.clock.advance(TimeDelta::hours(25));
    receiver.wait_for(3).await;
    let mail = eventually(BOUND, || async {
        app.mail
            .to("sam@example.org")
            .into_iter()
            .find(|m| m.subject.contains("Webhook endpoint turned off"))
            .ok_or(format!(
                "no mail about the endpoint yet; on: {}, deliveries {:?}, tries {}",
                enabled(),
                deliveries(&app),
                receiver.got().len()
            ))
    })
    .await;
    assert!(mail.subject.contains(&receiver.url()), "{}", mail.subject);
    assert!(!enabled());
    app.clock.advance(TimeDelta::days(3));
    app.run_worker_once().await;
    assert_eq!(receiver.got().len(), 3, "nothing is sent to it while off");
    let path = format!("/admin/webhooks/{id}");
    let sam = app.signed_in("sam@example.org").await;
    let (_, page) = sam.page(&path).await;
    assert!(
        text_of(&page, "#endpoint-state")
            .unwrap()
            .starts_with("Turned off")
    );
    assert!(text_of(&page, "#deliveries").unwrap().contains("500"));

    // The receiver is fixed; turned on from the admin, it gets what waited.
    receiver.answer_with(200);
    let enable = sam.submit_form(&path, &format!("{path}/enable"), &[]).await;
    assert_eq!(enable.status(), 303);
    assert!(enabled());
    let (_, page) = sam.page(&path).await;
    assert!(
        text_of(&page, "#banner")
            .unwrap()
            .contains("The endpoint is on again")
    );
    let got = receiver.wait_for(4).await;
    assert_eq!(got[3].id, got[0].id, "the same event");
    // Every try reached the receiver: the tries recorded are its posts.
    eventually(BOUND, || async {
        match deliveries(&app).as_slice() {
            [(status, tries)]
                if status == "delivered" && *tries as usize == receiver.got().len() =>
            {
                Ok(())
            }
            other => Err(format!("not delivered after enabling: {other:?}")),
        }
    })
    .await;
    let (_, page) = sam.page(&path).await;
    assert_eq!(text_of(&page, "#endpoint-state").unwrap(), "On.");
}

async fn an_endpoint_that_cannot_be_is_refused_and_nothing_is_stored(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    crate::support::workspace::add_the_people(&app);
    let sam = app.signed_in("sam@example.org").await;
    let cases: [(&str, &[&str], &str, &str); 5] = [
        (
            "http://127.0.0.1:9000/hooks",
            &["published"],
            "url",
            "private network",
        ),
        (
            "http://169.254.169.254/latest/meta-data/",
            &["published"],
            "url",
            "private network",
        ),
        (
            "ftp://hooks.example.org/",
            &["published"],
            "url",
            "starting with https://",
        ),
        (
            "https://user:secret@hooks.example.org/",
            &["published"],
            "url",
            "user name and password",
        ),
        (
            "https://hooks.example.org/clarion",
            &[],
            "events",
            "Tick at least one event",
        ),
    ];
    for (url, events, field, message) in cases {
        let (status, page) = register(&sam, url, events).await;
        assert_eq!(status, 422, "{url} {events:?}");
        let error = text_of(&page, &format!("#{field}-error")).unwrap_or_default();
        assert!(error.contains(message), "{url}: {error}");
        assert!(
            page.contains(&format!("value=\"{url}\"")),
            "what was typed stays"
        );
    }
    let stored: i64 = webhook_endpoints::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(stored, 0);
    let (_, list) = sam.page("/admin/webhooks").await;
    assert!(list.contains("No endpoint yet"));
}

async fn the_secretariat_turns_an_endpoint_off_gives_it_a_new_secret_and_removes_it(
    backend: Backend,
) {
    let app = TestApp::spawn_with(backend, &private_targets_allowed()).await;
    let receiver = Receiver::up();
    let reference = decided(&app).await;
    let sam = app.signed_in("sam@example.org").await;
    let (_, page) = register(&sam, &receiver.url(), &["published", "withdrawn"]).await;
    let first_secret = text_of(&page, "#secret").unwrap();
    let id = endpoint_id(&app);
    let path = format!("/admin/webhooks/{id}");
    let stored_secret = || -> String {
        webhook_endpoints::table
            .select(webhook_endpoints::secret)
            .first(&mut app.db())
            .unwrap()
    };

    // Turned off by hand, it is sent nothing; what happens waits for it.
    let off = sam
        .submit_form(&path, &format!("{path}/disable"), &[])
        .await;
    assert_eq!(off.status(), 303);
    let (_, page) = sam.page(&path).await;
    assert!(
        text_of(&page, "#banner")
            .unwrap()
            .contains("The endpoint is off")
    );
    assert!(
        text_of(&page, "#endpoint-state")
            .unwrap()
            .starts_with("Turned off")
    );
    assert_eq!(act(&sam, &reference, "publish", &[]).await.status(), 303);
    app.run_worker_once().await;
    assert!(receiver.got().is_empty(), "nothing is sent while it is off");
    assert_eq!(deliveries(&app), [("pending".to_owned(), 0)]);

    // A new secret is confirmed first; the first press changes nothing.
    let (status, confirm) = {
        let response = sam.submit_form(&path, &format!("{path}/secret"), &[]).await;
        (response.status().as_u16(), response.text().await.unwrap())
    };
    assert_eq!(status, 200);
    assert!(confirm.contains("a new signing secret?"), "{confirm}");
    assert_eq!(stored_secret(), first_secret);
    let renewed = sam
        .submit_form(&path, &format!("{path}/secret"), &[("confirm", "yes")])
        .await;
    assert_eq!(renewed.status(), 200);
    assert!(
        renewed
            .headers()
            .get("cache-control")
            .is_some_and(|v| v.to_str().unwrap().contains("no-store"))
    );
    let page = renewed.text().await.unwrap();
    let new_secret = text_of(&page, "#secret").expect("the new secret is shown once");
    assert_ne!(new_secret, first_secret);
    assert!(
        text_of(&page, "#secret-notice")
            .unwrap()
            .contains("new signing secret")
    );
    assert!(
        !sam.page(&path).await.1.contains(&new_secret),
        "and only once"
    );

    // On again, what waited is sent, signed with the new secret alone.
    let on = sam.submit_form(&path, &format!("{path}/enable"), &[]).await;
    assert_eq!(on.status(), 303);
    let got = receiver.wait_for(1).await;
    assert!(signed_with(&got[0], &new_secret));
    assert!(!signed_with(&got[0], &first_secret));

    // Removal is confirmed first, then takes the endpoint and its log.
    let ask = sam.submit_form(&path, &format!("{path}/remove"), &[]).await;
    assert_eq!(ask.status(), 200);
    assert!(
        ask.text()
            .await
            .unwrap()
            .contains("Remove the webhook endpoint")
    );
    assert_eq!(endpoint_id(&app), id, "still there until confirmed");
    let removed = sam
        .submit_form(&path, &format!("{path}/remove"), &[("confirm", "yes")])
        .await;
    assert_eq!(removed.status(), 303);
    assert_eq!(
        removed.headers().get("location").unwrap().to_str().unwrap(),
        "/admin/webhooks"
    );
    let (_, list) = sam.page("/admin/webhooks").await;
    assert!(
        text_of(&list, "#banner")
            .unwrap()
            .contains("The endpoint was removed")
    );
    assert!(!list.contains(&receiver.url()));
    let endpoints: i64 = webhook_endpoints::table
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(endpoints, 0);
    assert!(deliveries(&app).is_empty(), "its log went with it");
    let withdrawn = act(
        &sam,
        &reference,
        "mark",
        &[("reason", "withdrawn"), ("note", "The group withdrew it.")],
    )
    .await;
    assert_eq!(withdrawn.status(), 303);
    app.run_worker_once().await;
    assert_eq!(receiver.got().len(), 1, "nothing more is sent to it");
    assert_eq!(sam.page(&path).await.0, 404);
}
