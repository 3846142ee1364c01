//! Atom feeds (RFC 4287) of the newest clarifications: of everything and of
//! each standard. Ids are the clarifications' permanent addresses, so a
//! reader never sees an entry twice.

use actix_web::{HttpResponse, web};
use askama::Template;
use atom_syndication::{
    Category, Content, Entry, Feed, FixedDateTime, Generator, Link, Person, Text,
};
use chrono::{DateTime, NaiveDateTime};

use crate::config::Settings;
use crate::domain::search::{Filters, Status};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::register::Clarification;
use crate::models::standards::Standard;
use crate::models::translations::Translated;
use crate::models::translations::Translation;
use crate::web::AppState;
use crate::web::page_cache::RegisterVersion;

/// Entries per feed: readers poll; older answers are on the site.
const FEED_SIZE: i64 = 50;

/// The newest clarifications, of one standard or of all: picked by the
/// search index, like a list page without words, so that only the rows of
/// the feed are read.
pub fn newest(standard: Option<String>) -> Filters {
    Filters {
        standard,
        per_page: FEED_SIZE,
        ..Filters::default()
    }
}

pub async fn everything(
    state: web::Data<AppState>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let searched = state
        .search(version.map(|version| version.0), Some(newest(None)))
        .await?;
    let lang = reader_lang();
    let items = searched.results.map(|results| results.items);
    let items = in_readers_language(&state, &lang, items.unwrap_or_default()).await?;
    let settings = &state.settings;
    answer(of_everything(settings, &lang, &items, |path| {
        settings.url(path)
    }))
}

/// The language of the reader asking for a feed: its own texts follow it.
fn reader_lang() -> Lang {
    crate::web::language::reader().lang
}

/// `items` with their French versions for a reader in another language
/// than English. A feed's entry is one clarification, known by its
/// address, in whichever language its feed is read: readers show one
/// content per entry and mostly ignore `xml:lang`, and an entry per
/// language would show each clarification twice. So a French reader's
/// entry holds the French text, said to be translated, and the English
/// reference text after it (`lang="en"`); an English reader's is as it
/// was.
async fn in_readers_language(
    state: &AppState,
    lang: &Lang,
    mut items: Vec<Clarification>,
) -> Result<Vec<Clarification>, AppError> {
    if lang.is_english() || items.is_empty() {
        return Ok(items);
    }
    state
        .read(move |conn| {
            Clarification::with_french(conn, &mut items)?;
            Ok(items)
        })
        .await
}

/// The feed of the newest clarifications of the register, `items`, its
/// links made from paths by `link`, its own texts in `lang`.
pub fn of_everything(
    settings: &Settings,
    lang: &Lang,
    items: &[Clarification],
    link: impl Fn(&str) -> String,
) -> Result<Vec<u8>, AppError> {
    let about = About {
        path: "/feeds/clarifications.atom".into(),
        page: "/clarifications".into(),
        title: lang.t_with(
            "register-feed-title",
            &[("site", settings.site_name.as_str().into())],
        ),
        // An empty register has no date of its own; the epoch keeps the
        // feed, and so its ETag, the same until something is published.
        updated_when_empty: DateTime::UNIX_EPOCH.naive_utc(),
    };
    atom(settings, lang, about, items, link)
}

pub async fn of_standard(
    state: web::Data<AppState>,
    slug: web::Path<String>,
    version: Option<web::ReqData<RegisterVersion>>,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    // Only a possible slug reaches the database.
    if slug.is_empty() || !slug.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(AppError::NotFound);
    }
    let searched = state
        .search(
            version.map(|version| version.0),
            Some(newest(Some(slug.clone()))),
        )
        .await?;
    let (Some(results), Some((standard, _))) = (
        searched.results,
        searched
            .choices
            .standards
            .iter()
            .find(|(standard, _)| standard.slug == slug),
    ) else {
        return Err(AppError::NotFound);
    };
    let lang = reader_lang();
    let standard = standard.clone();
    let items = in_readers_language(&state, &lang, results.items).await?;
    let settings = &state.settings;
    answer(of_a_standard(settings, &lang, &standard, &items, |path| {
        settings.url(path)
    }))
}

