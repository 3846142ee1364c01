//! `clarion seed --synthetic N`: many clarifications, open requests and
//! accounts for load tests, generated in seconds.
//!
//! The text is composed from conformity-assessment phrases so that search
//! meets realistic term frequencies. A fixed seed (varied by what the
//! database already holds) makes a run reproducible. Everything is marked
//! `is_sample`, like the demo, so nobody mistakes it for real answers; the
//! accounts are `synthetic.member.K@example.org` with the demo password.
//! Rows go in by batches in one write transaction, and the references of
//! each year are reserved as one block, so they never collide with earlier
//! or later ones.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime, NaiveTime, TimeDelta};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};

use crate::db::schema::{requests, users};
use crate::db::{self, DbConn};
use crate::domain::lifecycle::{Action, State};
use crate::domain::markdown;
use crate::domain::password;
use crate::domain::submission::Category;
use crate::models::standards::{self, Standard};
use crate::models::{groups, numbers, references};
use crate::transfer::{self, ContactRow, EventRow, RequestRow};

/// How much to generate.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Volume {
    pub published: usize,
    pub open_requests: usize,
    pub users: usize,
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub published: usize,
    pub open_requests: usize,
    pub users: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error("there is no current standard with a maintenance group; load the registry first")]
    NoStandards,
    #[error("the password of the synthetic accounts: {0}")]
    Password(String),
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
}

const SEED: u64 = 0xC1A2_0260_1702_5000;
const EMAIL_PREFIX: &str = "synthetic.member.";
const EMAIL_DOMAIN: &str = "@example.org";
const NOTE: &str = "synthetic data";

/// Adds `volume` to a database whose registry is loaded. Every account
/// gets `password`, hashed once: argon2 is slow by design.
pub fn seed(
    conn: &mut DbConn,
    volume: Volume,
    password: &str,
    now: NaiveDateTime,
) -> Result<Report, SyntheticError> {
    password::check_new(password, password).map_err(|m| SyntheticError::Password(m.english()))?;
    let hash = (volume.users > 0).then(|| password::hash(password));
    db::write_transaction(conn, |conn| {
        let standards: Vec<Standard> = standards::all_with_groups(conn)?
            .into_iter()
            .map(|(standard, _)| standard)
            .filter(|s| s.is_current() && s.group_id.is_some())
            .collect();
        if standards.is_empty() {
            return Err(SyntheticError::NoStandards);
        }
        let earlier: i64 = requests::table
            .filter(requests::is_sample.eq(true))
            .count()
            .get_result(conn)?;
        let mut rng = StdRng::seed_from_u64(SEED.wrapping_add(earlier.unsigned_abs()));
        let mut rows = Vec::with_capacity(volume.published + volume.open_requests);
        for _ in 0..volume.published {
            rows.push(published(&mut rng, &standards, now));
        }
        for _ in 0..volume.open_requests {
            rows.push(open(&mut rng, &standards, now));
        }
        allocate(conn, &mut rows)?;
        let events: Vec<EventRow> = rows.iter().flat_map(events_of).collect();
        let contacts: Vec<ContactRow> = rows
            .iter()
            .filter(|row| row.published_at.is_none())
            .enumerate()
            .map(|(i, row)| ContactRow {
                request_id: row.id.clone(),
                name: format!("Synthetic Submitter {}", i + 1),
                email: format!("synthetic.submitter.{}@example.org", i + 1),
                organization: rng
                    .random_bool(0.8)
                    .then(|| format!("Example Body {}", rng.random_range(1..=400))),
            })
            .collect();
        transfer::insert_requests(conn, &rows)?;
        transfer::insert_events(conn, &events)?;
        transfer::insert_contacts(conn, &contacts)?;
        numbers::number_the_unnumbered(conn)?;
        let users = match &hash {
            Some(hash) => add_members(conn, volume.users, hash, now)?,
            None => 0,
        };
        Ok(Report {
            published: volume.published,
            open_requests: volume.open_requests,
            users,
        })
    })
}

