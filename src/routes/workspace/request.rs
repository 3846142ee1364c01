//! `/workspace/requests/{ref}`: everything about one request, and exactly
//! the actions the lifecycle allows this person now.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;

use crate::domain::access::WORKSPACE_ACTIONS;
use crate::domain::lifecycle::{Action, ClosureReason, State};
use crate::domain::markdown::to_safe_html;
use crate::domain::submission::{Category, country};
use crate::error::AppError;
use crate::models::committees::{self, Committee};
use crate::models::groups::{self, Group};
use crate::models::requests::{self, Contact, Request};
use crate::models::rounds::{self, Round, VoteView};
use crate::models::standards::{self, Standard};
use crate::models::users::User;
use crate::models::{comments, events};
use crate::web::{AppState, Csrf, Page, Viewer};
use crate::workflow::rounds::{DEFAULT_ROUND, POSITIONS};
use crate::workflow::workspace;

pub struct TimelineEntry {
    pub what: &'static str,
    pub who: String,
    pub at: NaiveDateTime,
    pub note: Option<String>,
}

/// What was typed into the action forms, shown again when an action is
/// refused so that nothing typed is lost.
#[derive(Debug, Default, Clone)]
pub struct Typed {
    pub note: String,
    pub draft: String,
    pub comment: Option<String>,
    pub final_answer: String,
    pub body: String,
    pub responses: std::collections::HashMap<String, String>,
}

pub struct CommentView {
    pub author: String,
    pub at: NaiveDateTime,
    pub html: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/request.html")]
pub struct RequestPage {
    page: Page,
    csrf: Csrf,
    request: Request,
    state: State,
    closure: Option<ClosureReason>,
    standard: Standard,
    group: Option<Group>,
    contact: Option<Contact>,
    country: String,
    category: String,
    timeline: Vec<TimelineEntry>,
    comments: Vec<CommentView>,
    /// The `as_str` of each action this person may take now.
    actions: Vec<&'static str>,
    groups: Vec<Group>,
    committees: Vec<Committee>,
    /// Why the last attempt failed, shown above the actions.
    problem: Option<String>,
    /// The latest round, open or closed, with its votes.
    round: Option<Round>,
    votes: Vec<VoteView>,
    my_vote: Option<VoteView>,
    tally: Vec<(&'static str, usize)>,
    positions: &'static [(&'static str, &'static str)],
    default_deadline: String,
    typed: Typed,
    /// May this person add internal comments?
    commenter: bool,
}

impl RequestPage {
    fn markdown(&self, text: &str) -> String {
        to_safe_html(text)
    }

    /// The final answer field: what was typed, else the draft.
    fn final_answer_field(&self) -> &str {
        match (&self.typed.final_answer, &self.round) {
            (typed, _) if !typed.is_empty() => typed,
            (_, Some(round)) => &round.draft_answer,
            _ => "",
        }
    }

    fn response_field(&self, vote_id: &str) -> &str {
        self.typed.responses.get(vote_id).map_or("", String::as_str)
    }

    /// The vote comment field: what was typed, else the stored comment.
    fn vote_comment_field(&self) -> &str {
        match (&self.typed.comment, &self.my_vote) {
            (Some(typed), _) => typed,
            (None, Some(vote)) => vote.comment.as_deref().unwrap_or_default(),
            _ => "",
        }
    }

    fn round_is_open(&self) -> bool {
        self.round.as_ref().is_some_and(|r| r.closed_at.is_none())
    }

    fn oppositions(&self) -> Vec<&VoteView> {
        self.votes
            .iter()
            .filter(|v| v.position == "oppose")
            .collect()
    }

    fn position_label(&self, position: &str) -> &'static str {
        self.positions
            .iter()
            .find(|(p, _)| *p == position)
            .map_or("", |(_, label)| label)
    }

    fn can(&self, action: &str) -> bool {
        self.actions.contains(&action)
    }

    /// Where this request's action forms post to.
    fn action_base(&self) -> String {
        format!(
            "/workspace/requests/{}",
            self.request.reference.as_deref().unwrap_or_default()
        )
    }
}

/// Renders the page; `problem` explains a refused action (status 409/422).
pub async fn render(
    state: &AppState,
    user: User,
    csrf: Csrf,
    reference: String,
    problem: Option<(StatusCode, String)>,
    typed: Typed,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let me = user.id.clone();
    let loaded = state
        .db(move |conn| {
            let visible = workspace::visible(conn, &user, &reference)?;
            let request = visible.request;
            let current = request.state();
            let commenter = visible.standing.can_comment(current, visible.reached_group);
            let actions = WORKSPACE_ACTIONS
                .into_iter()
                .filter(|a| visible.standing.decide(current, *a).is_ok())
                .map(Action::as_str)
                .collect();
            let standard = standards::find_by_id(conn, &request.standard_id)?;
            let group = request
                .group_id
                .as_deref()
                .map(|id| groups::find(conn, id))
                .transpose()?;
            let contact = requests::contact(conn, &request.id)?;
            let timeline = events::timeline(conn, &request.id)?
                .into_iter()
                .map(|(event, name)| TimelineEntry {
                    what: Action::parse(&event.action).map_or("Changed", Action::past_tense),
                    who: match event.actor_kind.as_str() {
                        "submitter" => "The submitter".to_owned(),
                        "system" => "Clarion".to_owned(),
                        _ => name.unwrap_or_else(|| "Someone".to_owned()),
                    },
                    at: event.created_at,
                    note: event.note,
                })
                .collect();
            let comments = comments::for_request(conn, &request.id)?
                .into_iter()
                .map(|c| CommentView {
                    author: c.author,
                    at: c.created_at,
                    html: to_safe_html(&c.body),
                })
                .collect();
            let round = rounds::for_request(conn, &request.id)?.into_iter().next();
            let votes = match &round {
                Some(round) => rounds::votes(conn, &round.id)?,
                None => Vec::new(),
            };
            Ok((
                (request, actions, standard, group, contact),
                (
                    timeline,
                    comments,
                    groups::all(conn)?,
                    committees::all(conn)?,
                ),
                (round, votes, commenter),
            ))
        })
        .await?;
    let (
        (request, actions, standard, group, contact),
        (timeline, comments, groups, committees),
        (round, votes, commenter),
    ) = loaded;
    let my_vote = votes.iter().find(|v| v.user_id == me).cloned();
    let tally = POSITIONS
        .iter()
        .map(|(position, label)| {
            (
                *label,
                votes.iter().filter(|v| v.position == *position).count(),
            )
        })
        .collect();
    let (status, problem) = match problem {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let body = RequestPage {
        page: state.page_as("workspace", &viewer),
        csrf,
        state: request.state(),
        closure: request
            .closure_reason
            .as_deref()
            .and_then(ClosureReason::parse),
        country: country(&request.submitter_country)
            .map_or(request.submitter_country.clone(), |c| c.name().to_owned()),
        category: Category::parse(&request.submitter_category)
            .map_or(request.submitter_category.clone(), |c| c.label().to_owned()),
        request,
        standard,
        group,
        contact,
        timeline,
        comments,
        actions,
        groups,
        committees,
        problem,
        round,
        votes,
        my_vote,
        tally,
        positions: &POSITIONS,
        typed,
        commenter,
        default_deadline: (state.clock.now() + DEFAULT_ROUND)
            .format("%Y-%m-%d")
            .to_string(),
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("cache-control", "private, no-store"))
        .body(body))
}
