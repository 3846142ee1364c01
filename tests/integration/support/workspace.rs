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

/// What `page`'s form to `action` sends as it stands: its fields but its
/// buttons and unticked boxes, its text areas and its lists' choices.
pub fn form_fields(page: &str, action: &str) -> Vec<(String, String)> {
    let document = scraper::Html::parse_document(page);
    let form = scraper::Selector::parse(&format!("form[action='{action}']")).unwrap();
    let fields = scraper::Selector::parse("input[name], textarea[name], select[name]").unwrap();
    let chosen = scraper::Selector::parse("option[selected]").unwrap();
    let form = document
        .select(&form)
        .next()
        .unwrap_or_else(|| panic!("a form to {action} on the page"));
    let mut sent = Vec::new();
    for field in form.select(&fields) {
        let element = field.value();
        let name = element.attr("name").unwrap_or_default().to_owned();
        let value = match (element.name(), element.attr("type").unwrap_or("text")) {
            ("textarea", _) => field.text().collect::<String>(),
            ("select", _) => field
                .select(&chosen)
                .next()
                .and_then(|option| option.value().attr("value"))
                .unwrap_or_default()
                .to_owned(),
            (_, "submit" | "button") => continue,
            (_, "checkbox" | "radio") if element.attr("checked").is_none() => continue,
            _ => element.attr("value").unwrap_or_default().to_owned(),
        };
        sent.push((name, value));
    }
    sent
}

/// Sends `page`'s form to `action` with `typed` in place of what it holds.
pub async fn send_with(
    person: &Person,
    page: &str,
    action: &str,
    typed: &[(&str, &str)],
) -> reqwest::Response {
    let mut fields = form_fields(page, action);
    for (name, value) in typed {
        fields.retain(|(field, _)| field != name);
        fields.push(((*name).to_owned(), (*value).to_owned()));
    }
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect();
    person.post_form(action, &fields).await
}

/// The form at `path`, read (`stale`) before the request changed, sent
/// with `typed`: refused as out of date and shown again with what was
/// typed, on the request's version as it is now; sent again as shown, it
/// is done (303).
pub async fn an_out_of_date_form_is_kept_to_send_again(
    person: &Person,
    path: &str,
    stale: &str,
    typed: &[(&str, &str)],
) {
    let refused = send_with(person, stale, path, typed).await;
    assert_eq!(refused.status(), 409, "{path} out of date");
    let kept = refused.text().await.unwrap();
    let said = super::app::text_of(&kept, "[role=alert]").unwrap_or_default();
    assert!(
        said.contains("This request changed while you were looking at it. Nothing was changed.")
            && said.contains("What you typed is kept below"),
        "{said}"
    );
    let fields = form_fields(&kept, path);
    for (name, value) in typed {
        assert!(
            fields.iter().any(|(n, v)| n == name && v == value),
            "{name} kept in {fields:?}"
        );
    }
    let (_, now) = person.page(path).await;
    assert_eq!(version_in(&kept), version_in(&now), "on the version now");
    assert_ne!(version_in(&kept), version_in(stale));
    let again = send_with(person, &kept, path, &[]).await;
    assert_eq!(again.status(), 303, "{path} sent again");
}
