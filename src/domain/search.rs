//! What someone asks the register for: words, filters and a page, checked
//! and turned into a stable address. Shared by the pages, feeds and the API.

use crate::i18n::Msg;
use serde::Deserialize;

use crate::domain::fields::FieldErrors;
use crate::domain::paging::MAX_PAGE;

/// Results per page of the list, and of the API unless it asks for more.
pub const PER_PAGE: i64 = 20;

/// The most results one page of the API gives: enough to mirror the
/// register in a thousand requests, few enough to answer from one read.
pub const MAX_PER_PAGE: i64 = 100;

/// The query string as received; every field is text so that nothing a
/// visitor types is refused before it can be explained.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct RawFilters {
    pub q: Option<String>,
    pub standard: Option<String>,
    pub clause: Option<String>,
    pub year: Option<String>,
    pub status: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

/// Whether a clarification still stands as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Current,
    Superseded,
    Incorporated,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Current,
        Status::Superseded,
        Status::Incorporated,
        Status::Withdrawn,
    ];

    pub fn parse(text: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The status of a clarification from its stored publication flag.
    pub fn of_flag(flag: Option<&str>) -> Status {
        flag.and_then(Status::parse).unwrap_or(Status::Current)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Superseded => "superseded",
            Status::Incorporated => "incorporated",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// The publication flag stored for this status (none while current).
    pub fn flag(self) -> Option<&'static str> {
        match self {
            Status::Current => None,
            other => Some(other.as_str()),
        }
    }

    /// The message id of its name (`locales/*/register.ftl`).
    pub fn key(self) -> &'static str {
        match self {
            Status::Current => "register-status-current",
            Status::Superseded => "register-status-superseded",
            Status::Incorporated => "register-status-incorporated",
            Status::Withdrawn => "register-status-withdrawn",
        }
    }
}

/// A checked search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    /// The words as typed, kept for the search box and the address.
    pub q: String,
    pub standard: Option<String>,
    pub clause: Option<String>,
    pub year: Option<i32>,
    pub status: Option<Status>,
    pub page: i64,
    pub per_page: i64,
}

impl Default for Filters {
    fn default() -> Filters {
        Filters {
            q: String::new(),
            standard: None,
            clause: None,
            year: None,
            status: None,
            page: 1,
            per_page: PER_PAGE,
        }
    }
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

impl Filters {
    /// Checks every field; the messages name what to change.
    pub fn parse(raw: &RawFilters) -> Result<Filters, FieldErrors> {
        let mut errors = FieldErrors::default();
        let q = given(&raw.q).unwrap_or_default().to_owned();
        if q.chars().count() > 200 {
            errors.add("q", Msg::new("form-search-too-long"));
        }
        let standard = given(&raw.standard).map(str::to_owned);
        if standard.as_deref().is_some_and(|s| {
            s.len() > 100 || !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        }) {
            errors.add("standard", Msg::new("form-standard-from-list"));
        }
        let clause = given(&raw.clause).map(str::to_owned);
        if clause
            .as_deref()
            .is_some_and(|c| c.chars().count() > 50 || c.chars().any(char::is_control))
        {
            errors.add("clause", Msg::new("form-clause-filter"));
        }
        let year = match given(&raw.year) {
            None => None,
            Some(text) => match text.parse::<i32>() {
                Ok(year) if (1900..=9999).contains(&year) => Some(year),
                _ => {
                    errors.add("year", Msg::new("form-year"));
                    None
                }
            },
        };
        let status = match given(&raw.status) {
            None => None,
            Some(text) => {
                let status = Status::parse(text);
                if status.is_none() {
                    errors.add("status", Msg::new("form-status"));
                }
                status
            }
        };
        let page = match given(&raw.page) {
            None => 1,
            Some(text) => match text.parse::<i64>() {
                Ok(page) if (1..=MAX_PAGE).contains(&page) => page,
                _ => {
                    errors.add("page", Msg::new("form-page-range").with("max", MAX_PAGE));
                    1
                }
            },
        };
        let per_page = match given(&raw.per_page) {
            None => PER_PAGE,
            Some(text) => match text.parse::<i64>() {
                Ok(count) if (1..=MAX_PER_PAGE).contains(&count) => count,
                _ => {
                    errors.add(
                        "per_page",
                        Msg::new("form-per-page-range").with("max", MAX_PER_PAGE),
                    );
                    PER_PAGE
                }
            },
        };
        if errors.is_empty() {
            Ok(Filters {
                q,
                standard,
                clause,
                year,
                status,
                page,
                per_page,
            })
        } else {
            Err(errors)
        }
    }

    /// The words to look for; empty when the query has none worth matching.
    pub fn terms(&self) -> Vec<String> {
        terms(&self.q)
    }

    pub fn offset(&self) -> i64 {
        (self.page - 1) * self.per_page
    }

    /// Whether anything narrows the list, for the wording of empty states.
    pub fn is_narrowed(&self) -> bool {
        !self.q.is_empty() || self.has_filters()
    }

    /// Whether a filter besides the words narrows the list.
    pub fn has_filters(&self) -> bool {
        self.standard.is_some()
            || self.clause.is_some()
            || self.year.is_some()
            || self.status.is_some()
    }

