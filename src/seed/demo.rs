//! `clarion seed --demo`: accounts for every role, published sample
//! clarifications on several standards and requests in every state of the
//! lifecycle, so that a first look at Clarion has something to show.
//!
//! What the demo holds is written in `seed/demo.toml`. Each request is
//! played through the workflow's own steps, as the demo's people would take
//! them: the submitter sends the form and follows the confirmation link,
//! the secretariat screens, the group drafts, votes and decides, the
//! secretariat publishes, and the system closes what waited too long. Each
//! step happens at its moment in a made-up past, so that timelines read as
//! they would, in a context that mails nobody ([`Ctx::replay`]): the past
//! is made up and every address is on example.org (accounts) or
//! example.com (submitters). Demo requests are marked `is_sample`.
//!
//! Seeding is idempotent: accounts are matched by address, requests by their
//! question among the samples, and whatever already exists is left alone.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};
use diesel::prelude::*;
use serde::Deserialize;

use crate::db::schema::requests;
use crate::db::{self, DbConn};
use crate::domain::access::{Capacity, GroupRole};
use crate::domain::follow_up;
use crate::domain::intake::Answer;
use crate::domain::lifecycle::State;
use crate::domain::meeting::MeetingForm;
use crate::domain::password;
use crate::domain::submission::SubmissionInput;
use crate::models::requests as request_rows;
use crate::models::standards::Standard;
use crate::models::users::{self, User};
use crate::models::{groups, organisations, standards};
use crate::workflow::consultations::{self, ContactInput};
use crate::workflow::corrections::{self, Correction, Kind};
use crate::workflow::follow_ups::{self, Reconsidered};
use crate::workflow::registry::groups::{self as group_registry, MemberInput};
use crate::workflow::registry::{Outcome, Secretariat};
use crate::workflow::rounds::{Decision, MarkedTo};
use crate::workflow::submitter::{self, Confirmed};
use crate::workflow::translations::{self, TranslationInput};
use crate::workflow::workspace::{self, Acting};
use crate::workflow::{Ctx, WorkflowError, appeals, conflicts, endorsements, meetings, rounds};

/// The password of every demo account unless `CLARION_DEMO_PASSWORD` says
/// otherwise.
pub const DEFAULT_PASSWORD: &str = "clarion-demo";
pub const PASSWORD_VARIABLE: &str = "CLARION_DEMO_PASSWORD";

/// The address of the demo's secretariat account (in `seed/demo.toml`).
pub const SECRETARIAT_EMAIL: &str = "secretariat@example.org";

/// What demo requests carry in place of the keyed hash of a submitting
/// address (the hourly throttle never matches it).
const SUBMITTED_FROM: &str = "demo";

// ---------------------------------------------------------------------------
// What seed/demo.toml holds
// ---------------------------------------------------------------------------

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Demo {
    accounts: Vec<Account>,
    /// The member bodies and liaisons that sponsor the demo's requests,
    /// with the address each takes requests at.
    sponsors: Vec<Sponsor>,
    submitters: Vec<Submitter>,
    sample_rounds: SampleRounds,
    samples: Vec<Sample>,
    cases: Vec<Case>,
    consulted: Vec<Consulted>,
}

/// A liaison consulted before publication, at one address.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Consulted {
    /// Its acronym in the registry.
    liaison: String,
    email: String,
}

static BUILT_IN: LazyLock<Demo> = LazyLock::new(|| {
    toml::from_str(include_str!("../../seed/demo.toml"))
        .expect("seed/demo.toml is checked by the tests")
});

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sponsor {
    acronym: String,
    contact_email: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Account {
    email: String,
    name: String,
    #[serde(default)]
    secretariat: bool,
    /// The slug of a standard whose responsible group the account sits in,
    /// with `seat`.
    standard: Option<String>,
    seat: Option<Seat>,
    /// The acronym of the organisation that nominated them to the group.
    nominated_by: Option<String>,
    /// What they declared to the group.
    interests: Option<String>,
    /// The acronym of the member body or liaison whose sponsor account
    /// this is.
    sponsor: Option<String>,
}

impl Account {
    /// What the account may do, as the demo's summary lists it.
    fn role(&self) -> String {
        match (self.place(), &self.sponsor) {
            (Ok(Some((slug, seat))), _) => format!(
                "{} ({}) for {slug}",
                seat.role().as_str(),
                seat.capacity().as_str()
            ),
            (_, Some(acronym)) => format!("sponsor account of {acronym}"),
            _ if self.secretariat => "secretariat".to_owned(),
            _ => "no role".to_owned(),
        }
    }

    fn place(&self) -> Result<Option<(&str, Seat)>, DemoError> {
        match (&self.standard, self.seat) {
            (Some(standard), Some(seat)) => Ok(Some((standard, seat))),
            (None, None) => Ok(None),
            _ => Err(DemoError::Script(format!(
                "{} needs both a standard and a seat, or neither",
                self.email
            ))),
        }
    }
}

/// A place in a maintenance group: its convenor and two members are
/// experts; an observer reads and comments; a liaison's representative
/// votes only where the group lets liaisons vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Seat {
    Convenor,
    Member1,
    Member2,
    Observer,
    Liaison,
}

impl Seat {
    fn role(self) -> GroupRole {
        match self {
            Seat::Convenor => GroupRole::Convenor,
            Seat::Member1 | Seat::Member2 | Seat::Observer | Seat::Liaison => GroupRole::Member,
        }
    }

    fn capacity(self) -> Capacity {
        match self {
            Seat::Convenor | Seat::Member1 | Seat::Member2 => Capacity::Expert,
            Seat::Observer => Capacity::Observer,
            Seat::Liaison => Capacity::Liaison,
        }
    }
}

