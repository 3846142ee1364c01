//! `/workspace/requests/{ref}`: everything about one request, and exactly
//! the actions the lifecycle allows this person now.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use askama::Template;
use askama_web::WebTemplate;

use crate::domain::access::Capacity;
use crate::domain::appeal::Step;
use crate::domain::conflicts::Conflict;
use crate::domain::consensus::{self, ChangeClass, Outcome, Piece, Position, RoundRefusal, Unmet};
use crate::domain::consultation::{Hold, Refusal};
use crate::domain::follow_up::{Kind, Outcome as FollowUpOutcome};
use crate::domain::lifecycle::{Action, ActorKind, State};
use crate::domain::markdown::to_safe_html;
use crate::domain::meeting::{MeetingForm, MeetingProblem};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::models::rounds::{ListedVoter, Round, VoteView};
use crate::models::users::User;
use crate::web::flash::Flash;
use crate::web::private_pages::held_until;
use crate::web::{AppState, Csrf, Page, Viewer, private_page};
use crate::workflow::workspace::{self, Missing, RequestView, ScreeningForm, Unanswerable};

/// What was typed into the action forms, shown again when an action is
/// refused so that nothing typed is lost.
#[derive(Debug, Default, Clone)]
pub struct Typed {
    pub note: String,
    pub draft: String,
    /// The deadline typed for the round, if one was.
    pub deadline: String,
    pub comment: Option<String>,
    pub position: String,
    /// The declaration on a conflict of interest sent with the vote.
    pub conflict: String,
    pub conflict_note: String,
    /// The voter whose conflicted vote the convenor allows, and why.
    pub allowance: Option<(String, String)>,
    /// The opposition answered (its vote's id) and the answer typed.
    pub response: Option<(String, String)>,
    /// The liaison's comments answered (its answer's id) and the response typed.
    pub liaison_response: Option<(String, String)>,
    pub final_answer: String,
    pub change_class: String,
    pub change_reason: String,
    pub body: String,
    /// The record of a meeting's decision.
    pub meeting: MeetingForm,
    /// Where a marked clarification went: successor, edition, clause.
    pub successor: String,
    pub edition: String,
    pub clause: String,
    /// The screening question as answered.
    pub screening: ScreeningForm,
    /// The confirmation box of a destructive action was ticked.
    pub confirm: bool,
    /// A "Preview" button was pressed: show the typed draft as it will read.
    pub preview: bool,
}

/// Why an action was refused, as the page explains it.
#[derive(Debug)]
pub enum Problem {
    /// In the workflow's words.
    Said(Msg),
    /// One field of the form `form` (its address on the page, such as
    /// `screen` or `no-consensus`) needs correcting.
    Field {
        form: &'static str,
        field: &'static str,
        message: Msg,
    },
    /// A rule of the round: the template says which.
    Round(RoundRefusal),
    /// The group chosen could not take the request forward.
    GroupCannotAnswer(Unanswerable),
    /// The liaison consultation holds publication.
    Consultation(Refusal),
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

    /// The error summary: the field to correct (as `{form}-{field}`, the
    /// id of its control without `field-`) and what to write.
    fn errors(&self) -> Vec<(String, Msg)> {
        match &self.problem {
            Some(Problem::Field {
                form,
                field,
                message,
            }) => vec![(format!("{form}-{field}"), message.clone())],
            _ => Vec::new(),
        }
    }

    /// The message for one field of one form, empty when it has none.
    fn error(&self, form: &str, field: &str) -> &Msg {
        match &self.problem {
            Some(Problem::Field {
                form: f,
                field: n,
                message,
            }) if *f == form && *n == field => message,
            _ => Msg::none(),
        }
    }

    /// Was the screening choice `action` made last time (so its fields
    /// show)?
    fn screening_chose(&self, action: &Action) -> bool {
        self.typed.screening.chose(*action)
    }

