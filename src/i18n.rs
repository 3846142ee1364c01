//! The languages Clarion speaks: English and French are compiled in (every
//! `.ftl` file under `locales/<language>/`); any other is read at start from
//! `CLARION_LOCALES_DIR/<language>/*.ftl`, so that adding one is files and
//! its name in `CLARION_LANGUAGES`, without a new build (docs/languages.md).
//! A language's files also say how it writes dates (`date-format`,
//! `date-locale`).

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use fluent_templates::fluent_bundle::memoizer::MemoizerKind;
use fluent_templates::fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_templates::{FluentBundle, LanguageIdentifier, Loader};
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use rustc_hash::FxHashMap;

pub use fluent_templates::fluent_bundle::FluentValue as Arg;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around every argument would end up in
        // attributes, mail subjects and plain-text mail.
        customise: |bundle| prepare(bundle).expect("a new bundle has no functions yet"),
    };
}

/// How a language groups the digits of whole numbers ("1,234", "1 234"):
/// num-format's locale of that name, English's where it has none.
fn number_locale(tag: &str) -> num_format::Locale {
    num_format::Locale::from_name(tag).unwrap_or(num_format::Locale::en)
}

/// A language's [`number_locale`], looked up once per bundle.
struct Grouping(num_format::Locale);

impl intl_memoizer::Memoizable for Grouping {
    type Args = ();
    type Error = std::convert::Infallible;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        Ok(Grouping(number_locale(&lang.to_string())))
    }
}

/// Whole numbers in messages written as [`Lang::number`] writes them
/// outside: "3,000 clarifications" beside "Clarifications (1,048)", not
/// "3000". Fluent itself writes digits alone. An identifier ("Clarification
/// 2775") is passed as text, which this leaves as it is.
fn grouped<M: MemoizerKind>(value: &FluentValue, memoizer: &M) -> Option<String> {
    use num_format::ToFormattedString;
    let FluentValue::Number(number) = value else {
        return None;
    };
    let whole = number.value.fract() == 0.0 && number.value.abs() < 1e15;
    if !whole || !number.options.use_grouping || number.options.minimum_fraction_digits.is_some() {
        return None;
    }
    memoizer
        .with_try_get_threadsafe::<Grouping, _, _>((), |grouping| {
            (number.value as i64).to_formatted_string(&grouping.0)
        })
        .ok()
}

/// What every language's bundle is set up with, built in or read at start:
/// no isolation marks, digits grouped as the language does, and the
/// functions messages may call.
fn prepare<R, M: MemoizerKind>(
    bundle: &mut fluent_templates::fluent_bundle::bundle::FluentBundle<R, M>,
) -> Result<(), fluent_templates::fluent_bundle::FluentError> {
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(grouped));
    bundle.add_function("DE", elided_de)
}

/// French "de" before a name, elided before a vowel: `{ DE($sponsor) }`
/// reads "d’AFNOR", "d’Ingrid", but "de BSI", "de Helena". A name is not
/// known in advance, so the messages cannot choose the form themselves.
fn elided_de<'a>(positional: &[FluentValue<'a>], _: &FluentArgs<'_>) -> FluentValue<'a> {
    let name = match positional.first() {
        Some(FluentValue::String(name)) => name.to_string(),
        Some(FluentValue::Number(number)) => number.as_string().to_string(),
        _ => return FluentValue::Error,
    };
    let elides = name
        .chars()
        .next()
        .and_then(|first| first.to_lowercase().next())
        .is_some_and(|first| "aeiouàâäéèêëîïôöûüùœæ".contains(first));
    FluentValue::from(if elides {
        format!("d’{name}")
    } else {
        format!("de {name}")
    })
}

/// Every English message id (written by build.rs from `locales/en/`).
const ENGLISH_IDS: &[&str] = include!(concat!(env!("OUT_DIR"), "/english_message_ids.rs"));

/// Messages asked for in a language that lacks them, as (language, id):
/// they are shown in the fallback language, and a test renders every page
/// in French and fails on any.
static MISSES: Mutex<BTreeSet<(String, String)>> = Mutex::new(BTreeSet::new());

/// The messages asked for so far in a language that lacks them.
pub fn misses() -> BTreeSet<(String, String)> {
    MISSES.lock().map(|m| m.clone()).unwrap_or_default()
}

