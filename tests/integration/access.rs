//! Who may do what (SPEC §3, issue 4 item 9): every workspace and admin
//! route of the route table (support/routes.rs), read and posted to, by
//! each kind of person, against one table of answers.
//! A request outside one's rights answers 404, never 403; anonymous visitors
//! are sent to sign in; whoever may read a request but may not take this
//! action (or not now) is refused with 409. Every post carries a valid CSRF
//! token and the request's current version, so what is tested is who may
//! act, not the form; nothing refused may change anything.

use std::collections::HashMap;

use clarion::db::schema::{
    appeals, comments, consultation_answers, consultations, endorsements, events,
    external_committees, external_designations, groups, liaison_contacts, memberships,
    organisations, requests, rounds, settings, standards, users, votes, webhook_endpoints,
};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::{Backend, Person, TestApp, csrf_token_in};
use crate::support::journey::{confirmed_request, valid_form};
use crate::support::routes::{self, Audience, Method};
use crate::support::workspace::{act, screened_world};

/// What a person gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Answer {
    /// 200: the page.
    Ok,
    /// 303 to a page other than the login page: a read-only address that
    /// leads back to its form.
    Redirect,
    /// 303 to a page other than the login page, and something changed: the
    /// post was carried out.
    Done,
    /// 201 to a post, and something changed: carried out, and the answer
    /// is the page of what it made (a webhook endpoint, its secret shown
    /// once).
    Created,
    /// 200 to a post, and something changed: carried out, and the answer
    /// shows what it made, this once (a webhook endpoint's new secret).
    Shown,
    /// 303 to `/login?next=<this address>`.
    Login,
    /// 404: nothing here as far as this person may know.
    NotFound,
    /// 409: may read the request, but this action is not theirs, or not now.
    Refused,
}

impl Answer {
    /// Whether the attempt carries the action out.
    pub(crate) fn acts(self) -> bool {
        matches!(self, Answer::Done | Answer::Created | Answer::Shown)
    }
}

/// Where the request of a `{reference}` address stands when the row is tried:
/// each row gets a request of MG 17025 in that state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum At {
    /// The address names no request.
    NoRequest,
    /// `{reference}` is a reference no request has.
    Unknown,
    /// Confirmed, awaiting the endorsement of its sponsor, AFNOR.
    AwaitingEndorsement,
    /// Confirmed, not yet accepted: only the secretariat may read it.
    Screening,
    /// Accepted for MG 17025: its members read it.
    InGroup,
    /// A round is open, with every vote in: the member's opposes, under a
    /// declared conflict of interest.
    Balloting,
    /// Consensus recorded on an editorially changed text, open to objection.
    Confirming,
    /// Consensus recorded, awaiting publication.
    Decided,
    Published,
}

/// The people of every row, in the order of the table's columns.
pub(crate) const PEOPLE: [&str; 6] = [
    "anonymous",
    "member of MG 17025",
    "member of MG 17065",
    "convenor of MG 17025",
    "secretariat",
    "sponsor account of AFNOR",
];

/// The accounts of [`PEOPLE`] after the first (anonymous).
pub(crate) const EMAILS: [&str; 5] = [
    "mia@example.org",
    "otto@example.org",
    "carla@example.org",
    "sam@example.org",
    "camille@afnor.example",
];

pub(crate) mod expected {
    use super::Answer::{self, *};
    use super::At::{self, *};
    use super::Method::{self, *};

