//! A search's every result, for a download: ranked once, then read a few
//! hundred rows at a time.

use std::sync::Arc;

use chrono::NaiveDateTime;
use diesel::QueryResult;

use super::index::{Choices, SearchIndex};
use super::run::{matching, named_rows, ordered};
use crate::db::DbConn;
use crate::domain::search::Filters;
use crate::models::register::{self, Clarification, Window};

/// Every clarification a search finds, in the order of its pages, read a
/// few hundred at a time: what a download holds, however large, without
/// holding it all in memory.
pub struct Download {
    filters: Filters,
    order: Order,
}

enum Order {
    /// Newest first, as a list without words: the rows after the last one
    /// read, by its publication and reference (keyset paging, so each
    /// page costs the same however far the download has gone).
    Newest {
        after: Option<(NaiveDateTime, String)>,
        done: bool,
    },
    /// By relevance, as ranked once at the start: the ids, how many of
    /// them are read, and names for their standards and groups.
    Ranked {
        ids: Vec<String>,
        read: usize,
        names: Arc<Choices>,
    },
}

impl Download {
    /// A download of what `filters` find in the register as of `version`
    /// (read now if none).
    pub fn start(
        conn: &mut DbConn,
        index: &SearchIndex,
        version: Option<i64>,
        filters: Filters,
    ) -> QueryResult<Download> {
        let terms = filters.terms();
        if terms.is_empty() {
            let order = Order::Newest {
                after: None,
                done: false,
            };
            return Ok(Download { filters, order });
        }
        let version = match version {
            Some(version) => version,
            None => register::version(conn)?,
        };
        let words = index.at(conn, version)?;
        let everything = Window {
            limit: i64::MAX,
            offset: 0,
        };
        let (found, _) = matching(&words, &terms, &filters, everything);
        let order = Order::Ranked {
            ids: found.ids,
            read: 0,
            names: index.choices(conn, version)?,
        };
        Ok(Download { filters, order })
    }

    /// The next clarifications, at most `count`, with their French
    /// versions; none once every one was read.
    pub fn next(
        &mut self,
        conn: &mut DbConn,
        count: usize,
    ) -> QueryResult<Option<Vec<Clarification>>> {
        let mut page = self.next_in_english(conn, count)?;
        if let Some(page) = &mut page {
            Clarification::with_french(conn, page)?;
        }
        Ok(page)
    }

    fn next_in_english(
        &mut self,
        conn: &mut DbConn,
        count: usize,
    ) -> QueryResult<Option<Vec<Clarification>>> {
        match &mut self.order {
            Order::Newest { done: true, .. } => Ok(None),
            Order::Newest { after, done } => {
                let window = Window {
                    limit: count as i64,
                    offset: 0,
                };
                let page = register::newest(conn, &self.filters, after.as_ref(), window)?;
                *done = page.len() < count;
                if let Some(last) = page.last() {
                    *after = Some((last.published_at, last.reference.clone()));
                }
                Ok(Some(page).filter(|page| !page.is_empty()))
            }
            Order::Ranked { ids, read, names } => loop {
                if *read == ids.len() {
                    return Ok(None);
                }
                let chunk = &ids[*read..ids.len().min(*read + count)];
                *read += chunk.len();
                let (named, rows) = named_rows(conn, names.clone(), chunk)?;
                *names = named;
                let page = ordered(names, rows, chunk);
                // Every one of a chunk may be gone since it was ranked.
                if !page.is_empty() {
                    return Ok(Some(page));
                }
            },
        }
    }
}
