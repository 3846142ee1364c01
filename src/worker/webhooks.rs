//! Sending webhook deliveries: one signed POST per due delivery, over
//! rustls (ring, the webpki roots), following no redirect and, unless
//! private targets are allowed, reaching no address of this machine or a
//! private network, whatever the endpoint's name resolves to when sent.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDateTime;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};

use crate::domain::webhook::{self, EndpointUrl};
use crate::models::webhooks::Due;
use crate::workflow::webhooks::Outcome;

/// The specification recommends 15 to 30 s for the receiver to answer.
const TIMEOUT: Duration = Duration::from_secs(15);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The HTTP client of deliveries.
#[derive(Clone)]
pub struct Sender {
    client: reqwest::Client,
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
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .dns_resolver(PublicOnly { allow_private })
            // A redirect could lead anywhere, a private address included;
            // the specification counts a 3xx as a failure.
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .timeout(TIMEOUT)
            .connect_timeout(CONNECT_TIMEOUT)
            .user_agent(concat!("Clarion-Webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the webhook client: {e}"))?;
        Ok(Sender {
            client,
            allow_private,
        })
    }

    /// Posts one delivery, signed for the attempt made `now`.
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
        let sent = self
            .client
            .post(&due.url)
            .header("content-type", "application/json")
            .header("webhook-id", &due.event_id)
            .header("webhook-timestamp", timestamp.to_string())
            .header("webhook-signature", signature)
            .body(due.payload.clone())
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => Outcome::Delivered {
                status: response.status().as_u16(),
            },
            Ok(response) => Outcome::Failed {
                status: Some(response.status().as_u16()),
                error: format!("answered {}", response.status()),
            },
            Err(e) => failed(describe(&e)),
        }
    }
}

/// An error with its causes, which say what actually went wrong
/// ("connection refused", "certificate expired").
fn describe(error: &reqwest::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
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
struct PublicOnly {
    allow_private: bool,
}

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|addr| allow_private || !webhook::is_internal(addr.ip()))
                .collect();
            if found.is_empty() {
                return Err(format!("{host} resolves to no public address").into());
            }
            let addrs: Addrs = Box::new(found.into_iter());
            Ok(addrs)
        })
    }
}
