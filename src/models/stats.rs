//! Figures for the secretariat's statistics (issue 5 item 7).
//!
//! Requests whose submitter has not confirmed are not requests yet: they
//! count nowhere. Sample requests of `seed --demo` count like any other,
//! since they are what a demonstration shows.
//!
//! The page reads the figures from a snapshot the worker computes (see
//! [`refresh`]): computing them reads every request, far too slow for each
//! view of a register of 100,000 clarifications.
//!
//! Counts by state and by standard are made by the database. Figures over
//! dates are aggregated here from compact rows, because SQLite and
//! PostgreSQL share no function that truncates a timestamp to its month;
//! each query selects only the columns it needs, and the per-month ones only
//! the last months.

use std::collections::HashMap;

use chrono::{NaiveDateTime, TimeDelta};
use diesel::dsl::count_star;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::DbConn;
use crate::db::schema::{events, requests, standards, stats_snapshot};
use crate::domain::charts::Month;
use crate::domain::lifecycle::{Action, State};
use crate::models::register;
use crate::models::requests as request_rows;

/// How many months the per-month figures cover, the current one included.
pub const MONTHS: usize = 12;
/// Standards shown by name; the others are summed into one row.
pub const TOP_STANDARDS: usize = 8;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Every state a confirmed request can be in, zeros too.
    pub by_state: Vec<(State, i64)>,
    /// Most requested standards first, then the others summed.
    pub by_standard: Vec<StandardCount>,
    /// Requests confirmed in each of the last months, oldest first.
    pub cohorts: Vec<Cohort>,
    /// Requests published in each of the last months, oldest first.
    pub publications: Vec<Publications>,
    /// Median days from confirmation to publication over every publication.
    pub median_days: Option<f64>,
    pub screening: Screening,
    /// Confirmed sample requests of the demo among the counted ones.
    pub samples: i64,
    /// Confirmed requests naming each sponsor ("AFNOR (FR)"), most first;
    /// none in a snapshot from before sponsors.
    #[serde(default)]
    pub by_sponsor: Vec<(String, i64)>,
}

impl Figures {
    /// Confirmed requests.
    pub fn total(&self) -> i64 {
        self.by_state.iter().map(|(_, n)| n).sum()
    }

    pub fn count(&self, state: State) -> i64 {
        self.by_state
            .iter()
            .find(|(s, _)| *s == state)
            .map_or(0, |(_, n)| *n)
    }

    pub fn open(&self) -> i64 {
        self.by_state
            .iter()
            .filter(|(s, _)| s.is_open())
            .map(|(_, n)| n)
            .sum()
    }
}

/// Requests by where they stand now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub open: i64,
    pub published: i64,
    pub closed: i64,
}

impl Progress {
    fn add(&mut self, state: State, n: i64) {
        let count = match state {
            State::Published => &mut self.published,
            State::Closed => &mut self.closed,
            _ if state.is_open() => &mut self.open,
            _ => return,
        };
        *count += n;
    }

    fn merge(&mut self, other: Progress) {
        self.open += other.open;
        self.published += other.published;
        self.closed += other.closed;
    }

    pub fn total(&self) -> i64 {
        self.open + self.published + self.closed
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StandardCount {
    /// "ISO/IEC 17025:2017", or "Other standards (3)"
    pub label: String,
    pub requests: Progress,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cohort {
    pub month: Month,
    /// The requests confirmed in the month, by where they stand now.
    pub requests: Progress,
    /// The screening decisions taken on them so far.
    pub screening: Screening,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Publications {
    pub month: Month,
    pub published: i64,
    /// Of the requests published in the month.
    pub median_days: Option<f64>,
}

/// How screening ended: passed to the maintenance group, or closed there
/// (not admissible, referred to another committee, duplicate). Requests
/// withdrawn during screening, or still in it, took no decision.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Screening {
    pub accepted: i64,
    pub not_admissible: i64,
    pub referred: i64,
    pub duplicate: i64,
}

impl Screening {
    /// The actions that end screening.
    const DECISIONS: [Action; 4] = [
        Action::Accept,
        Action::NotAdmissible,
        Action::Refer,
        Action::Duplicate,
    ];

    /// Counts `n` events of a stored action; other actions are no decision.
    fn add(&mut self, action: &str, n: i64) {
        match Action::parse(action) {
            Some(Action::Accept) => self.accepted += n,
            Some(Action::NotAdmissible) => self.not_admissible += n,
            Some(Action::Refer) => self.referred += n,
            Some(Action::Duplicate) => self.duplicate += n,
            _ => {}
        }
    }

    pub fn decided(&self) -> i64 {
        self.accepted + self.not_admissible + self.referred + self.duplicate
    }

    /// The share accepted, in percent; none before the first decision.
    pub fn accepted_percent(&self) -> Option<f64> {
        (self.decided() > 0).then(|| 100.0 * self.accepted as f64 / self.decided() as f64)
    }
}

/// The figures as the worker last computed them.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub figures: Figures,
    pub computed_at: NaiveDateTime,
}

/// A snapshot is computed again when a clarification is published, or a
/// standard or group changes (the register's version moves), and when it
/// grows older than this, for the requests moving on inside the workspace.
pub const REFRESH_EVERY: TimeDelta = TimeDelta::hours(1);

/// The snapshot last computed; none before the first, or when the one
/// stored cannot be read (written by another version of Clarion).
pub fn snapshot(conn: &mut DbConn) -> QueryResult<Option<Snapshot>> {
    let row: Option<(String, NaiveDateTime)> = stats_snapshot::table
        .select((stats_snapshot::figures, stats_snapshot::computed_at))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(figures, computed_at)| {
        Some(Snapshot {
            figures: serde_json::from_str(&figures).ok()?,
            computed_at,
        })
    }))
}

