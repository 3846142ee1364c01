//! The append-only record of everything that happened to a request.

use std::collections::HashSet;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{events, requests};
use crate::db::{self, DbConn};
use crate::domain::lifecycle::{Action, ActorKind, State};
use crate::models::requests::Request;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize)]
#[diesel(table_name = events)]
pub struct Event {
    pub id: String,
    pub request_id: String,
    pub actor_user_id: Option<String>,
    pub actor_kind: ActorKind,
    pub action: Action,
    pub from_state: Option<State>,
    pub to_state: State,
    pub note: Option<String>,
    pub created_at: NaiveDateTime,
}

pub struct NewEvent<'a> {
    pub request_id: &'a str,
    pub actor_user_id: Option<&'a str>,
    pub actor_kind: ActorKind,
    pub action: Action,
    pub from_state: Option<State>,
    pub to_state: State,
    pub note: Option<&'a str>,
}

impl<'a> NewEvent<'a> {
    /// What the system itself did to `request` (a reminder, an expiry, a
    /// deadline passing), taking it to `to_state`, with no note.
    pub fn by_system(request: &'a Request, action: Action, to_state: State) -> Self {
        NewEvent {
            request_id: &request.id,
            actor_user_id: None,
            actor_kind: ActorKind::System,
            action,
            from_state: Some(request.state),
            to_state,
            note: None,
        }
    }
}

/// Appends an event and returns its id (which keys the mail it causes).
pub fn record(conn: &mut DbConn, event: NewEvent<'_>, now: NaiveDateTime) -> QueryResult<String> {
    let id = db::new_id();
    diesel::insert_into(events::table)
        .values((
            events::id.eq(&id),
            events::request_id.eq(event.request_id),
            events::actor_user_id.eq(event.actor_user_id),
            events::actor_kind.eq(event.actor_kind),
            events::action.eq(event.action),
            events::from_state.eq(event.from_state),
            events::to_state.eq(event.to_state),
            events::note.eq(event.note),
            events::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

/// A request's events, oldest first.
pub fn for_request(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<Event>> {
    events::table
        .filter(events::request_id.eq(request_id))
        .order((events::created_at, events::id))
        .select(Event::as_select())
        .load(conn)
}

/// A request's events with the name of whoever acted, oldest first.
pub fn timeline(conn: &mut DbConn, request_id: &str) -> QueryResult<Vec<(Event, Option<String>)>> {
    use crate::db::schema::users;
    events::table
        .left_join(users::table.on(events::actor_user_id.eq(users::id.nullable())))
        .filter(events::request_id.eq(request_id))
        .order((events::created_at, events::id))
        .select((Event::as_select(), users::name.nullable()))
        .load(conn)
}

/// The requests now in `state` that have seen `action` at some point, in
/// one query however many there are.
pub fn in_state_after(
    conn: &mut DbConn,
    state: State,
    action: Action,
) -> QueryResult<HashSet<String>> {
    let ids: Vec<String> = events::table
        .inner_join(requests::table)
        .filter(requests::state.eq(state))
        .filter(events::action.eq(action))
        .select(events::request_id)
        .distinct()
        .load(conn)?;
    Ok(ids.into_iter().collect())
}
