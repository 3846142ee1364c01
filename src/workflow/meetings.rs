//! Decisions taken at a meeting (issue 19, item 6). Besides its rounds by
//! correspondence, a group decides at minuted meetings; the convenor
//! records such a decision, and the voting members who did not attend may
//! object for the group's `meeting_objection_days`, like the voters of an
//! editorial change: the same objection sends it back to the group, and
//! the worker's confirmation makes it stand.

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::rounds::group_of;
use super::workspace::{Acting, permit, request_url, send_each, summary, transition};
use super::{Ctx, WorkflowError};
use crate::db::{self, DbConn};
use crate::domain::consensus::RoundRefusal;
use crate::domain::lifecycle::Action;
use crate::domain::meeting::{self, MeetingForm};
use crate::mail::messages::MeetingDecision;
use crate::models::requests::Change;
use crate::models::{groups, meetings};

/// Who sits on a group's voter list on `day`: those whose membership has
/// begun by the end of it and not ended by then.
fn end_of(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(23, 59, 59).expect("a valid time")
}

/// Records the decision `form` describes, taken at a meeting of the
/// request's group: the request is open to objection by the voting members
/// of that day who did not attend, each mailed the decision and the
/// deadline. Refused, with every field to correct, before anything is
/// stored.
pub fn record(
    conn: &mut DbConn,
    ctx: &Ctx,
    acting: &Acting<'_>,
    form: &MeetingForm,
) -> Result<(), WorkflowError> {
    db::write_transaction(conn, |conn| {
        let permit = permit(conn, acting, Action::RecordMeetingDecision)?;
        let request = permit.request();
        let group = groups::find(conn, &group_of(request)?)?;
        let held_on = meeting::held_on(&form.held_on, ctx.now.date(), request.created_at.date());
        let voters = match held_on {
            Ok(day) => Some(groups::voters_on(conn, &group, end_of(day))?),
            Err(_) => None,
        };
        let eligible: Option<Vec<String>> = voters
            .as_ref()
            .map(|voters| voters.iter().map(|v| v.user_id.clone()).collect());
        let decided = meeting::check(form, held_on, eligible.as_deref(), group.quorum())
            .map_err(RoundRefusal::Meeting)?;
        let voters = voters.unwrap_or_default();
        let until = ctx.now + TimeDelta::days(i64::from(group.meeting_objection_days));
        let change = Change {
            answer: Some(decided.answer),
            ..Change::default()
        };
        let event = transition(conn, ctx, acting.user, &permit, change, None)?;
        let round = meetings::record(
            conn,
            &meetings::NewMeeting {
                request_id: &request.id,
                held_on: decided.held_on,
                answer: decided.answer,
                minutes_reference: decided.minutes_reference,
                minutes_text: decided.minutes_text,
                recorded_by: &acting.user.id,
                objections_until: until,
            },
            &voters,
            &decided.attended,
            ctx.now,
        )?;
        // The check let only voters attend: their names came with them.
        let attendees = decided
            .attended
            .iter()
            .filter_map(|(user_id, position)| {
                let voter = voters.iter().find(|voter| voter.user_id == *user_id)?;
                Some((voter.name.clone(), position.as_str()))
            })
            .collect();
        let message = MeetingDecision {
            ctx: ctx.mail.clone(),
            request: summary(conn, request)?,
            convenor: acting.user.name.clone(),
            held_on: decided.held_on,
            attendees,
            minutes_reference: decided.minutes_reference.map(str::to_owned),
            answer: decided.answer.to_owned(),
            until,
            link_url: request_url(ctx, request),
        };
        let absentees = meetings::absentee_emails(conn, &round)?;
        send_each(conn, ctx, request, &event, &absentees, &message)
    })
}
