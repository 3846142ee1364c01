//! `/workspace/requests/{ref}`: everything about one request, and exactly
//! the actions the lifecycle allows this person now.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::access::Capacity;
use crate::domain::consensus::{self, ChangeClass, Outcome, Piece, Position, RoundRefusal, Unmet};
use crate::domain::lifecycle::{Action, ActorKind, State};
use crate::domain::markdown::to_safe_html;
use crate::error::AppError;
use crate::models::rounds::{Round, VoteView};
use crate::models::users::User;
use crate::web::flash::Flash;
use crate::web::{AppState, Csrf, Page, Viewer};
use crate::workflow::workspace::{self, Missing, RequestView, Unanswerable};

/// What was typed into the action forms, shown again when an action is
/// refused so that nothing typed is lost.
#[derive(Debug, Default, Clone)]
pub struct Typed {
    pub note: String,
    pub draft: String,
    pub comment: Option<String>,
    /// The opposition answered (its vote's id) and the answer typed.
    pub response: Option<(String, String)>,
    pub final_answer: String,
    pub change_class: String,
    pub change_reason: String,
    pub body: String,
    /// The group chosen to accept for or reassign to.
    pub group: String,
}

/// Why an action was refused, as the page explains it.
#[derive(Debug)]
pub enum Problem {
    /// In the workflow's words.
    Said(String),
    /// A rule of the round: the template says which.
    Round(RoundRefusal),
    /// The group chosen could not take the request forward.
    GroupCannotAnswer(Unanswerable),
}

#[derive(Template, WebTemplate)]
#[template(path = "workspace/request.html")]
pub struct RequestPage {
    page: Page,
    csrf: Csrf,
    view: RequestView,
    /// Why the last attempt failed, shown above the actions.
    problem: Option<Problem>,
    typed: Typed,
}

impl RequestPage {
    fn markdown(&self, text: &str) -> String {
        to_safe_html(text)
    }

    fn round(&self) -> Option<&Round> {
        self.view.round.as_ref().map(|r| &r.round)
    }

    fn my_vote(&self) -> Option<&VoteView> {
        self.view.round.as_ref().and_then(|r| r.my_vote.as_ref())
    }

    /// The final answer field: what was typed, else the draft.
    fn final_answer_field(&self) -> &str {
        match (&self.typed.final_answer, self.round()) {
            (typed, _) if !typed.is_empty() => typed,
            (_, Some(round)) => &round.draft_answer,
            _ => "",
        }
    }

    /// The typed final answer against the voted draft, word by word, when
    /// their words differ.
    fn typed_difference(&self) -> Vec<Piece> {
        match self.round() {
            Some(round)
                if !consensus::same_words(&round.draft_answer, self.final_answer_field()) =>
            {
                consensus::word_difference(&round.draft_answer, self.final_answer_field())
            }
            _ => Vec::new(),
        }
    }

    fn change_class_chosen(&self, class: ChangeClass) -> bool {
        self.typed.change_class == class.as_str()
    }

    /// The response field of an opposition: what was typed for it, else
    /// the response recorded.
    fn response_field<'a>(&'a self, vote: &'a VoteView) -> &'a str {
        match &self.typed.response {
            Some((id, typed)) if *id == vote.id => typed,
            _ => vote.response.as_deref().unwrap_or_default(),
        }
    }

    /// The vote comment field: what was typed, else the stored comment.
    fn vote_comment_field(&self) -> &str {
        match (&self.typed.comment, self.my_vote()) {
            (Some(typed), _) => typed,
            (None, Some(vote)) => vote.comment.as_deref().unwrap_or_default(),
            _ => "",
        }
    }

    /// Is this the position of my vote?
    fn my_position(&self, position: &Position) -> bool {
        self.my_vote().is_some_and(|v| v.position == *position)
    }

    /// The group the accept and reassign forms propose: the one chosen
    /// last time, else the request's.
    fn chosen_group(&self) -> Option<&str> {
        Some(self.typed.group.as_str())
            .filter(|g| !g.is_empty())
            .or(self.view.request.group_id.as_deref())
    }

    /// Where this request's action forms post to.
    fn action_base(&self) -> String {
        format!(
            "/workspace/requests/{}",
            self.view.request.reference.as_deref().unwrap_or_default()
        )
    }
}

/// Renders the page; `problem` explains a refused action (status 409/422),
/// `flash` announces the one just done.
pub async fn render(
    state: &AppState,
    user: User,
    csrf: Csrf,
    flash: Flash,
    reference: String,
    problem: Option<(StatusCode, Problem)>,
    typed: Typed,
) -> Result<HttpResponse, AppError> {
    let viewer = Viewer(Some(user.clone()));
    let now = state.clock.now();
    let view = state
        .db(move |conn| Ok(workspace::request_page(conn, &user, &reference, now)?))
        .await?;
    let (status, problem) = match problem {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let body = RequestPage {
        page: state.page_as("workspace", &viewer, &csrf).showing(flash),
        csrf,
        view,
        problem,
        typed,
    }
    .render()?;
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .insert_header(("cache-control", "private, no-store"))
        .body(body))
}