/// Someone who asks, as they fill in the request form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Submitter {
    name: String,
    email: String,
    organization: Option<String>,
    country: String,
    category: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleRounds {
    editorial_comment: String,
    /// Who votes with the secretariat, sitting in as convenor, in the
    /// groups without demo accounts: two experts, who cannot sign in.
    experts: [Expert; 2],
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expert {
    email: String,
    name: String,
}

/// A published clarification; its life is generated (`sample_plan`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Sample {
    key: String,
    standard: String,
    clause: String,
    submitter: String,
    published_days_ago: i64,
    consider_at_revision: bool,
    question: String,
    answer: String,
    /// An editorial correction issued after publication.
    correction: Option<SampleCorrection>,
    flag: Option<Flag>,
    /// Its French version, entered before publication and published
    /// with it.
    french: Option<SampleFrench>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleFrench {
    question: String,
    answer: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleCorrection {
    days_ago: i64,
    answer: String,
    note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Flag {
    kind: String,
    days_ago: i64,
    note: String,
    /// The slug of the edition that superseded or took it in, and where.
    #[serde(default)]
    standard: String,
    #[serde(default)]
    clause: String,
}

/// A request played from submission to where it stands today.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    key: String,
    standard: String,
    clause: String,
    submitter: String,
    /// Days before today of the last step.
    ends_days_ago: i64,
    question: String,
    background: Option<String>,
    proposed_answer: Option<String>,
    /// The acronym of the member body or liaison asked to endorse it.
    sponsor: Option<String>,
    steps: Vec<Timed>,
}

#[derive(Debug, Deserialize)]
struct Timed {
    /// Since the previous step (ignored for the first).
    #[serde(default)]
    after: Gap,
    #[serde(flatten)]
    step: Step,
}

#[derive(Debug, Default, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
struct Gap {
    #[serde(default)]
    days: i64,
    #[serde(default)]
    hours: i64,
}

impl Gap {
    fn delta(self) -> TimeDelta {
        days(self.days) + hours(self.hours)
    }
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

fn hours(n: i64) -> TimeDelta {
    TimeDelta::hours(n)
}

/// One thing someone does to a request; the texts are what they type.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
enum Step {
    /// The submitter follows the link of the confirmation mail.
    Confirm,
    Accept,
    Ask {
        text: String,
    },
    Reply {
        text: String,
    },
    /// The worker closes a request whose submitter did not reply in time.
    Expire,
    NotAdmissible {
        reason: String,
        note: String,
    },
    Refer {
        committee: String,
        note: String,
    },
    /// `of`: the key of the published sample it duplicates.
    Duplicate {
        of: String,
    },
    /// An internal comment.
    Comment {
        seat: Seat,
        text: String,
    },
    OpenRound {
        draft: String,
    },
    Vote {
        seat: Seat,
        position: String,
        comment: Option<String>,
        /// `none` when the voter, flagged for a possible conflict of
        /// interest, confirms they have none.
        conflict: Option<String>,
    },
    /// The final answer (the draft if none), the convenor's response to
    /// every opposition, and for a changed text how it changed
    /// (`editorial` or `substantive`) and why.
    CloseWithConsensus {
        answer: Option<String>,
        response: Option<String>,
        change: Option<String>,
        reason: Option<String>,
    },
    /// A decision taken at a meeting held `held_days_before` the step:
    /// who attended with their positions, the minutes (a reference, or
    /// their text) and the answer decided.
    RecordMeeting {
        held_days_before: i64,
        attended: Vec<Attendance>,
        minutes_reference: Option<String>,
        minutes_text: Option<String>,
        answer: String,
    },
    CloseWithoutConsensus {
        note: String,
    },
    CloseNoConsensus {
        note: String,
    },
    SendBack {
        note: String,
    },
    Publish {
        consider_at_revision: bool,
    },
    Mark {
        flag: String,
        standard: String,
        clause: String,
        note: String,
    },
    Withdraw,
    /// The submitter asks, from the tracking page, for the decision to be
    /// reconsidered: a new request, linked to this one.
    Reconsider {
        reasons: String,
    },
    /// The secretariat enters the French version of the question and
    /// answer.
    Translate {
        question: String,
        answer: String,
    },
    /// An editorial correction of the published answer.
    Correct {
        answer: String,
        note: String,
    },
    /// A correction that changes the published answer's meaning, sent to
    /// the group: the later steps are the follow-up's, until its
    /// publication makes the answer the clarification's next version.
    CorrectThroughGroup {
        answer: String,
        note: String,
    },
    /// The secretariat lodges an appeal received that day against the
    /// request's decision: from `organisation` (an acronym of the
    /// registry) or the submitter, with the public notice if `public`.
    LodgeAppeal {
        appellant_kind: String,
        organisation: Option<String>,
        name: String,
        email: String,
        grounds: String,
        public: bool,
    },
    /// The next step of the request's first appeal (`acknowledge`,
    /// `consider`, …), with a note.
    MoveAppeal {
        step: String,
        note: Option<String>,
    },
    /// The sponsor endorses the request by its link: on to screening.
    Endorse,
    /// The sponsor answers the request itself.
    AnswerLocally {
        text: String,
    },
    DeclineEndorsement {
        reason: String,
    },
    /// The worker closes a request its sponsor did not answer in time.
    ExpireEndorsement,
}

/// Someone who attended a meeting, and the position they took.
#[derive(Debug, Clone, Deserialize)]
struct Attendance {
    seat: Seat,
    position: String,
}

impl Step {
    /// How seed/demo.toml names it.
    fn name(&self) -> &'static str {
        match self {
            Step::Confirm => "confirm",
            Step::Accept => "accept",
            Step::Ask { .. } => "ask",
            Step::Reply { .. } => "reply",
            Step::Expire => "expire",
            Step::NotAdmissible { .. } => "not_admissible",
            Step::Refer { .. } => "refer",
            Step::Duplicate { .. } => "duplicate",
            Step::Comment { .. } => "comment",
            Step::OpenRound { .. } => "open_round",
            Step::Vote { .. } => "vote",
            Step::CloseWithConsensus { .. } => "close_with_consensus",
            Step::RecordMeeting { .. } => "record_meeting",
            Step::CloseWithoutConsensus { .. } => "close_without_consensus",
            Step::CloseNoConsensus { .. } => "close_no_consensus",
            Step::SendBack { .. } => "send_back",
            Step::Publish { .. } => "publish",
            Step::Mark { .. } => "mark",
            Step::Withdraw => "withdraw",
            Step::Reconsider { .. } => "reconsider",
            Step::Translate { .. } => "translate",
            Step::Correct { .. } => "correct",
            Step::CorrectThroughGroup { .. } => "correct_through_group",
            Step::LodgeAppeal { .. } => "lodge_appeal",
            Step::MoveAppeal { .. } => "move_appeal",
            Step::Endorse => "endorse",
            Step::AnswerLocally { .. } => "answer_locally",
            Step::DeclineEndorsement { .. } => "decline_endorsement",
            Step::ExpireEndorsement => "expire_endorsement",
        }
    }
}

// ---------------------------------------------------------------------------
// Plans: each request with the moment of each step
// ---------------------------------------------------------------------------

struct Plan<'d> {
    key: &'d str,
    standard: &'d str,
    clause: &'d str,
    question: &'d str,
    background: Option<&'d str>,
    proposed_answer: Option<&'d str>,
    submitter: &'d Submitter,
    sponsor: Option<&'d str>,
    steps: Vec<(NaiveDateTime, Step)>,
}

impl Plan<'_> {
    /// The request form as its submitter fills it in.
    fn form(&self) -> SubmissionInput {
        let who = self.submitter;
        let on = || Some("on".to_owned());
        SubmissionInput {
            name: who.name.clone(),
            email: who.email.clone(),
            organization: who.organization.clone().unwrap_or_default(),
            country: who.country.clone(),
            category: who.category.clone(),
            standard: self.standard.to_owned(),
            clause: self.clause.to_owned(),
            question: self.question.to_owned(),
            background: self.background.unwrap_or_default().to_owned(),
            proposed_answer: self.proposed_answer.unwrap_or_default().to_owned(),
            sponsor: String::new(),
            confirm_intent: on(),
            confirm_not_specific_case: on(),
            confirm_not_new_requirement: on(),
            confirm_publication: on(),
            website: String::new(),
        }
    }
}

