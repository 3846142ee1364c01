//! The workspace's list of requests: every request the viewer may read
//! (the rule of [`Standing::can_read`]), narrowed by the filters, one page
//! at a time. "Waiting on" comes from the lifecycle ([`moved_on_by`]) and,
//! for "me", from the viewer's queue.

use crate::i18n::Msg;
use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::WorkflowError;
use super::queue;
use crate::db::DbConn;
use crate::domain::access::{GroupRole, Standing};
use crate::domain::fields::FieldErrors;
use crate::domain::lifecycle::{Actor, State, moved_on_by};
use crate::domain::request_list::{Filters, PER_PAGE, RawFilters, WaitingOn};
use crate::models::request_list::{self as rows, Listed};
use crate::models::users::User;
use crate::models::{groups, standards};
use crate::search::{Narrowing, RequestIndex};

/// What the list page shows.
pub struct Listing {
    /// The checked filters (the defaults when some could not be read).
    pub filters: Filters,
    pub errors: FieldErrors,
    /// The viewer reads no request at all: neither the secretariat nor in
    /// any group.
    pub in_no_group: bool,
    pub rows: Vec<Listed>,
    /// The sponsors of the rows that name one, by reference.
    pub sponsors: HashMap<String, String>,
    pub total: i64,
    pub pages: i64,
    /// The groups and standards to filter by, as (value, label).
    pub groups: Vec<(String, String)>,
    pub standards: Vec<(String, String)>,
}

impl Listing {
    /// The page asked for lies beyond the last one.
    pub fn past_the_end(&self) -> bool {
        self.total > 0 && self.filters.page > self.pages
    }
}

/// Which requests `user` may read, from the read rule: the secretariat's
/// states in any group, or the states a group reads in the viewer's own
/// groups, only once they reached the group if the rule says so. `None`
/// for someone who reads nothing.
fn readable(user: &User, my_groups: &[String]) -> Option<Narrowing> {
    let alone = Standing {
        secretariat: user.is_secretariat,
        group_role: None,
    };
    if user.is_secretariat {
        return Some(Narrowing {
            states: State::ALL
                .into_iter()
                .filter(|s| alone.can_read(*s, false))
                .collect(),
            ..Narrowing::default()
        });
    }
    if my_groups.is_empty() {
        return None;
    }
    let in_group = Standing {
        secretariat: false,
        group_role: Some(GroupRole::Member),
    };
    let states: Vec<State> = State::ALL
        .into_iter()
        .filter(|s| in_group.can_read(*s, true))
        .collect();
    Some(Narrowing {
        accepted: states.iter().any(|s| !in_group.can_read(*s, false)),
        states,
        groups: Some(my_groups.to_vec()),
        ..Narrowing::default()
    })
}

/// Keeps only what is in both.
fn keep(list: &mut Vec<String>, wanted: &[String]) {
    list.retain(|item| wanted.contains(item));
}

fn start_of(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).unwrap_or(NaiveDateTime::MAX)
}

