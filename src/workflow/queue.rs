//! My queue: what waits for each person of the workspace, most urgent first.
//! Each open request's task comes from asking the lifecycle what this person
//! may do with it now; the secretariat also follows what others must do by
//! a deadline, the groups nobody convenes, and, on a fresh install, what is
//! left to set up.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDateTime, NaiveTime, TimeDelta};

use super::WorkflowError;
use super::rounds::{facts_of, unanswered_oppositions};
use super::submitter::REPLY_WINDOW;
use crate::db::DbConn;
use crate::domain::access::Standing;
use crate::domain::consensus::{self, Quorum};
use crate::domain::consultation::Hold;
use crate::domain::follow_up::Kind;
use crate::domain::lifecycle::{self, Action, Actor, State};
use crate::models::groups::Group;
use crate::models::requests::{self, QueueRow, Shown};
use crate::models::rounds::{self, ListedVoter, Round, VoteView};
use crate::models::settings::{self, Key};
use crate::models::users::User;
use crate::models::{appeals, events, follow_ups, groups};
use crate::search::{Census, RequestIndex};

/// How long before the reply window closes the secretariat hears of it.
const REPLY_WARNING: TimeDelta = TimeDelta::days(5);

/// Rows on a page of the queue.
pub const PER_PAGE: usize = 50;

/// What a person is expected to do about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Task {
    /// The secretariat screens a new request…
    Screen,
    /// …or screens again once the submitter replied to its question.
    ScreenReply,
    /// The submitter's time to reply runs out soon.
    ReplyDueSoon,
    PublishOrSendBack,
    /// The decided answer is with the liaisons until the item's date.
    WithLiaisons,
    /// Liaisons commented on the decided answer: respond, or send it back.
    RespondToLiaisons,
    /// A round ran past its deadline; its convenor must close it.
    RoundOverdue,
    OpenRound,
    /// The convenor answers the opposition of the voter the item names.
    AnswerOpposition,
    /// The closing rules let the convenor record consensus.
    CloseRound,
    /// The deadline passed without quorum: the convenor decides how to go
    /// on.
    NoQuorum,
    Vote,
    /// A decision this person voted on is open to their objection until
    /// the item's date.
    OpenToObjection,
    /// The request is with a group that has no convenor to take it
    /// forward: the secretariat appoints one.
    AppointConvenor,
    /// An appeal's next step is due by the item's date (`until`); the item
    /// names the appellant.
    Appeal,
}

/// One thing waiting for me.
pub struct Item {
    pub reference: String,
    pub standard: String,
    pub clause: String,
    pub question: String,
    pub task: Task,
    pub since: NaiveDateTime,
    /// Past its deadline (or close to the reply window's end).
    pub overdue: bool,
    /// Whom the task concerns: the voter whose opposition awaits an answer.
    pub person: Option<String>,
    /// Until when it may be done.
    pub until: Option<NaiveDateTime>,
    /// The request's group, for the secretariat: where a convenor is
    /// appointed.
    pub group: Option<Group>,
    /// For a follow-up: why, and the reference of the request it follows.
    pub follows: Option<(Kind, String)>,
    /// "AFNOR (FR)", for a request that names its sponsor.
    pub sponsor: Option<String>,
}

/// One thing waiting for me, before what the page shows of its request is
/// read.
pub struct Waiting {
    request_id: String,
    pub reference: String,
    group: Option<Group>,
    todo: Todo,
}

impl Waiting {
    pub fn task(&self) -> Task {
        self.todo.task
    }

    /// Whom the task concerns: the voter whose opposition awaits an answer.
    pub fn person(&self) -> Option<&str> {
        self.todo.person.as_deref()
    }
}

/// What waits for one person.
pub struct Queue {
    /// By task, the kind with the most urgent item first; within a kind,
    /// overdue first, then the oldest.
    pub items: Vec<Waiting>,
    /// Requests in each state, for the secretariat; empty for the others.
    pub counts: Vec<(State, i64)>,
    /// For the secretariat: the groups without a convenor, with the
    /// standards in force each answers for.
    pub unconvened: Vec<(Group, Vec<String>)>,
    /// For the secretariat, until everything on it is done.
    pub checklist: Option<Checklist>,
}

