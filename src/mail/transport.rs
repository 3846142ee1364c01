//! Where messages go: an SMTP server, or `.eml` files in a directory when no
//! server is configured, so that a first run needs none.

use std::path::{Path, PathBuf};
use std::time::Duration;

use lettre::message::header::{HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

use super::outbox::OutboxMessage;

#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Directory(AsyncFileTransport<Tokio1Executor>, PathBuf),
}

/// Why a delivery failed, and whether trying again could help.
#[derive(Debug)]
pub struct SendError {
    pub message: String,
    pub permanent: bool,
}

impl Transport {
    /// `smtp_url` as lettre reads it: `smtp://` plain or with
    /// `?tls=required` (STARTTLS), `smtps://` for TLS, credentials in the URL.
    pub fn smtp(smtp_url: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|e| format!("SMTP URL: {e}"))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        Ok(Self::Smtp(transport))
    }

    pub fn directory(dir: &Path) -> Result<Self, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create the mail directory {}: {e}", dir.display()))?;
        Ok(Self::Directory(
            AsyncFileTransport::<Tokio1Executor>::new(dir),
            dir.to_path_buf(),
        ))
    }

    pub fn describe(&self) -> String {
        match self {
            Self::Smtp(_) => "SMTP".into(),
            Self::Directory(_, dir) => format!("files in {}", dir.display()),
        }
    }

    pub async fn send(&self, from: &Mailbox, message: &OutboxMessage) -> Result<(), SendError> {
        let email = build(from, message).map_err(|message| SendError {
            message,
            permanent: true,
        })?;
        match self {
            Self::Smtp(smtp) => smtp.send(email).await.map(drop).map_err(|e| SendError {
                permanent: e.is_permanent(),
                message: e.to_string(),
            }),
            Self::Directory(files, _) => files.send(email).await.map(drop).map_err(|e| SendError {
                message: e.to_string(),
                permanent: false,
            }),
        }
    }
}

fn build(from: &Mailbox, message: &OutboxMessage) -> Result<lettre::Message, String> {
    let to = crate::domain::email::recipient(&message.recipient)
        .map_err(|e| format!("recipient {:?}: {e}", message.recipient))?;
    let mut builder = lettre::Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&message.subject)
        .message_id(Some(format!("<{}>", message.message_id)));
    if let Some(unsubscribe) = &message.list_unsubscribe {
        builder = builder
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe"),
                format!("<{unsubscribe}>"),
            ))
            .raw_header(HeaderValue::new(
                HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                "List-Unsubscribe=One-Click".into(),
            ));
    }
    builder
        .multipart(MultiPart::alternative_plain_html(
            message.body_text.clone(),
            message.body_html.clone(),
        ))
        .map_err(|e| e.to_string())
}