/// Gives the rows their references, in order of submission within each
/// year: one block per year, reserved at once.
fn allocate(conn: &mut DbConn, rows: &mut [RequestRow]) -> QueryResult<()> {
    rows.sort_by_key(|row| row.created_at);
    let mut per_year: BTreeMap<i32, i32> = BTreeMap::new();
    for row in rows.iter() {
        *per_year.entry(row.created_at.year()).or_default() += 1;
    }
    let mut next = BTreeMap::new();
    for (year, count) in per_year {
        next.insert(year, transfer::reserve_references(conn, year, count)?);
    }
    for row in rows {
        let year = row.created_at.year();
        let sequence = next.get_mut(&year).expect("a block for every year");
        row.reference = references::format(year, *sequence);
        *sequence += 1;
    }
    Ok(())
}

/// Group members numbered after those of earlier runs, spread over the
/// groups; the first of each group in a run is its convenor.
fn add_members(
    conn: &mut DbConn,
    count: usize,
    hash: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let groups = groups::all(conn)?;
    if groups.is_empty() {
        return Ok(0);
    }
    let earlier: i64 = users::table
        .filter(users::email.like(format!("{EMAIL_PREFIX}%{EMAIL_DOMAIN}")))
        .count()
        .get_result(conn)?;
    for i in 0..count {
        let k = earlier.unsigned_abs() as usize + i + 1;
        let id = db::new_id();
        crate::models::users::insert(
            conn,
            &crate::models::users::NewUser {
                id: &id,
                email: &format!("{EMAIL_PREFIX}{k}{EMAIL_DOMAIN}"),
                name: &format!("Synthetic Member {k}"),
                password_hash: Some(hash),
                is_secretariat: false,
                active: true,
                created_at: now,
                sponsor_organisation_id: None,
            },
        )?;
        let role = if i < groups.len() {
            "convenor"
        } else {
            "member"
        };
        groups::add_member(conn, &groups[i % groups.len()].id, &id, role, now)?;
    }
    Ok(count)
}

/// A request in `state` on one of `standards`, submitted at `created_at`
/// and confirmed soon after; its reference comes later.
fn request(
    rng: &mut StdRng,
    standards: &[Standard],
    state: State,
    created_at: NaiveDateTime,
) -> RequestRow {
    let standard = standards.choose(rng).expect("at least one standard");
    let clause = clause(rng);
    let text = Text::new(rng, standard, &clause);
    let question = text.question(rng);
    let answer = (state == State::Published).then(|| text.answer(rng));
    RequestRow {
        id: db::new_id(),
        reference: String::new(),
        state: state.as_str(),
        standard_id: standard.id.clone(),
        group_id: standard.group_id.clone(),
        question,
        answer_html: answer.as_deref().map(markdown::to_safe_html),
        answer,
        clause,
        submitter_country: COUNTRIES.choose(rng).copied().unwrap_or("GB").to_owned(),
        submitter_category: Category::ALL
            .choose(rng)
            .copied()
            .unwrap_or(Category::Other)
            .as_str(),
        consider_at_revision: true,
        publication_flag: None,
        publication_flag_note: None,
        is_sample: true,
        created_at,
        confirmed_at: Some(created_at + TimeDelta::minutes(rng.random_range(3..600))),
        decided_at: None,
        published_at: None,
        updated_at: created_at,
        personal_data_erased_at: None,
    }
}

/// Published some time in the last five years, decided a few days before
/// and submitted months earlier; a few later flagged.
fn published(rng: &mut StdRng, standards: &[Standard], now: NaiveDateTime) -> RequestRow {
    let days_ago = rng.random_range(1..=5 * 365);
    let published_at = office_hours(rng, now, days_ago);
    let decided_at = published_at - TimeDelta::minutes(rng.random_range(2 * 1440..25 * 1440));
    let created_at = decided_at - TimeDelta::minutes(rng.random_range(25 * 1440..180 * 1440));
    let mut row = request(rng, standards, State::Published, created_at);
    row.decided_at = Some(decided_at);
    row.published_at = Some(published_at);
    row.updated_at = published_at;
    // Generated without a submitter (contacts are only the open requests').
    row.personal_data_erased_at = Some(now);
    row.consider_at_revision = rng.random_bool(0.7);
    let (flag, note) = match rng.random_range(0..1000) {
        0..30 => (
            "superseded",
            format!("Superseded by a later clarification on clause {}.", row.clause),
        ),
        30..50 => (
            "incorporated",
            "Incorporated into the text of the revised edition of the standard.".to_owned(),
        ),
        50..55 => (
            "withdrawn",
            "Withdrawn: the maintenance group found that the answer went beyond the intent of the requirement.".to_owned(),
        ),
        _ => return row,
    };
    row.publication_flag = Some(flag);
    row.publication_flag_note = Some(note);
    row
}

