//! Health, readiness and metrics, as monitoring reads them.

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp};

on_both_databases!(monitoring_sees_health_readiness_and_metrics);

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
