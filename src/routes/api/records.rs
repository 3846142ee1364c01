//! What the API tells of clarifications and standards: what the public
//! pages show, with absolute links, and never anything of the submitter.
//! The OpenAPI document is derived from these types, so the description
//! cannot drift from the answers.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Serialize, Serializer};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::{PartialSchema, ToSchema};

use crate::config::Settings;
use crate::domain::search::Status;
use crate::models::links::Links;
use crate::models::register::Clarification;
use crate::models::standards::Standard;
pub use crate::web::error_pages::ErrorBody;

/// The values are those of the list's `status` filter.
impl PartialSchema for Status {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(Status::ALL.map(Status::as_str)))
            .description(Some("Whether the clarification still stands as published."))
            .into()
    }
}

impl ToSchema for Status {}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Stored times are UTC without a zone; the API writes them with one.
fn utc(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// A standard as a clarification names it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StandardRef {
    #[schema(example = "iso-iec-17025-2017")]
    pub slug: String,
    #[schema(example = "ISO/IEC 17025")]
    pub designation: String,
    #[schema(example = 2017)]
    pub edition: i32,
    /// The official English title.
    pub title: String,
    /// How people cite it.
    #[schema(example = "ISO/IEC 17025:2017")]
    pub label: String,
    /// False once a newer edition supersedes it.
    pub current: bool,
}

impl From<&Standard> for StandardRef {
    fn from(standard: &Standard) -> Self {
        StandardRef {
            slug: standard.slug.clone(),
            designation: standard.designation.clone(),
            edition: standard.edition,
            title: standard.title.clone(),
            label: standard.label(),
            current: standard.is_current(),
        }
    }
}

/// The maintenance group responsible.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GroupRef {
    #[schema(example = "MG 17025")]
    pub code: String,
    pub name: String,
}

/// A published clarification.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClarificationRecord {
    /// Its permanent reference.
    #[schema(example = "CR-2025-0042")]
    pub reference: String,
    /// Its page, the permanent address to cite.
    pub url: String,
    /// Its number within its standard and edition, given at publication
    /// and kept through corrections.
    #[schema(required = true, example = 3)]
    pub number: Option<i32>,
    /// How the numbered document is cited.
    #[schema(required = true, example = "ISO/IEC 17065:2012 Clarification 3")]
    pub designation: Option<String>,
    /// This version as a PDF document.
    pub pdf_url: String,
    pub standard: StandardRef,
    #[schema(example = "7.2.1")]
    pub clause: String,
    pub question: String,
    /// The answer as written, in Markdown.
    pub answer: String,
    /// The answer rendered to sanitised HTML.
    pub answer_html: String,
    pub status: Status,
    /// Why it is no longer current; null while it is.
    #[schema(required = true)]
    pub status_note: Option<String>,
    /// To be considered at the next revision of the standard.
    pub consider_at_revision: bool,
    /// Null when the secretariat answered.
    #[schema(required = true)]
    pub group: Option<GroupRef>,
    #[schema(required = true)]
    pub decided_at: Option<DateTime<Utc>>,
    pub published_at: DateTime<Utc>,
    /// A sample that demonstrates the register, not a group's answer.
    pub sample: bool,
    /// The clarification that replaces this one, when it is superseded by
    /// one.
    #[schema(required = true)]
    pub superseded_by: Option<ClarificationLink>,
    /// The clarifications this one replaces, oldest first.
    pub supersedes: Vec<ClarificationLink>,
    /// The edition of the standard that superseded or incorporated it.
    #[schema(required = true)]
    pub new_edition: Option<EditionLink>,
    /// The version this record holds: 1 as first published, one more for
    /// each correction.
    #[schema(example = 2)]
    pub version: i32,
    /// The permanent address of this version's page.
    pub version_url: String,
    /// When this version corrected the one before; null for version 1.
    #[schema(required = true)]
    pub corrected_at: Option<DateTime<Utc>>,
    /// What this version corrected; null for version 1.
    #[schema(required = true)]
    pub correction_note: Option<String>,
    /// Its versions in other languages, by language tag; null when it has
    /// none. The English above is the reference text.
    #[schema(required = true)]
    pub translations: Option<Translations>,
}

/// A clarification's versions in other languages than English.
#[derive(Debug, Serialize, ToSchema)]
pub struct Translations {
    /// In French.
    pub fr: TranslationRecord,
}

/// The question and answer in another language, translated from the
/// English, which is the reference text.
#[derive(Debug, Serialize, ToSchema)]
pub struct TranslationRecord {
    pub question: String,
    /// The answer as written, in Markdown.
    pub answer: String,
    /// The answer rendered to sanitised HTML.
    pub answer_html: String,
    /// The English version it translates: less than `version` when the
    /// English was corrected since.
    #[schema(example = 1)]
    pub of_version: i32,
    /// When this text was published: with the clarification, or later.
    pub published_at: DateTime<Utc>,
}

/// Another published clarification.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClarificationLink {
    #[schema(example = "CR-2026-0042")]
    pub reference: String,
    pub url: String,
}