/// What a fresh install needs before requests can flow, shown to the
/// secretariat until each is done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    /// Groups answering for a standard in force that have no convenor: a
    /// request on that standard could not be accepted.
    pub unconvened: usize,
    /// The secretariat confirmed that the standards, groups and committees
    /// seeded are right.
    pub registry_checked: bool,
    /// Mail goes to a mail server rather than into files.
    pub mail_server: bool,
}

impl Checklist {
    pub fn convenors_invited(&self) -> bool {
        self.unconvened == 0
    }

    pub fn done(&self) -> bool {
        self.convenors_invited() && self.registry_checked && self.mail_server
    }
}

/// An open round as its group's convenor and voters see it.
struct RoundState<'a> {
    round: &'a Round,
    /// This person is on its voter list…
    listed: bool,
    /// …and has voted.
    voted: bool,
    /// Whether consensus may be recorded now.
    closable: bool,
    /// The oppositions without a response: who, and since when.
    unanswered: Vec<(String, NaiveDateTime)>,
    /// The latest vote, if any.
    last_vote: Option<NaiveDateTime>,
}

/// What is known of one open request besides its row.
struct Facts<'a> {
    state: State,
    updated_at: NaiveDateTime,
    /// Its open round, if any.
    round: Option<RoundState<'a>>,
    /// Its decided round open to this person's objection, if any.
    objectable: Option<&'a Round>,
    /// The submitter has replied to the secretariat at some point.
    replied: bool,
    /// Its group (if any) has a convenor.
    convened: bool,
    /// What holds its publication in the liaison consultation, if anything.
    hold: Option<Hold>,
}

/// One task with the moment it waits since, whether it is overdue, whom it
/// concerns and until when.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Todo {
    task: Task,
    since: NaiveDateTime,
    overdue: bool,
    person: Option<String>,
    until: Option<NaiveDateTime>,
}

impl Todo {
    fn new(task: Task, since: NaiveDateTime, overdue: bool) -> Todo {
        Todo {
            task,
            since,
            overdue,
            person: None,
            until: None,
        }
    }
}

/// The tasks one request sets this person.
fn tasks(standing: Standing, facts: &Facts<'_>, now: NaiveDateTime) -> Vec<Todo> {
    let may = |action| standing.decide(facts.state, action).is_ok();
    // What the secretariat follows for others: it may not act itself.
    let awaits = |action, actor| {
        standing.secretariat && lifecycle::decide(facts.state, action, actor).is_ok()
    };
    let late = |round: &Round| round.deadline_at < now;
    let mut tasks = Vec::new();
    if may(Action::Accept) {
        let task = if facts.replied {
            Task::ScreenReply
        } else {
            Task::Screen
        };
        tasks.push(Todo::new(task, facts.updated_at, false));
    }
    if awaits(Action::ExpireUnanswered, Actor::System)
        && now - facts.updated_at > REPLY_WINDOW - REPLY_WARNING
    {
        tasks.push(Todo::new(Task::ReplyDueSoon, facts.updated_at, true));
    }
    if may(Action::Publish) {
        let since = facts.updated_at;
        tasks.push(match facts.hold {
            Some(Hold::WithLiaisons { until, .. }) => Todo {
                until: Some(until),
                ..Todo::new(Task::WithLiaisons, since, false)
            },
            Some(Hold::Unresponded { .. }) => Todo::new(Task::RespondToLiaisons, since, false),
            None => Todo::new(Task::PublishOrSendBack, since, false),
        });
    }
    if let Some(open) = &facts.round
        && late(open.round)
        && awaits(Action::CloseWithConsensus, Actor::Convenor)
    {
        tasks.push(Todo::new(Task::RoundOverdue, open.round.deadline_at, true));
    }
    if standing.secretariat && !facts.convened && lifecycle::awaits_convenor(facts.state) {
        tasks.push(Todo::new(Task::AppointConvenor, facts.updated_at, false));
    }
    if let Some(round) = facts.objectable.filter(|_| may(Action::Object)) {
        tasks.push(Todo {
            until: round.objections_until,
            ..Todo::new(
                Task::OpenToObjection,
                round.closed_at.unwrap_or(facts.updated_at),
                false,
            )
        });
    }
    // The group's own work on a round: what the convenor must do first,
    // else a vote.
    if may(Action::OpenRound) {
        tasks.push(Todo::new(Task::OpenRound, facts.updated_at, false));
    }
    let Some(open) = &facts.round else {
        return tasks;
    };
    let (round, overdue) = (open.round, late(open.round));
    if may(Action::RespondToOpposition) && !open.unanswered.is_empty() {
        tasks.extend(open.unanswered.iter().map(|(name, since)| Todo {
            person: Some(name.clone()),
            ..Todo::new(Task::AnswerOpposition, *since, overdue)
        }));
    } else if may(Action::CloseWithConsensus) && open.closable {
        let since = if overdue {
            round.deadline_at
        } else {
            open.last_vote.unwrap_or(round.opened_at)
        };
        tasks.push(Todo::new(Task::CloseRound, since, overdue));
    } else if may(Action::CloseWithConsensus) && overdue {
        tasks.push(Todo::new(Task::NoQuorum, round.deadline_at, true));
    } else if may(Action::Vote) && open.listed && !open.voted {
        tasks.push(Todo::new(Task::Vote, round.opened_at, overdue));
    }
    tasks
}