/// Submitted in the last six weeks, waiting with the secretariat, the
/// submitter or the group (never old enough to expire).
fn open(rng: &mut StdRng, standards: &[Standard], now: NaiveDateTime) -> RequestRow {
    let state = *[State::Screening, State::InGroup, State::AwaitingSubmitter]
        .choose(rng)
        .expect("three states");
    let days_ago = rng.random_range(1..=42);
    let created_at = office_hours(rng, now, days_ago);
    let mut row = request(rng, standards, state, created_at);
    let confirmed_at = row.confirmed_at.unwrap_or(created_at);
    row.updated_at = match state {
        State::Screening => confirmed_at,
        _ => (confirmed_at + TimeDelta::days(rng.random_range(1..=3))).min(now),
    };
    row
}

/// The events the workspace relies on: confirmation, acceptance (which
/// opens the request to its group), the question, publication.
fn events_of(row: &RequestRow) -> Vec<EventRow> {
    if row.published_at.is_some() {
        return vec![EventRow::new(
            row,
            Action::Publish,
            Some(State::Decided),
            Some(NOTE),
            row.updated_at,
        )];
    }
    let confirm = EventRow {
        to_state: State::Screening.as_str(),
        actor_kind: "submitter",
        ..EventRow::new(
            row,
            Action::Confirm,
            Some(State::PendingConfirmation),
            None,
            row.confirmed_at.unwrap_or(row.created_at),
        )
    };
    let then =
        |action, note| EventRow::new(row, action, Some(State::Screening), note, row.updated_at);
    match State::parse(row.state) {
        Some(State::InGroup) => vec![confirm, then(Action::Accept, Some(NOTE))],
        Some(State::AwaitingSubmitter) => vec![
            confirm,
            then(
                Action::AskForInformation,
                Some(
                    "Please say which activity and which edition of the standard the question concerns (synthetic data).",
                ),
            ),
        ],
        _ => vec![confirm],
    }
}

/// A moment `days_ago` days before `now`, between 08:00 and 17:00 UTC.
fn office_hours(rng: &mut StdRng, now: NaiveDateTime, days_ago: i64) -> NaiveDateTime {
    let eight = NaiveTime::from_hms_opt(8, 0, 0).expect("a valid time");
    (now.date() - TimeDelta::days(days_ago)).and_time(eight)
        + TimeDelta::seconds(rng.random_range(0..9 * 3600))
}

/// Clause numbers as standards have them: `4.1`, `7.2.1`, `6.4.13`,
/// `7.2.1.5`, now and then `Annex A.2`.
fn clause(rng: &mut StdRng) -> String {
    if rng.random_ratio(1, 20) {
        let annex = ['A', 'B', 'C'].choose(rng).copied().unwrap_or('A');
        return format!("Annex {annex}.{}", rng.random_range(1..=6));
    }
    let depth = match rng.random_range(0..100) {
        0..15 => 1,
        15..60 => 2,
        60..90 => 3,
        _ => 4,
    };
    let mut clause = rng.random_range(4..=10).to_string();
    for level in 1..=depth {
        let most = if level == 2 { 13 } else { 9 };
        clause.push_str(&format!(".{}", rng.random_range(1..=most)));
    }
    clause
}

/// The body that applies a standard, for the text about it.
fn body_of(designation: &str) -> &'static str {
    const BODIES: [(&str, &str); 9] = [
        ("17025", "the laboratory"),
        ("17020", "the inspection body"),
        ("17011", "the accreditation body"),
        ("17043", "the proficiency testing provider"),
        ("17034", "the reference material producer"),
        ("17029", "the validation and verification body"),
        ("17024", "the certification body for persons"),
        ("17021", "the certification body"),
        ("17065", "the certification body"),
    ];
    BODIES
        .iter()
        .find(|(number, _)| designation.contains(number))
        .map_or("the conformity assessment body", |(_, body)| body)
}