    /// SPEC §3 as answers, route by route, each named by its example in
    /// the route table. `{reference}` is a request in the state of the
    /// third column; `{group}` MG 17000, `{user}` a spare account,
    /// `{committee}` ISO/TC 176, `{slug}` ISO/IEC 17025:2017.
    #[rustfmt::skip]
    pub const TABLE: &[(Method, &str, At, [Answer; 6])] = &[
        //     route                                                 request     anon.  member A  member B  conv. A   secretariat sponsor
        (Get,  "/workspace",                                         NoRequest, [Login, Ok,       Ok,       Ok,       Ok,       Ok      ]),
        (Get,  "/workspace/requests",                                NoRequest, [Login, Ok,       Ok,       Ok,       Ok,       Ok      ]),
        (Get,  "/workspace/requests/{reference}",                    Unknown,   [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Post, "/workspace/requests/{reference}/comments",           Unknown,   [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Get,  "/workspace/requests/{reference}",                    Screening, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}",                    InGroup,   [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}",                    Balloting, [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}",                    Decided,   [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}",                    Published, [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/case",               Screening, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/case.json",          Screening, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/case",               InGroup,   [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/case.json",          InGroup,   [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/case",               Published, [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/case.json",          Published, [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}",                    Confirming,[Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Post, "/workspace/requests/{reference}/screen",             InGroup,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/screen",             Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/accept",             InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/accept",             Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/ask",                InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/ask",                Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/not-admissible",     InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/not-admissible",     Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/refer",              InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/refer",              Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/duplicate",          Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/duplicate",          InGroup,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/reassign",           Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/reassign",           InGroup,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/comments",           Screening, [Login, NotFound, NotFound, NotFound, Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/comments",           InGroup,   [Login, Done,     NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/rounds",             Screening, [Login, NotFound, NotFound, NotFound, Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/rounds",             InGroup,   [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/vote",               InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/vote",               Balloting, [Login, Done,     NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/consensus",          Balloting, [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/no-consensus-yet",   Balloting, [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/no-consensus",       Balloting, [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/no-consensus",       InGroup,   [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/mark",               Decided,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/publish",            InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/publish",            Decided,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/send-back",          Decided,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/mark",               Published, [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Get,  "/workspace/requests/{reference}/wording",            Screening, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/wording",            InGroup,   [Login, Refused,  NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/wording",            Decided,   [Login, Refused,  NotFound, Refused,  Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/wording",            Published, [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/wording",            Screening, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/wording",            InGroup,   [Login, Refused,  NotFound, Done,     Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/wording",            Balloting, [Login, Refused,  NotFound, Done,     Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/wording",            Confirming,[Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/wording",            Decided,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/wording",            Published, [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Get,  "/workspace/requests/{reference}/translation",        InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Get,  "/workspace/requests/{reference}/translation",        Decided,   [Login, Refused,  NotFound, Ok,       Ok,       NotFound]),
        (Get,  "/workspace/requests/{reference}/translation",        Published, [Login, Refused,  NotFound, Ok,       Ok,       NotFound]),
        (Post, "/workspace/requests/{reference}/translation",        InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/translation",        Decided,   [Login, Refused,  NotFound, Done,     Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/translation",        Published, [Login, Refused,  NotFound, Done,     Done,     NotFound]),
        (Get,  "/admin",                                             NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/standards",                                   NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/standards/new",                               NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/standards",                                   NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/standards/{slug}/edit",                       NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/standards/{slug}",                            NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/admin/standards/{slug}",                            NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/groups",                                      NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/groups/new",                                  NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/groups",                                      NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/groups/{group}",                              NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/groups/{group}/members",                      NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/admin/groups/{group}/members",                      NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/groups/{group}/members/{user}",               NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/groups/{group}/members/{user}",               NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/admin/groups/{group}/members/{user}/remove",        NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/groups/{group}/members/{user}/remove",        NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Get,  "/admin/committees",                                  NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/committees/new",                              NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/committees",                                  NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/committees/{committee}/edit",                 NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/committees/{committee}",                      NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/admin/committees/{committee}",                      NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/users",                                       NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/users/invite",                                NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/users/invite",                                NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/users/{user}/deactivate",                     NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/admin/users/{user}/deactivate",                     NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/admin/users/{user}/reactivate",                     NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/mail",                                        NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/stats",                                       NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/webhooks",                                    NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/webhooks",                                    NoRequest, [Login, NotFound, NotFound, NotFound, Created,  NotFound]),
        (Get,  "/admin/webhooks/{webhook}",                          NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/webhooks/{webhook}/enable",                   NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/admin/webhooks/{webhook}/disable",                  NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/admin/webhooks/{webhook}/secret",                   NoRequest, [Login, NotFound, NotFound, NotFound, Shown,    NotFound]),
        (Post, "/admin/webhooks/{webhook}/remove",                   NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/webhooks/{webhook}/remove",                   NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/workspace/requests/{reference}/responses",          InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/responses",          Balloting, [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/allowances",         InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/allowances",         Balloting, [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/objections",         Decided,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/objections",         Confirming,[Login, Done,     NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/meeting",            Balloting, [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/meeting",            InGroup,   [Login, Refused,  NotFound, Done,     Refused,  NotFound]),
        (Get,  "/admin/groups/{group}/rules",                        NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/admin/groups/{group}/rules",                        NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/organisations",                               NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/organisations",                               NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/admin/organisations/new",                           NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/organisations/{organisation}/edit",           NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Get,  "/admin/organisations/{organisation}",                NoRequest, [Login, NotFound, NotFound, NotFound, Redirect, NotFound]),
        (Post, "/admin/organisations/{organisation}",                NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/admin/registry/checked",                            NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Get,  "/workspace/requests/{reference}/correct",            Screening, [Login, NotFound, NotFound, NotFound, Refused,  NotFound]),
        (Get,  "/workspace/requests/{reference}/correct",            Decided,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Get,  "/workspace/requests/{reference}/correct",            Published, [Login, Refused,  NotFound, Refused,  Ok,       NotFound]),
        (Post, "/workspace/requests/{reference}/correct",            Decided,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/correct",            Published, [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        // PDF documents of the register: a published clarification for
        // everyone, a request not published for no one.
        (Get,  "/clarifications/{reference}.pdf",                    Decided,   [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Get,  "/clarifications/{reference}/v1.pdf",                 Decided,   [NotFound, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Get,  "/clarifications/{reference}.pdf",                    Published, [Ok,      Ok,       Ok,       Ok,       Ok,       Ok      ]),
        (Get,  "/clarifications/{reference}/v1.pdf",                 Published, [Ok,      Ok,       Ok,       Ok,       Ok,       Ok      ]),
        (Get,  "/standards/{slug}/clarifications.pdf",               NoRequest, [Ok,      Ok,       Ok,       Ok,       Ok,       Ok      ]),
        // Appeals, in this order: lodged, then read, stepped and noticed.
        (Get,  "/workspace/requests/{reference}/appeals/new",        InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Get,  "/workspace/requests/{reference}/appeals/new",        Published, [Login, Refused,  NotFound, Refused,  Ok,       NotFound]),
        (Post, "/workspace/requests/{reference}/appeals",            Decided,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/appeals",            Published, [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Get,  "/workspace/requests/{reference}/appeals/1",          Published, [Login, Ok,       NotFound, Ok,       Ok,       NotFound]),
        (Post, "/workspace/requests/{reference}/appeals/1/steps",    Published, [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Post, "/workspace/requests/{reference}/appeals/1/notice",   Published, [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        // Liaison consultation: a response to a liaison's comments (the
        // row's request has a consultation with comments), then a liaison
        // consulted at an address, and the address removed again.
        (Post, "/workspace/requests/{reference}/liaison-responses",  InGroup,   [Login, Refused,  NotFound, Refused,  Refused,  NotFound]),
        (Post, "/workspace/requests/{reference}/liaison-responses",  Decided,   [Login, Refused,  NotFound, Refused,  Done,     NotFound]),
        (Get,  "/admin/consultation",                                NoRequest, [Login, NotFound, NotFound, NotFound, Ok,       NotFound]),
        (Post, "/admin/consultation",                                NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        (Post, "/admin/consultation/remove",                         NoRequest, [Login, NotFound, NotFound, NotFound, Done,     NotFound]),
        // A sponsor's account: its organisation's requests, and the queue of
        // those awaiting its decision; every other request is 404 to it.
        (Get,  "/sponsor",                                           NoRequest, [Login, NotFound, NotFound, NotFound, NotFound, Ok      ]),
        (Get,  "/sponsor/requests/{reference}",                      Unknown,   [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Get,  "/sponsor/requests/{reference}",                      Screening, [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Post, "/sponsor/requests/{reference}",                      Screening, [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
        (Get,  "/workspace/requests/{reference}",                    AwaitingEndorsement, [Login, NotFound, NotFound, NotFound, Ok, NotFound]),
        (Get,  "/sponsor/requests/{reference}",                      AwaitingEndorsement, [Login, NotFound, NotFound, NotFound, NotFound, Ok]),
        (Post, "/sponsor/requests/{reference}",                      AwaitingEndorsement, [Login, NotFound, NotFound, NotFound, NotFound, Done]),
    ];

    /// Addresses no route claims.
    #[rustfmt::skip]
    pub const UNROUTED: &[(&str, [Answer; 6])] = &[
        ("/admin/no-such-page",                                             [Login, NotFound, NotFound, NotFound, NotFound, NotFound]),
    ];
}

/// Whether the person of a column is among those the route table says may
/// use a route: for the table's requests, member A and convenor A are of
/// the request's group, member B is not.
pub(crate) fn may_use(audience: Audience, who: usize) -> bool {
    match audience {
        Audience::Public => true,
        Audience::LinkHolder => false,
        Audience::SignedIn => who > 0,
        Audience::Member => who == 1 || who == 3,
        Audience::Convenor => who == 3,
        Audience::ConvenorOrSecretariat => who == 3 || who == 4,
        Audience::Secretariat => who == 4,
        Audience::Sponsor => who == 5,
    }
}

/// The answer table and the route table say the same: every workspace and
/// admin route has answers, each answered row is a route, and only those
/// the route table names carry out a post, at least one of them somewhere.
#[test]
fn the_access_table_answers_for_every_workspace_and_admin_route() {
    let mut problems = Vec::new();
    for &(method, example, _, answers) in expected::TABLE {
        let Some(route) = routes::find(method, example) else {
            problems.push(format!(
                "{method:?} {example} is no route of the route table"
            ));
            continue;
        };
        for (who, answer) in answers.iter().enumerate() {
            if answer.acts() && !may_use(route.audience, who) {
                problems.push(format!(
                    "{method:?} {example}: {} acts, but it is for {:?}",
                    PEOPLE[who], route.audience
                ));
            }
        }
    }
    let guarded = routes::ROUTES
        .iter()
        .filter(|r| r.pattern.starts_with("/workspace") || r.pattern.starts_with("/admin"));
    for route in guarded {
        let rows: Vec<_> = expected::TABLE
            .iter()
            .filter(|(method, example, _, _)| *method == route.method && *example == route.example)
            .collect();
        if rows.is_empty() {
            problems.push(format!(
                "no answers for {:?} {}",
                route.method, route.example
            ));
        }
        let served = rows.iter().any(|(_, _, _, answers)| {
            answers.iter().enumerate().any(|(who, answer)| {
                may_use(route.audience, who)
                    && (matches!(answer, Answer::Ok | Answer::Redirect) || answer.acts())
            })
        });
        if !rows.is_empty() && !served {
            problems.push(format!(
                "{:?} {}: none of {:?} is ever served",
                route.method, route.example, route.audience
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

on_both_databases!(every_route_answers_each_person_as_spec_section_3_says);

async fn every_route_answers_each_person_as_spec_section_3_says(backend: Backend) {
    let mut world = World::new(backend).await;
    let mut failures = Vec::new();
    let unrouted = expected::UNROUTED
        .iter()
        .map(|&(path, answers)| (Method::Get, path, At::NoRequest, answers));
    for (method, route, at, answers) in expected::TABLE.iter().copied().chain(unrouted) {
        let reference = match at {
            At::NoRequest => None,
            At::Unknown => Some("CR-1999-0001".to_owned()),
            at => Some(world.request_at(at).await),
        };
        let path = world.address(route, reference.as_deref());
        // Those who may not act go first: a refusal must leave everything
        // as it was, for them and for whoever may act after them.
        let order = (0..PEOPLE.len())
            .filter(|&i| !answers[i].acts())
            .chain((0..PEOPLE.len()).filter(|&i| answers[i].acts()));
        let mut before = snapshot(&world.app);
        for who in order {
            let expected = answers[who];
            let what = format!("{method:?} {route} (request {at:?}) as {}", PEOPLE[who]);
            let response = world
                .attempt(who, method, route, &path, reference.as_deref())
                .await;
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .map(|l| l.to_str().unwrap().to_owned());
            assert!(
                status != 403 && status < 500,
                "{what}: answered {status}, which no address may"
            );
            let got = answer_of(method, status, location.as_deref(), &path)
                // A page shown once is a 200 like any other; the change it
                // made tells them apart.
                .map(|got| match (got, expected) {
                    (Answer::Ok, Answer::Shown) if method == Method::Post => Answer::Shown,
                    _ => got,
                });
            let after = snapshot(&world.app);
            if got != Some(expected) {
                failures.push(format!(
                    "{what}: expected {expected:?}, got {status} {}",
                    location.unwrap_or_default()
                ));
            } else if expected.acts() && after == before {
                failures.push(format!("{what}: answered {status} but nothing changed"));
            }
            if !expected.acts() && after != before {
                failures.push(format!(
                    "{what}: changed what it may not: {}",
                    before.changes_to(&after).join("; ")
                ));
            }
            before = after;
        }
        if let Some(reference) = reference.filter(|_| at != At::Unknown) {
            world.moved(at, &reference);
        }
    }
    assert!(
        failures.is_empty(),
        "{} answers differ from SPEC §3:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What a response means, in the table's words (`None`: nothing it knows).
fn answer_of(method: Method, status: u16, location: Option<&str>, path: &str) -> Option<Answer> {
    let login = format!(
        "/login?{}",
        serde_urlencoded::to_string([("next", path)]).unwrap()
    );
    match (status, location) {
        (200, _) => Some(Answer::Ok),
        (201, _) if method == Method::Post => Some(Answer::Created),
        (404, _) => Some(Answer::NotFound),
        (409, _) => Some(Answer::Refused),
        (303, Some(to)) if to == login => Some(Answer::Login),
        (303, Some(to)) if to.starts_with("/login") => None,
        (303, Some(_)) if method == Method::Post => Some(Answer::Done),
        (303, Some(_)) => Some(Answer::Redirect),
        _ => None,
    }
}

/// Reference, state, closure reason, group, version.
type RequestRow = (Option<String>, String, Option<String>, Option<String>, i32);

/// Code, name and closing rules.
type GroupRow = (String, String, i32, i32, bool, i32, i32);

/// Group, user, role, capacity, nominated by, start, end, interests.
type MembershipRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    chrono::NaiveDateTime,
    Option<chrono::NaiveDateTime>,
    Option<String>,
);

/// Everything an attempt could change, apart from sessions and mail.
#[derive(Debug, PartialEq)]
struct Snapshot {
    requests: Vec<RequestRow>,
    events: i64,
    comments: i64,
    rounds: Vec<(String, Option<String>)>,
    votes: Vec<(String, String)>,
    standards: Vec<(String, String, Option<String>, Option<String>)>,
    groups: Vec<GroupRow>,
    memberships: Vec<MembershipRow>,
    organisations: Vec<(String, String, Option<String>)>,
    committees: Vec<(String, String, String, String)>,
    designations: Vec<(String, String)>,
    users: Vec<(String, bool, bool)>,
    settings: Vec<(String, String)>,
    /// Each appeal's number, step and public notice.
    appeals: Vec<(i32, String, bool)>,
    /// The liaisons consulted, by address; the responses to their comments.
    liaison_contacts: Vec<(String, String)>,
    liaison_responses: Vec<(String, String)>,
    /// Each webhook endpoint's address and whether it is on.
    /// Address, on, secret.
    webhooks: Vec<(String, bool, String)>,
}

impl Snapshot {
    /// What differs, table by table: the rows only before, then only after.
    fn changes_to(&self, after: &Snapshot) -> Vec<String> {
        fn rows<T: std::fmt::Debug + PartialEq>(
            changes: &mut Vec<String>,
            table: &str,
            before: &[T],
            after: &[T],
        ) {
            let gone: Vec<_> = before.iter().filter(|r| !after.contains(r)).collect();
            let new: Vec<_> = after.iter().filter(|r| !before.contains(r)).collect();
            if !gone.is_empty() || !new.is_empty() {
                changes.push(format!("{table}: {gone:?} became {new:?}"));
            }
        }
        let mut changes = Vec::new();
        rows(&mut changes, "requests", &self.requests, &after.requests);
        rows(&mut changes, "events", &[self.events], &[after.events]);
        rows(
            &mut changes,
            "comments",
            &[self.comments],
            &[after.comments],
        );
        rows(&mut changes, "rounds", &self.rounds, &after.rounds);
        rows(&mut changes, "votes", &self.votes, &after.votes);
        rows(&mut changes, "standards", &self.standards, &after.standards);
        rows(&mut changes, "groups", &self.groups, &after.groups);
        rows(
            &mut changes,
            "memberships",
            &self.memberships,
            &after.memberships,
        );
        rows(
            &mut changes,
            "organisations",
            &self.organisations,
            &after.organisations,
        );
        rows(
            &mut changes,
            "committees",
            &self.committees,
            &after.committees,
        );
        rows(
            &mut changes,
            "designations",
            &self.designations,
            &after.designations,
        );
        rows(&mut changes, "users", &self.users, &after.users);
        rows(&mut changes, "settings", &self.settings, &after.settings);
        rows(&mut changes, "appeals", &self.appeals, &after.appeals);
        rows(
            &mut changes,
            "liaison contacts",
            &self.liaison_contacts,
            &after.liaison_contacts,
        );
        rows(
            &mut changes,
            "liaison responses",
            &self.liaison_responses,
            &after.liaison_responses,
        );
        rows(&mut changes, "webhooks", &self.webhooks, &after.webhooks);
        changes
    }
}

fn snapshot(app: &TestApp) -> Snapshot {
    let conn = &mut app.db();
    Snapshot {
        requests: requests::table
            .order(requests::id)
            .select((
                requests::reference,
                requests::state,
                requests::closure_reason,
                requests::group_id,
                requests::version,
            ))
            .load(conn)
            .unwrap(),
        events: events::table.count().get_result(conn).unwrap(),
        comments: comments::table.count().get_result(conn).unwrap(),
        rounds: rounds::table
            .order(rounds::id)
            .select((rounds::id, rounds::outcome))
            .load(conn)
            .unwrap(),
        votes: votes::table
            .order(votes::id)
            .select((votes::user_id, votes::position))
            .load(conn)
            .unwrap(),
        standards: standards::table
            .order(standards::id)
            .select((
                standards::slug,
                standards::title,
                standards::group_id,
                standards::superseded_by_id,
            ))
            .load(conn)
            .unwrap(),
        groups: groups::table
            .order(groups::id)
            .select((
                groups::code,
                groups::name,
                groups::quorum_percent,
                groups::quorum_minimum,
                groups::liaisons_vote,
                groups::objection_days,
                groups::meeting_objection_days,
            ))
            .load(conn)
            .unwrap(),
        memberships: memberships::table
            .order((memberships::group_id, memberships::user_id))
            .select((
                memberships::group_id,
                memberships::user_id,
                memberships::role,
                memberships::capacity,
                memberships::nominated_by_id,
                memberships::starts_at,
                memberships::ends_at,
                memberships::interests,
            ))
            .load(conn)
            .unwrap(),
        organisations: organisations::table
            .order(organisations::acronym)
            .select((
                organisations::acronym,
                organisations::name,
                organisations::contact_email,
            ))
            .load(conn)
            .unwrap(),
        committees: external_committees::table
            .order(external_committees::id)
            .select((
                external_committees::code,
                external_committees::name,
                external_committees::contact,
                external_committees::url,
            ))
            .load(conn)
            .unwrap(),
        designations: external_designations::table
            .order(external_designations::designation)
            .select((
                external_designations::designation,
                external_designations::committee_id,
            ))
            .load(conn)
            .unwrap(),
        users: users::table
            .order(users::id)
            .select((users::email, users::is_secretariat, users::active))
            .load(conn)
            .unwrap(),
        settings: settings::table
            .order(settings::key)
            .select((settings::key, settings::value))
            .load(conn)
            .unwrap(),
        appeals: appeals::table
            .order((appeals::request_id, appeals::number))
            .select((appeals::number, appeals::step, appeals::public_notice))
            .load(conn)
            .unwrap(),
        liaison_contacts: liaison_contacts::table
            .order(liaison_contacts::id)
            .select((liaison_contacts::organisation_id, liaison_contacts::email))
            .load(conn)
            .unwrap(),
        liaison_responses: consultation_answers::table
            .filter(consultation_answers::response.is_not_null())
            .order(consultation_answers::id)
            .select((
                consultation_answers::id,
                consultation_answers::response.assume_not_null(),
            ))
            .load(conn)
            .unwrap(),
        webhooks: webhook_endpoints::table
            .order(webhook_endpoints::id)
            .select((
                webhook_endpoints::url,
                webhook_endpoints::enabled,
                webhook_endpoints::secret,
            ))
            .load(conn)
            .unwrap(),
    }
}

const DRAFT: &str = "Yes: one documented procedure may cover several methods.";

/// A webhook endpoint turned off after failing, as the worker leaves it.
fn turned_off_endpoint(app: &TestApp) -> String {
    use clarion::models::webhooks::{self, NewEndpoint};
    let (id, now) = (clarion::db::new_id(), app.clock.now());
    let conn = &mut app.db();
    webhooks::insert_endpoint(
        conn,
        &NewEndpoint {
            id: &id,
            url: "https://hooks.example.org/failing",
            secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            events: "published",
            description: "",
            enabled: true,
            created_at: now,
            created_by: None,
        },
    )
    .unwrap();
    webhooks::set_disabled(conn, &id, Some(now), now).unwrap();
    id
}

type Form = &'static [(&'static str, &'static str)];
type Step = (usize, &'static str, Form);

const AGREE: Form = &[("position", "agree"), ("comment", "")];
/// The member opposes under a declared conflict of interest, which the
/// convenor may allow.
const OPPOSE: Form = &[
    ("position", "oppose"),
    ("comment", "Name each method."),
    ("conflict", "declared"),
    ("conflict_note", "I advised the submitter."),
];

/// How a new request reaches each state: who (a column of the table) does
/// what. Every voter (the member and the convenor) votes, so that the
/// closing rules let the convenor record consensus.
pub(crate) fn steps_to(at: At) -> Vec<Step> {
    let accept = (4, "accept", &[] as Form);
    let open = (3, "rounds", &[("draft", DRAFT), ("deadline", "")] as Form);
    let voted = [accept, open, (1, "vote", AGREE), (3, "vote", AGREE)];
    match at {
        At::AwaitingEndorsement | At::Screening => vec![],
        At::InGroup => vec![accept],
        At::Balloting => vec![accept, open, (1, "vote", OPPOSE), (3, "vote", AGREE)],
        At::Confirming => [
            &voted[..],
            &[(
                3,
                "consensus",
                &[
                    (
                        "final_answer",
                        "Yes: one documented procedure can cover several methods.",
                    ),
                    ("change_class", "editorial"),
                    ("change_reason", "Plainer wording."),
                ] as Form,
            )],
        ]
        .concat(),
        At::Decided => [
            &voted[..],
            &[(3, "consensus", &[("final_answer", DRAFT)] as Form)],
        ]
        .concat(),
        At::Published => [
            &voted[..],
            &[
                (3, "consensus", &[("final_answer", DRAFT)] as Form),
                (4, "publish", &[("consider_at_revision", "on")] as Form),
            ],
        ]
        .concat(),
        At::NoRequest | At::Unknown => unreachable!("no request is made"),
    }
}

/// A committee as stored, its designations one per line.
struct Committee {
    id: String,
    code: String,
    name: String,
    contact: String,
    url: String,
    designations: String,
}

/// The running site, its people, and requests ready in each state.
pub(crate) struct World {
    pub(crate) app: TestApp,
    /// In the order of [`PEOPLE`], each with a CSRF token of their own.
    pub(crate) people: Vec<(Person, String)>,
    group_a: String,
    group_b: String,
    /// MG 17000, whose members the admin rows change.
    spare_group: String,
    /// An account the admin rows add, promote, remove, deactivate.
    spare_user: String,
    /// ISO/TC 176, as stored.
    committee: Committee,
    /// AFNOR's id.
    organisation: String,
    /// ISO/IEC 17025:2017: slug, title, group.
    standard: (String, String, String),
    /// A published clarification, for `duplicate`.
    published: String,
    /// A webhook endpoint, turned off, for the admin rows to turn on.
    webhook: String,

    /// Requests no row has used up yet, by where they stand.
    ready: HashMap<At, String>,
    known: Vec<String>,
}

impl World {
    pub(crate) async fn new(backend: Backend) -> World {
        let app =
            TestApp::spawn_with(backend, &[("CLARION_SUBMISSIONS_PER_HOUR", "0".into())]).await;
        let (first, _) = screened_world(&app).await;
        app.add_user("vic@example.org", "Vic Spare", false, None);
        // Reassigning a request the group has sends it to MG 17065: someone
        // must convene it.
        app.add_user(
            "cleo@example.org",
            "Cleo Convenor",
            false,
            Some(("MG 17065", "convenor")),
        );
        let group_id = |code: &str| -> String {
            groups::table
                .filter(groups::code.eq(code))
                .select(groups::id)
                .first(&mut app.db())
                .unwrap()
        };
        let (group_a, group_b, spare_group) = (
            group_id("MG 17025"),
            group_id("MG 17065"),
            group_id("MG 17000"),
        );
        let spare_user = users::table
            .filter(users::email.eq("vic@example.org"))
            .select(users::id)
            .first(&mut app.db())
            .unwrap();
        let (id, code, name, contact, url): (String, String, String, String, String) =
            external_committees::table
                .filter(external_committees::code.eq("ISO/TC 176"))
                .select((
                    external_committees::id,
                    external_committees::code,
                    external_committees::name,
                    external_committees::contact,
                    external_committees::url,
                ))
                .first(&mut app.db())
                .unwrap();
        let designations: Vec<String> = external_designations::table
            .filter(external_designations::committee_id.eq(&id))
            .select(external_designations::designation)
            .load(&mut app.db())
            .unwrap();
        let organisation = organisations::table
            .filter(organisations::acronym.eq("AFNOR"))
            .select(organisations::id)
            .first(&mut app.db())
            .unwrap();
        let (slug, title, group): (String, String, Option<String>) = standards::table
            .filter(standards::slug.eq("iso-iec-17025-2017"))
            .select((standards::slug, standards::title, standards::group_id))
            .first(&mut app.db())
            .unwrap();

        app.add_user("camille@afnor.example", "Camille Sponsor", false, None);
        diesel::update(users::table.filter(users::email.eq("camille@afnor.example")))
            .set(users::sponsor_organisation_id.eq(&organisation))
            .execute(&mut app.db())
            .unwrap();
        let anonymous = Person::new(&app.address);
        let (_, login) = anonymous.page("/login").await;
        let mut people = vec![(anonymous, csrf_token_in(&login))];
        for email in EMAILS {
            let person = app.signed_in(email).await;
            let (_, page) = person.page("/logout").await;
            let token = csrf_token_in(&page);
            people.push((person, token));
        }
        let webhook = turned_off_endpoint(&app);
        let mut world = World {
            app,
            people,
            group_a,
            group_b,
            spare_group,
            spare_user,
            committee: Committee {
                id,
                code,
                name,
                contact,
                url,
                designations: designations.join("\n"),
            },
            organisation,
            standard: (slug, title, group.unwrap()),
            published: String::new(),
            webhook,
            ready: HashMap::from([(At::Screening, first.clone())]),
            known: vec![first],
        };
        world.published = world.request_at(At::Published).await;
        world
    }

    /// A request of MG 17025 standing `at`, made and moved there if none is ready.
    pub(crate) async fn request_at(&mut self, at: At) -> String {
        if let Some(reference) = self.ready.get(&at) {
            return reference.clone();
        }
        confirmed_request(&self.app, &valid_form()).await;
        let references: Vec<String> = requests::table
            .filter(requests::reference.is_not_null())
            .select(requests::reference.assume_not_null())
            .load(&mut self.app.db())
            .unwrap();
        let reference = references
            .into_iter()
            .find(|r| !self.known.contains(r))
            .expect("the new request");
        self.known.push(reference.clone());
        if at == At::AwaitingEndorsement {
            self.await_endorsement(&reference);
        }
        for (who, action, fields) in steps_to(at) {
            let response = act(&self.people[who].0, &reference, action, fields).await;
            assert_eq!(response.status(), 303, "{action} on the way to {at:?}");
        }
        assert_eq!(self.stage_of(&reference), Some(at));
        self.ready.insert(at, reference.clone());
        reference
    }

    /// Where a request of MG 17025 stands, if in one of the table's states.
    fn stage_of(&self, reference: &str) -> Option<At> {
        let (state, group): (String, Option<String>) = requests::table
            .filter(requests::reference.eq(reference))
            .select((requests::state, requests::group_id))
            .first(&mut self.app.db())
            .unwrap();
        if group.as_deref() != Some(self.group_a.as_str()) {
            return None;
        }
        match state.as_str() {
            "awaiting_endorsement" => Some(At::AwaitingEndorsement),
            "screening" => Some(At::Screening),
            "in_group" => Some(At::InGroup),
            "balloting" => Some(At::Balloting),
            "confirming" => Some(At::Confirming),
            "decided" => Some(At::Decided),
            "published" => Some(At::Published),
            _ => None,
        }
    }

    /// Puts a request just confirmed where a request from the public
    /// naming AFNOR stands in `endorsed` mode, which this site is not in:
    /// waiting for AFNOR's endorsement.
    fn await_endorsement(&self, reference: &str) {
        let mut conn = self.app.db();
        let id: String = requests::table
            .filter(requests::reference.eq(reference))
            .select(requests::id)
            .first(&mut conn)
            .unwrap();
        diesel::update(requests::table.find(&id))
            .set(requests::state.eq("awaiting_endorsement"))
            .execute(&mut conn)
            .unwrap();
        diesel::insert_into(endorsements::table)
            .values((
                endorsements::request_id.eq(id),
                endorsements::sponsor_id.eq(&self.organisation),
                endorsements::requested_at.eq(self.app.clock.now()),
            ))
            .execute(&mut conn)
            .unwrap();
    }

    /// After a row: a request an action moved is ready for rows of its new state.
    pub(crate) fn moved(&mut self, was: At, reference: &str) {
        let now = self.stage_of(reference);
        if now != Some(was) {
            self.ready.remove(&was);
            if let Some(now) = now {
                self.ready
                    .entry(now)
                    .or_insert_with(|| reference.to_owned());
            }
        }
    }

    /// A liaison's comments on the request's decision, recorded as the
    /// liaison would (once per request): the answer's id.
    fn liaison_comments(&self, reference: &str) -> String {
        use clarion::models::consultations::{self as stored, NewAnswer, NewConsultation};
        let conn = &mut self.app.db();
        let request: String = requests::table
            .filter(requests::reference.eq(reference))
            .select(requests::id)
            .first(conn)
            .unwrap();
        let existing: Option<String> = consultation_answers::table
            .inner_join(consultations::table)
            .filter(consultations::request_id.eq(&request))
            .select(consultation_answers::id)
            .first(conn)
            .optional()
            .unwrap();
        if let Some(answer) = existing {
            return answer;
        }
        let ilac: String = organisations::table
            .filter(organisations::acronym.eq("ILAC"))
            .select(organisations::id)
            .first(conn)
            .unwrap();
        let now = self.app.clock.now();
        let (consultation, answer) = (clarion::db::new_id(), clarion::db::new_id());
        stored::open(
            conn,
            &NewConsultation {
                id: &consultation,
                request_id: &request,
                opened_at: now,
                ends_at: now + chrono::TimeDelta::days(30),
            },
        )
        .unwrap();
        stored::add_answer(
            conn,
            &NewAnswer {
                id: &answer,
                consultation_id: &consultation,
                organisation_id: &ilac,
                token_hash: &clarion::models::tokens::hash(&answer),
            },
        )
        .unwrap();
        stored::record_answer(conn, &answer, Some("Clause 7.2 reads otherwise."), now).unwrap();
        answer
    }

    pub(crate) fn address(&self, route: &str, reference: Option<&str>) -> String {
        routes::fill(route, |kind| {
            match kind {
                "reference" => reference.expect("a request of the row"),
                "group" => &self.spare_group,
                "user" => &self.spare_user,
                "committee" => &self.committee.id,
                "slug" => &self.standard.0,
                "organisation" => &self.organisation,
                "webhook" => &self.webhook,
                other => unreachable!("no {{{other}}} in the access table"),
            }
            .to_owned()
        })
    }

    pub(crate) async fn attempt(
        &self,
        who: usize,
        method: Method,
        route: &str,
        path: &str,
        reference: Option<&str>,
    ) -> reqwest::Response {
        let (person, token) = &self.people[who];
        if method == Method::Get {
            return person.get(path).await;
        }
        let mut fields = self.inputs(route);
        fields.push(("csrf_token", token.clone()));
        if route.ends_with("/responses") {
            // The opposition answered: the request's, if it has one.
            let opposition: Option<String> = votes::table
                .inner_join(rounds::table.inner_join(requests::table))
                .filter(requests::reference.eq(reference))
                .filter(votes::position.eq("oppose"))
                .select(votes::id)
                .first(&mut self.app.db())
                .optional()
                .unwrap();
            fields.push(("vote", opposition.unwrap_or_default()));
        }
        if route.ends_with("/liaison-responses") {
            fields.push(("liaison", self.liaison_comments(reference.unwrap())));
        }
        if route.ends_with("/correct") {
            // A correction of one's own: the published text again is no
            // correction.
            fields.push((
                "answer",
                format!(
                    "Yes: one documented procedure may cover several methods ({}).",
                    PEOPLE[who]
                ),
            ));
        }
        if route.ends_with("/wording") {
            // A wording of one's own: the same twice would change nothing.
            fields.push((
                "question",
                format!(
                    "Does clause 7.2.1 require one procedure per method ({})?",
                    PEOPLE[who]
                ),
            ));
        }
        let mut attendance: Vec<(String, String)> = Vec::new();
        if route.ends_with("/meeting") {
            // Held today; every member of MG 17025 attended and agreed.
            let today = self.app.clock.now().format("%Y-%m-%d").to_string();
            attendance.push(("held_on".to_owned(), today));
            let members: Vec<String> = memberships::table
                .filter(memberships::group_id.eq(&self.group_a))
                .select(memberships::user_id)
                .load(&mut self.app.db())
                .unwrap();
            attendance.extend(
                members
                    .into_iter()
                    .map(|id| (format!("attended-{id}"), "agree".to_owned())),
            );
        }
        if let Some(reference) = reference {
            let version: Option<i32> = requests::table
                .filter(requests::reference.eq(reference))
                .select(requests::version)
                .first(&mut self.app.db())
                .optional()
                .unwrap();
            fields.extend(version.map(|v| ("version", v.to_string())));
        }
        let fields: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .chain(attendance.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .collect();
        person.post_form(path, &fields).await
    }

    /// Inputs each action accepts, so that whoever may act succeeds.
    pub(crate) fn inputs(&self, route: &str) -> Vec<(&'static str, String)> {
        let note = ("note", "Noted for the access table.".to_owned());
        let fields: Vec<(&'static str, &str)> = match route {
            "/admin/groups/{group}/members/{user}/remove"
            | "/admin/users/{user}/deactivate"
            | "/admin/webhooks/{webhook}/secret"
            | "/admin/webhooks/{webhook}/remove" => {
                vec![("confirm", "yes")]
            }
            "/workspace/requests/{reference}/accept"
            | "/workspace/requests/{reference}/publish"
            | "/admin/users/{user}/reactivate"
            | "/admin/webhooks/{webhook}/enable"
            | "/admin/webhooks/{webhook}/disable"
            | "/admin/registry/checked" => vec![],
            "/workspace/requests/{reference}/no-consensus-yet"
            | "/workspace/requests/{reference}/no-consensus" => {
                return vec![note, ("confirm", "on".to_owned())];
            }
            "/sponsor/requests/{reference}" => vec![("choice", "endorse")],
            "/workspace/requests/{reference}/ask"
            | "/workspace/requests/{reference}/objections"
            | "/workspace/requests/{reference}/send-back" => return vec![note],
            "/workspace/requests/{reference}/not-admissible" => {
                return vec![
                    note,
                    ("reason", "specific_situation".to_owned()),
                    ("confirm", "on".to_owned()),
                ];
            }
            "/workspace/requests/{reference}/mark" => {
                return vec![note, ("reason", "withdrawn".to_owned())];
            }
            "/workspace/requests/{reference}/correct" => vec![
                (
                    "question",
                    "Does clause 7.2.1 require one procedure per method?",
                ),
                ("note", "Editorial: a typing error corrected."),
            ],
            "/workspace/requests/{reference}/appeals" => {
                return vec![
                    ("appellant_kind", "submitter".to_owned()),
                    ("name", "Ana Lima".to_owned()),
                    ("email", "ana@example.org".to_owned()),
                    ("grounds", "The answer contradicts clause 7.2.2.".to_owned()),
                    (
                        "received_on",
                        self.app.clock.now().format("%Y-%m-%d").to_string(),
                    ),
                ];
            }
            "/workspace/requests/{reference}/appeals/1/steps" => vec![("step", "acknowledge")],
            "/workspace/requests/{reference}/appeals/1/notice" => vec![("public_notice", "on")],
            "/workspace/requests/{reference}/refer" => {
                vec![("committee", "ISO/TC 176"), ("note", "")]
            }
            "/workspace/requests/{reference}/duplicate" => {
                vec![("duplicate_of", self.published.as_str())]
            }
            "/workspace/requests/{reference}/reassign" => vec![("group", self.group_b.as_str())],
            // Reassigning is a choice of the screening both while screened
            // and with the group.
            "/workspace/requests/{reference}/screen" => {
                vec![
                    ("choice", "reassign"),
                    ("reassign_to", self.group_b.as_str()),
                ]
            }
            "/workspace/requests/{reference}/wording" => vec![
                ("standard", self.standard.0.as_str()),
                ("clause", "7.2.1"),
                ("note", "Names removed."),
            ],
            "/workspace/requests/{reference}/translation" => vec![
                ("question", "Une procédure par méthode ?"),
                (
                    "answer",
                    "Non : une procédure peut couvrir plusieurs méthodes.",
                ),
            ],
            "/workspace/requests/{reference}/comments" => {
                vec![("body", "Check clause 7.2.2 first.")]
            }
            "/workspace/requests/{reference}/rounds" => vec![("draft", DRAFT), ("deadline", "")],
            "/workspace/requests/{reference}/vote" => vec![("position", "agree"), ("comment", "")],
            "/workspace/requests/{reference}/responses" => {
                vec![("response", "Each method is named.")]
            }
            "/workspace/requests/{reference}/allowances" => {
                return vec![
                    ("voter", self.app.user_id("mia@example.org")),
                    ("allowed_reason", "The advice ended long ago.".to_owned()),
                ];
            }
            "/workspace/requests/{reference}/consensus" => vec![("final_answer", DRAFT)],
            "/workspace/requests/{reference}/meeting" => {
                vec![("minutes_reference", "MG 17025 N 12"), ("answer", DRAFT)]
            }
            "/admin/standards" => vec![
                ("designation", "ISO/IEC 17099"),
                ("edition", "2019"),
                ("title", "Conformity assessment — Guidance on testing"),
                ("group", self.spare_group.as_str()),
            ],
            "/admin/standards/{slug}" => {
                return vec![
                    ("title", format!("{} (edited)", self.standard.1)),
                    ("group", self.standard.2.clone()),
                ];
            }
            "/admin/groups" => vec![("code", "MG 17099"), ("name", "Maintenance group 17099")],
            "/admin/groups/{group}/members" => {
                vec![("user", self.spare_user.as_str()), ("role", "member")]
            }
            "/admin/groups/{group}/members/{user}" => vec![
                ("role", "convenor"),
                ("capacity", "observer"),
                ("nominated_by", self.organisation.as_str()),
                ("starts_on", "2026-01-05"),
                ("interests", "Assessor for an accreditation body."),
            ],
            "/admin/groups/{group}/rules" => vec![
                ("quorum_percent", "60"),
                ("quorum_minimum", "3"),
                ("objection_days", "10"),
                ("meeting_objection_days", "21"),
            ],
            "/workspace/requests/{reference}/liaison-responses" => vec![(
                "response",
                "The group considered clause 7.2; the answer stands.",
            )],
            "/admin/consultation" => {
                let ilac: String = organisations::table
                    .filter(organisations::acronym.eq("ILAC"))
                    .select(organisations::id)
                    .first(&mut self.app.db())
                    .unwrap();
                return vec![
                    ("organisation", ilac),
                    ("email", "clarifications@ilac.example".to_owned()),
                ];
            }
            "/admin/consultation/remove" => {
                let contact: Option<String> = liaison_contacts::table
                    .select(liaison_contacts::id)
                    .first(&mut self.app.db())
                    .optional()
                    .unwrap();
                return vec![("contact", contact.unwrap_or_default())];
            }
            "/admin/organisations" => vec![
                ("kind", "liaison"),
                ("acronym", "XLO"),
                ("name", "Example Liaison Organisation"),
            ],
            "/admin/organisations/{organisation}" => {
                vec![("contact_email", "clarifications@afnor.example")]
            }
            "/admin/committees" => vec![
                ("code", "ISO/TC 999"),
                ("name", "A committee of the access table"),
                ("contact", "Write to tc999@example.org."),
                ("url", "https://www.iso.org/committee/999.html"),
                ("designations", "ISO 99999"),
            ],
            "/admin/committees/{committee}" => {
                let c = &self.committee;
                return vec![
                    ("code", c.code.clone()),
                    ("name", format!("{} (edited)", c.name)),
                    ("contact", c.contact.clone()),
                    ("url", c.url.clone()),
                    ("designations", c.designations.clone()),
                ];
            }
            "/admin/users/invite" => vec![("name", "Ines Invited"), ("email", "ines@example.org")],
            "/admin/webhooks" => vec![
                ("url", "https://hooks.example.org/clarion"),
                ("published", "on"),
            ],
            other => panic!("no inputs for {other}"),
        };
        fields.into_iter().map(|(k, v)| (k, v.to_owned())).collect()
    }
}
