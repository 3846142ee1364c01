//! What happens when someone acts on a request: the domain decides, the
//! models store, the outbox gets its mail, all in one transaction.

pub mod accounts;
pub mod appeals;
pub mod conflicts;
pub mod consultations;
pub mod corrections;
pub mod endorsements;
pub mod follow_ups;
pub mod meetings;
pub mod queue;
pub mod registry;
pub mod request_list;
pub mod rounds;
pub mod submitter;
pub mod subscriptions;
pub mod translations;
pub mod webhooks;
pub mod wording;
pub mod workspace;

use chrono::NaiveDateTime;

use crate::db::DbConn;
use crate::domain::lifecycle::Refusal;
use crate::i18n::{Lang, Msg};
use crate::mail::outbox::NewMessage;
use crate::mail::{self, MailContext, Message, Outgoing};

/// What every workflow step needs besides the database.
#[derive(Clone)]
pub struct Ctx {
    pub now: NaiveDateTime,
    pub mail: MailContext,
    pub mail_host: String,
    /// Keys links that must work without being stored (unsubscribe).
    pub secret_key: crate::config::Secret<[u8; 32]>,
    /// The appeals' time limits and who considers them.
    pub appeals: crate::domain::appeal::Limits,
    /// Days the consulted liaisons have to answer on a decision.
    pub consultation_days: u32,
    /// How requests come in; the demo replays its past in `both` mode.
    pub intake: crate::domain::intake::Intake,
    /// Whether mail is queued; not when a made-up past is replayed.
    sends_mail: bool,
}

impl Ctx {
    /// The context of an action at `now` under these settings.
    pub fn new(settings: &crate::config::Settings, now: NaiveDateTime) -> Self {
        Self {
            now,
            mail: MailContext::from(settings),
            mail_host: crate::config::host_of(&settings.base_url),
            secret_key: settings.secret_key.clone(),
            appeals: settings.appeals.clone(),
            consultation_days: settings.consultation_days,
            intake: settings.intake.clone(),
            sends_mail: true,
        }
    }

    /// The context of steps replayed at `now` in a made-up past (the demo):
    /// they store what they would, and nobody is mailed, so no mail setting
    /// matters and the key of links nobody receives is thrown away.
    pub fn replay(now: NaiveDateTime) -> Self {
        Self {
            now,
            mail: MailContext {
                site_name: String::new(),
                base_url: String::new(),
                languages: crate::i18n::Languages::default(),
            },
            mail_host: String::new(),
            secret_key: crate::config::Secret::new(rand::random()),
            appeals: crate::domain::appeal::Limits::default(),
            consultation_days: crate::domain::consultation::DEFAULT_DAYS,
            intake: crate::domain::intake::Intake::default(),
            sends_mail: false,
        }
    }

    /// This context at another moment.
    pub fn at(&self, now: NaiveDateTime) -> Self {
        Self {
            now,
            ..self.clone()
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.mail.base_url, path)
    }

    /// Text the record keeps for everyone, as the system words it (a mark's
    /// summary on the timeline, the note of a banner): in the
    /// installation's language, the first of `CLARION_LANGUAGES`, as the
    /// secretariat writes its own notes.
    pub fn for_the_record(&self, message: &crate::i18n::Msg) -> String {
        self.mail.languages.preferred(None).msg(message)
    }

    /// Renders a message and queues it for one recipient, in the language
    /// of their account (the default for an address without one).
    pub fn send(
        &self,
        conn: &mut DbConn,
        event_key: &str,
        recipient: &str,
        message: &impl Message,
    ) -> Result<(), WorkflowError> {
        let lang = self.account_language(conn, recipient)?;
        queue(
            conn,
            self.message(event_key, None, recipient, &lang, message, None)?,
        )
    }

    /// Like `send`, for a message about a request: it goes with the
    /// request's personal data if that is erased before it is sent.
    pub fn send_about(
        &self,
        conn: &mut DbConn,
        request_id: &str,
        event_key: &str,
        recipient: &str,
        message: &impl Message,
    ) -> Result<(), WorkflowError> {
        let lang = self.account_language(conn, recipient)?;
        self.send_about_in(conn, request_id, event_key, recipient, &lang, message)
    }

    /// Like `send_about`, to the request's submitter: in the language they
    /// used on the form, whether or not they have an account.
    pub fn send_to_submitter(
        &self,
        conn: &mut DbConn,
        request: &crate::models::requests::Request,
        event_key: &str,
        recipient: &str,
        message: &impl Message,
    ) -> Result<(), WorkflowError> {
        let lang = self.mail.language(request.language.as_deref());
        self.send_about_in(conn, &request.id, event_key, recipient, &lang, message)
    }