fn waiting(row: &QueueRow, group: Option<&Group>, todo: Todo) -> Waiting {
    Waiting {
        request_id: row.id.clone(),
        reference: row.reference.clone().unwrap_or_default(),
        group: group.cloned(),
        todo,
    }
}

fn item(
    waiting: Waiting,
    shown: Option<&Shown>,
    follows: Option<(Kind, String)>,
    sponsor: Option<String>,
) -> Item {
    let todo = waiting.todo;
    Item {
        reference: waiting.reference,
        standard: shown.map_or_else(String::new, |s| {
            format!("{}:{}", s.standard_designation, s.standard_edition)
        }),
        clause: shown.map_or_else(String::new, |s| s.clause.clone()),
        question: shown.map_or_else(String::new, |s| s.question.clone()),
        task: todo.task,
        since: todo.since,
        overdue: todo.overdue,
        person: todo.person,
        until: todo.until,
        group: waiting.group,
        follows,
        sponsor,
    }
}

/// What the secretariat follows besides requests: the groups and whether
/// the install is set up.
struct Oversight {
    groups: HashMap<String, Group>,
    convened: HashSet<String>,
    unconvened: Vec<(Group, Vec<String>)>,
    checklist: Checklist,
}

fn oversight(
    conn: &mut DbConn,
    now: NaiveDateTime,
    mail_server: bool,
) -> Result<Oversight, WorkflowError> {
    let all = groups::all(conn)?;
    let convened = groups::convened_on(conn, now)?;
    let responsible = groups::responsibilities(conn)?;
    let unconvened: Vec<(Group, Vec<String>)> = all
        .iter()
        .filter(|g| !convened.contains(&g.id))
        .map(|g| (g.clone(), groups::standards_of(&responsible, &g.id)))
        .collect();
    let checklist = Checklist {
        unconvened: unconvened.iter().filter(|(_, s)| !s.is_empty()).count(),
        registry_checked: settings::get(conn, Key::RegistryChecked)?.is_some(),
        mail_server,
    };
    Ok(Oversight {
        groups: all.into_iter().map(|g| (g.id.clone(), g)).collect(),
        convened,
        unconvened,
        checklist,
    })
}