/// The list of `user` at `now` as `raw` asks for it, found in `index`, in
/// a fixed number of queries: the viewer's groups, the choices, the changes
/// since the index's last and the page's lines (and the queue's own fixed
/// number when waiting on "me").
pub fn list(
    conn: &mut DbConn,
    index: &RequestIndex,
    user: &User,
    raw: &RawFilters,
    now: NaiveDateTime,
    mail_server: bool,
) -> Result<Listing, WorkflowError> {
    let my_groups: Vec<String> = groups::memberships_of(conn, &user.id)?
        .into_iter()
        .map(|(group, _)| group)
        .collect();
    let all_groups = groups::all(conn)?;
    let all_standards = standards::all_with_groups(conn)?;
    let (filters, mut errors) = match Filters::parse(raw) {
        Ok(filters) => (filters, FieldErrors::default()),
        Err(errors) => (Filters::default(), errors),
    };
    let group = match &filters.group {
        Some(code) => {
            let found = all_groups.iter().find(|g| &g.code == code);
            if found.is_none() {
                errors.add("group", Msg::new("form-no-such-group"));
            }
            found
        }
        None => None,
    };
    let standard = match &filters.standard {
        Some(slug) => {
            let found = all_standards.iter().find(|(s, _)| &s.slug == slug);
            if found.is_none() {
                errors.add("standard", Msg::new("form-no-such-standard"));
            }
            found
        }
        None => None,
    };
    let readable = readable(user, &my_groups);
    let mut listing = Listing {
        filters: Filters::default(),
        errors: FieldErrors::default(),
        in_no_group: readable.is_none(),
        rows: Vec::new(),
        sponsors: HashMap::new(),
        total: 0,
        pages: 1,
        groups: all_groups
            .iter()
            .filter(|g| user.is_secretariat || my_groups.contains(&g.id))
            .map(|g| (g.code.clone(), format!("{} — {}", g.code, g.name)))
            .collect(),
        standards: all_standards
            .iter()
            .map(|(s, _)| (s.slug.clone(), s.label()))
            .collect(),
    };
    if !errors.is_empty() {
        listing.errors = errors;
        return Ok(listing);
    }
    let Some(mut narrowing) = readable else {
        listing.filters = filters;
        return Ok(listing);
    };
    if let Some(state) = filters.state {
        narrowing.states.retain(|s| *s == state);
    }
    if let Some(group) = group {
        let groups = narrowing
            .groups
            .get_or_insert_with(|| vec![group.id.clone()]);
        keep(groups, std::slice::from_ref(&group.id));
    }
    match filters.waiting {
        None => {}
        Some(WaitingOn::Me) => {
            let mine = queue::queue(conn, index, user, now, mail_server)?;
            let mut references: Vec<String> =
                mine.items.into_iter().map(|item| item.reference).collect();
            references.sort();
            references.dedup();
            narrowing.references = Some(references);
        }
        Some(WaitingOn::MyGroup) => {
            narrowing
                .states
                .retain(|s| moved_on_by(*s, Actor::Convenor) || moved_on_by(*s, Actor::Member));
            let groups = narrowing.groups.get_or_insert_with(|| my_groups.clone());
            keep(groups, &my_groups);
        }
        Some(WaitingOn::Secretariat) => {
            narrowing
                .states
                .retain(|s| moved_on_by(*s, Actor::Secretariat));
        }
        Some(WaitingOn::Submitter) => {
            narrowing
                .states
                .retain(|s| moved_on_by(*s, Actor::Submitter));
        }
    }
    narrowing.standard_id = standard.map(|(s, _)| s.id.clone());
    narrowing.clause = filters.clause.clone();
    narrowing.submitted_from = filters.from.map(start_of);
    narrowing.submitted_before = filters
        .to
        .and_then(|day| day.checked_add_signed(TimeDelta::days(1)))
        .map(start_of);
    narrowing.words = Some(filters.q.clone()).filter(|q| !q.is_empty());
    let nothing = narrowing.states.is_empty()
        || narrowing.groups.as_ref().is_some_and(Vec::is_empty)
        || narrowing.references.as_ref().is_some_and(Vec::is_empty);
    let found = if nothing {
        None
    } else {
        Some(index.find(conn, &narrowing, filters.sort, PER_PAGE, filters.offset())?)
    };
    listing.total = found.as_ref().map_or(0, |found| found.total);
    listing.pages = crate::domain::paging::pages(listing.total);
    listing.filters = filters;
    if let Some(found) = found.filter(|found| !found.ids.is_empty()) {
        listing.rows = rows::lines(conn, &found.ids)?;
        let references: Vec<&str> = listing.rows.iter().map(|r| r.reference.as_str()).collect();
        listing.sponsors = super::endorsements::sponsor_lines(conn, &references)?;
    }
    Ok(listing)
}
