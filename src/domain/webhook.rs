//! Webhooks as the Standard Webhooks specification (1.0) has them: the
//! event types an endpoint may ask for, the address it may have, its
//! `whsec_` secret and the `v1,` signature of a delivery, and when a
//! failed delivery is tried again.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::TimeDelta;
use hmac::{Hmac, Mac};

/// What happened to a clarification of the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    Published,
    /// A new version replaced the one before.
    Corrected,
    /// Superseded, or incorporated into a new edition.
    Marked,
    Withdrawn,
}

impl EventType {
    pub const ALL: [EventType; 4] = [
        EventType::Published,
        EventType::Corrected,
        EventType::Marked,
        EventType::Withdrawn,
    ];

    /// The name an endpoint's form and its stored list use.
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Published => "published",
            EventType::Corrected => "corrected",
            EventType::Marked => "marked",
            EventType::Withdrawn => "withdrawn",
        }
    }

    /// The payload's `type`, full-stop delimited as the specification asks.
    pub fn type_name(self) -> &'static str {
        match self {
            EventType::Published => "clarification.published",
            EventType::Corrected => "clarification.corrected",
            EventType::Marked => "clarification.marked",
            EventType::Withdrawn => "clarification.withdrawn",
        }
    }

    pub fn parse(name: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The event a publication mark is: withdrawn, or marked.
    pub fn of_mark(flag: &str) -> EventType {
        if flag == "withdrawn" {
            EventType::Withdrawn
        } else {
            EventType::Marked
        }
    }
}

/// The event types an endpoint wants, as stored: comma-separated, in the
/// order of [`EventType::ALL`].
pub fn events_list(types: &[EventType]) -> String {
    EventType::ALL
        .into_iter()
        .filter(|t| types.contains(t))
        .map(EventType::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

/// The event types of a stored list; names no longer known are ignored.
pub fn parse_events_list(stored: &str) -> Vec<EventType> {
    stored.split(',').filter_map(EventType::parse).collect()
}

/// Longest address accepted.
pub const MAX_URL: usize = 2000;

/// Why an address cannot be an endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlRefusal {
    /// Not an absolute http or https address, or too long.
    NotHttp,
    /// It holds a user name or password, which would be logged and shown.
    Credentials,
    /// It names this machine or a private network.
    Private,
}

/// An address deliveries may be posted to: http or https, with a host,
/// without credentials, and, unless private targets are allowed, neither
/// a loopback, private, link-local or otherwise internal IP address nor
/// `localhost`. A name is checked again when it resolves, at delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointUrl(url::Url);

impl EndpointUrl {
    pub fn parse(typed: &str, allow_private: bool) -> Result<EndpointUrl, UrlRefusal> {
        let typed = typed.trim();
        if typed.len() > MAX_URL {
            return Err(UrlRefusal::NotHttp);
        }
        let url = url::Url::parse(typed).map_err(|_| UrlRefusal::NotHttp)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(UrlRefusal::NotHttp);
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(UrlRefusal::Credentials);
        }
        let internal = match url.host() {
            None => return Err(UrlRefusal::NotHttp),
            Some(url::Host::Ipv4(ip)) => is_internal(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => is_internal(IpAddr::V6(ip)),
            Some(url::Host::Domain(name)) => {
                let name = name.trim_end_matches('.');
                name == "localhost" || name.ends_with(".localhost")
            }
        };
        if internal && !allow_private {
            return Err(UrlRefusal::Private);
        }
        Ok(EndpointUrl(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// Whether a delivery must not go to `ip` (unless private targets are
/// allowed): this machine, private and shared networks, link-local
/// addresses (cloud metadata among them), and what no host holds.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(ip) => is_internal_v4(ip),
        IpAddr::V6(ip) => match ip.to_ipv4_mapped() {
            Some(v4) => is_internal_v4(v4),
            None => is_internal_v6(ip),
        },
    }
}

fn is_internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        // Shared address space (carrier-grade NAT), 100.64.0.0/10.
        || (a == 100 && (64..128).contains(&b))
        // "This network" and the reserved 240.0.0.0/4.
        || a == 0
        || a >= 240
}

fn is_internal_v6(ip: Ipv6Addr) -> bool {
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_unique_local()
        || ip.is_unicast_link_local()
        // The documentation prefix, 2001:db8::/32.
        || (ip.segments()[0] == 0x2001 && ip.segments()[1] == 0x0db8)
}

/// Random bytes in a secret: the specification asks for 24 to 64.
pub const SECRET_BYTES: usize = 32;

/// A signing secret as the specification serialises it: `whsec_` and the
/// base64 of the key.
pub fn serialize_secret(key: &[u8]) -> String {
    format!("whsec_{}", BASE64.encode(key))
}

/// The key of a `whsec_` secret; none for anything else.
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    BASE64.decode(secret.strip_prefix("whsec_")?).ok()
}

/// The `webhook-signature` of a delivery: `v1,` and the base64 of the
/// HMAC-SHA256, keyed with the secret's key, of `{id}.{timestamp}.{body}`.
pub fn sign(key: &[u8], id: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body.as_bytes());
    format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
}