/// Computes the figures at `now` and stores them, unless the snapshot is
/// still right: taken at the register's current version less than
/// [`REFRESH_EVERY`] ago, and readable. True when it computed them. A few
/// primary-key reads when there is nothing to do, so the worker runs it on
/// every pass.
pub fn refresh(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<bool> {
    let version = register::version(conn)?;
    let stored: Option<(i64, NaiveDateTime)> = stats_snapshot::table
        .select((
            stats_snapshot::register_version,
            stats_snapshot::computed_at,
        ))
        .first(conn)
        .optional()?;
    if let Some((at_version, at)) = stored {
        let fresh = at <= now && now - at < REFRESH_EVERY;
        if at_version == version && fresh && snapshot(conn)?.is_some() {
            return Ok(false);
        }
    }
    let figures = serde_json::to_string(&figures(conn, now)?)
        .map_err(|e| diesel::result::Error::SerializationError(Box::new(e)))?;
    let row = (
        stats_snapshot::id.eq(1),
        stats_snapshot::register_version.eq(version),
        stats_snapshot::figures.eq(&figures),
        stats_snapshot::computed_at.eq(now),
    );
    // Two workers may compute at once: the multi-backend connection has no
    // ON CONFLICT, each backend has.
    let upsert = diesel::insert_into(stats_snapshot::table)
        .values(row)
        .on_conflict(stats_snapshot::id)
        .do_update()
        .set((
            stats_snapshot::register_version.eq(version),
            stats_snapshot::figures.eq(&figures),
            stats_snapshot::computed_at.eq(now),
        ));
    match conn {
        DbConn::Postgres(pg) => upsert.execute(pg)?,
        DbConn::Sqlite(lite) => upsert.execute(lite)?,
    };
    Ok(true)
}

/// Every figure of the statistics page, the months ending with `now`'s.
pub fn figures(conn: &mut DbConn, now: NaiveDateTime) -> QueryResult<Figures> {
    let months = Month::last(MONTHS, now);
    let since = months[0].start();
    let by_state = request_rows::count_by_state(conn)?
        .into_iter()
        .filter(|(state, _)| state.is_confirmed())
        .collect();
    let per_standard: Vec<(String, String, i64)> = requests::table
        .filter(requests::state.ne(State::PendingConfirmation.as_str()))
        .group_by((requests::standard_id, requests::state))
        .select((requests::standard_id, requests::state, count_star()))
        .load(conn)?;
    let labels: HashMap<String, String> = standards::table
        .select((standards::id, standards::designation, standards::edition))
        .load::<(String, String, i32)>(conn)?
        .into_iter()
        .map(|(id, designation, edition)| (id, format!("{designation}:{edition}")))
        .collect();
    let confirmed: Vec<(NaiveDateTime, String)> = requests::table
        .filter(requests::confirmed_at.ge(since))
        .select((requests::confirmed_at.assume_not_null(), requests::state))
        .load(conn)?;
    let published: Vec<(Option<NaiveDateTime>, NaiveDateTime)> = requests::table
        .filter(requests::published_at.is_not_null())
        .select((
            requests::confirmed_at,
            requests::published_at.assume_not_null(),
        ))
        .load(conn)?;
    // Every decision counts in the total; only the recent ones are loaded.
    let decided = || {
        events::table
            .filter(events::from_state.eq(State::Screening.as_str()))
            .filter(events::action.eq_any(Screening::DECISIONS.map(Action::as_str)))
    };
    let decision_counts: Vec<(String, i64)> = decided()
        .group_by(events::action)
        .select((events::action, count_star()))
        .load(conn)?;
    let recent_decisions: Vec<(String, NaiveDateTime)> = decided()
        .inner_join(requests::table)
        .filter(requests::confirmed_at.ge(since))
        .select((events::action, requests::confirmed_at.assume_not_null()))
        .load(conn)?;
    let samples = requests::table
        .filter(requests::is_sample.eq(true))
        .filter(requests::confirmed_at.is_not_null())
        .count()
        .get_result(conn)?;

    let mut screening = Screening::default();
    for (action, n) in decision_counts {
        screening.add(&action, n);
    }
    let durations: Vec<(NaiveDateTime, f64)> = published
        .into_iter()
        .filter_map(|(confirmed, published)| Some((published, days_between(confirmed?, published))))
        .collect();
    Ok(Figures {
        by_state,
        by_standard: by_standard(per_standard, &labels, TOP_STANDARDS),
        cohorts: cohorts(&months, &confirmed, &recent_decisions),
        publications: publications(&months, &durations),
        median_days: median(durations.iter().map(|(_, days)| *days).collect()),
        screening,
        samples,
        by_sponsor: crate::models::endorsements::count_by_sponsor(conn)?
            .into_iter()
            .map(|(acronym, country, n)| match country {
                Some(country) => (format!("{acronym} ({country})"), n),
                None => (acronym, n),
            })
            .collect(),
    })
}

fn days_between(from: NaiveDateTime, to: NaiveDateTime) -> f64 {
    (to - from).num_seconds() as f64 / 86_400.0
}

/// The middle value, or the mean of the two middle ones; none of nothing.
fn median(mut values: Vec<f64>) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    match values.len() {
        0 => None,
        n if n % 2 == 1 => Some(values[middle]),
        _ => Some((values[middle - 1] + values[middle]) / 2.0),
    }
}