/// The feed of the newest clarifications of `standard`, `items`, its links
/// made from paths by `link`, its own texts in `lang`.
pub fn of_a_standard(
    settings: &Settings,
    lang: &Lang,
    standard: &Standard,
    items: &[Clarification],
    link: impl Fn(&str) -> String,
) -> Result<Vec<u8>, AppError> {
    let about = About {
        path: format!("/feeds/standards/{}.atom", standard.slug),
        page: format!("/standards/{}", standard.slug),
        title: lang.t_with(
            "register-feed-standard-title",
            &[
                ("site", settings.site_name.as_str().into()),
                ("standard", standard.label().into()),
            ],
        ),
        updated_when_empty: standard.created_at,
    };
    atom(settings, lang, about, items, link)
}

fn answer(xml: Result<Vec<u8>, AppError>) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::Ok()
        .content_type("application/atom+xml; charset=utf-8")
        // Its own texts are in the reader's language, as pages are.
        .insert_header(("vary", "Accept-Language, Cookie"))
        .body(xml?))
}

/// What distinguishes one feed from another.
struct About {
    /// The feed's own path; its absolute form on the site is its id.
    path: String,
    /// The page that shows the same clarifications.
    page: String,
    title: String,
    updated_when_empty: NaiveDateTime,
}

/// The feed's ids are the site's absolute addresses wherever the feed is
/// read from, so that a reader of a copy knows each entry as the same one;
/// its links, made by `link`, lead where it is read from.
fn atom(
    settings: &Settings,
    lang: &Lang,
    about: About,
    items: &[Clarification],
    link: impl Fn(&str) -> String,
) -> Result<Vec<u8>, AppError> {
    let updated = items
        .iter()
        .map(Clarification::last_changed)
        .max()
        .unwrap_or(about.updated_when_empty);
    let feed = Feed {
        title: Text::plain(about.title),
        id: settings.url(&about.path),
        updated: fixed(updated),
        authors: vec![person(&settings.site_name)],
        generator: Some(Generator {
            value: "Clarion".into(),
            ..Generator::default()
        }),
        links: vec![
            Link {
                href: link(&about.path),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: link(&about.page),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ],
        subtitle: Some(Text::plain(lang.t("register-feed-subtitle"))),
        lang: Some(lang.tag()),
        entries: items
            .iter()
            .map(|item| entry(settings, lang, item, &link))
            .collect::<Result<_, _>>()?,
        ..Feed::default()
    };
    let mut xml = Vec::new();
    feed.write_to(&mut xml)
        .map_err(|e| AppError::Internal(format!("atom feed: {e}")))?;
    Ok(xml)
}

/// The HTML of an entry: what the clarification's page says, with its
/// banner and notice.
#[derive(Template)]
#[template(
    ext = "html",
    source = r#"
{%- if let Some(designation) = designation %}<p>{{ designation }} · <a href="{{ pdf_url }}">PDF</a></p>
{% endif -%}
{%- if status.as_str() != "current" %}<p><strong>{{ lang.t(status.key()) }}.</strong>{% if let Some(note) = note %} {{ note }}{% endif %}</p>
{% endif -%}
{%- if let Some(at) = corrected_at %}<p><strong>{{ lang.t_with("register-corrected-on-version", [("date", lang.long_date(at).into()), ("version", version.clone().into())]) }}.</strong>{% if let Some(note) = correction_note %} {{ note }}{% endif %}</p>
{% endif -%}
{%- if sample %}<p><em>{{ lang.t("register-feed-sample") }}</em></p>
{% endif -%}
{%- if let Some(french) = french %}<p><strong>{{ lang.t("tr-translated-title") }}.</strong> {{ lang.t("tr-translated-note") }}</p>
<h2>{{ lang.t("register-question") }}</h2>
<p>{{ french.question }}</p>
<h2>{{ lang.t("register-answer") }}</h2>
{{ french.answer_html|safe }}
<details><summary>{{ lang.t("tr-read-english") }}</summary><div lang="en">
{% endif -%}
{%- if let Some(english) = english_lang %}<div lang="{{ english }}">
{% endif -%}
<h2>{{ lang.t("register-question") }}</h2>
<p>{{ question }}</p>
<h2>{{ lang.t("register-answer") }}</h2>
{{ answer_html|safe }}
{%- if french.is_some() || english_lang.is_some() %}
</div>{% if french.is_some() %}</details>{% endif %}
{%- endif %}
<p><em>{{ lang.t("register-non-binding") }}</em></p>"#
)]
struct EntryContent<'a> {
    lang: &'a Lang,
    designation: Option<String>,
    pdf_url: &'a str,
    status: Status,
    note: Option<&'a str>,
    sample: bool,
    version: i32,
    corrected_at: Option<NaiveDateTime>,
    correction_note: Option<&'a str>,
    question: &'a str,
    answer_html: String,
    /// The French version, in a French reader's feed.
    french: Option<&'a Translation>,
    /// The `lang` of the English texts, in a feed in another language.
    english_lang: Option<&'static str>,
}

