//! Versions of published clarifications in other languages than English
//! (issue 24, item 4): one row per clarification and language, the latest
//! text entered. The English in the request stays the reference text.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::dsl;
use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{clarification_translations, events, requests, wording_edits};
use crate::db::sql::{self, one_of};
use crate::i18n::Lang;

/// The one language clarifications are translated into so far: ISO's
/// other working language.
pub const FRENCH: &str = "fr";

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = clarification_translations)]
pub struct Translation {
    pub request_id: String,
    pub language: String,
    pub question: String,
    pub answer: String,
    /// The answer as rendered when it was entered, sanitised as the
    /// English answer is.
    pub answer_html: String,
    /// The English version it translates (1 until a correction).
    pub of_version: i32,
    pub entered_by: Option<String>,
    pub entered_at: NaiveDateTime,
}

impl Translation {
    /// When this text went public: with the clarification's publication
    /// if it was entered before, else when it was entered.
    pub fn public_since(&self, published_at: NaiveDateTime) -> NaiveDateTime {
        self.entered_at.max(published_at)
    }
}

/// A published clarification as a page in any language shows it: its
/// French version on a French page, where it has one, and else the
/// English, which is the reference text.
pub trait Translated {
    /// Its question in English.
    fn english_question(&self) -> &str;
    /// Its question in French, where it has a French version.
    fn french_question(&self) -> Option<&str>;

    /// Whether a page in `lang` shows it in that language.
    fn reads_in(&self, lang: &Lang) -> bool {
        lang.is_english() || (lang.tag() == FRENCH && self.french_question().is_some())
    }

    /// The question a page in `lang` shows.
    fn question_in(&self, lang: &Lang) -> &str {
        match self.french_question() {
            Some(french) if lang.tag() == FRENCH => french,
            _ => self.english_question(),
        }
    }

    /// The `lang` attribute its texts need on a page in `lang`: `en` where
    /// the English stands in for a version in the page's language.
    fn text_lang(&self, lang: &Lang) -> Option<&'static str> {
        (!self.reads_in(lang)).then_some("en")
    }
}

/// Whether a list of `items` on a page in `lang` shows some of them in
/// English for want of a version in that language: the list then says so
/// once, above its rows.
pub fn some_in_english<T: Translated>(items: &[T], lang: &Lang) -> bool {
    items.iter().any(|item| !item.reads_in(lang))
}

/// `clarification_translations` joined to `requests` on each request's
/// French version: left-joined, what lists read beside the English.
#[dsl::auto_type]
pub fn french_of_request() -> _ {
    let language: &'static str = FRENCH;
    clarification_translations::table.on(clarification_translations::request_id
        .eq(requests::id)
        .and(clarification_translations::language.eq(language)))
}

/// Stores `translation`, replacing the text entered before in its
/// language.
pub fn put(conn: &mut DbConn, translation: &Translation) -> QueryResult<()> {
    let updated = diesel::update(
        clarification_translations::table.find((&translation.request_id, &translation.language)),
    )
    .set(translation)
    .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(clarification_translations::table)
            .values(translation)
            .execute(conn)?;
    }
    Ok(())
}

/// Whether the English question of a request was reworded after `since`,
/// when its translation was entered: the translation of the question is
/// then out of date, though the English version's number did not move
/// (it moves with corrections, after publication).
pub fn question_reworded_since(
    conn: &mut DbConn,
    request_id: &str,
    since: NaiveDateTime,
) -> QueryResult<bool> {
    diesel::select(dsl::exists(
        wording_edits::table
            .inner_join(events::table)
            .filter(wording_edits::request_id.eq(request_id))
            .filter(wording_edits::question_before.ne(wording_edits::question_after))
            .filter(events::created_at.gt(since)),
    ))
    .get_result(conn)
}

/// Whether the French version of a request, if it has one, translates
/// an English text that changed since: corrected, or its question
/// reworded before publication.
pub fn french_is_outdated(conn: &mut DbConn, request_id: &str) -> QueryResult<bool> {
    let Some(french) = of_request(conn, request_id, FRENCH)? else {
        return Ok(false);
    };
    Ok(
        french.of_version < crate::models::versions::current_number(conn, request_id)?
            || question_reworded_since(conn, request_id, french.entered_at)?,
    )
}

/// The translation of a request into `language`, published or not.
pub fn of_request(
    conn: &mut DbConn,
    request_id: &str,
    language: &str,
) -> QueryResult<Option<Translation>> {
    clarification_translations::table
        .find((request_id, language))
        .select(Translation::as_select())
        .first(conn)
        .optional()
}

/// The translations into `language` of the requests `request_ids`, by
/// request id: what a page of a list or a feed shows beside clarifications
/// it has already read, in one query. By the translations' own key, so
/// that no request is read again.
pub fn of_requests(
    conn: &mut DbConn,
    request_ids: &[&str],
    language: &str,
) -> QueryResult<HashMap<String, Translation>> {
    if request_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<Translation> =
        sql::on_own_backend!(conn, |own| clarification_translations::table
            .filter(one_of(clarification_translations::request_id, request_ids))
            .filter(clarification_translations::language.eq(language))
            .select(Translation::as_select())
            .load(own))?;
    Ok(rows
        .into_iter()
        .map(|translation| (translation.request_id.clone(), translation))
        .collect())
}