/// Counts per (standard id, state) folded into one row per standard named
/// by its label, the `top` most requested first (ties by name), the rest
/// summed into one row when they are more than one.
fn by_standard(
    rows: Vec<(String, String, i64)>,
    labels: &HashMap<String, String>,
    top: usize,
) -> Vec<StandardCount> {
    let mut per_id: HashMap<String, StandardCount> = HashMap::new();
    for (id, state, n) in rows {
        let Some(state) = State::parse(&state) else {
            continue;
        };
        let label = labels.get(&id).cloned().unwrap_or_else(|| id.clone());
        per_id
            .entry(id)
            .or_insert_with(|| StandardCount {
                label,
                requests: Progress::default(),
            })
            .requests
            .add(state, n);
    }
    let mut counts: Vec<StandardCount> = per_id.into_values().collect();
    counts.sort_by(|a, b| {
        b.requests
            .total()
            .cmp(&a.requests.total())
            .then_with(|| a.label.cmp(&b.label))
    });
    if counts.len() > top + 1 {
        let rest = counts.split_off(top);
        let mut other = Progress::default();
        for count in &rest {
            other.merge(count.requests);
        }
        counts.push(StandardCount {
            label: format!("Other standards ({})", rest.len()),
            requests: other,
        });
    }
    counts
}

/// The requests confirmed in each month, by where they stand now, with the
/// screening decisions taken on them. Other months are left out.
fn cohorts(
    months: &[Month],
    confirmed: &[(NaiveDateTime, String)],
    decisions: &[(String, NaiveDateTime)],
) -> Vec<Cohort> {
    let mut cohorts: Vec<Cohort> = months
        .iter()
        .map(|month| Cohort {
            month: *month,
            requests: Progress::default(),
            screening: Screening::default(),
        })
        .collect();
    let index = |at: NaiveDateTime| months.iter().position(|m| *m == Month::of(at));
    for (at, state) in confirmed {
        if let (Some(i), Some(state)) = (index(*at), State::parse(state)) {
            cohorts[i].requests.add(state, 1);
        }
    }
    for (action, at) in decisions {
        if let Some(i) = index(*at) {
            cohorts[i].screening.add(action, 1);
        }
    }
    cohorts
}

