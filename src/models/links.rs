//! Where a clarification that no longer stands went: the clarification
//! that supersedes it, or the edition of the standard (and its clause) that
//! superseded or incorporated it; and, the other way, the clarifications a
//! clarification supersedes.

use std::collections::HashMap;

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::{publication_links, standards};
use crate::db::sql::{self, one_of};
use crate::models::references;
use crate::models::standards::Standard;

/// What a mark points to.
pub enum Target<'a> {
    Successor {
        reference: &'a str,
    },
    Edition {
        standard_id: &'a str,
        clause: Option<&'a str>,
    },
}

/// A clarification's links, both ways.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// The reference of the clarification that replaces it.
    pub superseded_by: Option<String>,
    /// The references of the clarifications it replaces, oldest first.
    pub supersedes: Vec<String>,
    /// The edition that superseded or incorporated it.
    pub edition: Option<Edition>,
}

/// The edition of a standard, and the clause of it, that replaced or took
/// in what a clarification said.
#[derive(Debug, Clone)]
pub struct Edition {
    pub standard: Standard,
    pub clause: Option<String>,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = publication_links)]
struct Row {
    reference: String,
    successor: Option<String>,
    standard_id: Option<String>,
    clause: Option<String>,
}

/// Records where the clarification `reference` went, or with `None`
/// (withdrawn) that it went nowhere, replacing what an earlier mark said.
pub fn set(conn: &mut DbConn, reference: &str, target: Option<Target<'_>>) -> QueryResult<()> {
    diesel::delete(publication_links::table.find(reference)).execute(conn)?;
    let Some(target) = target else {
        return Ok(());
    };
    let (successor, standard_id, clause) = match target {
        Target::Successor { reference } => (Some(reference), None, None),
        Target::Edition {
            standard_id,
            clause,
        } => (None, Some(standard_id), clause),
    };
    diesel::insert_into(publication_links::table)
        .values((
            publication_links::reference.eq(reference),
            publication_links::successor.eq(successor),
            publication_links::standard_id.eq(standard_id),
            publication_links::clause.eq(clause),
        ))
        .execute(conn)?;
    Ok(())
}

/// The reference of the clarification that supersedes `reference`, if any.
pub fn successor_of(conn: &mut DbConn, reference: &str) -> QueryResult<Option<String>> {
    publication_links::table
        .find(reference)
        .select(publication_links::successor)
        .get_result::<Option<String>>(conn)
        .optional()
        .map(Option::flatten)
}

/// The links of the clarifications `references`, keyed by reference; those
/// with none are left out. One query, and one more for the editions named:
/// a page of the API costs what one clarification does.
pub fn of(conn: &mut DbConn, references: &[&str]) -> QueryResult<HashMap<String, Links>> {
    let rows: Vec<Row> = sql::on_own_backend!(conn, |own| publication_links::table
        .filter(
            one_of(publication_links::reference, references)
                .or(one_of(publication_links::successor, references)),
        )
        .select(Row::as_select())
        .load(own))?;
    let standard_ids: Vec<&str> = rows
        .iter()
        .filter_map(|row| row.standard_id.as_deref())
        .collect();
    let editions: HashMap<String, Standard> = if standard_ids.is_empty() {
        HashMap::new()
    } else {
        sql::on_own_backend!(conn, |own| standards::table
            .filter(one_of(standards::id, &standard_ids))
            .select(Standard::as_select())
            .load::<Standard>(own))?
        .into_iter()
        .map(|standard| (standard.id.clone(), standard))
        .collect()
    };
    let wanted = |reference: &str| references.contains(&reference);
    let mut links: HashMap<String, Links> = HashMap::new();
    for row in rows {
        if let Some(successor) = &row.successor
            && wanted(successor)
        {
            links
                .entry(successor.clone())
                .or_default()
                .supersedes
                .push(row.reference.clone());
        }
        if !wanted(&row.reference) {
            continue;
        }
        let found = links.entry(row.reference).or_default();
        found.superseded_by = row.successor;
        found.edition = row
            .standard_id
            .and_then(|id| editions.get(&id).cloned())
            .map(|standard| Edition {
                standard,
                clause: row.clause,
            });
    }
    for found in links.values_mut() {
        found
            .supersedes
            .sort_by_key(|reference| references::parse(reference));
    }
    Ok(links)
}