impl Demo {
    fn built_in() -> &'static Demo {
        &BUILT_IN
    }

    fn submitter(&self, email: &str) -> Result<&Submitter, DemoError> {
        self.submitters
            .iter()
            .find(|s| s.email == email)
            .ok_or_else(|| DemoError::Script(format!("no submitter {email}")))
    }

    /// Every demo request, oldest submission first, so that references
    /// follow the order of submission within each year.
    fn plans(&self, now: NaiveDateTime) -> Result<Vec<Plan<'_>>, DemoError> {
        let mut plans = Vec::with_capacity(self.samples.len() + self.cases.len());
        for (i, sample) in self.samples.iter().enumerate() {
            plans.push(Plan {
                key: &sample.key,
                standard: &sample.standard,
                clause: &sample.clause,
                question: &sample.question,
                background: None,
                proposed_answer: None,
                submitter: self.submitter(&sample.submitter)?,
                sponsor: None,
                steps: self.sample_steps(now, i, sample),
            });
        }
        for case in &self.cases {
            let steps = case
                .steps
                .iter()
                .map(|timed| (timed.after.delta(), timed.step.clone()))
                .collect();
            plans.push(Plan {
                key: &case.key,
                standard: &case.standard,
                clause: &case.clause,
                question: &case.question,
                background: case.background.as_deref(),
                proposed_answer: case.proposed_answer.as_deref(),
                submitter: self.submitter(&case.submitter)?,
                sponsor: case.sponsor.as_deref(),
                steps: schedule(now, &case.key, case.ends_days_ago, steps),
            });
        }
        plans.sort_by_key(|plan| plan.steps.first().map(|(at, _)| *at));
        Ok(plans)
    }

    /// The life of a published sample: confirmed, accepted, one round,
    /// decided, published, and maybe marked later. The gaps vary with `i`.
    fn sample_steps(
        &self,
        now: NaiveDateTime,
        i: usize,
        sample: &Sample,
    ) -> Vec<(NaiveDateTime, Step)> {
        let n = i as i64;
        let mut steps = vec![
            (TimeDelta::zero(), Step::Confirm),
            (days(1 + n % 4) + hours(n % 5), Step::Accept),
            (
                days(8 + (n * 7) % 18) + hours((n * 3) % 7),
                Step::OpenRound {
                    draft: sample.answer.clone(),
                },
            ),
        ];
        // Every voter votes (in a group without demo accounts, those who
        // sit in); the round closes a day after its deadline.
        let vote = |seat, position: &str, comment: Option<&str>| Step::Vote {
            seat,
            position: position.to_owned(),
            comment: comment.map(str::to_owned),
            conflict: None,
        };
        let member2 = if i.is_multiple_of(3) {
            vote(
                Seat::Member2,
                "agree_with_comments",
                Some(&self.sample_rounds.editorial_comment),
            )
        } else {
            vote(Seat::Member2, "agree", None)
        };
        let votes = [
            (days(2) + hours(1), vote(Seat::Member1, "agree", None)),
            (days(3) + hours(4), member2),
            (days(4) + hours(2), vote(Seat::Convenor, "agree", None)),
        ];
        let voting: TimeDelta = votes.iter().map(|(gap, _)| *gap).sum();
        steps.extend(votes);
        steps.push((
            rounds::DEFAULT_ROUND + days(1) - voting,
            Step::CloseWithConsensus {
                answer: None,
                response: None,
                change: None,
                reason: None,
            },
        ));
        if let Some(french) = &sample.french {
            steps.push((
                days(1),
                Step::Translate {
                    question: french.question.clone(),
                    answer: french.answer.clone(),
                },
            ));
        }
        steps.push((
            days(3 + (n * 5) % 10) + hours(n % 3),
            Step::Publish {
                consider_at_revision: sample.consider_at_revision,
            },
        ));
        let mut ends = sample.published_days_ago;
        if let Some(correction) = &sample.correction {
            steps.push((
                days(ends - correction.days_ago),
                Step::Correct {
                    answer: correction.answer.clone(),
                    note: correction.note.clone(),
                },
            ));
            ends = correction.days_ago;
        }
        if let Some(flag) = &sample.flag {
            steps.push((
                days(ends - flag.days_ago),
                Step::Mark {
                    flag: flag.kind.clone(),
                    standard: flag.standard.clone(),
                    clause: flag.clause.clone(),
                    note: flag.note.clone(),
                },
            ));
            ends = flag.days_ago;
        }
        schedule(now, &sample.key, ends, steps)
    }
}