    /// The id prefix of the response form to the comments of the liaison
    /// answer `id`: the form a refusal names for the one last sent.
    fn liaison_prefix(&self, id: &str) -> String {
        match &self.typed.liaison_response {
            Some((sent, _)) if sent == id => "liaison-response-".to_owned(),
            _ => format!("liaison-{id}-"),
        }
    }

    fn liaison_typed(&self, id: &str) -> &str {
        match &self.typed.liaison_response {
            Some((sent, text)) if sent == id => text,
            _ => "",
        }
    }

    fn liaison_error(&self, id: &str) -> &Msg {
        match &self.typed.liaison_response {
            Some((sent, _)) if sent == id => self.error("liaison-response", "response"),
            _ => Msg::none(),
        }
    }

    /// The round's deadline field: what was typed, else the default.
    fn deadline_field(&self) -> String {
        match self.typed.deadline.as_str() {
            "" => self.view.default_deadline.format("%Y-%m-%d").to_string(),
            typed => typed.to_owned(),
        }
    }

    /// The typed draft, rendered as it will read, after "Preview".
    fn draft_preview(&self) -> Option<String> {
        Some(&self.typed.draft)
            .filter(|draft| self.typed.preview && !draft.trim().is_empty())
            .map(|draft| to_safe_html(draft))
    }