/// The queue of `user` at `now` (`mail_server`: mail goes to a mail server,
/// not into files), read in a fixed number of queries however many
/// requests are open.
pub fn queue(
    conn: &mut DbConn,
    requests_held: &RequestIndex,
    user: &User,
    now: NaiveDateTime,
    mail_server: bool,
) -> Result<Queue, WorkflowError> {
    let Census { counts, open } = requests_held.census(conn)?;
    let open_rounds: HashMap<String, Round> = rounds::all_open(conn)?
        .into_iter()
        .map(|r| (r.request_id.clone(), r))
        .collect();
    let objectable: HashMap<String, Round> = rounds::open_to_objection(conn)?
        .into_iter()
        .map(|r| (r.request_id.clone(), r))
        .collect();
    let voted: HashSet<String> = rounds::voted_by(conn, &user.id)?.into_iter().collect();
    let listed: HashSet<String> = rounds::listing(conn, &user.id)?.into_iter().collect();
    let objector: HashSet<String> = rounds::objectable_by(conn, &user.id)?.into_iter().collect();
    let my_groups: HashMap<_, _> = groups::memberships_of(conn, &user.id)?
        .into_iter()
        .collect();
    let quorums: HashMap<String, Quorum> = groups::all(conn)?
        .into_iter()
        .map(|g| (g.id.clone(), g.quorum()))
        .collect();
    let mut voters: HashMap<String, Vec<ListedVoter>> = HashMap::new();
    for voter in rounds::voter_lists_of_open_rounds(conn)? {
        voters
            .entry(voter.round_id.clone())
            .or_default()
            .push(voter);
    }
    let mut votes: HashMap<String, Vec<VoteView>> = HashMap::new();
    for vote in rounds::votes_in_open_rounds(conn)? {
        votes.entry(vote.round_id.clone()).or_default().push(vote);
    }
    let holds = super::consultations::holds(conn, now)?;
    let (replied, counts, oversight) = if user.is_secretariat {
        (
            events::in_state_after(conn, State::Screening, Action::Reply)?,
            counts,
            Some(oversight(conn, now, mail_server)?),
        )
    } else {
        (HashSet::new(), Vec::new(), None)
    };
    let mut items = Vec::new();
    for row in &open {
        let group_role = row
            .group_id
            .as_ref()
            .and_then(|g| my_groups.get(g))
            .copied();
        let standing = Standing {
            secretariat: user.is_secretariat,
            group_role,
        };
        let quorum = row.group_id.as_ref().and_then(|g| quorums.get(g));
        let round = open_rounds.get(&row.id).zip(quorum).map(|(round, quorum)| {
            let voters = voters.get(&round.id).map_or(&[][..], Vec::as_slice);
            let votes = votes.get(&round.id).map_or(&[][..], Vec::as_slice);
            let facts = facts_of(round, *quorum, voters, votes);
            RoundState {
                round,
                listed: listed.contains(&round.id),
                voted: voted.contains(&round.id),
                closable: consensus::may_close(&facts, now).is_ok(),
                unanswered: unanswered_oppositions(voters, votes)
                    .map(|v| (v.voter.clone(), v.updated_at))
                    .collect(),
                last_vote: votes.iter().map(|v| v.updated_at).max(),
            }
        });
        let group = oversight
            .as_ref()
            .zip(row.group_id.as_ref())
            .and_then(|(o, g)| o.groups.get(g));
        let facts = Facts {
            state: row.state,
            updated_at: row.updated_at,
            round,
            objectable: objectable.get(&row.id).filter(|r| objector.contains(&r.id)),
            replied: replied.contains(&row.id),
            convened: match (&oversight, &row.group_id) {
                (Some(o), Some(g)) => o.convened.contains(g),
                _ => true,
            },
            hold: holds.get(&row.id).copied(),
        };
        items.extend(
            tasks(standing, &facts, now)
                .into_iter()
                .map(|todo| waiting(row, group, todo)),
        );
    }
    if user.is_secretariat {
        items.extend(appeals_due(conn, now)?);
    }
    by_urgency(&mut items);
    let (unconvened, checklist) = match oversight {
        Some(o) => (o.unconvened, Some(o.checklist).filter(|c| !c.done())),
        None => (Vec::new(), None),
    };
    Ok(Queue {
        items,
        counts,
        unconvened,
        checklist,
    })
}

/// The appeals not yet decided, each waiting since its next step's
/// deadline, so that they come by deadline, the overdue first.
fn appeals_due(conn: &mut DbConn, now: NaiveDateTime) -> Result<Vec<Waiting>, WorkflowError> {
    Ok(appeals::undecided(conn)?
        .into_iter()
        .filter_map(|(appeal, reference)| {
            let due = appeal.due_by()?.and_time(NaiveTime::MIN);
            Some(Waiting {
                request_id: appeal.request_id.clone(),
                reference: reference.unwrap_or_default(),
                group: None,
                todo: Todo {
                    person: Some(appeal.appellant_name.clone()),
                    until: Some(due),
                    ..Todo::new(Task::Appeal, due, appeal.is_overdue(now.date()))
                },
            })
        })
        .collect())
}

/// Groups the items by task, the kind whose most urgent item is most
/// urgent first; within a kind, overdue first, then the oldest.
fn by_urgency(items: &mut [Waiting]) {
    let urgency = |item: &Waiting| (!item.todo.overdue, item.todo.since);
    let mut first: HashMap<Task, (bool, NaiveDateTime)> = HashMap::new();
    for item in items.iter() {
        let most = first.entry(item.todo.task).or_insert_with(|| urgency(item));
        *most = (*most).min(urgency(item));
    }
    items.sort_by_key(|item| (first[&item.todo.task], item.todo.task as u8, urgency(item)));
}

