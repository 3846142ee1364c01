//! Sending webhook deliveries: one signed POST per due delivery, over
//! rustls (ring, the webpki roots), following no redirect and, unless
//! private targets are allowed, reaching no address of this machine or a
//! private network, whatever the endpoint's name resolves to when sent.

use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use chrono::NaiveDateTime;
use http_body_util::Full;
use hyper::body::Bytes;
use hyper_rustls::HttpsConnector;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::connect::dns::Name;
use hyper_util::rt::TokioExecutor;

use crate::domain::webhook::{self, EndpointUrl};
use crate::models::webhooks::Due;
use crate::workflow::webhooks::Outcome;

/// The specification recommends 15 to 30 s for the receiver to answer.
const TIMEOUT: Duration = Duration::from_secs(15);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const USER_AGENT: &str = concat!("Clarion-Webhooks/", env!("CARGO_PKG_VERSION"));

/// The HTTP client of deliveries.
#[derive(Clone)]
pub struct Sender {
    client: Client<HttpsConnector<HttpConnector<PublicOnly>>, Full<Bytes>>,
    allow_private: bool,
}

impl Sender {
    pub fn new(allow_private: bool) -> Result<Sender, String> {
        let roots = rustls::RootCertStore {
            roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
        };
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("cannot set up TLS for webhooks: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let mut http = HttpConnector::new_with_resolver(PublicOnly { allow_private });
        http.enforce_http(false);
        http.set_connect_timeout(Some(CONNECT_TIMEOUT));
        let https = hyper_rustls::HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        Ok(Sender {
            client: Client::builder(TokioExecutor::new()).build(https),
            allow_private,
        })
    }

    /// Posts one delivery, signed for the attempt made `now`. A redirect
    /// is not followed: it could lead anywhere, and the specification
    /// counts a 3xx as a failure.
    pub async fn send(&self, due: &Due, now: NaiveDateTime) -> Outcome {
        let failed = |error: String| Outcome::Failed {
            status: None,
            error,
        };
        // Checked again at each try: the setting may have changed, and an
        // address written as an IP is never resolved.
        if EndpointUrl::parse(&due.url, self.allow_private).is_err() {
            return failed("refused: the address is not a public http(s) address".into());
        }
        let Some(key) = webhook::secret_key(&due.secret) else {
            return failed("the endpoint's secret is not a whsec_ secret".into());
        };
        let timestamp = now.and_utc().timestamp();
        let signature = webhook::sign(&key, &due.event_id, timestamp, &due.payload);
        let request = hyper::Request::post(due.url.as_str())
            .header("content-type", "application/json")
            .header("user-agent", USER_AGENT)
            .header("webhook-id", &due.event_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(Full::new(Bytes::from(due.payload.clone())));
        let request = match request {
            Ok(request) => request,
            Err(e) => return failed(describe(&e)),
        };
        match tokio::time::timeout(TIMEOUT, self.client.request(request)).await {
            Err(_) => failed(format!("no answer within {} s", TIMEOUT.as_secs())),
            Ok(Err(e)) => failed(describe(&e)),
            Ok(Ok(response)) if response.status().is_success() => Outcome::Delivered {
                status: response.status().as_u16(),
            },
            Ok(Ok(response)) => Outcome::Failed {
                status: Some(response.status().as_u16()),
                error: format!("answered {}", response.status()),
            },
        }
    }
}

/// An error with its causes, which say what actually went wrong
/// ("connection refused", "certificate expired").
fn describe(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Resolves names as the system does, keeping only the addresses a
/// delivery may reach: checked when connecting, so a name that changes
/// what it points to after the endpoint was registered gains nothing.
#[derive(Clone)]
struct PublicOnly {
    allow_private: bool,
}

impl tower_service::Service<Name> for PublicOnly {
    type Response = std::vec::IntoIter<SocketAddr>;
    type Error = std::io::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Self::Error>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, name: Name) -> Self::Future {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host, 0))
                .await?
                .filter(|addr| allow_private || !webhook::is_internal(addr.ip()))
                .collect();
            if found.is_empty() {
                return Err(std::io::Error::other(format!(
                    "{host} resolves to no public address"
                )));
            }
            Ok(found.into_iter())
        })
    }
}