impl ClarificationLink {
    fn new(reference: &str, settings: &Settings) -> Self {
        ClarificationLink {
            reference: reference.to_owned(),
            url: settings.url(&format!("/clarifications/{reference}")),
        }
    }
}

/// An edition of a standard, and the clause of it, that took the place of
/// a clarification.
#[derive(Debug, Serialize, ToSchema)]
pub struct EditionLink {
    pub standard: StandardRef,
    /// Null when the whole edition superseded the clarification.
    #[schema(required = true, example = "7.2.1")]
    pub clause: Option<String>,
}

impl StandardRecord {
    /// The title a page in `lang` shows.
    pub fn title_in(&self, lang: &crate::i18n::Lang) -> &str {
        crate::models::standards::in_lang(lang, &self.standard.title, self.title_fr.as_deref())
    }
}

impl ClarificationRecord {
    pub fn new(item: &Clarification, links: Option<&Links>, settings: &Settings) -> Self {
        let links = links.cloned().unwrap_or_default();
        ClarificationRecord {
            reference: item.reference.clone(),
            url: settings.url(&item.path()),
            number: item.number,
            designation: item.designation(),
            pdf_url: settings.url(&item.version_pdf_path()),
            standard: StandardRef {
                slug: item.standard_slug.clone(),
                designation: item.standard_designation.clone(),
                edition: item.standard_edition,
                title: item.standard_title.clone(),
                label: item.standard_label(),
                current: item.standard_is_current,
            },
            clause: item.clause.clone(),
            // The plain texts: a search's marked excerpts are for pages.
            question: item.question.clone(),
            answer: item.answer.clone(),
            answer_html: item.rendered_answer(),
            status: item.status(),
            status_note: item.publication_flag_note.clone(),
            consider_at_revision: item.consider_at_revision,
            group: item.group_code.clone().map(|code| GroupRef {
                code,
                name: item.group_name.clone().unwrap_or_default(),
            }),
            decided_at: item.decided_at.map(utc),
            published_at: utc(item.published_at),
            sample: item.is_sample,
            superseded_by: links
                .superseded_by
                .map(|reference| ClarificationLink::new(&reference, settings)),
            supersedes: links
                .supersedes
                .iter()
                .map(|reference| ClarificationLink::new(reference, settings))
                .collect(),
            new_edition: links.edition.map(|edition| EditionLink {
                standard: StandardRef::from(&edition.standard),
                clause: edition.clause,
            }),
            version: item.version,
            version_url: settings.url(&item.version_path()),
            corrected_at: item.corrected_at.map(utc),
            correction_note: item.correction_note.clone(),
            translations: item.french.as_ref().map(|french| Translations {
                fr: TranslationRecord {
                    question: french.question.clone(),
                    answer: french.answer.clone(),
                    answer_html: french.answer_html.clone(),
                    of_version: french.of_version,
                    published_at: utc(french.public_since(item.published_at)),
                },
            }),
        }
    }
}

/// Where a page of results sits among the others. Links are absolute and
/// keep the filters; `prev` and `next` are null at either end.
#[derive(Debug, Serialize, ToSchema)]
pub struct PageLinks {
    #[serde(rename = "self")]
    #[schema(rename = "self")]
    pub this: String,
    pub first: String,
    #[schema(required = true)]
    pub prev: Option<String>,
    #[schema(required = true)]
    pub next: Option<String>,
    pub last: String,
}

/// One page of published clarifications.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClarificationPage {
    /// Clarifications that match, on every page.
    pub total: i64,
    pub page: i64,
    pub per_page: i64,
    /// Pages in all (0 when nothing matches).
    pub pages: i64,
    /// No clarification holds every word searched, so these hold some.
    pub broadened: bool,
    pub items: Vec<ClarificationRecord>,
    pub links: PageLinks,
}

/// Where to read a standard's clarifications.
#[derive(Debug, Serialize, ToSchema)]
pub struct StandardLinks {
    /// Its page.
    pub html: String,
    /// Its Atom feed.
    pub feed: String,
    /// Its clarifications in this API.
    pub clarifications: String,
    /// Its published clarifications in number order, as one PDF document.
    pub pdf: String,
}

/// A standard of the registry with its published clarifications.
#[derive(Debug, Serialize, ToSchema)]
pub struct StandardRecord {
    #[serde(flatten)]
    pub standard: StandardRef,
    /// The official French title; null when the registry does not have it.
    #[schema(
        required = true,
        example = "Exigences générales concernant la compétence des laboratoires d'étalonnages et d'essais"
    )]
    pub title_fr: Option<String>,
    /// The slug of the edition that replaced it.
    #[schema(required = true)]
    pub superseded_by: Option<String>,
    #[schema(required = true)]
    pub group: Option<GroupRef>,
    /// Published clarifications.
    pub published: i64,
    /// Published clarifications to consider at its next revision.
    pub backlog: i64,
    pub links: StandardLinks,
}

/// Every standard of the registry.
#[derive(Debug, Serialize, ToSchema)]
pub struct StandardList {
    pub items: Vec<StandardRecord>,
}
