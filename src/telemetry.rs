//! Structured logs: one span per request carrying its id and route pattern
//! (never the raw path: tracking and setup links hold credentials).

use std::io::IsTerminal;

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use tracing::Span;
use tracing_actix_web::{RequestId, RootSpanBuilder};
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// The target of the line logged for each request answered, so that the
/// operator can turn those lines off and keep everything else.
const ACCESS: &str = "clarion::access";

/// Installs the global subscriber; the level comes from `RUST_LOG`, and
/// `access_log` says whether each request answered is a line.
pub fn init(format: LogFormat, access_log: bool) {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,actix_server=warn,actix_web=warn"))
        // actix-web's debug lines name the request's path, which may hold
        // a tracking or reset token: never below info, whatever RUST_LOG says.
        .add_directive("actix_web=info".parse().expect("a valid directive"));
    let filter = if access_log {
        filter
    } else {
        filter.add_directive(format!("{ACCESS}=off").parse().expect("a valid directive"))
    };
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        // Colours are for people at a terminal, not for log files.
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    // A second init (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.compact().try_init(),
    };
}

pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let request_id = request
            .extensions()
            .get::<RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "unmatched".into());
        tracing::info_span!(
            "request",
            request_id = %request_id,
            method = crate::web::metrics::method_label(request.method()),
            route = %route,
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(
        span: Span,
        outcome: &Result<ServiceResponse<B>, actix_web::Error>,
    ) {
        let status = match outcome {
            Ok(response) => response.status().as_u16(),
            Err(error) => error.as_response_error().status_code().as_u16(),
        };
        span.record("status", status);
        span.in_scope(|| {
            if status >= 500 {
                tracing::error!(status, "answered");
            } else {
                tracing::info!(target: ACCESS, status, "answered");
            }
        });
    }
}