/// A topic of conformity assessment and what the standards ask about it.
const TOPICS: [(&str, &str); 30] = [
    (
        "impartiality",
        "identify risks to its impartiality on an ongoing basis",
    ),
    (
        "measurement uncertainty",
        "evaluate the measurement uncertainty of its results",
    ),
    (
        "metrological traceability",
        "establish the metrological traceability of its measurement results",
    ),
    (
        "proficiency testing",
        "take part in proficiency testing or other interlaboratory comparisons",
    ),
    (
        "internal audit",
        "conduct internal audits at planned intervals",
    ),
    (
        "competence",
        "document the competence requirements for each function",
    ),
    (
        "sampling",
        "have a sampling plan and method based on appropriate statistical methods",
    ),
    (
        "decision rule",
        "agree the decision rule for statements of conformity with the customer",
    ),
    (
        "certification scheme",
        "operate the certification scheme as its owner defines it",
    ),
    (
        "surveillance audit",
        "plan surveillance audits at least once each calendar year",
    ),
    (
        "nonconformity",
        "evaluate the significance of each nonconformity",
    ),
    (
        "complaint",
        "record, investigate and decide on each complaint",
    ),
    (
        "records",
        "retain records of its activities for a defined period",
    ),
    (
        "confidentiality",
        "keep information obtained during its activities confidential",
    ),
    (
        "management review",
        "review its management system at planned intervals",
    ),
    (
        "risks and opportunities",
        "consider the risks and opportunities associated with its activities",
    ),
    (
        "method validation",
        "validate non-standard and modified methods",
    ),
    (
        "subcontracting",
        "remain responsible for work given to an external provider",
    ),
    ("appeals", "handle appeals through a documented process"),
    (
        "calibration",
        "calibrate measuring equipment at intervals it can justify",
    ),
    (
        "reference materials",
        "use certified reference materials where available",
    ),
    (
        "witnessing",
        "witness a representative sample of activities",
    ),
    (
        "remote assessment",
        "decide which activities may be assessed remotely",
    ),
    (
        "suspension of certification",
        "suspend certification when requirements are no longer met",
    ),
    (
        "use of marks",
        "control the use of its marks and certificates",
    ),
    (
        "corrective action",
        "take corrective action to eliminate the cause of a nonconformity",
    ),
    (
        "authorization of personnel",
        "authorize personnel for specific activities",
    ),
    (
        "scope of accreditation",
        "state its scope precisely and unambiguously",
    ),
    (
        "reporting of results",
        "report results accurately, clearly and unambiguously",
    ),
    (
        "document control",
        "control the documents of its management system",
    ),
];

const SITUATIONS: [&str; 16] = [
    "the activity is performed at the customer's premises",
    "part of the work is subcontracted to another body",
    "the activities take place at several sites in different countries",
    "the customer asks for a statement of conformity",
    "the personnel concerned are contracted rather than employed",
    "the scheme owner sets additional requirements",
    "results are issued only in electronic form",
    "the activity is carried out remotely using information and communication technology",
    "the same person performs the evaluation and the review",
    "a single person carries out all the activities",
    "a standard method is used without modification",
    "a regulator prescribes its own requirements for the activity",
    "the client is a related body under common ownership",
    "the activity is performed only a few times each year",
    "the equipment used belongs to the customer",
    "records are kept by an external service provider",
];

const CLOSINGS: [&str; 5] = [
    "Requirements set by regulators, scheme owners or accreditation bodies are outside the scope of the standard.",
    "This clarification does not add to the requirements of the standard.",
    "The maintenance group will consider clearer wording at the next revision.",
    "The notes to the clause give further guidance but are not requirements.",
    "",
];

/// The pieces one question and its answer are made of.
struct Text {
    body: &'static str,
    clause: String,
    topic: &'static str,
    duty: &'static str,
    other: &'static str,
    situation: &'static str,
}

impl Text {
    fn new(rng: &mut StdRng, standard: &Standard, clause: &str) -> Text {
        let (topic, duty) = *TOPICS.choose(rng).expect("topics");
        let (other, _) = *TOPICS.choose(rng).expect("topics");
        Text {
            body: body_of(&standard.designation),
            clause: clause.to_owned(),
            topic,
            duty,
            other,
            situation: SITUATIONS.choose(rng).copied().expect("situations"),
        }
    }

