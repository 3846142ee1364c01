//! `/workspace`: what waits for me, most urgent first.

use std::collections::{HashMap, HashSet};

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;

use crate::domain::lifecycle::State;
use crate::error::AppError;
use crate::models::requests::{self, QueueRow};
use crate::models::users::User;
use crate::models::{events, groups, rounds};
use crate::web::{AppState, Page, SignedIn, Viewer};
use crate::workflow::submitter::REPLY_WINDOW;

/// One thing waiting for me.
pub struct Item {
    pub reference: String,
    pub standard: String,
    pub clause: String,
    pub question: String,
    /// What I am expected to do.
    pub task: &'static str,
    pub since: NaiveDateTime,
    /// Past its deadline (or close to the reply window's end).
    pub overdue: bool,
    /// For sorting: overdue first, then the oldest.
    urgency: (bool, NaiveDateTime),
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/queue.html")]
pub struct QueuePage {
    page: Page,
    user: User,
    items: Vec<Item>,
    counts: Vec<(State, i64)>,
    now: NaiveDateTime,
}

impl QueuePage {
    /// "3 days", "5 hours": how long an item has waited.
    fn age(&self, since: &NaiveDateTime) -> String {
        let waited = self.now - *since;
        match (waited.num_days(), waited.num_hours()) {
            (0, 0) => "less than an hour".to_owned(),
            (0, 1) => "1 hour".to_owned(),
            (0, h) => format!("{h} hours"),
            (1, _) => "1 day".to_owned(),
            (d, _) => format!("{d} days"),
        }
    }
}

fn item(row: &QueueRow, task: &'static str, since: NaiveDateTime, overdue: bool) -> Item {
    Item {
        reference: row.reference.clone().unwrap_or_default(),
        standard: format!("{}:{}", row.standard_designation, row.standard_edition),
        clause: row.clause.clone(),
        question: row.question.clone(),
        task,
        since,
        overdue,
        urgency: (!overdue, since),
    }
}

pub async fn show(
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
) -> Result<QueuePage, AppError> {
    let now = state.clock.now();
    let me = user.clone();
    let (mut items, counts) = state
        .db(move |conn| {
            let open = requests::open_requests(conn)?;
            let open_rounds: HashMap<String, rounds::Round> = rounds::all_open(conn)?
                .into_iter()
                .map(|r| (r.request_id.clone(), r))
                .collect();
            let voted: HashSet<String> = rounds::voted_by(conn, &me.id)?.into_iter().collect();
            let my_groups: HashMap<String, String> =
                groups::memberships_of(conn, &me.id)?.into_iter().collect();
            let mut items = Vec::new();
            for row in &open {
                let state = State::parse(&row.state).unwrap_or(State::Closed);
                if me.is_secretariat {
                    match state {
                        State::Screening => {
                            let replied = events::has_action(conn, &row.id, "reply")?;
                            let task = if replied {
                                "Reply received: screen again"
                            } else {
                                "Screen"
                            };
                            items.push(item(row, task, row.updated_at, false));
                        }
                        State::AwaitingSubmitter => {
                            let late =
                                now - row.updated_at > REPLY_WINDOW - chrono::TimeDelta::days(5);
                            if late {
                                items.push(item(
                                    row,
                                    "Waiting for the submitter; closes soon",
                                    row.updated_at,
                                    true,
                                ));
                            }
                        }
                        State::Decided => {
                            items.push(item(row, "Publish or send back", row.updated_at, false))
                        }
                        State::Balloting => {
                            if let Some(round) =
                                open_rounds.get(&row.id).filter(|r| r.deadline_at < now)
                            {
                                items.push(item(
                                    row,
                                    "Round past its deadline",
                                    round.deadline_at,
                                    true,
                                ));
                            }
                        }
                        _ => {}
                    }
                }
                let Some(role) = row.group_id.as_ref().and_then(|g| my_groups.get(g)) else {
                    continue;
                };
                match (state, role.as_str(), open_rounds.get(&row.id)) {
                    (State::InGroup, "convenor", _) => {
                        items.push(item(
                            row,
                            "Draft an answer and open a round",
                            row.updated_at,
                            false,
                        ));
                    }
                    (State::Balloting, "convenor", Some(round)) if round.deadline_at < now => {
                        items.push(item(
                            row,
                            "Deadline passed: close the round",
                            round.deadline_at,
                            true,
                        ));
                    }
                    (State::Balloting, _, Some(round)) if !voted.contains(&round.id) => {
                        let task = "Vote on the draft answer";
                        items.push(item(row, task, round.opened_at, round.deadline_at < now));
                    }
                    _ => {}
                }
            }
            let counts = if me.is_secretariat {
                requests::count_by_state(conn)?
            } else {
                Vec::new()
            };
            Ok((items, counts))
        })
        .await?;
    items.sort_by_key(|i| i.urgency);
    let viewer = Viewer(Some(user.clone()));
    Ok(QueuePage {
        page: state.page_as("workspace", &viewer),
        user,
        items,
        counts,
        now,
    })
}