    fn send_about_in(
        &self,
        conn: &mut DbConn,
        request_id: &str,
        event_key: &str,
        recipient: &str,
        lang: &Lang,
        message: &impl Message,
    ) -> Result<(), WorkflowError> {
        queue(
            conn,
            self.message(event_key, Some(request_id), recipient, lang, message, None)?,
        )
    }

    /// Like `send`, for a message the recipient asked for (in `lang`) and
    /// may stop: `unsubscribe_url` becomes its `List-Unsubscribe` header.
    pub fn send_listed(
        &self,
        conn: &mut DbConn,
        event_key: &str,
        recipient: &str,
        lang: &Lang,
        message: &impl Message,
        unsubscribe_url: Option<String>,
    ) -> Result<(), WorkflowError> {
        queue(
            conn,
            self.message(event_key, None, recipient, lang, message, unsubscribe_url)?,
        )
    }

    /// The language the account with this address chose, else the one of
    /// the organisation whose contact address it is, else the default.
    pub fn account_language(
        &self,
        conn: &mut DbConn,
        address: &str,
    ) -> Result<Lang, WorkflowError> {
        let tag = match crate::models::users::language_of(conn, address)? {
            Some(tag) => Some(tag),
            None => crate::models::organisations::language_of_contact(conn, address)?,
        };
        Ok(self.mail.language(tag.as_deref()))
    }

    /// Renders a message in `lang` for one recipient, ready to queue;
    /// nothing from a context that mails nobody.
    pub fn message(
        &self,
        event_key: &str,
        request_id: Option<&str>,
        recipient: &str,
        lang: &Lang,
        message: &impl Message,
        unsubscribe_url: Option<String>,
    ) -> Result<Option<NewMessage>, WorkflowError> {
        if !self.sends_mail {
            return Ok(None);
        }
        let rendered = message
            .render(lang)
            .map_err(|e| WorkflowError::Internal(e.to_string()))?;
        Ok(Some(NewMessage::new(
            &self.mail_host,
            Outgoing {
                event_key,
                request_id,
                recipient,
                rendered,
                list_unsubscribe: unsubscribe_url,
            },
            self.now,
        )))
    }
}

/// Queues a rendered message, if the context rendered one.
fn queue(conn: &mut DbConn, row: Option<NewMessage>) -> Result<(), WorkflowError> {
    if let Some(row) = row {
        mail::outbox::insert_all(conn, &[row])?;
    }
    Ok(())
}

#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// Someone else changed the request since it was read.
    #[error("This request changed while you were looking at it.")]
    Changed,
    #[error("not found")]
    NotFound,
    /// The input does not allow the action; the message says what to fix.
    #[error("{}", .0.english())]
    Invalid(Msg),
    /// One input of the action's form needs correcting: `field` names it
    /// as the form sends it, the message says what to write.
    #[error("{}", message.english())]
    Field { field: &'static str, message: Msg },
    /// The rules of a round refuse it; the page says which.
    #[error("{0}")]
    Round(#[from] crate::domain::consensus::RoundRefusal),
    /// The liaison consultation holds publication, or refuses a liaison's
    /// answer: the page says why.
    #[error("{0:?}")]
    Consultation(crate::domain::consultation::Refusal),
    /// The group chosen has no convenor, or nobody who may vote.
    #[error("{} cannot take the request: missing {:?}", .0.code, .0.missing)]
    GroupCannotAnswer(workspace::Unanswerable),
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
    #[error("{0}")]
    Internal(String),
}

impl WorkflowError {
    /// What the person refused reads, in their language.
    pub fn message(&self) -> Msg {
        match self {
            WorkflowError::Refused(refusal) => refusal.message(),
            WorkflowError::Changed => Msg::new("refusal-changed"),
            WorkflowError::Invalid(message) | WorkflowError::Field { message, .. } => {
                message.clone()
            }
            WorkflowError::GroupCannotAnswer(unable) => Msg::new("refusal-group-cannot-answer")
                .with("group", unable.code.as_str())
                .with(
                    "missing",
                    match unable.missing {
                        workspace::Missing::Convenor => "convenor",
                        workspace::Missing::Voter => "voter",
                    },
                ),
            // The pages of rounds and consultations say which rule refused;
            // elsewhere the refusal is named only.
            WorkflowError::Round(_) => Msg::new("refusal-round"),
            WorkflowError::Consultation(_) => Msg::new("refusal-consultation"),
            WorkflowError::NotFound => Msg::new("error-not-found-text"),
            WorkflowError::Database(_) | WorkflowError::Internal(_) => {
                Msg::new("error-internal-text")
            }
        }
    }
}