/// Places the steps in time, backwards from the last one: `ends_days_ago`
/// days before today, during office hours (UTC).
fn schedule(
    now: NaiveDateTime,
    key: &str,
    ends_days_ago: i64,
    steps: Vec<(TimeDelta, Step)>,
) -> Vec<(NaiveDateTime, Step)> {
    let spread = key
        .bytes()
        .fold(7_i64, |h, b| (h * 31 + i64::from(b)) % 1_000_003);
    let nine = NaiveTime::from_hms_opt(9, 0, 0).expect("a valid time");
    let end = (now.date() - TimeDelta::days(ends_days_ago.max(1))).and_time(nine)
        + TimeDelta::minutes(spread % 420);
    let mut at = end;
    let mut timed = Vec::with_capacity(steps.len());
    for (gap, step) in steps.into_iter().rev() {
        timed.push((at, step));
        at -= gap;
    }
    timed.reverse();
    timed
}

// ---------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the demo needs {0}, which is not in the database; load the built-in registry first")]
    Missing(String),
    #[error("the demo password: {0}")]
    Password(String),
    #[error("the demo script is inconsistent: {0}")]
    Script(String),
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
}

impl DemoError {
    /// A step the workflow refused: the demo script does not hold together.
    fn refused(what: &str, error: WorkflowError) -> DemoError {
        match error {
            WorkflowError::Database(e) => DemoError::Database(e),
            other => DemoError::Script(format!("{what}: {other}")),
        }
    }
}

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DemoReport {
    pub accounts_created: usize,
    pub memberships_created: usize,
    pub published_created: usize,
    pub requests_created: usize,
    /// Reference and plain tracking token of each open request created now:
    /// the submitter's link, which exists nowhere else.
    pub tracking_links: Vec<(String, String)>,
}

impl DemoReport {
    pub fn is_empty(&self) -> bool {
        self.accounts_created == 0 && self.memberships_created == 0 && self.requests_created == 0
    }

    /// What the person at the terminal needs to try the demo.
    pub fn summary(&self, base_url: &str) -> String {
        if self.is_empty() {
            return "demo: already loaded, nothing added".to_owned();
        }
        let mut text = format!(
            "demo: {} accounts, {} memberships, {} published sample clarifications and {} other requests added\n\
             accounts (password: ${PASSWORD_VARIABLE}, default {DEFAULT_PASSWORD}):\n",
            self.accounts_created,
            self.memberships_created,
            self.published_created,
            self.requests_created - self.published_created,
        );
        for account in &Demo::built_in().accounts {
            text.push_str(&format!("  {:<30} {}\n", account.email, account.role()));
        }
        if !self.tracking_links.is_empty() {
            text.push_str("tracking links of the open demo requests (shown only now):\n");
            for (reference, token) in &self.tracking_links {
                text.push_str(&format!("  {reference}  {base_url}/track/{token}\n"));
            }
        }
        text.trim_end().to_owned()
    }
}

/// Adds the demo to a database whose registry is loaded; what exists
/// already is left as it is. Everything happens in one write transaction.
pub fn seed(
    conn: &mut DbConn,
    password: &str,
    now: NaiveDateTime,
) -> Result<DemoReport, DemoError> {
    password::check_new(password, password).map_err(|m| DemoError::Password(m.english()))?;
    let demo = Demo::built_in();
    let plans = demo.plans(now)?;
    // Hashing is slow: once, outside the transaction, and only if needed.
    let mut missing = false;
    for account in &demo.accounts {
        missing |= users::find_by_email(conn, &account.email)?.is_none();
    }
    let hash = missing.then(|| password::hash(password));
    let since = plans
        .iter()
        .filter_map(|plan| plan.steps.first().map(|(at, _)| *at))
        .min()
        .unwrap_or(now)
        - TimeDelta::days(30);
    db::write_transaction(conn, |conn| {
        let mut report = DemoReport::default();
        // An address the secretariat keeps is left as it is.
        for sponsor in &demo.sponsors {
            let organisation =
                organisations::find_by_acronym(conn, &sponsor.acronym)?.ok_or_else(|| {
                    DemoError::Missing(format!("the organisation {}", sponsor.acronym))
                })?;
            if organisation.contact_email.is_none() {
                organisations::set_contact_email(
                    conn,
                    &organisation.id,
                    Some(&sponsor.contact_email),
                )?;
            }
        }
        let mut world = World::with_accounts(conn, demo, hash.as_deref(), since, &mut report)?;
        for plan in &plans {
            play(conn, &mut world, plan, &mut report)?;
        }
        world.consult_liaisons(conn, demo)?;
        world.leave(conn)?;
        Ok(report)
    })
}

/// Who sits where, and what the requests refer to.
struct World<'d> {
    secretariat: Secretariat,
    /// Who sit in with the secretariat where no demo account sits.
    experts: [User; 2],
    /// group id → seat → account
    crews: HashMap<String, HashMap<Seat, User>>,
    standards: HashMap<&'d str, Standard>,
    /// (group id, user id) of those who sat in a group without demo
    /// accounts while its samples were decided, to leave it afterwards.
    sat_in: Vec<(String, String)>,
    since: NaiveDateTime,
    /// plan key → reference
    references: HashMap<&'d str, String>,
}

impl<'d> World<'d> {
    /// The liaisons consulted from now on, unless the secretariat chose
    /// some already; the demo's decided requests are then with them, as of
    /// their decision.
    fn consult_liaisons(&self, conn: &mut DbConn, demo: &Demo) -> Result<(), DemoError> {
        let refused = |e| DemoError::refused("the consulted liaisons", e);
        let configured = consultations::configuration(conn, &self.secretariat).map_err(refused)?;
        if !configured.consulted.is_empty() {
            return Ok(());
        }
        for consulted in &demo.consulted {
            let organisation = organisations::find_by_acronym(conn, &consulted.liaison)?
                .ok_or_else(|| DemoError::Missing(format!("the liaison {}", consulted.liaison)))?;
            let input = ContactInput {
                organisation: organisation.id,
                email: consulted.email.clone(),
            };
            match consultations::add_contact(conn, &self.secretariat, &input, self.since)
                .map_err(refused)?
            {
                Outcome::Done(()) => {}
                Outcome::Refused(errors) => {
                    return Err(DemoError::Script(format!(
                        "the liaison {}: {:?}",
                        consulted.liaison,
                        errors.as_slice()
                    )));
                }
            }
        }
        for reference in self.references.values() {
            if let Some(request) = request_rows::find_by_reference(conn, reference)? {
                consultations::open_since_decision(conn, &request).map_err(refused)?;
            }
        }
        Ok(())
    }

