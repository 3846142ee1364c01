//! The languages Clarion speaks: one Fluent file per language under
//! `locales/<language>/clarion.ftl`, compiled in; which of them are offered
//! is configuration (`CLARION_LANGUAGES`). A language's file also says how
//! it writes dates (`date-format`, `date-locale`), so that adding one is a
//! file and its name in the setting (docs/languages.md).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

pub use fluent_templates::fluent_bundle::FluentValue as Arg;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around every argument would end up in
        // attributes, mail subjects and plain-text mail.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// One of the languages the message files provide.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Lang(LanguageIdentifier);

impl Lang {
    /// The language every message exists in, and the default.
    pub fn english() -> Self {
        Self(fluent_templates::langid!("en"))
    }

    /// The language named `tag` (`fr`), if a message file provides it.
    pub fn provided(tag: &str) -> Option<Self> {
        let id: LanguageIdentifier = tag.trim().parse().ok()?;
        LOCALES.locales().any(|l| *l == id).then_some(Self(id))
    }

    /// The tag for `<html lang>`, the cookie and the account's preference.
    pub fn tag(&self) -> String {
        self.0.to_string()
    }

    /// The message `key` in this language.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.0, key)
    }

    /// Whether this language's own file has `key` (rather than falling
    /// back to English).
    pub fn has(&self, key: &str) -> bool {
        LOCALES
            .lookup_no_default_fallback::<&str>(&self.0, key, None)
            .is_some()
    }

    /// The message `key` with its Fluent variables.
    pub fn t_with(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), value.clone().into_owned()))
            .collect();
        LOCALES.lookup_with_args(&self.0, key, &args)
    }

    /// A message Rust code handed over, in this language.
    pub fn msg(&self, message: &Msg) -> String {
        if message.is_empty() {
            return String::new();
        }
        let args: Vec<(&str, Arg<'_>)> = message
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    MsgArg::Text(text) => Arg::from(text.as_str()),
                    MsgArg::Number(n) => Arg::from(*n),
                    MsgArg::Msg(inner) => Arg::from(self.msg(inner)),
                };
                (*name, value)
            })
            .collect();
        self.t_with(&message.id, &args)
    }

    /// A day as this language writes it in lists: "5 Dec 2026",
    /// "5 décembre 2026".
    pub fn date(&self, day: impl Day) -> String {
        self.day_as("date-format", day)
    }

    /// A day as this language writes it in a sentence: "5 December 2026".
    pub fn long_date(&self, day: impl Day) -> String {
        self.day_as("date-long-format", day)
    }

    fn day_as(&self, format_key: &str, day: impl Day) -> String {
        self.strftime(day, &self.t(format_key))
    }

    /// A day in chrono's `strftime` `format`, with this language's names of
    /// months and days: "%b" is "Mar" or "mars".
    pub fn strftime(&self, day: impl Day, format: &str) -> String {
        let locale = chrono::Locale::try_from(self.t("date-locale").as_str())
            .unwrap_or(chrono::Locale::POSIX);
        day.day().format_localized(format, locale).to_string()
    }

    /// A measure with at most one decimal, without a trailing zero, as this
    /// language writes it: "1,234.5" and "20", "1 234,5" and "20".
    pub fn one_decimal(&self, value: f64) -> String {
        let tenths = (value * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let whole = self.number((tenths / 10).abs());
        match (tenths % 10).abs() {
            0 => format!("{sign}{whole}"),
            decimal => {
                let locale =
                    num_format::Locale::from_name(self.tag()).unwrap_or(num_format::Locale::en);
                format!("{sign}{whole}{}{decimal}", locale.decimal())
            }
        }
    }

    /// A count as this language writes it: "1,234", "1 234".
    pub fn number(&self, n: i64) -> String {
        use num_format::{Locale, ToFormattedString};
        let locale = Locale::from_name(self.tag()).unwrap_or(Locale::en);
        n.to_formatted_string(&locale)
    }
}

/// A message for a person, by its id and arguments: what Rust code hands
/// to a template or an error page instead of a sentence, so that the page's
/// language picks the words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Msg {
    id: Cow<'static, str>,
    args: Vec<(&'static str, MsgArg)>,
}

/// A value a message shows: a text, a count, or another message in the
/// same language (a state's name in a refusal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgArg {
    Text(String),
    Number(i64),
    Msg(Box<Msg>),
}

/// No message: what a field without a problem has.
static NONE: Msg = Msg {
    id: Cow::Borrowed(""),
    args: Vec::new(),
};

impl Msg {
    /// No message, for a field without a problem (templates test
    /// `is_empty`).
    pub fn none() -> &'static Msg {
        &NONE
    }

    pub fn new(id: impl Into<Cow<'static, str>>) -> Self {
        Self {
            id: id.into(),
            ..Self::default()
        }
    }

    /// The message with one more Fluent variable.
    pub fn with(mut self, name: &'static str, value: impl Into<MsgArg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// No message at all (a field that is fine).
    pub fn is_empty(&self) -> bool {
        self.id.is_empty()
    }

    /// The message in English: for logs, the command line and the API,
    /// which speak English whatever the reader's language.
    pub fn english(&self) -> String {
        Lang::english().msg(self)
    }
}

/// What a template can show as a message: a [`Msg`], or a form macro's
/// "" for "no problem".
pub trait Said {
    fn said_in(&self, lang: &Lang) -> String;
}

impl Said for Msg {
    fn said_in(&self, lang: &Lang) -> String {
        lang.msg(self)
    }
}

impl Said for str {
    fn said_in(&self, _: &Lang) -> String {
        self.to_owned()
    }
}

impl Said for String {
    fn said_in(&self, _: &Lang) -> String {
        self.clone()
    }
}