    /// The query string of this search at another page, fields in a fixed
    /// order and empty ones left out, so that one view has one address.
    pub fn query_string(&self, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        if let Some(standard) = &self.standard {
            pairs.push(("standard", standard.clone()));
        }
        if let Some(clause) = &self.clause {
            pairs.push(("clause", clause.clone()));
        }
        if let Some(year) = self.year {
            pairs.push(("year", year.to_string()));
        }
        if let Some(status) = self.status {
            pairs.push(("status", status.as_str().to_owned()));
        }
        if page > 1 {
            pairs.push(("page", page.to_string()));
        }
        if self.per_page != PER_PAGE {
            pairs.push(("per_page", self.per_page.to_string()));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    /// `path` with this search's query string at `page`.
    pub fn address(&self, path: &str, page: i64) -> String {
        let query = self.query_string(page);
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }
}

/// Words too common to tell clarifications apart; a question typed in full
/// ("what does the standard mean by…") still finds its answer. Sorted, for
/// a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can", "do",
    "does", "for", "from", "had", "has", "have", "how", "i", "if", "in", "into", "is", "it", "its",
    "may", "must", "no", "not", "of", "on", "or", "our", "shall", "should", "so", "such", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "to", "was", "we",
    "were", "what", "when", "where", "which", "who", "why", "will", "with", "would", "you", "your",
];

/// At most this many words are looked for; a pasted paragraph is cut.
const MAX_TERMS: usize = 12;

/// The longest word looked for; longer ones are cut to it, in the text
/// indexed as in a query.
const MAX_WORD: usize = 40;

/// The words of a text: runs of letters and digits.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
}

/// A word as a search compares it: lower-cased and cut, or nothing for a
/// common word. The search index keeps the English stem of this.
pub fn searchable(word: &str) -> Option<String> {
    let mut word = word.to_lowercase();
    if let Some((cut, _)) = word.char_indices().nth(MAX_WORD) {
        word.truncate(cut);
    }
    STOP_WORDS
        .binary_search(&word.as_str())
        .is_err()
        .then_some(word)
}

/// French words too common to look for, and the letters of elisions
/// (l’, d’, qu’), sorted for a binary search: in French text as the index
/// holds it, and among a query's words looked up in French.
const FRENCH_STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "c", "ce", "ces", "cette", "d", "dans", "de", "des", "du", "elle", "en",
    "est", "et", "il", "ils", "j", "l", "la", "le", "les", "leur", "leurs", "lui", "m", "mais",
    "n", "ne", "ni", "nous", "on", "ont", "ou", "où", "par", "pas", "pour", "qu", "que", "qui",
    "s", "sa", "se", "ses", "si", "son", "sont", "sur", "t", "un", "une", "vous", "y", "à", "être",
];

/// A word as a search compares it in French text: as [`searchable`], or
/// nothing for a common French word. The index keeps its French stem.
pub fn searchable_in_french(word: &str) -> Option<String> {
    let word = searchable(word)?;
    FRENCH_STOP_WORDS
        .binary_search(&word.as_str())
        .is_err()
        .then_some(word)
}

/// The words of a query: letters and digits split on everything else,
/// lower-cased, common words and repeats dropped. Only these reach the
/// search, so no character typed can change the meaning of a query.
pub fn terms(q: &str) -> Vec<String> {
    let mut terms: Vec<String> = Vec::new();
    for word in words(q).filter_map(searchable) {
        if terms.contains(&word) {
            continue;
        }
        terms.push(word);
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawFilters {
        serde_urlencoded::from_str(&serde_urlencoded::to_string(pairs).unwrap()).unwrap()
    }

    #[test]
    fn common_words_are_sorted_for_their_search() {
        assert!(STOP_WORDS.is_sorted(), "{STOP_WORDS:?}");
        assert!(FRENCH_STOP_WORDS.is_sorted(), "{FRENCH_STOP_WORDS:?}");
    }

    #[test]
    fn words_are_split_lowered_and_common_ones_dropped() {
        assert_eq!(
            terms("What does ISO/IEC 17025 say about Measurement-uncertainty? \"the\" 7.2.1"),
            [
                "iso",
                "iec",
                "17025",
                "say",
                "measurement",
                "uncertainty",
                "7",
                "2",
                "1"
            ]
        );
        assert!(terms("the of and ???").is_empty());
        assert_eq!(terms("Impartialité impartialité").len(), 1);
    }

    #[test]
    fn a_pasted_paragraph_is_cut() {
        let many = (0..100)
            .map(|i| format!("word{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(terms(&many).len(), MAX_TERMS);
    }

    #[test]
    fn every_field_is_checked_with_a_message() {
        let errors = Filters::parse(&raw(&[
            ("year", "last year"),
            ("status", "open"),
            ("page", "0"),
            ("standard", "iso 17025"),
            ("clause", &"7".repeat(51)),
        ]))
        .unwrap_err();
        for field in ["year", "status", "page", "standard", "clause"] {
            assert!(!errors.get(field).is_empty(), "{field}");
        }
    }

    #[test]
    fn one_view_has_one_address() {
        let filters = Filters::parse(&raw(&[
            ("status", "current"),
            ("q", "  impartiality & risk "),
            ("year", "2024"),
            ("clause", ""),
            ("standard", "iso-iec-17065-2012"),
        ]))
        .unwrap();
        assert_eq!(
            filters.address("/clarifications", 3),
            "/clarifications?q=impartiality+%26+risk&standard=iso-iec-17065-2012&year=2024&status=current&page=3"
        );
        assert!(!filters.address("/clarifications", 1).contains("page"));
        assert_eq!(Filters::default().address("/x", 1), "/x");
    }
}
