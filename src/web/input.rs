//! Control characters are refused wherever input enters: in the address and
//! its query string here, in form bodies by `CsrfForm`. Nobody types them;
//! PostgreSQL refuses NUL in text (the query would fail with a 500), and XML
//! (the Atom feeds) cannot carry the others. Tab and line breaks are text.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::ErrorBadRequest;
use actix_web::middleware::Next;

/// Is this a character no input may carry?
pub fn refused(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Does this text, once percent-decoded, carry a refused character?
fn decodes_to_refused(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(byte) => {
                decoded.push(byte);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).chars().any(refused)
}

/// Middleware: 400 for an address whose path or query string decodes to a
/// control character, before any handler reads it.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let uri = req.uri();
    if decodes_to_refused(uri.path()) || uri.query().is_some_and(decodes_to_refused) {
        let refusal = ErrorBadRequest("control characters in the address");
        return Ok(req.error_response(refusal).map_into_boxed_body());
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// The page of a paged list asked for in the query string: read by the
/// list's handler, and by the page cache for the key it keeps the page
/// under.
#[derive(serde::Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

impl PageQuery {
    /// The page asked for; a page that does not exist is an address that
    /// does not exist.
    pub fn number(&self) -> Result<usize, crate::error::AppError> {
        match self.page.as_deref() {
            None => Ok(1),
            Some(text) => text
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or(crate::error::AppError::NotFound),
        }
    }
}

/// What a registry list is asked for: words to look for and a page
/// (`?q=…&page=N`).
#[derive(serde::Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    page: Option<String>,
}

/// The words a registry list looks for are cut to this many characters.
const MAX_WORDS: usize = 200;

impl ListQuery {
    /// The words to look for, trimmed; empty for the whole list.
    pub fn words(&self) -> String {
        self.q.trim().chars().take(MAX_WORDS).collect()
    }

    /// The page asked for; a page that does not exist is an address that
    /// does not exist.
    pub fn page(&self) -> Result<i64, crate::error::AppError> {
        crate::domain::paging::page_number(self.page.as_deref())
            .ok_or(crate::error::AppError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_or_plain_control_characters_are_found() {
        for text in ["%00", "a%00b", "%1F", "%7f", "%C2%85", "x\u{0}y", "%0c"] {
            assert!(decodes_to_refused(text), "{text}");
        }
        for text in [
            "",
            "%",
            "%0",
            "%zz",
            "a%09b%0A%0d",
            "%E2%82%AC",
            "caf%C3%A9",
            "100%",
        ] {
            assert!(!decodes_to_refused(text), "{text}");
        }
    }
}
