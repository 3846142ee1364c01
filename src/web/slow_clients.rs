//! What one client may hold of the server: its open connections are
//! capped per address (per /64 for IPv6), and a request's body must arrive
//! whole within a deadline. Without them, connections that send a declared
//! body one byte at a time held the server's sockets for ever: 1,100 of
//! them made `/healthz` time out. actix-web already closes a connection
//! whose request head is slower than its `client_request_timeout`.

use std::any::Any;
use std::cell::Cell;
use std::collections::HashMap;
use std::net::IpAddr;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Extensions, Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::Next;
use actix_web::web::{Bytes, Data};
use actix_web::{HttpMessage, HttpResponse};
use futures_util::Stream;
use ipnet::IpNet;

use super::{AppState, client};

/// Open connections by client, shared by every worker.
#[derive(Clone)]
pub struct Connections {
    cap: u32,
    trusted_proxies: Arc<[IpNet]>,
    open: Arc<Mutex<HashMap<String, u32>>>,
}

impl Connections {
    /// `cap` 0: no cap. Trusted proxies carry many clients each and are
    /// never capped.
    pub fn new(cap: u32, trusted_proxies: &[IpNet]) -> Self {
        Self {
            cap,
            trusted_proxies: trusted_proxies.into(),
            open: Arc::default(),
        }
    }

    /// For `HttpServer::on_connect`: counts the new connection, and marks
    /// it when its client already holds as many as allowed.
    pub fn opened(&self, connection: &dyn Any, data: &mut Extensions) {
        let Some(stream) = connection.downcast_ref::<actix_web::rt::net::TcpStream>() else {
            return;
        };
        let Ok(peer) = stream.peer_addr() else {
            return;
        };
        if let Some(slot) = self.count(peer.ip()) {
            data.insert(slot);
        }
    }

    fn count(&self, peer: IpAddr) -> Option<Slot> {
        let peer = peer.to_canonical();
        if self.cap == 0 || self.trusted_proxies.iter().any(|net| net.contains(&peer)) {
            return None;
        }
        let client = client::bucket(peer);
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        let held = open.entry(client.clone()).or_default();
        *held += 1;
        Some(Slot {
            over_cap: *held > self.cap,
            client,
            connections: self.clone(),
        })
    }
}

/// One counted connection; uncounted when the connection ends.
struct Slot {
    over_cap: bool,
    client: String,
    connections: Connections,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self
            .connections
            .open
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(held) = open.get_mut(&self.client) {
            *held -= 1;
            if *held == 0 {
                open.remove(&self.client);
            }
        }
    }
}

/// Middleware: a connection over its client's cap is answered 429 at its
/// first request, before any body is read, and closed.
pub async fn cap_connections(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let over_cap = req.conn_data::<Slot>().is_some_and(|slot| slot.over_cap);
    if over_cap {
        let refusal = HttpResponse::TooManyRequests().force_close().finish();
        return Ok(req.into_response(refusal));
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// Middleware: a body not received whole within `CLARION_BODY_TIMEOUT_MS`
/// of the request's head is answered 408, and the connection closed.
pub async fn time_bodies(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let payload = req.take_payload();
    let timeout = req
        .app_data::<Data<AppState>>()
        .map(|state| Duration::from_millis(state.settings.body_timeout_ms));
    let (Some(timeout), false) = (timeout, matches!(payload, Payload::None)) else {
        req.set_payload(payload);
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let expired = Rc::new(Cell::new(false));
    let timed: Pin<Box<dyn Stream<Item = Result<Bytes, PayloadError>>>> = Box::pin(Deadline {
        body: payload,
        deadline: Box::pin(tokio::time::sleep(timeout)),
        expired: expired.clone(),
    });
    req.set_payload(Payload::from(timed));
    let response = next.call(req).await?;
    if expired.get() {
        let (req, _) = response.into_parts();
        let refusal = HttpResponse::RequestTimeout().force_close().finish();
        return Ok(ServiceResponse::new(req, refusal));
    }
    Ok(response.map_into_boxed_body())
}

/// A body that fails once its deadline has passed.
struct Deadline {
    body: Payload,
    deadline: Pin<Box<tokio::time::Sleep>>,
    expired: Rc<Cell<bool>>,
}

impl Stream for Deadline {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.expired.get() {
            return Poll::Ready(None);
        }
        if self.deadline.as_mut().poll(cx).is_ready() {
            self.expired.set(true);
            let late = std::io::Error::new(std::io::ErrorKind::TimedOut, "body too slow");
            return Poll::Ready(Some(Err(PayloadError::Io(late))));
        }
        Pin::new(&mut self.body).poll_next(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_is_counted_until_its_connections_close() {
        let connections = Connections::new(2, &["10.0.0.0/8".parse().unwrap()]);
        let client: IpAddr = "2001:db8::1".parse().unwrap();
        let neighbour: IpAddr = "2001:db8::2".parse().unwrap();
        let first = connections.count(client).unwrap();
        let second = connections.count(neighbour).unwrap();
        let third = connections.count(client).unwrap();
        assert!(!first.over_cap && !second.over_cap);
        assert!(third.over_cap, "one /64 is one client");
        assert!(
            !connections
                .count("192.0.2.1".parse().unwrap())
                .unwrap()
                .over_cap
        );
        assert!(
            connections.count("10.1.1.1".parse().unwrap()).is_none(),
            "a trusted proxy is not capped"
        );
        drop((first, third));
        assert!(!connections.count(client).unwrap().over_cap);
        drop(second);
        assert!(
            connections.open.lock().unwrap().is_empty(),
            "closed connections are forgotten"
        );
        assert!(Connections::new(0, &[]).count(client).is_none());
    }
}