/// The items of one kind of task on a page of the queue.
pub struct Section {
    pub task: Task,
    /// How many items of this kind wait, on every page.
    pub total: usize,
    pub items: Vec<Item>,
}

/// One page of the queue, with everything else the queue page shows.
pub struct QueuePage {
    pub sections: Vec<Section>,
    /// Items on every page.
    pub total: usize,
    pub page: usize,
    pub pages: usize,
    pub counts: Vec<(State, i64)>,
    pub unconvened: Vec<(Group, Vec<String>)>,
    pub checklist: Option<Checklist>,
    /// The acronym of the organisation a sponsor's account speaks for: its
    /// requests are on `/sponsor`.
    pub sponsor: Option<String>,
    /// Until when the page reads the same if nothing stored changes.
    pub holds_until: NaiveDateTime,
}

impl QueuePage {
    /// The page asked for lies beyond the last one.
    pub fn past_the_end(&self) -> bool {
        self.total > 0 && self.page > self.pages
    }
}

/// Page `page` (from 1) of the queue of `user`: at most [`PER_PAGE`] rows
/// under the heading of their task, with the totals of every page. The
/// queue is weighed whole in its fixed number of queries, from the few
/// columns its tasks depend on; only the page's rows are then read in
/// full.
pub fn page(
    conn: &mut DbConn,
    requests_held: &RequestIndex,
    user: &User,
    now: NaiveDateTime,
    mail_server: bool,
    page: usize,
) -> Result<QueuePage, WorkflowError> {
    let queue = queue(conn, requests_held, user, now, mail_server)?;
    let total = queue.items.len();
    let mut totals: HashMap<Task, usize> = HashMap::new();
    for item in &queue.items {
        *totals.entry(item.todo.task).or_default() += 1;
    }
    let start = page.saturating_sub(1).saturating_mul(PER_PAGE);
    let on_page: Vec<Waiting> = queue.items.into_iter().skip(start).take(PER_PAGE).collect();
    let ids: Vec<&str> = on_page.iter().map(|w| w.request_id.as_str()).collect();
    let shown: HashMap<String, Shown> = requests::shown(conn, &ids)?
        .into_iter()
        .map(|s| (s.id.clone(), s))
        .collect();
    let mut follows: HashMap<String, (Kind, String)> = follow_ups::originals_of(conn, &ids)?
        .into_iter()
        .map(|(id, kind, original)| (id, (kind, original)))
        .collect();
    let references: Vec<&str> = on_page.iter().map(|w| w.reference.as_str()).collect();
    let mut sponsors = super::endorsements::sponsor_lines(conn, &references)?;
    let mut sections: Vec<Section> = Vec::new();
    for waiting in on_page {
        let found = shown.get(&waiting.request_id);
        let follows = follows.remove(&waiting.request_id);
        let sponsor = sponsors.remove(&waiting.reference);
        let item = item(waiting, found, follows, sponsor);
        match sections.last_mut() {
            Some(section) if section.task == item.task => section.items.push(item),
            _ => sections.push(Section {
                task: item.task,
                total: totals[&item.task],
                items: vec![item],
            }),
        }
    }
    Ok(QueuePage {
        sections,
        total,
        page,
        pages: total.div_ceil(PER_PAGE).max(1),
        counts: queue.counts,
        unconvened: queue.unconvened,
        checklist: queue.checklist,
        sponsor: super::endorsements::organisation_of(conn, &user.id)?.map(|o| o.acronym),
        holds_until: super::workspace::holds_until(now, []),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::access::GroupRole;
    use crate::domain::consensus::Kind;

    fn at(day: u32) -> NaiveDateTime {
        chrono::NaiveDate::from_ymd_opt(2026, 3, day)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
    }

    fn round(opened: u32, deadline: u32) -> Round {
        Round {
            id: "round".into(),
            request_id: "request".into(),
            number: 1,
            draft_answer: "Yes.".into(),
            deadline_at: at(deadline),
            opened_by: "carla".into(),
            opened_at: at(opened),
            reminder_sent_at: None,
            closed_at: None,
            closed_by: None,
            outcome: None,
            final_answer: None,
            kind: Kind::Correspondence,
            follows_round_id: None,
            change_class: None,
            change_reason: None,
            objections_until: None,
        }
    }

    /// An open round this person is listed on and has not voted in, which
    /// may not close yet.
    fn open(round: &Round) -> RoundState<'_> {
        RoundState {
            round,
            listed: true,
            voted: false,
            closable: false,
            unanswered: Vec::new(),
            last_vote: None,
        }
    }

    fn facts<'a>(state: State, round: Option<RoundState<'a>>) -> Facts<'a> {
        Facts {
            state,
            updated_at: at(1),
            round,
            objectable: None,
            replied: false,
            convened: true,
            hold: None,
        }
    }

    const SECRETARIAT: Standing = Standing {
        secretariat: true,
        group_role: None,
    };
    const CONVENOR: Standing = Standing {
        secretariat: false,
        group_role: Some(GroupRole::Convenor),
    };
    const MEMBER: Standing = Standing {
        secretariat: false,
        group_role: Some(GroupRole::Member),
    };
    const OUTSIDER: Standing = Standing {
        secretariat: false,
        group_role: None,
    };

    fn of(standing: Standing, facts: &Facts<'_>, now: NaiveDateTime) -> Vec<Task> {
        tasks(standing, facts, now)
            .into_iter()
            .map(|t| t.task)
            .collect()
    }

    #[test]
    fn the_secretariat_screens_and_screens_again_after_a_reply() {
        let new = facts(State::Screening, None);
        assert_eq!(of(SECRETARIAT, &new, at(2)), [Task::Screen]);
        let replied = Facts {
            replied: true,
            ..facts(State::Screening, None)
        };
        assert_eq!(of(SECRETARIAT, &replied, at(2)), [Task::ScreenReply]);
        assert!(of(CONVENOR, &new, at(2)).is_empty());
    }

    #[test]
    fn the_secretariat_hears_when_the_reply_window_nearly_closed() {
        let waiting = facts(State::AwaitingSubmitter, None);
        assert!(of(SECRETARIAT, &waiting, at(20)).is_empty());
        let soon = tasks(SECRETARIAT, &waiting, at(27));
        assert_eq!(soon, [Todo::new(Task::ReplyDueSoon, at(1), true)]);
        assert!(of(MEMBER, &waiting, at(27)).is_empty());
    }

    #[test]
    fn the_convenor_drafts_votes_then_closes_a_round_the_rules_allow() {
        assert_eq!(
            of(CONVENOR, &facts(State::InGroup, None), at(2)),
            [Task::OpenRound]
        );
        assert!(of(MEMBER, &facts(State::InGroup, None), at(2)).is_empty());
        let r = round(2, 23);
        let balloting = facts(State::Balloting, Some(open(&r)));
        assert_eq!(of(CONVENOR, &balloting, at(10)), [Task::Vote]);
        let closable = facts(
            State::Balloting,
            Some(RoundState {
                closable: true,
                ..open(&r)
            }),
        );
        assert_eq!(
            tasks(CONVENOR, &closable, at(24)),
            [Todo::new(Task::CloseRound, at(23), true)],
            "past the deadline the convenor closes rather than votes"
        );
        let everyone_voted = facts(
            State::Balloting,
            Some(RoundState {
                closable: true,
                last_vote: Some(at(9)),
                ..open(&r)
            }),
        );
        assert_eq!(
            tasks(CONVENOR, &everyone_voted, at(10)),
            [Todo::new(Task::CloseRound, at(9), false)],
            "before it, once every vote is in"
        );
        assert_eq!(
            tasks(SECRETARIAT, &balloting, at(24)),
            [Todo::new(Task::RoundOverdue, at(23), true)]
        );
        assert!(of(SECRETARIAT, &balloting, at(10)).is_empty());
    }

    #[test]
    fn past_the_deadline_without_quorum_the_convenor_is_told_so() {
        let r = round(2, 23);
        let balloting = facts(State::Balloting, Some(open(&r)));
        assert_eq!(
            tasks(CONVENOR, &balloting, at(24)),
            [Todo::new(Task::NoQuorum, at(23), true)]
        );
    }

    #[test]
    fn the_convenor_answers_each_opposition_rather_than_votes() {
        let r = round(2, 23);
        let opposed = facts(
            State::Balloting,
            Some(RoundState {
                unanswered: vec![
                    ("Sofia Lindqvist".into(), at(5)),
                    ("Priya Raman".into(), at(6)),
                ],
                ..open(&r)
            }),
        );
        let todo = tasks(CONVENOR, &opposed, at(10));
        assert_eq!(
            todo.iter()
                .map(|t| (t.task, t.person.as_deref()))
                .collect::<Vec<_>>(),
            [
                (Task::AnswerOpposition, Some("Sofia Lindqvist")),
                (Task::AnswerOpposition, Some("Priya Raman"))
            ]
        );
        assert_eq!(todo[0].since, at(5));
        assert_eq!(
            of(MEMBER, &opposed, at(10)),
            [Task::Vote],
            "a member still votes"
        );
    }

    #[test]
    fn members_on_the_list_vote_once_and_others_see_nothing() {
        let r = round(2, 23);
        let balloting = facts(State::Balloting, Some(open(&r)));
        assert_eq!(
            tasks(MEMBER, &balloting, at(24)),
            [Todo::new(Task::Vote, at(2), true)]
        );
        let voted = facts(
            State::Balloting,
            Some(RoundState {
                voted: true,
                ..open(&r)
            }),
        );
        assert!(of(MEMBER, &voted, at(10)).is_empty());
        let added_later = facts(
            State::Balloting,
            Some(RoundState {
                listed: false,
                ..open(&r)
            }),
        );
        assert!(
            of(MEMBER, &added_later, at(10)).is_empty(),
            "not on the voter list"
        );
        assert!(of(OUTSIDER, &balloting, at(24)).is_empty());
    }

    #[test]
    fn a_voter_sees_until_when_a_decision_is_open_to_objection() {
        let decided = Round {
            closed_at: Some(at(10)),
            objections_until: Some(at(17)),
            ..round(2, 23)
        };
        let confirming = Facts {
            objectable: Some(&decided),
            ..facts(State::Confirming, None)
        };
        let todo = tasks(MEMBER, &confirming, at(12));
        assert_eq!(
            todo,
            [Todo {
                until: Some(at(17)),
                ..Todo::new(Task::OpenToObjection, at(10), false)
            }]
        );
        assert!(of(SECRETARIAT, &confirming, at(12)).is_empty());
    }

    #[test]
    fn the_secretariat_appoints_a_convenor_where_a_request_waits_for_nobody() {
        let unconvened = |state| Facts {
            convened: false,
            ..facts(state, None)
        };
        assert_eq!(
            of(SECRETARIAT, &unconvened(State::InGroup), at(2)),
            [Task::AppointConvenor]
        );
        let r = round(2, 23);
        let balloting = Facts {
            convened: false,
            ..facts(State::Balloting, Some(open(&r)))
        };
        assert_eq!(of(SECRETARIAT, &balloting, at(10)), [Task::AppointConvenor]);
        assert_eq!(
            of(SECRETARIAT, &unconvened(State::Screening), at(2)),
            [Task::Screen],
            "screening waits for the secretariat, not the group"
        );
        assert_eq!(
            of(SECRETARIAT, &unconvened(State::Decided), at(2)),
            [Task::PublishOrSendBack]
        );
        assert!(of(MEMBER, &unconvened(State::InGroup), at(2)).is_empty());
    }

    #[test]
    fn a_decision_with_the_liaisons_waits_and_their_comments_ask_a_response() {
        let with_liaisons = Facts {
            hold: Some(Hold::WithLiaisons {
                until: at(30),
                silent: 1,
            }),
            ..facts(State::Decided, None)
        };
        assert_eq!(
            tasks(SECRETARIAT, &with_liaisons, at(2)),
            [Todo {
                until: Some(at(30)),
                ..Todo::new(Task::WithLiaisons, at(1), false)
            }]
        );
        let commented = Facts {
            hold: Some(Hold::Unresponded { comments: 2 }),
            ..facts(State::Decided, None)
        };
        assert_eq!(
            of(SECRETARIAT, &commented, at(2)),
            [Task::RespondToLiaisons]
        );
        assert!(of(CONVENOR, &commented, at(2)).is_empty());
    }

    #[test]
    fn a_secretary_who_convenes_gets_both_tasks() {
        let both = Standing {
            secretariat: true,
            group_role: Some(GroupRole::Convenor),
        };
        let r = round(2, 23);
        let closable = facts(
            State::Balloting,
            Some(RoundState {
                closable: true,
                ..open(&r)
            }),
        );
        assert_eq!(
            of(both, &closable, at(24)),
            [Task::RoundOverdue, Task::CloseRound]
        );
        assert_eq!(
            of(both, &facts(State::Decided, None), at(2)),
            [Task::PublishOrSendBack]
        );
    }
}
