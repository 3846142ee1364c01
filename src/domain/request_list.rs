//! What someone asks the workspace's list of requests for: filters, an
//! order and a page, checked and turned into a stable address, as
//! [`super::search`] does for the public register.

use crate::i18n::Msg;
use chrono::NaiveDate;
use serde::Deserialize;

use super::fields::FieldErrors;
use super::lifecycle::State;

pub use super::paging::PER_PAGE;
use super::paging::{MAX_PAGE, page_number};

/// The query string as received, every field as text so that anything
/// typed can be explained rather than refused unread.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct RawFilters {
    pub q: Option<String>,
    pub state: Option<String>,
    pub group: Option<String>,
    pub standard: Option<String>,
    pub clause: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub waiting: Option<String>,
    pub sort: Option<String>,
    pub page: Option<String>,
}

/// Whom a request waits for, as the viewer sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitingOn {
    /// Something in the viewer's queue.
    Me,
    /// The group of the request, one of the viewer's.
    MyGroup,
    Secretariat,
    Submitter,
}

impl WaitingOn {
    pub const ALL: [WaitingOn; 4] = [
        WaitingOn::Me,
        WaitingOn::MyGroup,
        WaitingOn::Secretariat,
        WaitingOn::Submitter,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WaitingOn::Me => "me",
            WaitingOn::MyGroup => "group",
            WaitingOn::Secretariat => "secretariat",
            WaitingOn::Submitter => "submitter",
        }
    }

    pub fn parse(text: &str) -> Option<WaitingOn> {
        WaitingOn::ALL.into_iter().find(|w| w.as_str() == text)
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Submitted most recently first.
    #[default]
    Newest,
    Oldest,
    Reference,
    /// Changed most recently first.
    Changed,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::Newest, Sort::Oldest, Sort::Reference, Sort::Changed];

    pub fn as_str(self) -> &'static str {
        match self {
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
            Sort::Reference => "reference",
            Sort::Changed => "changed",
        }
    }

    pub fn parse(text: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.as_str() == text)
    }
}

/// A checked list request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// The words as typed, looked for as one piece of text.
    pub q: String,
    pub state: Option<State>,
    /// A group's code.
    pub group: Option<String>,
    /// A standard's slug.
    pub standard: Option<String>,
    pub clause: Option<String>,
    /// Submitted on or after this day…
    pub from: Option<NaiveDate>,
    /// …and on or before this one.
    pub to: Option<NaiveDate>,
    pub waiting: Option<WaitingOn>,
    pub sort: Sort,
    pub page: i64,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A field that must be one of a few words.
fn one_of<T>(
    errors: &mut FieldErrors,
    value: &Option<String>,
    field: &str,
    parse: impl Fn(&str) -> Option<T>,
    message: Msg,
) -> Option<T> {
    let text = given(value)?;
    let parsed = parse(text);
    if parsed.is_none() {
        errors.add(field, message);
    }
    parsed
}

fn date(errors: &mut FieldErrors, value: &Option<String>, field: &str) -> Option<NaiveDate> {
    one_of(
        errors,
        value,
        field,
        |text| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok(),
        Msg::new("form-date"),
    )
}

/// The states a request may be listed in.
pub fn listed_states() -> impl Iterator<Item = State> {
    State::ALL.into_iter().filter(|s| s.is_confirmed())
}

