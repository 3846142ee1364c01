//! The people around a request and what they do in the workspace, shared
//! by the tests of the workspace, the consensus rounds, the queue and the
//! access table.

use clarion::db::schema::requests;
use diesel::prelude::*;

use super::app::{Person, TestApp, csrf_token_in, version_in};
use super::journey::{confirmed_request, valid_form};

/// A request confirmed on ISO/IEC 17025 (group MG 17025), with the people
/// around it signed in. Returns its reference and tracking path.
pub async fn screened_world(app: &TestApp) -> (String, String) {
    add_the_people(app);
    let tracking = confirmed_request(app, &valid_form()).await;
    let reference: String = requests::table
        .select(requests::reference.assume_not_null())
        .first(&mut app.db())
        .unwrap();
    (reference, tracking)
}

/// The secretariat (Sam), MG 17025's convenor (Carla) and member (Mia),
/// and a member of another group (Otto).
pub fn add_the_people(app: &TestApp) {
    app.add_user("sam@example.org", "Sam Secretariat", true, None);
    app.add_user(
        "carla@example.org",
        "Carla Convenor",
        false,
        Some(("MG 17025", "convenor")),
    );
    app.add_user(
        "mia@example.org",
        "Mia Member",
        false,
        Some(("MG 17025", "member")),
    );
    app.add_user(
        "otto@example.org",
        "Otto Outsider",
        false,
        Some(("MG 17065", "member")),
    );
}

/// Sends one action form of the request page, as shown to `person`.
pub async fn act(
    person: &Person,
    reference: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    filled(person, reference, action, fields)
        .await
        .send(person)
        .await
}

/// An action form of the request page as `person` sees it now, to send
/// later (together with others, say).
pub struct Filled {
    action: String,
    fields: Vec<(String, String)>,
}

impl Filled {
    pub async fn send(&self, person: &Person) -> reqwest::Response {
        let fields: Vec<(&str, &str)> = self
            .fields
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect();
        person.post_form(&self.action, &fields).await
    }
}

pub async fn filled(
    person: &Person,
    reference: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> Filled {
    let page_path = format!("/workspace/requests/{reference}");
    let (status, page) = person.page(&page_path).await;
    assert_eq!(status, 200, "{page_path}");
    let mut all: Vec<(String, String)> = fields
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    all.push(("csrf_token".into(), csrf_token_in(&page)));
    all.push(("version".into(), version_in(&page)));
    Filled {
        action: format!("{page_path}/{action}"),
        fields: all,
    }
}

/// The submitter answers the secretariat's question from their tracking
/// page (its path); returns the answer's status.
pub async fn reply(app: &TestApp, tracking: &str, text: &str) -> u16 {
    let (_, page) = app.page(tracking).await;
    let (version, token) = (version_in(&page), csrf_token_in(&page));
    app.post_form(
        &format!("{tracking}/reply"),
        &[
            ("csrf_token", &token),
            ("version", &version),
            ("reply", text),
        ],
    )
    .await
    .status()
    .as_u16()
}

pub fn state_of(app: &TestApp) -> (String, Option<String>) {
    requests::table
        .select((requests::state, requests::closure_reason))
        .first(&mut app.db())
        .unwrap()
}
