use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{groups, standards};
use crate::db::sql::{containing, lower, one_of};
use crate::db::{DbConn, MultiBackend};
use crate::i18n::Lang;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, serde::Serialize)]
#[diesel(table_name = standards)]
pub struct Standard {
    pub id: String,
    pub slug: String,
    pub designation: String,
    pub edition: i32,
    pub title: String,
    pub group_id: Option<String>,
    pub superseded_by_id: Option<String>,
    pub created_at: NaiveDateTime,
    /// The official French title, when the registry has it.
    pub title_fr: Option<String>,
}

/// `french` on a French page when there is one, else `english`: the
/// registry's names as a page in `lang` shows them.
pub fn in_lang<'a>(lang: &Lang, english: &'a str, french: Option<&'a str>) -> &'a str {
    match french {
        Some(french) if lang.tag() == "fr" => french,
        _ => english,
    }
}

impl Standard {
    /// The title a page in `lang` shows.
    pub fn title_in(&self, lang: &Lang) -> &str {
        in_lang(lang, &self.title, self.title_fr.as_deref())
    }

    /// "ISO/IEC 17025:2017", the way people cite it.
    pub fn label(&self) -> String {
        format!("{}:{}", self.designation, self.edition)
    }

    /// The title without the "Conformity assessment — " every title of
    /// the series opens with, for lists where the designation leads.
    pub fn short_title(&self) -> &str {
        self.title
            .strip_prefix("Conformity assessment")
            .map(|rest| rest.trim_start_matches([' ', '—', '-', '–']))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(&self.title)
    }

    pub fn is_current(&self) -> bool {
        self.superseded_by_id.is_none()
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = standards)]
pub struct StandardForm<'a> {
    pub slug: &'a str,
    pub designation: &'a str,
    pub edition: i32,
    pub title: &'a str,
    #[diesel(treat_none_as_null = true)]
    pub group_id: Option<&'a str>,
    #[diesel(treat_none_as_null = true)]
    pub superseded_by_id: Option<&'a str>,
}

#[derive(Insertable)]
#[diesel(table_name = standards)]
pub struct NewStandard<'a> {
    pub id: &'a str,
    #[diesel(embed)]
    pub form: StandardForm<'a>,
    pub created_at: NaiveDateTime,
}

/// The slug of a designation and edition: `ISO/IEC 17025` + 2017 gives
/// `iso-iec-17025-2017`.
pub fn slug_for(designation: &str, edition: i32) -> String {
    let mut slug = String::with_capacity(designation.len() + 6);
    for c in designation.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    if !slug.ends_with('-') {
        slug.push('-');
    }
    slug.push_str(&edition.to_string());
    slug
}

/// A standard with the code of its responsible group, if any.
pub type WithGroup = (Standard, Option<String>);

/// Every standard, by designation in natural order then newest edition first.
pub fn all_with_groups(conn: &mut DbConn) -> QueryResult<Vec<WithGroup>> {
    let mut rows: Vec<WithGroup> = standards::table
        .left_join(groups::table)
        .select((Standard::as_select(), groups::code.nullable()))
        .load(conn)?;
    rows.sort_by(|(a, _), (b, _)| {
        natural_key(&a.designation)
            .cmp(&natural_key(&b.designation))
            .then(b.edition.cmp(&a.edition))
    });
    Ok(rows)
}

/// The standards whose designation or title holds `words`, case aside;
/// all of them when `words` is empty.
fn matching(words: &str) -> standards::BoxedQuery<'static, MultiBackend> {
    let query = standards::table.into_boxed();
    if words.is_empty() {
        return query;
    }
    let pattern = containing(words);
    query.filter(
        lower(standards::designation)
            .like(pattern.clone())
            .escape('\\')
            .or(lower(standards::title).like(pattern).escape('\\')),
    )
}

/// How many standards [`page_with_groups`] finds for `words`.
pub fn count_matching(conn: &mut DbConn, words: &str) -> QueryResult<i64> {
    matching(words).count().get_result(conn)
}

/// A page of the standards that hold `words` with their groups' codes, by
/// designation, the newest edition first.
pub fn page_with_groups(
    conn: &mut DbConn,
    words: &str,
    limit: i64,
    offset: i64,
) -> QueryResult<Vec<WithGroup>> {
    let page: Vec<Standard> = matching(words)
        .order((
            standards::designation,
            standards::edition.desc(),
            standards::id,
        ))
        .limit(limit)
        .offset(offset)
        .select(Standard::as_select())
        .load(conn)?;
    let group_ids: Vec<&str> = page.iter().filter_map(|s| s.group_id.as_deref()).collect();
    let codes: Vec<(String, String)> = groups::table
        .filter(groups::id.eq_any(&group_ids))
        .select((groups::id, groups::code))
        .load(conn)?;
    Ok(page
        .into_iter()
        .map(|standard| {
            let code = codes
                .iter()
                .find(|(id, _)| Some(id) == standard.group_id.as_ref())
                .map(|(_, code)| code.clone());
            (standard, code)
        })
        .collect())
}