    /// Creates the accounts that do not exist yet, and seats them.
    fn with_accounts(
        conn: &mut DbConn,
        demo: &'d Demo,
        hash: Option<&str>,
        since: NaiveDateTime,
        report: &mut DemoReport,
    ) -> Result<Self, DemoError> {
        let mut accounts = Vec::with_capacity(demo.accounts.len());
        for account in &demo.accounts {
            let user = match users::find_by_email(conn, &account.email)? {
                Some(user) => user,
                None => {
                    let id = db::new_id();
                    let sponsor = match &account.sponsor {
                        Some(acronym) => Some(
                            organisations::find_by_acronym(conn, acronym)?
                                .ok_or_else(|| {
                                    DemoError::Missing(format!("the organisation {acronym}"))
                                })?
                                .id,
                        ),
                        None => None,
                    };
                    users::insert(
                        conn,
                        &users::NewUser {
                            id: &id,
                            email: &account.email,
                            name: &account.name,
                            password_hash: Some(hash.ok_or_else(|| {
                                DemoError::Script("an account appeared during seeding".into())
                            })?),
                            is_secretariat: account.secretariat,
                            active: true,
                            created_at: since,
                            sponsor_organisation_id: sponsor.as_deref(),
                        },
                    )?;
                    report.accounts_created += 1;
                    users::find(conn, &id)?
                }
            };
            accounts.push((account, user));
        }
        let secretariat = accounts
            .iter()
            .find(|(account, _)| account.secretariat)
            .map(|(_, user)| Secretariat::of(user.clone()))
            .ok_or_else(|| DemoError::Script("no secretariat account".into()))?
            .map_err(|e| DemoError::refused(SECRETARIAT_EMAIL, e))?;
        let [first, second] = &demo.sample_rounds.experts;
        let experts = [
            Self::expert(conn, first, since, report)?,
            Self::expert(conn, second, since, report)?,
        ];
        let mut world = World {
            secretariat,
            experts,
            crews: HashMap::new(),
            standards: HashMap::new(),
            sat_in: Vec::new(),
            since,
            references: HashMap::new(),
        };
        for (account, user) in accounts {
            let Some((slug, seat)) = account.place()? else {
                continue;
            };
            let group_id = world.group_of(conn, slug)?;
            if groups::role_of(conn, &group_id, &user.id)?.is_none() {
                let nominated_by = match &account.nominated_by {
                    Some(acronym) => Some(
                        organisations::find_by_acronym(conn, acronym)?
                            .ok_or_else(|| {
                                DemoError::Missing(format!("the organisation {acronym}"))
                            })?
                            .id,
                    ),
                    None => None,
                };
                let terms = MemberInput {
                    capacity: seat.capacity().as_str().to_owned(),
                    nominated_by: nominated_by.unwrap_or_default(),
                    interests: account.interests.clone().unwrap_or_default(),
                    ..MemberInput::default()
                };
                world.join(conn, &group_id, &user, seat.role(), terms)?;
                report.memberships_created += 1;
            }
            world.crews.entry(group_id).or_default().insert(seat, user);
        }
        Ok(world)
    }

    /// An expert who sits in where no demo account sits: an account
    /// without a password, which nobody signs in to.
    fn expert(
        conn: &mut DbConn,
        expert: &Expert,
        since: NaiveDateTime,
        report: &mut DemoReport,
    ) -> Result<User, DemoError> {
        if let Some(user) = users::find_by_email(conn, &expert.email)? {
            return Ok(user);
        }
        let id = db::new_id();
        users::insert(
            conn,
            &users::NewUser {
                id: &id,
                email: &expert.email,
                name: &expert.name,
                password_hash: None,
                is_secretariat: false,
                active: true,
                created_at: since,
                sponsor_organisation_id: None,
            },
        )?;
        report.accounts_created += 1;
        Ok(users::find(conn, &id)?)
    }

    fn standard(&mut self, conn: &mut DbConn, slug: &'d str) -> Result<Standard, DemoError> {
        if let Some(standard) = self.standards.get(slug) {
            return Ok(standard.clone());
        }
        let (standard, _) = standards::find_by_slug(conn, slug)?
            .ok_or_else(|| DemoError::Missing(format!("the standard {slug}")))?;
        self.standards.insert(slug, standard.clone());
        Ok(standard)
    }

    fn group_of(&mut self, conn: &mut DbConn, slug: &'d str) -> Result<String, DemoError> {
        self.standard(conn, slug)?.group_id.ok_or_else(|| {
            DemoError::Missing(format!("a maintenance group responsible for {slug}"))
        })
    }

    /// The secretariat adds someone to a group, as on the group's page, on
    /// the terms typed in `terms` (from the day the demo's past begins).
    fn join(
        &self,
        conn: &mut DbConn,
        group_id: &str,
        user: &User,
        role: GroupRole,
        terms: MemberInput,
    ) -> Result<(), DemoError> {
        let input = MemberInput {
            user: user.id.clone(),
            role: role.as_str().to_owned(),
            ..terms
        };
        let joined =
            group_registry::add_member(conn, &self.secretariat, group_id, &input, self.since)
                .map_err(|e| DemoError::refused(&user.email, e))?;
        match joined {
            Outcome::Done(()) => Ok(()),
            Outcome::Refused(errors) => Err(DemoError::Script(format!(
                "{} cannot join a group: {:?}",
                user.email,
                errors.as_slice()
            ))),
        }
    }

    /// The group's crew: its demo accounts or, in a group without any, the
    /// secretariat as convenor and the two experts as members, who sit in
    /// until the demo is played. Someone already in the group acts there
    /// as they are, and stays.
    fn crew(
        &mut self,
        conn: &mut DbConn,
        group_id: Option<&str>,
    ) -> Result<&HashMap<Seat, User>, DemoError> {
        let group_id = group_id.ok_or_else(|| DemoError::Script("no group".into()))?;
        if !self.crews.contains_key(group_id) {
            let [first, second] = self.experts.clone();
            let sitting = [
                (
                    Seat::Convenor,
                    self.secretariat.user().clone(),
                    GroupRole::Convenor,
                ),
                (Seat::Member1, first, GroupRole::Member),
                (Seat::Member2, second, GroupRole::Member),
            ];
            let mut crew = HashMap::new();
            for (seat, user, role) in sitting {
                if groups::role_of(conn, group_id, &user.id)?.is_none() {
                    self.join(conn, group_id, &user, role, MemberInput::default())?;
                    self.sat_in.push((group_id.to_owned(), user.id.clone()));
                }
                crew.insert(seat, user);
            }
            self.crews.insert(group_id.to_owned(), crew);
        }
        Ok(&self.crews[group_id])
    }

