//! Health, readiness and metrics, as monitoring reads them.

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};
use crate::support::server::Instance;

on_both_databases!(
    monitoring_sees_health_readiness_and_metrics,
    made_up_methods_cannot_grow_the_metrics,
    metrics_answer_only_whom_the_operator_allows,
    the_log_keeps_warnings_for_trouble,
    the_operator_can_turn_the_access_log_off,
);

async fn monitoring_sees_health_readiness_and_metrics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert_eq!(app.page("/healthz").await, (200, "ok\n".to_owned()));
    assert_eq!(app.page("/readyz").await, (200, "ready\n".to_owned()));

    app.get("/standards/iso-iec-17025-2017").await;
    app.get("/standards/iso-iec-17065-2012").await;
    app.get("/does-not-exist").await;

    let (status, metrics) = app.page("/metrics").await;
    assert_eq!(status, 200);
    // Requests are counted by route pattern, not by address.
    assert!(
        metrics.contains(
            r#"clarion_http_requests_total{method="GET",route="/standards/{slug}",status="200"} 2"#
        ),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"route="unmatched",status="404"} 1"#),
        "{metrics}"
    );
    assert!(
        metrics.contains("clarion_http_request_duration_seconds_bucket"),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"clarion_db_pool_connections{state="max"} 4"#),
        "{metrics}"
    );
    assert!(
        metrics.contains(r#"clarion_outbox_messages{status="pending"} 0"#),
        "{metrics}"
    );
}

/// Once, every method sent was a label of its own: 3,000 requests with
/// random 2,000-character methods grew `/metrics` to 100 MB.
async fn made_up_methods_cannot_grow_the_metrics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    const SENT: usize = 200;
    for n in 0..SENT {
        let method = format!("{n:04}{}", "X".repeat(1_996));
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let response = app
            .client
            .request(method, app.url("/standards/iso-iec-17025-2017"))
            .send()
            .await
            .unwrap();
        assert!(response.status().is_client_error(), "request {n}");
    }
    let (status, metrics) = app.page("/metrics").await;
    assert_eq!(status, 200);
    let counted: u64 = metrics
        .lines()
        .filter(|line| line.starts_with(r#"clarion_http_requests_total{method="OTHER","#))
        .map(|line| line.rsplit(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(counted, SENT as u64, "every one is counted as OTHER");
    assert!(!metrics.contains("XXXX"), "a made-up method is a label");
    assert!(
        metrics.len() < 64 * 1024,
        "/metrics grew to {} bytes",
        metrics.len()
    );
}

async fn metrics_answer_only_whom_the_operator_allows(backend: Backend) {
    // By default only requests made on this machine, through no proxy.
    let app = TestApp::spawn(backend).await;
    assert_eq!(app.get("/metrics").await.status(), 200);
    for (header, value) in [
        ("x-forwarded-for", "198.51.100.7"),
        ("forwarded", "for=198.51.100.7"),
        ("x-forwarded-for", "127.0.0.1"),
    ] {
        let response = app
            .client
            .get(app.url("/metrics"))
            .header(header, value)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            404,
            "through a proxy ({header}: {value})"
        );
    }
    drop(app);

    let token = "a-long-random-token-only-prometheus-knows";
    let app = TestApp::spawn_with(
        backend,
        &[
            ("CLARION_METRICS", "token".into()),
            ("CLARION_METRICS_TOKEN", token.into()),
        ],
    )
    .await;
    let with = |authorization: Option<String>| {
        let request = app.client.get(app.url("/metrics"));
        let request = match authorization {
            Some(value) => request.header("authorization", value),
            None => request,
        };
        async move { request.send().await.unwrap().status() }
    };
    assert_eq!(with(None).await, 404, "no token, even on this machine");
    assert_eq!(with(Some("Bearer wrong".into())).await, 404);
    assert_eq!(with(Some(format!("Basic {token}"))).await, 404);
    assert_eq!(with(Some(format!("Bearer {token}x"))).await, 404);
    assert_eq!(with(Some(format!("Bearer {token}"))).await, 200);
    drop(app);

    let app = TestApp::spawn_with(backend, &[("CLARION_METRICS", "off".into())]).await;
    assert_eq!(app.get("/metrics").await.status(), 404);
    assert_eq!(app.get("/healthz").await.status(), 200);
}

/// What visitors do every day — open the workspace before signing in, follow
/// a dead link — is no warning, and a log file holds no terminal colours.
async fn the_log_keeps_warnings_for_trouble(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = Instance::start(
        "routine",
        dir.path(),
        &[
            ("CLARION_DATABASE_URL", backend.new_database_url(dir.path())),
            ("CLARION_SMTP_URL", String::new()),
            ("RUST_LOG", "info".to_owned()),
        ],
    )
    .await;
    let person = server.person();
    for (path, status) in [
        ("/workspace", 303),
        ("/workspace/requests/CR-2026-0001", 303),
        ("/no-such-page", 404),
        ("/clarifications/CR-1999-0001", 404),
        ("/api/v1/no-such-thing", 404),
    ] {
        assert_eq!(person.get(path).await.status(), status, "{path}");
    }
    let forged = person
        .post_form("/login", &[("csrf_token", "forged")])
        .await;
    assert_eq!(forged.status(), 403);

    let log = server.log();
    assert!(
        !log.contains('\u{1b}'),
        "terminal colours in a file:\n{log}"
    );
    assert!(
        log.contains("route=/workspace") && log.contains("status=404"),
        "the requests are logged:\n{log}"
    );
    let alarming: Vec<&str> = log
        .lines()
        .filter(|line| matches!(line.split_whitespace().nth(1), Some("WARN" | "ERROR")))
        // Printed on purpose while no account exists (README, "Run it").
        .filter(|line| !line.contains("no account exists yet"))
        .collect();
    assert!(alarming.is_empty(), "{}", alarming.join("\n"));
}

/// A busy site's request lines can fill a disk; turned off, they go and the
/// rest of the log stays.
async fn the_operator_can_turn_the_access_log_off(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let server = Instance::start(
        "quiet",
        dir.path(),
        &[
            ("CLARION_DATABASE_URL", backend.new_database_url(dir.path())),
            ("CLARION_SMTP_URL", String::new()),
            ("CLARION_ACCESS_LOG", "off".to_owned()),
            ("RUST_LOG", "info".to_owned()),
        ],
    )
    .await;
    let person = server.person();
    for (path, status) in [("/", 200), ("/workspace", 303), ("/no-such-page", 404)] {
        assert_eq!(person.get(path).await.status(), status, "{path}");
    }
    let log = server.log();
    assert!(
        !log.contains("answered") && !log.contains("route=/"),
        "no line per request:\n{log}"
    );
    assert!(
        log.contains("no account exists yet"),
        "the other lines stay:\n{log}"
    );
}
