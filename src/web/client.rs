//! Who a request comes from. The peer of the connection, unless that peer
//! is one of the proxies the operator trusts (`CLARION_TRUSTED_PROXIES`):
//! then the proxies' `X-Forwarded-For` (or `Forwarded`) header names the
//! client, read from the right, past every trusted hop, because everything
//! left of the first untrusted hop was written by the client itself.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use actix_web::HttpRequest;
use actix_web::http::header::{FORWARDED, HeaderMap};
use ipnet::IpNet;

const X_FORWARDED_FOR: &str = "x-forwarded-for";

/// The client's address as the operator's trusted proxies report it.
pub fn address(req: &HttpRequest, trusted: &[IpNet]) -> Option<IpAddr> {
    let peer = req.peer_addr()?.ip().to_canonical();
    Some(behind_proxies(peer, req.headers(), trusted))
}

fn behind_proxies(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let is_trusted = |ip: &IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer;
    }
    let mut client = peer;
    for hop in hops(headers).into_iter().rev() {
        // A hop that names no address ("unknown", an obfuscated name)
        // hides who is behind it: count the request where it was last seen.
        let Some(ip) = hop else { break };
        client = ip;
        if !is_trusted(&ip) {
            break;
        }
    }
    client
}

/// Did the request pass through a proxy that says so?
pub fn is_forwarded(req: &HttpRequest) -> bool {
    let headers = req.headers();
    headers.contains_key(X_FORWARDED_FOR) || headers.contains_key(FORWARDED)
}

/// The addresses the proxies recorded, the client's first. Proxies in use
/// (nginx, HAProxy, Caddy, Traefik, Envoy, Apache) write `X-Forwarded-For`
/// and pass a `Forwarded` sent by the client through untouched, so
/// `Forwarded` is read only when there is no `X-Forwarded-For`.
fn hops(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let values = |name| {
        headers
            .get_all(name)
            .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
            .collect::<Vec<_>>()
    };
    let forwarded_for = values(X_FORWARDED_FOR);
    if !forwarded_for.is_empty() {
        return forwarded_for
            .iter()
            .flat_map(|v| v.split(','))
            .map(parse_node)
            .collect();
    }
    values(FORWARDED.as_str())
        .iter()
        .flat_map(|v| v.split(','))
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, node)| parse_node(node))
        })
        .collect()
}

/// An address as proxies write it: `192.0.2.1`, `192.0.2.1:4711`,
/// `2001:db8::1`, `"[2001:db8::1]:4711"`.
fn parse_node(node: &str) -> Option<IpAddr> {
    let node = node.trim().trim_matches('"');
    node.parse::<IpAddr>()
        .or_else(|_| node.parse::<SocketAddr>().map(|s| s.ip()))
        .or_else(|_| node.trim_start_matches('[').trim_end_matches(']').parse())
        .ok()
        .map(|ip| ip.to_canonical())
}

/// What one client is counted as: an IPv4 address, or the /64 network of
/// an IPv6 address, since one subscriber is usually given a whole /64.
pub fn bucket(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !(u128::MAX >> 64);
            format!("{}/64", Ipv6Addr::from(network))
        }
    }
}

#[cfg(test)]
mod tests {
    use actix_web::http::header::HeaderValue;

    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn nets(list: &[&str]) -> Vec<IpNet> {
        list.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                actix_web::http::header::HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
        map
    }

    #[test]
    fn forwarded_headers_are_believed_only_from_trusted_proxies() {
        let trusted = nets(&["10.0.0.0/8", "fd00::/8"]);
        let sent = headers(&[("x-forwarded-for", "198.51.100.7")]);
        assert_eq!(
            behind_proxies(ip("203.0.113.9"), &sent, &trusted),
            ip("203.0.113.9"),
            "a client claiming to be someone else is counted as itself"
        );
        assert_eq!(
            behind_proxies(ip("10.1.2.3"), &sent, &trusted),
            ip("198.51.100.7")
        );
        assert_eq!(
            behind_proxies(ip("10.1.2.3"), &headers(&[]), &trusted),
            ip("10.1.2.3"),
            "a trusted peer that forwards nothing is the client"
        );
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let trusted = nets(&["10.0.0.0/8"]);
        // The client wrote the first two; the proxies appended the rest.
        let sent = headers(&[
            ("x-forwarded-for", "1.1.1.1, 2.2.2.2"),
            ("x-forwarded-for", "198.51.100.7, 10.0.0.5"),
        ]);
        assert_eq!(
            behind_proxies(ip("10.0.0.6"), &sent, &trusted),
            ip("198.51.100.7")
        );
        let all_trusted = headers(&[("x-forwarded-for", "10.0.0.1, 10.0.0.2")]);
        assert_eq!(
            behind_proxies(ip("10.0.0.6"), &all_trusted, &trusted),
            ip("10.0.0.1")
        );
        let hidden = headers(&[("x-forwarded-for", "198.51.100.7, unknown, 10.0.0.5")]);
        assert_eq!(
            behind_proxies(ip("10.0.0.6"), &hidden, &trusted),
            ip("10.0.0.5")
        );
    }

    #[test]
    fn forwarded_is_read_when_there_is_no_x_forwarded_for() {
        let trusted = nets(&["10.0.0.0/8"]);
        let sent = headers(&[(
            "forwarded",
            r#"for=192.0.2.60;proto=http, For="[2001:db8:cafe::17]:4711";by=10.0.0.1, for=10.0.0.2"#,
        )]);
        assert_eq!(
            behind_proxies(ip("10.0.0.3"), &sent, &trusted),
            ip("2001:db8:cafe::17")
        );
        let both = headers(&[
            ("forwarded", "for=192.0.2.60"),
            ("x-forwarded-for", "198.51.100.7"),
        ]);
        assert_eq!(
            behind_proxies(ip("10.0.0.3"), &both, &trusted),
            ip("198.51.100.7")
        );
        let mapped = headers(&[("x-forwarded-for", "::ffff:198.51.100.7")]);
        assert_eq!(
            behind_proxies(ip("10.0.0.3"), &mapped, &trusted),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn ipv6_clients_are_counted_per_64() {
        assert_eq!(bucket(ip("2001:db8:1:2:aaaa::1")), "2001:db8:1:2::/64");
        assert_eq!(
            bucket(ip("2001:db8:1:2:ffff:ffff:ffff:ffff")),
            bucket(ip("2001:db8:1:2::"))
        );
        assert_ne!(bucket(ip("2001:db8:1:3::1")), bucket(ip("2001:db8:1:2::1")));
        assert_eq!(bucket(ip("::ffff:192.0.2.1")), "192.0.2.1");
        assert_eq!(bucket(ip("192.0.2.1")), "192.0.2.1");
    }
}