/// The labels ("ISO/IEC 17025:2017") of these standards, by id.
pub fn labels(conn: &mut DbConn, ids: &[String]) -> QueryResult<Vec<(String, String)>> {
    let rows: Vec<(String, String, i32)> = standards::table
        .filter(one_of(standards::id, ids))
        .select((standards::id, standards::designation, standards::edition))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, designation, edition)| (id, format!("{designation}:{edition}")))
        .collect())
}

pub fn find_by_slug(conn: &mut DbConn, slug: &str) -> QueryResult<Option<WithGroup>> {
    standards::table
        .left_join(groups::table)
        .filter(standards::slug.eq(slug))
        .select((Standard::as_select(), groups::code.nullable()))
        .first(conn)
        .optional()
}

pub fn find_by_id(conn: &mut DbConn, id: &str) -> QueryResult<Standard> {
    standards::table
        .find(id)
        .select(Standard::as_select())
        .first(conn)
}

/// Every edition of a designation, newest first.
pub fn editions_of(conn: &mut DbConn, designation: &str) -> QueryResult<Vec<Standard>> {
    standards::table
        .filter(standards::designation.eq(designation))
        .order(standards::edition.desc())
        .select(Standard::as_select())
        .load(conn)
}

/// Every edition of the designation that `designation` names, however it is
/// spelled (`iso/iec  17025` finds `ISO/IEC 17025`), newest first.
pub fn editions_matching(conn: &mut DbConn, designation: &str) -> QueryResult<Vec<Standard>> {
    let wanted = slug_for(designation, 0);
    let mut found: Vec<Standard> = standards::table
        .select(Standard::as_select())
        .load(conn)?
        .into_iter()
        .filter(|s| slug_for(&s.designation, 0) == wanted)
        .collect();
    found.sort_by_key(|s| std::cmp::Reverse(s.edition));
    Ok(found)
}

pub fn slug_exists(conn: &mut DbConn, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        standards::table.filter(standards::slug.eq(slug)),
    ))
    .get_result(conn)
}

pub fn insert(conn: &mut DbConn, standard: &NewStandard<'_>) -> QueryResult<()> {
    diesel::insert_into(standards::table)
        .values(standard)
        .execute(conn)
        .map(drop)
}

/// Records that `newer_id` replaces `older_id`.
pub fn supersede(conn: &mut DbConn, older_id: &str, newer_id: &str) -> QueryResult<()> {
    diesel::update(standards::table.find(older_id))
        .set(standards::superseded_by_id.eq(newer_id))
        .execute(conn)
        .map(drop)
}

/// The editable part of a standard: its titles and responsible group.
pub fn update(
    conn: &mut DbConn,
    id: &str,
    title: &str,
    title_fr: Option<&str>,
    group_id: Option<&str>,
) -> QueryResult<()> {
    diesel::update(standards::table.find(id))
        .set((
            standards::title.eq(title),
            standards::title_fr.eq(title_fr),
            standards::group_id.eq(group_id),
        ))
        .execute(conn)
        .map(drop)
}

/// Sets or clears the official French title of the standard `id`.
pub fn set_title_fr(conn: &mut DbConn, id: &str, title_fr: Option<&str>) -> QueryResult<()> {
    diesel::update(standards::table.find(id))
        .set(standards::title_fr.eq(title_fr))
        .execute(conn)
        .map(drop)
}

pub fn count(conn: &mut DbConn) -> QueryResult<i64> {
    standards::table.count().get_result(conn)
}

/// Standards in force (not superseded).
pub fn count_current(conn: &mut DbConn) -> QueryResult<i64> {
    standards::table
        .filter(standards::superseded_by_id.is_null())
        .count()
        .get_result(conn)
}

/// Orders designations by their numbers, so that 17021-2 comes before
/// 17021-10, then by prefix (ISO/IEC before ISO/IEC TS).
fn natural_key(designation: &str) -> (Vec<u64>, String) {
    let numbers = designation
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .filter_map(|part| part.parse().ok())
        .collect();
    (numbers, designation.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_designation() {
        assert_eq!(slug_for("ISO/IEC 17025", 2017), "iso-iec-17025-2017");
        assert_eq!(
            slug_for("ISO/IEC TS 17021-2", 2016),
            "iso-iec-ts-17021-2-2016"
        );
        assert_eq!(slug_for("ISO/PAS 17005", 2008), "iso-pas-17005-2008");
    }

    #[test]
    fn designations_sort_by_their_numbers() {
        let mut names = vec![
            "ISO/IEC TS 17021-10",
            "ISO/IEC 17025",
            "ISO/IEC TS 17021-2",
            "ISO/IEC 17000",
        ];
        names.sort_by_key(|d| natural_key(d));
        assert_eq!(
            names,
            [
                "ISO/IEC 17000",
                "ISO/IEC TS 17021-2",
                "ISO/IEC TS 17021-10",
                "ISO/IEC 17025"
            ]
        );
    }
}