/// The ICU collator of a language, made once: each is a few pointers into
/// the compiled-in collation data, and only the languages offered ask.
fn collator(id: &LanguageIdentifier) -> &'static CollatorBorrowed<'static> {
    static MADE: Mutex<Vec<(LanguageIdentifier, &'static CollatorBorrowed<'static>)>> =
        Mutex::new(Vec::new());
    let mut made = MADE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, collator)) = made.iter().find(|(made, _)| made == id) {
        return collator;
    }
    let locale = icu_locale_core::Locale::try_from_str(&id.to_string())
        .unwrap_or(icu_locale_core::Locale::UNKNOWN);
    let collator = Collator::try_new((&locale).into(), CollatorOptions::default())
        .or_else(|_| Collator::try_new(Default::default(), CollatorOptions::default()))
        .expect("the root collation is compiled in");
    let collator: &'static CollatorBorrowed<'static> = Box::leak(Box::new(collator));
    made.push((id.clone(), collator));
    collator
}

type Args<'a> = HashMap<Cow<'static, str>, FluentValue<'a>>;

/// The message `key` of the built-in language `id`, if it reads the same
/// whenever asked: one without variables, formatted once. A page asks for
/// dozens of these (menus, headings, labels), and finding each in its
/// bundle and formatting it again was a twelfth of a cold page's time.
fn formatted(id: &LanguageIdentifier, key: &str) -> Option<&'static str> {
    type Formatted = Vec<(LanguageIdentifier, FxHashMap<&'static str, Box<str>>)>;
    static FORMATTED: OnceLock<Formatted> = OnceLock::new();
    let all = FORMATTED.get_or_init(|| {
        LOCALES
            .locales()
            .map(|language| {
                let messages = ENGLISH_IDS
                    .iter()
                    .filter_map(|&key| {
                        // A message that needs variables fails here and is
                        // formatted at each use, with them.
                        let text = LOCALES
                            .lookup_single_language::<&str>(language, key, None)
                            .ok()?;
                        Some((key, text.into_boxed_str()))
                    })
                    .collect();
                (language.clone(), messages)
            })
            .collect()
    });
    let (_, messages) = all.iter().find(|(language, _)| language == id)?;
    messages.get(key).map(|text| &**text)
}

/// One of the languages the message files provide: built in, or read at
/// start.
#[derive(Clone)]
pub struct Lang {
    id: LanguageIdentifier,
    read: Option<Arc<ReadLanguage>>,
}

/// A language read from files at start.
struct ReadLanguage {
    bundle: FluentBundle<FluentResource>,
    /// The built-in language its missing messages are shown in.
    fallback: LanguageIdentifier,
    dir: PathBuf,
    missing: usize,
}

impl PartialEq for Lang {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Lang {}

impl std::hash::Hash for Lang {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl std::fmt::Debug for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Lang({})", self.id)
    }
}

impl Lang {
    fn built_in(id: LanguageIdentifier) -> Self {
        Self { id, read: None }
    }

    /// The language every message exists in, and the default.
    pub fn english() -> Self {
        Self::built_in(fluent_templates::langid!("en"))
    }

    /// The built-in language named `tag` (`fr`), if there is one.
    pub fn provided(tag: &str) -> Option<Self> {
        let id: LanguageIdentifier = tag.trim().parse().ok()?;
        LOCALES
            .locales()
            .any(|l| *l == id)
            .then(|| Self::built_in(id))
    }

    /// The tag for `<html lang>`, the cookie and the account's preference.
    pub fn tag(&self) -> String {
        self.id.to_string()
    }

    /// Whether this is English, the language clarifications are decided
    /// in and their reference text.
    pub fn is_english(&self) -> bool {
        *self == Self::english()
    }

    /// The message `key` in this language.
    pub fn t(&self, key: &str) -> String {
        if self.read.is_none()
            && let Some(text) = formatted(&self.id, key)
        {
            return text.to_owned();
        }
        self.lookup(key, None)
    }

    /// Whether this language's own files have `key` (rather than falling
    /// back to another language).
    pub fn has(&self, key: &str) -> bool {
        match &self.read {
            None => LOCALES
                .lookup_single_language::<&str>(&self.id, key, None)
                .is_ok(),
            Some(read) => read.lookup(key, None).is_some(),
        }
    }