fn entry(
    settings: &Settings,
    lang: &Lang,
    item: &Clarification,
    link: impl Fn(&str) -> String,
) -> Result<Entry, AppError> {
    let permalink = settings.url(&item.path());
    let status: Status = item.status();
    let pdf_url = settings.url(&item.version_pdf_path());
    let content = EntryContent {
        lang,
        designation: item.designation(),
        pdf_url: &pdf_url,
        status,
        note: item.publication_flag_note.as_deref(),
        sample: item.is_sample,
        version: item.version,
        corrected_at: item.corrected_at,
        correction_note: item.correction_note.as_deref(),
        question: &item.question,
        answer_html: item.rendered_answer(),
        french: item.french_in(lang),
        english_lang: item.text_lang(lang),
    }
    .render()?;
    // A French version entered later changes the entry of a French
    // reader's feed, which its reader should fetch again.
    let updated = match item.french_in(lang) {
        Some(french) => item.last_changed().max(french.entered_at),
        None => item.last_changed(),
    };
    let author = match (&item.group_code, item.group_name_in(lang)) {
        (Some(code), Some(name)) => format!("{code} — {name}"),
        (Some(code), None) => code.clone(),
        _ => settings.site_name.clone(),
    };
    Ok(Entry {
        title: Text::plain(format!(
            "{} — {}",
            item.reference,
            lang.t_with(
                "register-standard-clause",
                &[
                    ("standard", item.standard_label().into()),
                    ("clause", item.clause.as_str().into()),
                ]
            )
        )),
        id: permalink,
        updated: fixed(updated),
        published: Some(fixed(item.published_at)),
        authors: vec![person(&author)],
        categories: vec![Category {
            term: item.standard_slug.clone(),
            scheme: Some(settings.url("/standards")),
            label: Some(item.standard_label()),
        }],
        links: vec![
            Link {
                href: link(&item.path()),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
            Link {
                href: link(&item.version_pdf_path()),
                rel: "alternate".into(),
                mime_type: Some("application/pdf".into()),
                ..Link::default()
            },
        ],
        summary: Some(Text::plain(
            item.french_in(lang)
                .map_or(&item.question, |french| &french.question)
                .clone(),
        )),
        content: Some(Content {
            value: Some(content),
            content_type: Some("html".into()),
            ..Content::default()
        }),
        ..Entry::default()
    })
}

fn person(name: &str) -> Person {
    Person {
        name: name.to_owned(),
        ..Person::default()
    }
}

fn fixed(at: NaiveDateTime) -> FixedDateTime {
    at.and_utc().fixed_offset()
}