    /// Who sits in `seat` of the group.
    fn seated(
        &mut self,
        conn: &mut DbConn,
        group_id: Option<&str>,
        seat: Seat,
    ) -> Result<User, DemoError> {
        self.crew(conn, group_id)?
            .get(&seat)
            .cloned()
            .ok_or_else(|| DemoError::Script(format!("nobody sits as {seat:?} there")))
    }

    fn convenor(&mut self, conn: &mut DbConn, group_id: Option<&str>) -> Result<User, DemoError> {
        self.seated(conn, group_id, Seat::Convenor)
    }

    /// Those who sat in leave the groups again.
    fn leave(self, conn: &mut DbConn) -> Result<(), DemoError> {
        for (group_id, user_id) in &self.sat_in {
            group_registry::remove_member(conn, &self.secretariat, group_id, user_id, true)
                .map_err(|e| DemoError::refused(SECRETARIAT_EMAIL, e))?;
        }
        Ok(())
    }
}

/// Sends one request through the form and plays its steps, unless it
/// exists already.
fn play<'d>(
    conn: &mut DbConn,
    world: &mut World<'d>,
    plan: &Plan<'d>,
    report: &mut DemoReport,
) -> Result<(), DemoError> {
    let existing: Option<Option<String>> = requests::table
        .filter(requests::is_sample.eq(true))
        .filter(requests::question.eq(plan.question))
        // Its follow-ups ask the same question later.
        .order((requests::created_at, requests::id))
        .select(requests::reference)
        .first(conn)
        .optional()?;
    if let Some(reference) = existing {
        world.references.extend(reference.map(|r| (plan.key, r)));
        return Ok(());
    }
    let script = |message: String| DemoError::Script(format!("{}: {message}", plan.key));
    let standard = world.standard(conn, plan.standard)?;
    // The standard took requests when the demo says it was asked; it may be
    // superseded by now.
    let submission = plan
        .form()
        .validate(|_| true)
        .map_err(|errors| script(format!("the form refuses it: {:?}", errors.as_slice())))?;
    let first = plan
        .steps
        .first()
        .ok_or_else(|| script("no steps".into()))?
        .0;
    // Sent a little before the confirmation link was followed.
    let ctx = Ctx::replay(first - TimeDelta::minutes(23));
    let sponsor = match plan.sponsor {
        Some(acronym) => Some(
            organisations::find_by_acronym(conn, acronym)?
                .ok_or_else(|| script(format!("no organisation {acronym}")))?
                .id,
        ),
        None => None,
    };
    let (id, confirm_token) =
        submitter::store_submission(conn, &ctx, &submission, &standard, SUBMITTED_FROM, sponsor)
            .map_err(|e| DemoError::refused(plan.key, e))?;
    request_rows::mark_sample(conn, &id)?;
    let mut player = Player {
        id,
        confirm_token: Some(confirm_token),
        track_token: None,
        follow_up: None,
        corrected: None,
    };
    for (n, (at, step)) in plan.steps.iter().enumerate() {
        let what = format!("{}, step {} ({})", plan.key, n + 1, step.name());
        player.step(conn, world, &ctx.at(*at), step, &what)?;
    }
    if let Some(corrected) = &player.corrected {
        request_rows::mark_sample(conn, &player.id)?;
        report.requests_created += 1;
        player.id = corrected.clone();
    }
    let request = request_rows::find(conn, &player.id)?;
    let reference = request
        .reference
        .clone()
        .ok_or_else(|| script("never confirmed".into()))?;
    if let (true, Some(token)) = (request.state.is_open(), player.track_token) {
        report.tracking_links.push((reference.clone(), token));
    }
    if request.state == State::Published {
        report.published_created += 1;
    }
    report.requests_created += 1;
    if let Some((follow_up, token)) = player.follow_up {
        let id = request_rows::find_by_reference(conn, &follow_up)?
            .ok_or_else(|| script("its follow-up vanished".into()))?
            .id;
        request_rows::mark_sample(conn, &id)?;
        report.tracking_links.push((follow_up, token));
        report.requests_created += 1;
    }
    world.references.insert(plan.key, reference);
    Ok(())
}

/// One request on its way, with the submitter's private links.
struct Player {
    id: String,
    confirm_token: Option<String>,
    track_token: Option<String>,
    /// The reference and tracking token of the request that follows it.
    follow_up: Option<(String, String)>,
    /// The published request whose correction this player now plays, as
    /// its follow-up (`id`).
    corrected: Option<String>,
}

