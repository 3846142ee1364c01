//! Prometheus metrics: requests and latency by route, pool state, outbox
//! depth and search index loads (the last three read at scrape time).

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpRequest, web};
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};

use super::AppState;
use crate::config::{MetricsAccess, Settings};

/// May this request read the metrics, as the operator configured?
pub fn may_read(req: &HttpRequest, settings: &Settings) -> bool {
    match &settings.metrics {
        MetricsAccess::Off => false,
        // A proxy on this machine would make everyone look local: a
        // request that says it was forwarded is not a local one.
        MetricsAccess::Loopback => {
            !super::client::is_forwarded(req)
                && super::client::address(req, &settings.trusted_proxies)
                    .is_some_and(|ip| ip.is_loopback())
        }
        MetricsAccess::Token(token) => {
            use subtle::ConstantTimeEq;
            let sent = req
                .headers()
                .get(header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or_default();
            sent.as_bytes().ct_eq(token.expose().as_bytes()).into()
        }
    }
}

/// The method as a label: made-up methods are all `OTHER`, so that they
/// cannot grow the label set (and the memory it takes) without bound.
pub fn method_label(method: &Method) -> &'static str {
    const KNOWN: [&str; 9] = [
        "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT", "TRACE",
    ];
    KNOWN
        .into_iter()
        .find(|known| *known == method.as_str())
        .unwrap_or("OTHER")
}

#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    pool: IntGaugeVec,
    outbox: IntGaugeVec,
    index_loads: IntGauge,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new(
                "clarion_http_requests_total",
                "HTTP requests answered, by route and status",
            ),
            &["method", "route", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "clarion_http_request_duration_seconds",
                "Time to answer, by route",
            )
            .buckets(vec![
                0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            ]),
            &["method", "route"],
        )
        .expect("valid metric");
        let pool = IntGaugeVec::new(
            Opts::new(
                "clarion_db_pool_connections",
                "Database connections, by state",
            ),
            &["state"],
        )
        .expect("valid metric");
        let outbox = IntGaugeVec::new(
            Opts::new("clarion_outbox_messages", "Mail in the outbox, by status"),
            &["status"],
        )
        .expect("valid metric");
        let index_loads = IntGauge::new(
            "clarion_search_index_loads",
            "Times the search index was built or brought up to date since start",
        )
        .expect("valid metric");
        for metric in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(pool.clone()),
            Box::new(outbox.clone()),
            Box::new(index_loads.clone()),
        ] {
            registry
                .register(metric)
                .expect("each metric is registered once");
        }
        Self {
            registry,
            requests,
            latency,
            pool,
            outbox,
            index_loads,
        }
    }

    /// The text exposition, after refreshing the gauges.
    pub fn render(
        &self,
        pool: &crate::db::Pool,
        outbox: &[(String, i64)],
        index_loads: u64,
    ) -> String {
        self.index_loads
            .set(i64::try_from(index_loads).unwrap_or(i64::MAX));
        let state = pool.state();
        self.pool
            .with_label_values(&["idle"])
            .set(i64::from(state.idle_connections));
        self.pool
            .with_label_values(&["in_use"])
            .set(i64::from(state.connections - state.idle_connections));
        self.pool
            .with_label_values(&["max"])
            .set(i64::from(pool.max_size()));
        for status in ["pending", "sent", "failed"] {
            let count = outbox
                .iter()
                .find(|(s, _)| s == status)
                .map_or(0, |(_, n)| *n);
            self.outbox.with_label_values(&[status]).set(count);
        }
        let mut buffer = Vec::new();
        TextEncoder::new()
            .encode(&self.registry.gather(), &mut buffer)
            .expect("text encoding cannot fail");
        String::from_utf8(buffer).expect("the text format is UTF-8")
    }
}

/// Middleware: counts and times every request under its route pattern
/// (`/standards/{slug}`), so addresses do not explode the label set; every
/// label comes from a closed set.
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let metrics = req
        .app_data::<web::Data<AppState>>()
        .map(|s| s.metrics.clone());
    let method = method_label(req.method());
    let res = next.call(req).await?;
    if let Some(metrics) = metrics {
        let route = res
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".into());
        let status = res.status().as_u16().to_string();
        metrics
            .requests
            .with_label_values(&[method, &route, &status])
            .inc();
        metrics
            .latency
            .with_label_values(&[method, &route])
            .observe(started.elapsed().as_secs_f64());
    }
    Ok(res)
}