/// Tries a delivery gets before it is given up; the waits between them
/// span about three days, as the specification's example schedule does.
pub const ATTEMPTS: i32 = 10;

/// How long to wait after the `attempts`-th failed try: 5 s, 5 min, 30
/// min, 2 h, 5 h, 10 h, 14 h, 20 h, then 24 h.
pub fn backoff(attempts: i32) -> TimeDelta {
    match attempts {
        ..=1 => TimeDelta::seconds(5),
        2 => TimeDelta::minutes(5),
        3 => TimeDelta::minutes(30),
        4 => TimeDelta::hours(2),
        5 => TimeDelta::hours(5),
        6 => TimeDelta::hours(10),
        7 => TimeDelta::hours(14),
        8 => TimeDelta::hours(20),
        _ => TimeDelta::hours(24),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_the_specifications() {
        // The example of the Standard Webhooks reference libraries.
        let key = secret_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let body = r#"{"test": 2432232314}"#;
        assert_eq!(
            sign(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
    }

    #[test]
    fn a_secret_round_trips_and_needs_its_prefix() {
        let secret = serialize_secret(&[7; SECRET_BYTES]);
        assert!(secret.starts_with("whsec_"));
        assert_eq!(secret_key(&secret).unwrap(), vec![7; SECRET_BYTES]);
        assert!(secret_key(&secret[6..]).is_none());
    }

    #[test]
    fn only_public_http_addresses_are_endpoints() {
        let public = |url: &str| EndpointUrl::parse(url, false);
        assert!(public("https://hooks.example.org/clarion").is_ok());
        assert!(public(" http://203.0.114.9:8080/in ").is_ok());
        assert_eq!(public("ftp://example.org/"), Err(UrlRefusal::NotHttp));
        assert_eq!(public("hooks.example.org"), Err(UrlRefusal::NotHttp));
        assert_eq!(public("javascript:alert(1)"), Err(UrlRefusal::NotHttp));
        assert_eq!(
            public("https://user:pw@example.org/"),
            Err(UrlRefusal::Credentials)
        );
        for internal in [
            "http://127.0.0.1:9000/",
            "http://localhost/",
            "http://api.localhost./",
            "http://10.1.2.3/",
            "http://172.16.0.1/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://2130706433/",
        ] {
            assert_eq!(public(internal), Err(UrlRefusal::Private), "{internal}");
            assert!(EndpointUrl::parse(internal, true).is_ok(), "{internal}");
        }
    }

    #[test]
    fn events_are_stored_in_a_fixed_order() {
        let list = events_list(&[EventType::Withdrawn, EventType::Published]);
        assert_eq!(list, "published,withdrawn");
        assert_eq!(
            parse_events_list(&list),
            vec![EventType::Published, EventType::Withdrawn]
        );
        assert_eq!(EventType::of_mark("withdrawn"), EventType::Withdrawn);
        assert_eq!(EventType::of_mark("superseded"), EventType::Marked);
    }

    #[test]
    fn retries_wait_longer_each_time_up_to_a_day() {
        assert_eq!(backoff(1), TimeDelta::seconds(5));
        assert!((1..ATTEMPTS).all(|n| backoff(n) <= backoff(n + 1)));
        assert_eq!(backoff(ATTEMPTS), TimeDelta::hours(24));
    }
}