    /// The editions a publication may be marked as taken over by.
    fn edition_options(&self) -> Vec<(String, String)> {
        self.view
            .editions
            .iter()
            .map(|edition| (edition.slug.clone(), edition.label()))
            .collect()
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

    /// Is this the position chosen: the one sent last time, else my vote's?
    fn my_position(&self, position: &Position) -> bool {
        if self.typed.position.is_empty() {
            self.my_vote().is_some_and(|v| v.position == *position)
        } else {
            self.typed.position == position.as_str()
        }
    }

    /// My place on the open round's voter list.
    fn me(&self) -> Option<&ListedVoter> {
        self.view.round.as_ref().and_then(|r| r.me.as_ref())
    }

    /// Is this my declaration on a conflict of interest (`none` or
    /// `declared`): the one sent last time, else the one on record?
    fn conflict_chosen(&self, choice: &str) -> bool {
        if !self.typed.conflict.is_empty() {
            return self.typed.conflict == choice;
        }
        match self.me().map(|me| me.conflict) {
            Some(Conflict::Declared) => choice == "declared",
            Some(Conflict::Cleared) => choice == "none",
            _ => false,
        }
    }

    /// The note on my conflict: what was typed, else the one on record.
    fn conflict_note_field(&self) -> &str {
        if !self.typed.conflict.is_empty() {
            return &self.typed.conflict_note;
        }
        self.me()
            .and_then(|me| me.conflict_note.as_deref())
            .unwrap_or_default()
    }

    /// The voters of the round, other than me, who declared a conflict:
    /// whose vote the convenor may let count.
    fn others_declared(&self) -> Vec<&ListedVoter> {
        let me = self.me().map(|me| me.user_id.as_str());
        self.view.round.as_ref().map_or_else(Vec::new, |r| {
            r.conflicted()
                .into_iter()
                .filter(|v| v.conflict == Conflict::Declared && Some(v.user_id.as_str()) != me)
                .collect()
        })
    }

    /// The reason field of the allowance of `voter`'s conflicted vote: what
    /// was typed for them, else the reason recorded.
    fn allowance_field<'a>(&'a self, voter: &'a ListedVoter) -> &'a str {
        match &self.typed.allowance {
            Some((id, typed)) if *id == voter.user_id => typed,
            _ => voter.allowed_reason.as_deref().unwrap_or_default(),
        }
    }

    /// The group the screening proposes to accept for: the one chosen
    /// last time, else the request's.
    fn chosen_group(&self) -> &str {
        Some(self.typed.screening.group.as_str())
            .filter(|g| !g.is_empty())
            .or(self.view.request.group_id.as_deref())
            .unwrap_or_default()
    }

    /// The groups, as the screening's lists offer them.
    fn group_options(&self) -> Vec<(String, String)> {
        self.view
            .groups
            .iter()
            .map(|g| (g.id.clone(), format!("{} — {}", g.code, g.name)))
            .collect()
    }

    /// The committees a request may be referred to.
    fn committee_options(&self) -> Vec<(String, String)> {
        self.view
            .committees
            .iter()
            .map(|c| (c.code.clone(), format!("{} — {}", c.code, c.name)))
            .collect()
    }

    /// Was the response to `vote` the one sent last time?
    fn response_sent(&self, vote: &VoteView) -> bool {
        matches!(&self.typed.response, Some((id, _)) if *id == vote.id)
    }

    /// The ids of the response form of `vote` begin with this: the one the
    /// error summary points at for the response sent, one of its own for
    /// each other.
    fn response_prefix(&self, vote: &VoteView) -> String {
        if self.response_sent(vote) {
            "responses-".to_owned()
        } else {
            format!("responses-{}-", vote.id)
        }
    }

    fn response_error(&self, vote: &VoteView) -> &Msg {
        if self.response_sent(vote) {
            self.error("responses", "response")
        } else {
            Msg::none()
        }
    }

    /// Was the allowance of `voter`'s vote the one sent last time?
    fn allowance_sent(&self, voter: &ListedVoter) -> bool {
        matches!(&self.typed.allowance, Some((id, _)) if *id == voter.user_id)
    }

    /// Like [`Self::response_prefix`], for the allowance forms.
    fn allowance_prefix(&self, voter: &ListedVoter) -> String {
        if self.allowance_sent(voter) {
            "allowances-".to_owned()
        } else {
            format!("allowances-{}-", voter.user_id)
        }
    }

    fn allowance_error(&self, voter: &ListedVoter) -> &Msg {
        if self.allowance_sent(voter) {
            self.error("allowances", "allowed_reason")
        } else {
            Msg::none()
        }
    }

    /// The problems of the meeting form refused, if it was.
    fn meeting_problems_all(&self) -> &[MeetingProblem] {
        match &self.problem {
            Some(Problem::Round(RoundRefusal::Meeting(problems))) => problems,
            _ => &[],
        }
    }

    fn meeting_refused(&self) -> bool {
        !self.meeting_problems_all().is_empty()
    }

    /// The problems of one field of the meeting form.
    fn meeting_problems(&self, field: &str) -> Vec<&MeetingProblem> {
        self.meeting_problems_all()
            .iter()
            .filter(|p| p.field() == field)
            .collect()
    }

    /// The member a problem of the meeting form concerns, by name, if the
    /// form offered them.
    fn meeting_voter_name(&self, problem: &MeetingProblem) -> &str {
        let (MeetingProblem::UnknownPosition { user_id } | MeetingProblem::NotAVoter { user_id }) =
            problem
        else {
            return "";
        };
        self.view
            .meeting_voters
            .iter()
            .find(|(id, _)| id == user_id)
            .map_or("", |(_, name)| name.as_str())
    }

    /// The meeting's date field: what was typed, else today.
    fn meeting_held_on(&self) -> String {
        match self.typed.meeting.held_on.as_str() {
            "" => self.view.today.format("%Y-%m-%d").to_string(),
            typed => typed.to_owned(),
        }
    }

    /// Whether the latest round's decision was taken at a meeting.
    fn decided_at_meeting(&self) -> bool {
        self.view
            .round
            .as_ref()
            .is_some_and(|r| r.meeting.is_some())
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
    let group_sees_submitter = state.settings.intake.group_sees_submitter;
    let view = state
        .read(move |conn| {
            Ok(workspace::request_page(
                conn,
                &user,
                &reference,
                now,
                group_sees_submitter,
            )?)
        })
        .await?;
    let (status, problem) = match problem {
        Some((status, message)) => (status, Some(message)),
        None => (StatusCode::OK, None),
    };
    let holds_until = view.holds_until;
    let body = RequestPage {
        page: state.page_as("workspace", &viewer, &csrf).showing(flash),
        csrf,
        view,
        problem,
        typed,
    }
    .render()?;
    Ok(held_until(private_page(status, body), holds_until))
}