impl Filters {
    /// Checks every field; the messages name what to change.
    pub fn parse(raw: &RawFilters) -> Result<Filters, FieldErrors> {
        let mut errors = FieldErrors::default();
        let q = given(&raw.q).unwrap_or_default().to_owned();
        if q.chars().count() > 200 || q.chars().any(char::is_control) {
            errors.add("q", Msg::new("form-search-too-long"));
        }
        let state = one_of(
            &mut errors,
            &raw.state,
            "state",
            |text| listed_states().find(|s| s.as_str() == text),
            Msg::new("form-state-from-list"),
        );
        let group = given(&raw.group).map(str::to_owned);
        if group
            .as_deref()
            .is_some_and(|g| g.chars().count() > 100 || g.chars().any(char::is_control))
        {
            errors.add("group", Msg::new("form-group-from-list"));
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
        let from = date(&mut errors, &raw.from, "from");
        let to = date(&mut errors, &raw.to, "to");
        if from.zip(to).is_some_and(|(from, to)| to < from) {
            errors.add("to", Msg::new("form-date-order"));
        }
        let waiting = one_of(
            &mut errors,
            &raw.waiting,
            "waiting",
            WaitingOn::parse,
            Msg::new("form-waiting-on"),
        );
        let sort = one_of(
            &mut errors,
            &raw.sort,
            "sort",
            Sort::parse,
            Msg::new("form-sort"),
        )
        .unwrap_or_default();
        let page = one_of(
            &mut errors,
            &raw.page,
            "page",
            |text| page_number(Some(text)),
            Msg::new("form-page-range").with("max", MAX_PAGE),
        )
        .unwrap_or(1);
        if errors.is_empty() {
            Ok(Filters {
                q,
                state,
                group,
                standard,
                clause,
                from,
                to,
                waiting,
                sort,
                page,
            })
        } else {
            Err(errors)
        }
    }

    pub fn offset(&self) -> i64 {
        super::paging::offset(self.page)
    }

    /// Whether anything narrows the list, for the wording of empty states.
    pub fn is_narrowed(&self) -> bool {
        !self.q.is_empty()
            || self.state.is_some()
            || self.group.is_some()
            || self.standard.is_some()
            || self.clause.is_some()
            || self.from.is_some()
            || self.to.is_some()
            || self.waiting.is_some()
    }

    /// `path` with this list's query string at `page`, fields in a fixed
    /// order and defaults left out, so that one view has one address.
    pub fn address(&self, path: &str, page: i64) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let mut add = |name, value: Option<String>| {
            if let Some(value) = value {
                pairs.push((name, value));
            }
        };
        add("q", Some(self.q.clone()).filter(|q| !q.is_empty()));
        add("state", self.state.map(|s| s.as_str().to_owned()));
        add("group", self.group.clone());
        add("standard", self.standard.clone());
        add("clause", self.clause.clone());
        add("from", self.from.map(|d| d.to_string()));
        add("to", self.to.map(|d| d.to_string()));
        add("waiting", self.waiting.map(|w| w.as_str().to_owned()));
        add(
            "sort",
            Some(self.sort)
                .filter(|s| *s != Sort::default())
                .map(|s| s.as_str().to_owned()),
        );
        add("page", Some(page).filter(|p| *p > 1).map(|p| p.to_string()));
        let query = serde_urlencoded::to_string(pairs).unwrap_or_default();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    /// This list in another order, from its first page.
    pub fn sorted(&self, sort: Sort) -> Filters {
        Filters {
            sort,
            page: 1,
            ..self.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawFilters {
        serde_urlencoded::from_str(&serde_urlencoded::to_string(pairs).unwrap()).unwrap()
    }

    #[test]
    fn every_field_is_checked_with_a_message() {
        let errors = Filters::parse(&raw(&[
            ("state", "lost"),
            ("standard", "iso 17025"),
            ("clause", &"7".repeat(51)),
            ("from", "yesterday"),
            ("to", "2026-02-30"),
            ("waiting", "godot"),
            ("sort", "random"),
            ("page", "0"),
        ]))
        .unwrap_err();
        for field in [
            "state", "standard", "clause", "from", "to", "waiting", "sort", "page",
        ] {
            assert!(!errors.get(field).is_empty(), "{field}");
        }
        let unconfirmed = Filters::parse(&raw(&[("state", "pending_confirmation")]));
        assert!(unconfirmed.is_err(), "never listed");
        let backwards = Filters::parse(&raw(&[("from", "2026-03-02"), ("to", "2026-03-01")]));
        assert!(!backwards.unwrap_err().get("to").is_empty());
    }

    #[test]
    fn one_view_has_one_address() {
        let filters = Filters::parse(&raw(&[
            ("sort", "oldest"),
            ("waiting", "group"),
            ("q", " risk & impartiality "),
            ("state", "in_group"),
            ("group", "MG 17025"),
            ("to", "2026-03-31"),
            ("from", "2026-01-01"),
            ("clause", ""),
        ]))
        .unwrap();
        assert_eq!(
            filters.address("/workspace/requests", 3),
            "/workspace/requests?q=risk+%26+impartiality&state=in_group&group=MG+17025&from=2026-01-01&to=2026-03-31&waiting=group&sort=oldest&page=3"
        );
        assert_eq!(
            Filters::parse(&raw(&[("sort", "newest"), ("page", "1")]))
                .unwrap()
                .address("/x", 1),
            "/x",
            "defaults leave no trace"
        );
    }
}