/// Per month of publication: how many were published and the median of
/// the days each took from confirmation.
fn publications(months: &[Month], durations: &[(NaiveDateTime, f64)]) -> Vec<Publications> {
    months
        .iter()
        .map(|month| {
            let days: Vec<f64> = durations
                .iter()
                .filter(|(published, _)| Month::of(*published) == *month)
                .map(|(_, days)| *days)
                .collect();
            Publications {
                month: *month,
                published: days.len() as i64,
                median_days: median(days),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeDelta};

    use super::*;

    fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(year, month, day)
            .unwrap()
            .and_hms_opt(10, 30, 0)
            .unwrap()
    }

    #[test]
    fn the_median_is_the_middle_or_the_mean_of_the_two_middles() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![7.0]), Some(7.0));
        assert_eq!(median(vec![30.0, 10.0, 20.0]), Some(20.0));
        assert_eq!(median(vec![40.0, 10.0, 20.0, 30.0]), Some(25.0));
    }

    #[test]
    fn days_count_hours_too() {
        let from = at(2026, 1, 1);
        assert_eq!(days_between(from, from + TimeDelta::hours(36)), 1.5);
    }

    #[test]
    fn the_most_requested_standards_come_first_and_the_rest_is_summed() {
        let row = |id: &str, state: &str, n: i64| (id.to_owned(), state.to_owned(), n);
        let labels: HashMap<String, String> = ["17025", "17065", "17020", "17024", "17043"]
            .map(|id| (id.to_owned(), format!("ISO/IEC {id}:2017")))
            .into();
        let rows = vec![
            row("17025", "published", 5),
            row("17025", "screening", 2),
            row("17025", "balloting", 1),
            row("17065", "closed", 4),
            row("17020", "in_group", 1),
            row("17024", "published", 1),
            row("17043", "closed", 1),
        ];
        let counts = by_standard(rows.clone(), &labels, 2);
        let names: Vec<&str> = counts.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            names,
            [
                "ISO/IEC 17025:2017",
                "ISO/IEC 17065:2017",
                "Other standards (3)"
            ]
        );
        assert_eq!(
            counts[0].requests,
            Progress {
                open: 3,
                published: 5,
                closed: 0
            }
        );
        assert_eq!(
            counts[2].requests,
            Progress {
                open: 1,
                published: 1,
                closed: 1
            }
        );
        // one standard left over is shown by its name
        assert_eq!(by_standard(rows.clone(), &labels, 4).len(), 5);
        assert_eq!(by_standard(rows, &labels, 3).len(), 4);
    }

    #[test]
    fn cohorts_count_by_month_of_confirmation_and_skip_older_months() {
        let months = Month::last(3, at(2026, 3, 15));
        let confirmed = vec![
            (at(2026, 1, 5), "published".to_owned()),
            (at(2026, 1, 31), "closed".to_owned()),
            (at(2026, 3, 1), "screening".to_owned()),
            (at(2025, 12, 31), "closed".to_owned()),
        ];
        let decisions = vec![
            ("accept".to_owned(), at(2026, 1, 5)),
            ("refer".to_owned(), at(2026, 1, 31)),
            ("accept".to_owned(), at(2025, 12, 31)),
        ];
        let cohorts = cohorts(&months, &confirmed, &decisions);
        assert_eq!(cohorts.len(), 3);
        assert_eq!(
            cohorts[0].month.long(&crate::i18n::Lang::english()),
            "January 2026"
        );
        assert_eq!(
            cohorts[0].requests,
            Progress {
                open: 0,
                published: 1,
                closed: 1
            }
        );
        assert_eq!(cohorts[0].screening.accepted_percent(), Some(50.0));
        assert_eq!(cohorts[1].requests.total(), 0);
        assert_eq!(cohorts[1].screening.accepted_percent(), None);
        assert_eq!(cohorts[2].requests.open, 1);
    }

    #[test]
    fn publications_give_a_median_per_month_of_publication() {
        let months = Month::last(2, at(2026, 2, 10));
        let durations = vec![
            (at(2026, 1, 3), 10.0),
            (at(2026, 1, 20), 30.0),
            (at(2026, 2, 1), 12.5),
            (at(2025, 11, 1), 99.0),
        ];
        let months = publications(&months, &durations);
        assert_eq!(months[0].published, 2);
        assert_eq!(months[0].median_days, Some(20.0));
        assert_eq!(months[1].median_days, Some(12.5));
    }

    #[test]
    fn the_share_accepted_counts_only_screening_decisions() {
        let mut screening = Screening::default();
        screening.add("accept", 3);
        screening.add("not_admissible", 1);
        screening.add("withdraw", 1);
        screening.add("no_such_action", 1);
        assert_eq!(screening.decided(), 4);
        assert_eq!(screening.accepted_percent(), Some(75.0));
        assert_eq!(Screening::default().accepted_percent(), None);
    }
}