    /// The message `key` with its Fluent variables.
    pub fn t_with(&self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let args: Args<'_> = args
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), value.clone()))
            .collect();
        self.lookup(key, Some(&args))
    }

    /// `key` in this language, else (noted in [`misses`]) in its fallback.
    fn lookup(&self, key: &str, args: Option<&Args<'_>>) -> String {
        let own = match &self.read {
            None => LOCALES.lookup_single_language(&self.id, key, args).ok(),
            Some(read) => read.lookup(key, args),
        };
        own.unwrap_or_else(|| {
            if let Ok(mut misses) = MISSES.lock()
                && misses.insert((self.tag(), key.to_owned()))
            {
                // Once per message: a translator can then complete the
                // language's files from the log.
                tracing::warn!(
                    language = %self.tag(),
                    message = key,
                    "a page asked for a message this language lacks; shown in the fallback language"
                );
            }
            let fallback = self
                .read
                .as_ref()
                .map_or(LOCALES.fallback(), |r| &r.fallback);
            // A message no language has is a mistake in a template or in
            // the code, shown to the reader as "Unknown localization key":
            // every test that renders it fails on it.
            debug_assert!(
                LOCALES.lookup_single_language(fallback, key, args).is_ok(),
                "no language has the message {key:?}"
            );
            LOCALES.lookup_complete(fallback, key, args)
        })
    }

    /// The country of an ISO 3166-1 alpha-2 code as this language names
    /// it ("Allemagne"); the code itself for a code no country has.
    pub fn country(&self, code: &str) -> String {
        let key = format!("country-{}", code.trim().to_uppercase());
        if Lang::english().has(&key) {
            self.t(&key)
        } else {
            code.to_owned()
        }
    }

    /// How this language orders two texts: French puts "Écologie" among
    /// the E, not after Z.
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        collator(&self.id).compare(a, b)
    }

    /// Sorts `items` by the text `key` gives, as this language orders it;
    /// items of the same text keep their order.
    pub fn sort_by<T, K: AsRef<str>>(&self, items: &mut [T], key: impl Fn(&T) -> K) {
        let collator = collator(&self.id);
        items.sort_by(|a, b| collator.compare(key(a).as_ref(), key(b).as_ref()));
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
                format!(
                    "{sign}{whole}{}{decimal}",
                    number_locale(&self.tag()).decimal()
                )
            }
        }
    }

    /// A count as this language writes it: "1,234", "1 234".
    pub fn number(&self, n: i64) -> String {
        use num_format::ToFormattedString;
        n.to_formatted_string(&number_locale(&self.tag()))
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
pub struct Languages(Vec<Lang>);

impl Languages {
    /// Reads `en,fr,ru`: a built-in language comes from the binary, any
    /// other from `dir/<tag>/*.ftl`, which must exist and parse.
    pub fn load(list: &str, dir: &Path) -> Result<Self, String> {
        let mut ids: Vec<LanguageIdentifier> = Vec::new();
        for tag in list.split(',').map(str::trim).filter(|t| !t.is_empty()) {
            let id: LanguageIdentifier = tag
                .parse()
                .map_err(|_| format!("{tag:?} is not a language tag"))?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        // A language read from files falls back to the first built-in one
        // offered: the default, unless that is itself read from files.
        let fallback = ids
            .iter()
            .find_map(|id| Lang::provided(&id.to_string()))
            .unwrap_or_else(Lang::english)
            .id;
        let offered = ids
            .into_iter()
            .map(|id| match Lang::provided(&id.to_string()) {
                Some(lang) => Ok(lang),
                None => ReadLanguage::load(&id, dir, fallback.clone()).map(|read| Lang {
                    id,
                    read: Some(Arc::new(read)),
                }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if offered.is_empty() {
            return Err("name at least one language".into());
        }
        Ok(Self(offered))
    }

    /// Every language offered, for the switch.
    pub fn all(&self) -> impl Iterator<Item = Lang> + '_ {
        self.0.iter().cloned()
    }

    /// For the start-up log: each language read from files, with where
    /// from, how many messages it lacks of how many, and the language they
    /// are shown in instead.
    pub fn read_from_files(&self) -> impl Iterator<Item = (String, &Path, usize, usize, String)> {
        self.0.iter().filter_map(|lang| {
            let read = lang.read.as_ref()?;
            Some((
                lang.tag(),
                read.dir.as_path(),
                read.missing,
                ENGLISH_IDS.len(),
                read.fallback.to_string(),
            ))
        })
    }

    /// `tag` if it is offered (a cookie's or an account's choice).
    pub fn offered(&self, tag: &str) -> Option<Lang> {
        let id: LanguageIdentifier = tag.trim().parse().ok()?;
        self.0.iter().find(|lang| lang.id == id).cloned()
    }

    /// `tag` if it is offered, else the default: for a reader who chose a
    /// language earlier (an account, a request, a subscription).
    pub fn preferred(&self, tag: Option<&str>) -> Lang {
        tag.and_then(|t| self.offered(t))
            .unwrap_or_else(|| self.0[0].clone())
    }

    /// The language to answer an `Accept-Language` header in: `fr-CH` and
    /// `fr-CA` get `fr`; a header naming no language offered gets the
    /// default.
    pub fn negotiate(&self, accept_language: &str) -> Lang {
        use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
        let requested = accepted_languages::parse(accept_language);
        let available: Vec<LanguageIdentifier> =
            self.0.iter().map(|lang| lang.id.clone()).collect();
        let chosen = negotiate_languages(
            &requested,
            &available,
            Some(&available[0]),
            NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|id| self.0.iter().find(|lang| lang.id == **id))
            .unwrap_or(&self.0[0])
            .clone()
    }
}

impl Default for Languages {
    fn default() -> Self {
        Self(vec![
            Lang::english(),
            Lang::provided("fr").expect("French is built in"),
        ])
    }
}

impl ReadLanguage {
    /// Every `dir/<id>/*.ftl`, in one bundle.
    fn load(
        id: &LanguageIdentifier,
        dir: &Path,
        fallback: LanguageIdentifier,
    ) -> Result<Self, String> {
        let dir = dir.join(id.to_string());
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .filter_map(|entry| entry.ok().map(|e| e.path()))
                    .filter(|path| path.extension().is_some_and(|e| e == "ftl"))
                    .collect()
            })
            .unwrap_or_default();
        if files.is_empty() {
            return Err(format!(
                "{id} is not built in (en and fr are) and {} has no message files (*.ftl); set CLARION_LOCALES_DIR to the directory holding {id}/",
                dir.display()
            ));
        }
        files.sort();
        let mut bundle = FluentBundle::new_concurrent(vec![id.clone()]);
        prepare(&mut bundle).map_err(|e| format!("{id}: {e}"))?;
        for file in &files {
            let text =
                std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let resource = FluentResource::try_new(text)
                .map_err(|(_, errors)| format!("{}: {}", file.display(), errors[0]))?;
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("{}: {}", file.display(), errors[0]))?;
        }
        let missing = ENGLISH_IDS
            .iter()
            .filter(|id| !bundle.has_message(id))
            .count();
        Ok(Self {
            bundle,
            fallback,
            dir,
            missing,
        })
    }

    /// `key` (or `key.attribute`) from these files, if they have it and it
    /// formats without error.
    fn lookup(&self, key: &str, args: Option<&Args<'_>>) -> Option<String> {
        let pattern = match key.split_once('.') {
            Some((message, attribute)) => self
                .bundle
                .get_message(message)?
                .get_attribute(attribute)?
                .value(),
            None => self.bundle.get_message(key)?.value()?,
        };
        let args: Option<FluentArgs<'_>> = args.map(|args| {
            args.iter()
                .map(|(name, value)| (name.as_ref(), value.clone()))
                .collect()
        });
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, args.as_ref(), &mut errors);
        errors.is_empty().then(|| text.into_owned())
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
        let english_only = Languages::load("en", Path::new("/nonexistent")).unwrap();
        assert_eq!(english_only.negotiate("fr-CH").tag(), "en");
        assert!(english_only.offered("fr").is_none());
    }

    #[test]
    fn a_language_without_its_message_file_is_refused() {
        let nowhere = Path::new("/nonexistent");
        let refusal = Languages::load("en,ru", nowhere).unwrap_err();
        assert!(refusal.contains("/nonexistent/ru"), "{refusal}");
        assert!(Languages::load(" ", nowhere).is_err());
        assert_eq!(
            Languages::load("fr, en", nowhere)
                .unwrap()
                .negotiate("de")
                .tag(),
            "fr"
        );
    }

    #[test]
    fn a_language_read_from_files_has_its_words_and_dates_and_falls_back_for_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("ru")).unwrap();
        std::fs::write(
            dir.path().join("ru/clarion.ftl"),
            "date-format = %-d %B %Y\ndate-locale = ru_RU\nlanguage-name = Русский\n\
             clarification-count = { $count }\n",
        )
        .unwrap();
        let offered = Languages::load("fr,en,ru", dir.path()).unwrap();
        let russian = offered.negotiate("ru-RU, en;q=0.5");
        assert_eq!(russian.tag(), "ru");
        assert_eq!(offered.offered("ru"), Some(russian.clone()));
        assert_eq!(russian.t("language-name"), "Русский");
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 12).unwrap();
        assert_eq!(russian.date(day), "12 ноября 2026");
        assert_eq!(russian.number(1234), "1\u{a0}234");
        assert_eq!(
            russian.t_with("clarification-count", &[("count", 1234.into())]),
            "1\u{a0}234",
            "grouped in messages too"
        );
        // What the files lack is in the default language, and noted.
        assert!(!russian.has("nav-standards"));
        assert_eq!(russian.t("nav-standards"), "Normes");
        assert!(misses().contains(&("ru".to_owned(), "nav-standards".to_owned())));
        let (tag, _, missing, of, fallback) = offered.read_from_files().next().unwrap();
        assert_eq!(
            (tag.as_str(), missing, fallback.as_str()),
            ("ru", of - 4, "fr")
        );

        std::fs::write(dir.path().join("ru/broken.ftl"), "this is not = = fluent {").unwrap();
        let refusal = Languages::load("en,ru", dir.path()).unwrap_err();
        assert!(refusal.contains("broken.ftl"), "{refusal}");
    }

    #[test]
    fn counts_in_messages_are_grouped_as_the_language_writes_numbers() {
        let count =
            |lang: &Lang, n: i64| lang.t_with("clarification-count", &[("count", n.into())]);
        let english = Lang::provided("en").unwrap();
        assert_eq!(count(&english, 1), "1 clarification");
        assert_eq!(count(&english, 999), "999 clarifications");
        assert_eq!(count(&english, 100_000), "100,000 clarifications");
        let french = Lang::provided("fr").unwrap();
        assert_ne!(french.number(3000), "3000");
        assert_eq!(
            count(&french, 3000),
            format!("{} clarifications", french.number(3000))
        );
        // An identifier passed as text keeps its digits together.
        assert_eq!(
            english.t_with("register-clarification-n", &[("number", "2775".into())]),
            "Clarification 2775"
        );
    }

    #[test]
    fn french_elides_de_before_a_name_that_starts_with_a_vowel() {
        let french = Lang::provided("fr").unwrap();
        let desk =
            |acronym: &str| french.t_with("submit-desk-title", &[("acronym", acronym.into())]);
        assert_eq!(desk("AFNOR"), "Demandes d’AFNOR");
        assert_eq!(desk("Électrotechnique"), "Demandes d’Électrotechnique");
        assert_eq!(desk("BSI"), "Demandes de BSI");
        assert_eq!(desk("Helena"), "Demandes de Helena");
        let english = Lang::provided("en").unwrap();
        assert_eq!(
            english.t_with("submit-desk-title", &[("acronym", "AFNOR".into())]),
            "AFNOR's requests"
        );
    }

    #[test]
    fn lists_sort_as_their_language_does() {
        let french = Lang::provided("fr").unwrap();
        let mut words = vec![
            "Zambie",
            "écologie",
            "Égypte",
            "Espagne",
            "Eau",
            "Allemagne",
            "Émirats",
        ];
        french.sort_by(&mut words, |w| *w);
        assert_eq!(
            words,
            [
                "Allemagne",
                "Eau",
                "écologie",
                "Égypte",
                "Émirats",
                "Espagne",
                "Zambie"
            ]
        );
        assert_eq!(
            french.compare("Écologie", "Zoologie"),
            std::cmp::Ordering::Less
        );
        assert_eq!(
            Lang::english().compare("côte", "cote"),
            std::cmp::Ordering::Greater
        );
        assert_eq!(
            Lang::english().compare("Åland", "Albania"),
            std::cmp::Ordering::Less
        );
    }

    #[test]
    fn countries_are_named_in_the_language() {
        let french = Lang::provided("fr").unwrap();
        assert_eq!(french.country("de"), "Allemagne");
        assert_eq!(Lang::english().country("DE"), "Germany");
        assert_eq!(french.country("XX"), "XX");
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