impl<T: Said + ?Sized> Said for &T {
    fn said_in(&self, lang: &Lang) -> String {
        (**self).said_in(lang)
    }
}

impl From<String> for MsgArg {
    fn from(text: String) -> Self {
        Self::Text(text)
    }
}

impl From<&str> for MsgArg {
    fn from(text: &str) -> Self {
        Self::Text(text.to_owned())
    }
}

impl From<i64> for MsgArg {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl From<usize> for MsgArg {
    fn from(n: usize) -> Self {
        Self::Number(n.count())
    }
}

impl From<Msg> for MsgArg {
    fn from(message: Msg) -> Self {
        Self::Msg(Box::new(message))
    }
}

/// What has a calendar day: a date, a moment, or a reference to either (as
/// templates hold them).
pub trait Day {
    fn day(&self) -> chrono::NaiveDate;
}

impl Day for chrono::NaiveDate {
    fn day(&self) -> chrono::NaiveDate {
        *self
    }
}

impl Day for chrono::NaiveDateTime {
    fn day(&self) -> chrono::NaiveDate {
        self.date()
    }
}

impl<T: Day + ?Sized> Day for &T {
    fn day(&self) -> chrono::NaiveDate {
        (**self).day()
    }
}

/// What counts things, by value or by reference (as templates hold them).
pub trait Count {
    fn count(&self) -> i64;
}

impl Count for i64 {
    fn count(&self) -> i64 {
        *self
    }
}

impl Count for usize {
    fn count(&self) -> i64 {
        i64::try_from(*self).unwrap_or(i64::MAX)
    }
}

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

/// The languages offered, in the order of `CLARION_LANGUAGES`; the first
/// is for readers whose browser asks for none of them.
#[derive(Clone, Debug)]
pub struct Languages(Vec<LanguageIdentifier>);

impl Languages {
    /// Reads `en,fr`: every name must have its message file.
    pub fn parse(list: &str) -> Result<Self, String> {
        let mut offered = Vec::new();
        for tag in list.split(',').filter(|t| !t.trim().is_empty()) {
            let Some(Lang(id)) = Lang::provided(tag) else {
                return Err(format!(
                    "no message file locales/{}/clarion.ftl",
                    tag.trim()
                ));
            };
            if !offered.contains(&id) {
                offered.push(id);
            }
        }
        if offered.is_empty() {
            return Err("name at least one language".into());
        }
        Ok(Self(offered))
    }

    /// Every language offered, for the switch.
    pub fn all(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.iter().cloned().map(Lang)
    }

    /// `tag` if it is offered (a cookie's or an account's choice).
    pub fn offered(&self, tag: &str) -> Option<Lang> {
        Lang::provided(tag).filter(|Lang(id)| self.0.contains(id))
    }

    /// `tag` if it is offered, else the default: for a reader who chose a
    /// language earlier (an account, a request, a subscription).
    pub fn preferred(&self, tag: Option<&str>) -> Lang {
        tag.and_then(|t| self.offered(t))
            .unwrap_or_else(|| Lang(self.0[0].clone()))
    }

    /// The language to answer an `Accept-Language` header in: `fr-CH` and
    /// `fr-CA` get `fr`; a header naming no language offered gets the
    /// default.
    pub fn negotiate(&self, accept_language: &str) -> Lang {
        use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
        let requested = accepted_languages::parse(accept_language);
        let default = &self.0[0];
        let chosen = negotiate_languages(
            &requested,
            &self.0,
            Some(default),
            NegotiationStrategy::Lookup,
        );
        Lang(chosen.first().map_or(default, |l| *l).clone())
    }
}

impl Default for Languages {
    fn default() -> Self {
        Self::parse("en,fr").expect("English and French are provided")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_swiss_or_canadian_french_reader_gets_french_and_anyone_else_english() {
        let offered = Languages::default();
        for header in ["fr-CH", "fr-CA,en;q=0.5", "de-CH, fr;q=0.8, en;q=0.7"] {
            assert_eq!(offered.negotiate(header).tag(), "fr", "{header}");
        }
        for header in ["", "de-DE", "en-GB,fr;q=0.5", "*", "not a header;;"] {
            assert_eq!(offered.negotiate(header).tag(), "en", "{header}");
        }
        let english_only = Languages::parse("en").unwrap();
        assert_eq!(english_only.negotiate("fr-CH").tag(), "en");
        assert!(english_only.offered("fr").is_none());
    }

    #[test]
    fn a_language_without_its_message_file_is_refused() {
        assert!(Languages::parse("en,ru").is_err());
        assert!(Languages::parse(" ").is_err());
        assert_eq!(
            Languages::parse("fr, en").unwrap().negotiate("de").tag(),
            "fr"
        );
    }

    #[test]
    fn dates_and_numbers_follow_the_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        let french = Lang::provided("fr").unwrap();
        assert_eq!(Lang::english().date(day), "12 Nov 2026");
        assert_eq!(french.date(day), "12 novembre 2026");
        assert_eq!(Lang::english().long_date(day), "12 November 2026");
        assert_eq!(Lang::english().number(1234), "1,234");
        assert_eq!(french.number(1234), "1\u{202f}234");
        assert_eq!(Lang::english().one_decimal(1234.46), "1,234.5");
        assert_eq!(french.one_decimal(34.46), "34,5");
        assert_eq!(french.one_decimal(20.04), "20");
        assert_eq!(Lang::english().one_decimal(-0.5), "-0.5");
        let march = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        assert_eq!(french.strftime(march, "%B %Y"), "mars 2026");
        assert_eq!(Lang::english().strftime(march, "%b %Y"), "Mar 2026");
    }
}