    fn question(&self, rng: &mut StdRng) -> String {
        let Text {
            body,
            clause,
            topic,
            duty,
            situation,
            ..
        } = self;
        match rng.random_range(0..5) {
            0 => format!("Does clause {clause} require {body} to {duty} when {situation}?"),
            1 => format!(
                "When {situation}, is {body} still expected under {clause} to {duty}, or does the requirement on {topic} apply differently?"
            ),
            2 => format!(
                "Clause {clause} addresses {topic}. Does the requirement apply in full when {situation}, or may {body} limit it to the activities it performs itself?"
            ),
            3 => format!(
                "Is it the intent of {clause} that {body} documents how it meets the requirement on {topic} separately for each activity, including when {situation}?"
            ),
            _ => format!(
                "How should {body} apply the requirement on {topic} in {clause} when {situation}? Our accreditation body and our assessors read it differently."
            ),
        }
    }

    fn answer(&self, rng: &mut StdRng) -> String {
        let Text {
            body,
            clause,
            topic,
            duty,
            other,
            situation,
        } = self;
        let opening = match rng.random_range(0..3) {
            0 => format!(
                "Yes. The intent of {clause} is that {body} is able to {duty} for all its activities, whoever performs them and wherever they are performed."
            ),
            1 => format!(
                "No. Clause {clause} states what is to be achieved, not how; {body} decides how to {duty} and is able to show that its approach is effective."
            ),
            _ => format!(
                "The requirement applies. Clause {clause} makes no exception for cases where {situation}, so {body} continues to {duty}."
            ),
        };
        let middle = match rng.random_range(0..5) {
            0 => {
                format!("Records need to show how the requirement on {topic} was met and by whom.")
            }
            1 => format!(
                "The extent of {other} can be based on the risks identified and on the results of earlier {topic} activities."
            ),
            2 => format!(
                "Where {situation}, {body} keeps the responsibility for the outcome and for the {topic} involved."
            ),
            3 => format!(
                "Evidence from {other}, internal audits and management review can be used to demonstrate this."
            ),
            _ => format!(
                "The standard sets no frequency for {topic}; {body} sets one that it can justify."
            ),
        };
        let closing = CLOSINGS.choose(rng).copied().unwrap_or_default();
        format!("{opening} {middle} {closing}")
            .trim_end()
            .to_owned()
    }
}

const COUNTRIES: [&str; 25] = [
    "DE", "FR", "KE", "IN", "US", "JP", "BR", "SE", "ZA", "IE", "SG", "MX", "NL", "EG", "GB", "KR",
    "NZ", "IT", "CA", "CN", "AU", "ES", "CH", "NG", "AR",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn rng() -> StdRng {
        StdRng::seed_from_u64(SEED)
    }

    #[test]
    fn clauses_look_like_clause_numbers() {
        let mut rng = rng();
        let clauses: Vec<String> = (0..2_000).map(|_| clause(&mut rng)).collect();
        for clause in &clauses {
            let numbered = clause
                .split('.')
                .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()));
            assert!(numbered || clause.starts_with("Annex "), "{clause}");
            assert!(clause.len() <= 50);
        }
        for wanted in ["Annex ", ".", "4"] {
            assert!(
                clauses
                    .iter()
                    .any(|c| c.starts_with(wanted) || c.contains(wanted))
            );
        }
        assert!(clauses.iter().any(|c| c.matches('.').count() == 3));
    }

    #[test]
    fn the_same_seed_gives_the_same_text() {
        let standard = Standard {
            id: "s".into(),
            slug: "iso-iec-17025-2017".into(),
            designation: "ISO/IEC 17025".into(),
            edition: 2017,
            title: "General requirements".into(),
            group_id: Some("g".into()),
            superseded_by_id: None,
            created_at: NaiveDateTime::default(),
            title_fr: None,
        };
        let texts = || {
            let mut rng = rng();
            (0..50)
                .map(|_| {
                    let text = Text::new(&mut rng, &standard, "7.2.1");
                    (text.question(&mut rng), text.answer(&mut rng))
                })
                .collect::<Vec<_>>()
        };
        let first = texts();
        assert_eq!(first, texts());
        for (question, answer) in &first {
            assert!((20..=5_000).contains(&question.len()), "{question}");
            assert!(question.contains("the laboratory") || question.contains("7.2.1"));
            assert!(answer.ends_with('.'), "{answer}");
        }
        let distinct: std::collections::HashSet<_> = first.iter().collect();
        assert!(distinct.len() > 40);
    }
}
