//! Mail is data: messages are rendered into the outbox in the transaction
//! of the change that causes them, and one worker delivers them.

pub mod messages;
pub mod outbox;
pub mod transport;

use crate::i18n::{Arg, Lang, Languages};

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
    /// The message in `lang`, its reader's language.
    fn render(&self, lang: &Lang) -> askama::Result<Rendered>;
}

/// What every message needs to sign itself and link back to the site.
#[derive(Debug, Clone)]
pub struct MailContext {
    pub site_name: String,
    pub base_url: String,
    /// The languages offered: a reader who chose none gets the first.
    pub languages: Languages,
}

impl MailContext {
    /// The language a reader chose (`tag`, kept with their account, request
    /// or subscription) if it is still offered, else the default.
    pub fn language(&self, tag: Option<&str>) -> Lang {
        self.languages.preferred(tag)
    }
}

/// A sentence a mail says, as a message id and its arguments, for code that
/// composes mail (`Update`) without knowing the reader's language.
#[derive(Debug, Clone)]
pub struct Said {
    pub id: &'static str,
    args: Vec<(&'static str, Value)>,
}

#[derive(Debug, Clone)]
enum Value {
    Arg(Arg<'static>),
    /// Written as the reader's language writes a day in a sentence.
    Day(chrono::NaiveDate),
}

impl Said {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    /// With the Fluent variable `name` (a number selects a plural).
    pub fn with(mut self, name: &'static str, value: impl Into<Arg<'static>>) -> Self {
        self.args.push((name, Value::Arg(value.into())));
        self
    }

    /// With the Fluent variable `name`, a day.
    pub fn with_day(mut self, name: &'static str, day: impl crate::i18n::Day) -> Self {
        self.args.push((name, Value::Day(day.day())));
        self
    }

    /// This sentence in `lang`.
    pub fn written_in(&self, lang: &Lang) -> String {
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, value)| match value {
                Value::Arg(arg) => (*name, arg.clone()),
                Value::Day(day) => (*name, lang.long_date(day).into()),
            })
            .collect();
        lang.t_with(self.id, &args)
    }
}

impl From<&crate::config::Settings> for MailContext {
    fn from(settings: &crate::config::Settings) -> Self {
        Self {
            site_name: settings.site_name.clone(),
            base_url: settings.base_url.clone(),
            languages: settings.languages.clone(),
        }
    }
}

/// Declares the three templates of one message type:
/// `email_message!(Welcome, "welcome");` reads
/// `templates/email/welcome/{subject.txt,body.txt,body.html}`, whose
/// templates see the message as `m` and its reader's language as `lang`
/// (`lang.t("mail-…")`, `lang.date(…)`).
macro_rules! email_message {
    ($message:ident, $subject:literal, $text:literal, $html:literal) => {
        const _: () = {
            #[derive(askama::Template)]
            #[template(path = $subject)]
            struct Subject<'a> {
                m: &'a $message,
                lang: &'a $crate::i18n::Lang,
            }
            #[derive(askama::Template)]
            #[template(path = $text)]
            struct Text<'a> {
                m: &'a $message,
                lang: &'a $crate::i18n::Lang,
            }
            #[derive(askama::Template)]
            #[template(path = $html)]
            struct Html<'a> {
                m: &'a $message,
                lang: &'a $crate::i18n::Lang,
            }
            impl $crate::mail::Message for $message {
                fn render(
                    &self,
                    lang: &$crate::i18n::Lang,
                ) -> askama::Result<$crate::mail::Rendered> {
                    use askama::Template as _;
                    Ok($crate::mail::Rendered {
                        // A subject is one line, whatever the template's whitespace;
                        // the no-break spaces of French typography stay.
                        subject: Subject { m: self, lang }
                            .render()?
                            .split_ascii_whitespace()
                            .collect::<Vec<_>>()
                            .join(" "),
                        text: Text { m: self, lang }.render()?,
                        html: Html { m: self, lang }.render()?,
                    })
                }
            }
        };
    };
}
pub(crate) use email_message;
