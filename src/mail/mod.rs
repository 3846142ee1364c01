//! Mail is data: messages are rendered into the outbox in the transaction
//! of the change that causes them, and one worker delivers them.

pub mod messages;
pub mod outbox;
pub mod transport;

pub use outbox::{Outgoing, enqueue};
pub use transport::Transport;

/// A message's three parts, rendered from `templates/email/<name>/`.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// A message that knows how to render itself.
pub trait Message {
    fn render(&self) -> askama::Result<Rendered>;
}

/// What every message needs to sign itself and link back to the site.
#[derive(Debug, Clone)]
pub struct MailContext {
    pub site_name: String,
    pub base_url: String,
}

impl From<&crate::config::Settings> for MailContext {
    fn from(settings: &crate::config::Settings) -> Self {
        Self {
            site_name: settings.site_name.clone(),
            base_url: settings.base_url.clone(),
        }
    }
}

/// Declares the three templates of one message type:
/// `email_message!(Welcome, "welcome");` reads
/// `templates/email/welcome/{subject.txt,body.txt,body.html}`, whose
/// templates see the message as `m`.
macro_rules! email_message {
    ($message:ident, $subject:literal, $text:literal, $html:literal) => {
        const _: () = {
            #[derive(askama::Template)]
            #[template(path = $subject)]
            struct Subject<'a> {
                m: &'a $message,
            }
            #[derive(askama::Template)]
            #[template(path = $text)]
            struct Text<'a> {
                m: &'a $message,
            }
            #[derive(askama::Template)]
            #[template(path = $html)]
            struct Html<'a> {
                m: &'a $message,
            }
            impl $crate::mail::Message for $message {
                fn render(&self) -> askama::Result<$crate::mail::Rendered> {
                    use askama::Template as _;
                    Ok($crate::mail::Rendered {
                        // A subject is one line, whatever the template's whitespace.
                        subject: Subject { m: self }
                            .render()?
                            .split_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                        text: Text { m: self }.render()?,
                        html: Html { m: self }.render()?,
                    })
                }
            }
        };
    };
}
pub(crate) use email_message;