impl Player {
    /// Takes one step as its person would, through the workflow function
    /// behind their button.
    fn step(
        &mut self,
        conn: &mut DbConn,
        world: &mut World<'_>,
        ctx: &Ctx,
        step: &Step,
        what: &str,
    ) -> Result<(), DemoError> {
        let request = request_rows::find(conn, &self.id)?;
        let reference = request.reference.clone().unwrap_or_default();
        let group = request.group_id.as_deref();
        let version = request.version;
        let secretariat = world.secretariat.user().clone();
        let as_secretariat = Acting {
            user: &secretariat,
            reference: &reference,
            version,
        };
        let refused = |e| DemoError::refused(what, e);
        let script = |message: &str| DemoError::Script(format!("{what}: {message}"));
        match step {
            Step::Confirm => {
                let token = self
                    .confirm_token
                    .take()
                    .ok_or_else(|| script("confirmed twice"))?;
                match submitter::confirm(conn, ctx, &token).map_err(refused)? {
                    Confirmed::Now { track_token, .. } => self.track_token = Some(track_token),
                    Confirmed::Before => return Err(script("confirmed before")),
                }
            }
            Step::Accept => {
                // A request goes to a group with someone to answer it.
                world.crew(conn, group)?;
                workspace::accept(conn, ctx, &as_secretariat, "").map_err(refused)?;
            }
            Step::Ask { text } => {
                workspace::ask(conn, ctx, &as_secretariat, text).map_err(refused)?;
            }
            Step::Reply { text } => {
                let token = self.track_token.as_deref().unwrap_or_default();
                submitter::reply(conn, ctx, token, version, text).map_err(refused)?;
            }
            Step::Expire => {
                submitter::expire_unanswered(conn, ctx).map_err(refused)?;
                if request_rows::find(conn, &self.id)?.state != State::Closed {
                    return Err(script("not due to expire then"));
                }
            }
            Step::Endorse => {
                endorsements::answer_request(conn, ctx, &self.id, &Answer::Endorse, None)
                    .map_err(refused)?;
            }
            Step::AnswerLocally { text } => {
                let answer = Answer::AnswerLocally(text.clone());
                endorsements::answer_request(conn, ctx, &self.id, &answer, None)
                    .map_err(refused)?;
            }
            Step::DeclineEndorsement { reason } => {
                let answer = Answer::Decline(reason.clone());
                endorsements::answer_request(conn, ctx, &self.id, &answer, None)
                    .map_err(refused)?;
            }
            Step::ExpireEndorsement => {
                endorsements::expire(conn, ctx).map_err(refused)?;
                if request_rows::find(conn, &self.id)?.state != State::Closed {
                    return Err(script("not due to lapse then"));
                }
            }
            Step::NotAdmissible { reason, note } => {
                workspace::not_admissible(conn, ctx, &as_secretariat, reason, note, true)
                    .map_err(refused)?;
            }
            Step::Refer { committee, note } => {
                workspace::refer(conn, ctx, &as_secretariat, committee, note).map_err(refused)?;
            }
            Step::Duplicate { of } => {
                let original = world
                    .references
                    .get(of.as_str())
                    .ok_or_else(|| script("the published sample comes later"))?;
                workspace::duplicate(conn, ctx, &as_secretariat, original).map_err(refused)?;
            }
            Step::Comment { seat, text } => {
                let member = world.seated(conn, group, *seat)?;
                workspace::comment(conn, ctx, &member, &reference, text).map_err(refused)?;
            }
            Step::OpenRound { draft } => {
                let convenor = world.convenor(conn, group)?;
                let acting = Acting {
                    user: &convenor,
                    reference: &reference,
                    version,
                };
                rounds::open(conn, ctx, &acting, draft, "").map_err(refused)?;
            }
            Step::Vote {
                seat,
                position,
                comment,
                conflict,
            } => {
                let member = world.seated(conn, group, *seat)?;
                let acting = Acting {
                    user: &member,
                    reference: &reference,
                    version,
                };
                let comment = comment.as_deref().unwrap_or_default();
                let declared = (conflict.as_deref().unwrap_or_default(), "");
                conflicts::vote(conn, ctx, &acting, declared, position, comment)
                    .map_err(refused)?;
            }
            Step::CloseWithConsensus {
                answer,
                response,
                change,
                reason,
            } => {
                let convenor = world.convenor(conn, group)?;
                let acting = Acting {
                    user: &convenor,
                    reference: &reference,
                    version,
                };
                // What the convenor's page shows: the draft and the
                // oppositions, each answered with the response given.
                let page = workspace::request_page(conn, &convenor, &reference, ctx.now, true)
                    .map_err(refused)?;
                let round = page.round.ok_or_else(|| script("no round to close"))?;
                for opposition in round.oppositions() {
                    let response = response
                        .as_deref()
                        .ok_or_else(|| script("an opposition needs a response"))?;
                    rounds::respond(conn, ctx, &acting, &opposition.id, response)
                        .map_err(refused)?;
                }
                let answer = answer.as_deref().unwrap_or(&round.round.draft_answer);
                let decision = Decision {
                    final_answer: answer,
                    change_class: change.as_deref().unwrap_or_default(),
                    change_reason: reason.as_deref().unwrap_or_default(),
                };
                rounds::close_with_consensus(conn, ctx, &acting, &decision).map_err(refused)?;
            }
            Step::RecordMeeting {
                held_days_before,
                attended,
                minutes_reference,
                minutes_text,
                answer,
            } => {
                let convenor = world.convenor(conn, group)?;
                let acting = Acting {
                    user: &convenor,
                    reference: &reference,
                    version,
                };
                let mut attendance = Vec::new();
                for person in attended {
                    let member = world.seated(conn, group, person.seat)?;
                    attendance.push((member.id, person.position.clone()));
                }
                let held_on = ctx.now - TimeDelta::days(*held_days_before);
                let form = MeetingForm {
                    held_on: held_on.format("%Y-%m-%d").to_string(),
                    attendance,
                    minutes_reference: minutes_reference.clone().unwrap_or_default(),
                    minutes_text: minutes_text.clone().unwrap_or_default(),
                    answer: answer.clone(),
                };
                meetings::record(conn, ctx, &acting, &form).map_err(refused)?;
            }
            Step::CloseWithoutConsensus { note } => {
                let convenor = world.convenor(conn, group)?;
                let acting = Acting {
                    user: &convenor,
                    reference: &reference,
                    version,
                };
                rounds::close_without_consensus(conn, ctx, &acting, note, true).map_err(refused)?;
            }
            Step::CloseNoConsensus { note } => {
                let convenor = world.convenor(conn, group)?;
                let acting = Acting {
                    user: &convenor,
                    reference: &reference,
                    version,
                };
                rounds::close_no_consensus(conn, ctx, &acting, note, true).map_err(refused)?;
            }
            Step::SendBack { note } => {
                rounds::send_back(conn, ctx, &as_secretariat, note).map_err(refused)?;
            }
            Step::Publish {
                consider_at_revision,
            } => {
                rounds::publish(conn, ctx, &as_secretariat, *consider_at_revision)
                    .map_err(refused)?;
            }
            Step::Mark {
                flag,
                standard,
                clause,
                note,
            } => {
                let to = MarkedTo {
                    standard,
                    clause,
                    ..MarkedTo::default()
                };
                rounds::mark_publication(conn, ctx, &as_secretariat, flag, to, note)
                    .map_err(refused)?;
            }
            Step::Withdraw => {
                let token = self.track_token.as_deref().unwrap_or_default();
                submitter::withdraw(conn, ctx, token, version).map_err(refused)?;
            }
            Step::Reconsider { reasons } => {
                let token = self.track_token.as_deref().unwrap_or_default();
                let days = follow_up::DEFAULT_WINDOW_DAYS;
                match follow_ups::reconsider(conn, ctx, token, reasons, days).map_err(refused)? {
                    Reconsidered::Now {
                        track_token,
                        reference,
                    } => self.follow_up = Some((reference, track_token)),
                    Reconsidered::Refused(window) => {
                        return Err(script(&format!("not reconsidered: {window:?}")));
                    }
                }
            }
            Step::Translate { question, answer } => {
                let typed = TranslationInput {
                    question: question.clone(),
                    answer: answer.clone(),
                    version,
                };
                if let Outcome::Refused(errors) =
                    translations::enter(conn, ctx, &as_secretariat, &typed).map_err(refused)?
                {
                    return Err(script(&format!("a French version refused: {errors:?}")));
                }
            }
            Step::Correct { answer, note } => {
                let correction = Correction {
                    question: &request.question,
                    answer,
                    note,
                    kind: Kind::Editorial,
                };
                corrections::correct(conn, ctx, &as_secretariat, &correction).map_err(refused)?;
            }
            Step::CorrectThroughGroup { answer, note } => {
                let correction = Correction {
                    question: &request.question,
                    answer,
                    note,
                    kind: Kind::Substantive,
                };
                let follow_up =
                    follow_ups::propose_correction(conn, ctx, &as_secretariat, &correction)
                        .map_err(refused)?;
                let follow_up = request_rows::find_by_reference(conn, &follow_up)?
                    .ok_or_else(|| script("its follow-up vanished"))?;
                self.corrected = Some(std::mem::replace(&mut self.id, follow_up.id));
            }
            Step::LodgeAppeal {
                appellant_kind,
                organisation,
                name,
                email,
                grounds,
                public,
            } => {
                let organisation = match organisation {
                    Some(acronym) => {
                        organisations::find_by_acronym(conn, acronym)?
                            .ok_or_else(|| {
                                DemoError::Missing(format!("the organisation {acronym}"))
                            })?
                            .id
                    }
                    None => String::new(),
                };
                let form = appeals::LodgeForm {
                    version,
                    appellant_kind: appellant_kind.clone(),
                    organisation,
                    name: name.clone(),
                    email: email.clone(),
                    grounds: grounds.clone(),
                    received_on: ctx.now.date().to_string(),
                    public_notice: public.then(|| "on".to_owned()),
                };
                appeals::lodge(conn, ctx, &as_secretariat, &form).map_err(refused)?;
            }
            Step::MoveAppeal { step, note } => {
                let form = appeals::StepForm {
                    version,
                    step: step.clone(),
                    note: note.clone().unwrap_or_default(),
                    ..appeals::StepForm::default()
                };
                appeals::take_step(conn, ctx, &as_secretariat, 1, &form).map_err(refused)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> usize {
        text.matches(". ").count() + usize::from(text.ends_with('.'))
    }

    /// Sponsor accounts are neither secretariat nor in a group, and the
    /// summary must not tell the person trying the demo otherwise.
    #[test]
    fn the_summary_names_each_account_as_it_is() {
        let report = DemoReport {
            accounts_created: 1,
            ..DemoReport::default()
        };
        let summary = report.summary("http://x");
        let role_of = |email: &str| {
            summary
                .lines()
                .find_map(|line| line.trim().strip_prefix(email))
                .map(str::trim)
                .unwrap_or_else(|| panic!("{email} is not listed: {summary}"))
        };
        assert_eq!(role_of("secretariat@example.org"), "secretariat");
        assert_eq!(
            role_of("sponsor.afnor@example.org"),
            "sponsor account of AFNOR"
        );
        assert_eq!(role_of("sponsor.iaf@example.org"), "sponsor account of IAF");
        assert_eq!(
            role_of("convenor.17025@example.org"),
            "convenor (expert) for iso-iec-17025-2017"
        );
    }

    #[test]
    fn every_sample_reads_like_a_clarification() {
        let demo = Demo::built_in();
        for sample in &demo.samples {
            let n = sentences(&sample.answer);
            assert!((2..=6).contains(&n), "{}: {n} sentences", sample.key);
            assert!(sample.published_days_ago <= 730, "{}", sample.key);
        }
        let mut standards: Vec<_> = demo.samples.iter().map(|s| &s.standard).collect();
        standards.sort_unstable();
        standards.dedup();
        assert!(demo.samples.len() >= 25 && standards.len() >= 5);
    }

    #[test]
    fn every_request_passes_the_form_and_names_its_people() {
        let demo = Demo::built_in();
        for plan in demo.plans(chrono::Utc::now().naive_utc()).unwrap() {
            if let Err(errors) = plan.form().validate(|_| true) {
                panic!("{}: {:?}", plan.key, errors.as_slice());
            }
            let email = &plan.submitter.email;
            assert!(email.ends_with("@example.com"), "{email}");
        }
        let secretariat: Vec<_> = demo.accounts.iter().filter(|a| a.secretariat).collect();
        assert_eq!(secretariat.len(), 1);
        assert_eq!(secretariat[0].email, SECRETARIAT_EMAIL);
        assert!(secretariat[0].place().unwrap().is_none());
        for account in &demo.accounts {
            assert!(account.email.ends_with("@example.org"), "{}", account.email);
            // Everyone sits in a group but the secretariat and the
            // sponsors' accounts.
            let seated = !account.secretariat && account.sponsor.is_none();
            assert_eq!(account.place().unwrap().is_some(), seated);
        }
    }

    #[test]
    fn keys_and_questions_identify_one_request_each() {
        let demo = Demo::built_in();
        let plans = demo.plans(chrono::Utc::now().naive_utc()).unwrap();
        let keys: std::collections::HashSet<_> = plans.iter().map(|p| p.key).collect();
        let questions: std::collections::HashSet<_> = plans.iter().map(|p| p.question).collect();
        assert_eq!(keys.len(), plans.len());
        assert_eq!(questions.len(), plans.len());
    }

    #[test]
    fn steps_are_in_order_and_in_the_past() {
        let now = chrono::Utc::now().naive_utc();
        for plan in Demo::built_in().plans(now).unwrap() {
            let times: Vec<_> = plan.steps.iter().map(|(at, _)| *at).collect();
            assert!(times.is_sorted(), "{}", plan.key);
            assert!(times.last().unwrap() < &now, "{}", plan.key);
            assert!(
                times.first().unwrap() > &(now - TimeDelta::days(830)),
                "{}",
                plan.key
            );
        }
    }
}
