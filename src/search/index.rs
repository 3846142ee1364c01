//! The index held by this instance, and the search form's choices, each
//! brought up to date with the register's version (`register_version`).
//! Published clarifications do not change except by a status mark, so the
//! index is built once from the database and then only follows that
//! version (see [`super::build`]). Every instance holds its own, so
//! several instances need share nothing but the database.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use diesel::prelude::*;
use rustc_hash::FxHashMap;

use super::rank::Index;
use crate::db::DbConn;
use crate::models::groups::{self, Group};
use crate::models::register;
use crate::models::standards::{self, Standard, WithGroup};

/// The index of this instance, kept up to date with the database.
#[derive(Default)]
pub struct SearchIndex {
    current: Mutex<Option<Arc<Index>>>,
    /// Held while the index is brought up to date, so that one search does
    /// it while the others wait for the result.
    refreshing: Mutex<()>,
    /// The search form's choices and the version they were read at.
    choices: Mutex<Option<(i64, Arc<Choices>)>>,
    /// How many times the index was built or brought up to date.
    loads: AtomicU64,
}

/// The standards and groups of the register as of one version: what the
/// search form offers to narrow a search by (every standard, with its
/// group, and the years with publications), and the names a page of
/// results shows, looked up here rather than joined to every row read.
pub struct Choices {
    pub standards: Vec<WithGroup>,
    pub years: Vec<i32>,
    groups: Vec<Group>,
    standard_at: FxHashMap<String, usize>,
    group_at: FxHashMap<String, usize>,
}

impl Choices {
    pub(super) fn read(conn: &mut DbConn) -> QueryResult<Choices> {
        let standards = standards::all_with_groups(conn)?;
        let groups = groups::all(conn)?;
        Ok(Choices {
            standard_at: standards
                .iter()
                .enumerate()
                .map(|(at, (standard, _))| (standard.id.clone(), at))
                .collect(),
            group_at: groups
                .iter()
                .enumerate()
                .map(|(at, group)| (group.id.clone(), at))
                .collect(),
            standards,
            years: register::years(conn)?,
            groups,
        })
    }

    /// Whether a standard has this slug.
    pub(super) fn knows(&self, slug: &str) -> bool {
        self.standards
            .iter()
            .any(|(standard, _)| standard.slug == slug)
    }

    pub(super) fn standard(&self, id: &str) -> Option<&Standard> {
        self.standard_at.get(id).map(|&at| &self.standards[at].0)
    }

    pub(super) fn group(&self, id: &str) -> Option<&Group> {
        self.group_at.get(id).map(|&at| &self.groups[at])
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep going.
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl SearchIndex {
    /// The index as of `version` if the caller has just read it (see
    /// [`crate::web::page_cache::RegisterVersion`]), else as the register
    /// stands now.
    pub fn current(&self, conn: &mut DbConn, version: Option<i64>) -> QueryResult<Arc<Index>> {
        let version = match version {
            Some(version) => version,
            None => register::version(conn)?,
        };
        self.at(conn, version)
    }

    /// The index as of `version`, read just before, or later: versions
    /// only grow, and one read a moment ago (see
    /// [`crate::web::page_cache::RegisterVersion`]) must not take the
    /// index back. An index built from newer rows than its version says is
    /// only refreshed once more.
    pub(super) fn at(&self, conn: &mut DbConn, version: i64) -> QueryResult<Arc<Index>> {
        let held = || lock(&self.current).clone();
        if let Some(index) = held().filter(|index| index.version >= version) {
            return Ok(index);
        }
        let _turn = lock(&self.refreshing);
        let old = held();
        if let Some(index) = old.clone().filter(|index| index.version >= version) {
            return Ok(index);
        }
        let index = Arc::new(Index::load(conn, version, old.as_deref())?);
        self.loads.fetch_add(1, Ordering::Relaxed);
        *lock(&self.current) = Some(index.clone());
        drop(old);
        crate::allocator::give_back_free_memory();
        Ok(index)
    }

    /// Whether the index and the choices are held as of `version` or later,
    /// so that a search at that version reads only its rows.
    pub fn holds(&self, version: i64) -> bool {
        self.held(version).is_some() && self.held_choices(version).is_some()
    }

    /// The index, if held as of `version` or later.
    pub fn held(&self, version: i64) -> Option<Arc<Index>> {
        lock(&self.current)
            .as_ref()
            .filter(|index| index.version >= version)
            .cloned()
    }

    /// The choices, if held as of `version` or later.
    pub fn held_choices(&self, version: i64) -> Option<Arc<Choices>> {
        lock(&self.choices)
            .as_ref()
            .filter(|(held, _)| *held >= version)
            .map(|(_, choices)| choices.clone())
    }

    /// How many times the index was built or brought up to date: once at
    /// the first search, then once per change of the register.
    pub fn loads(&self) -> u64 {
        self.loads.load(Ordering::Relaxed)
    }

    /// The search form's choices as of `version`. Every search page shows
    /// them, so they are read again only when the register changes, and a
    /// search that reaches the database reads little more than its rows.
    pub fn choices(&self, conn: &mut DbConn, version: i64) -> QueryResult<Arc<Choices>> {
        if let Some((held, choices)) = &*lock(&self.choices)
            && *held >= version
        {
            return Ok(choices.clone());
        }
        let choices = Arc::new(Choices::read(conn)?);
        *lock(&self.choices) = Some((version, choices.clone()));
        Ok(choices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A search runs on the worker only when it would read no more than its
    /// rows: with both the index and the choices as of its version.
    #[test]
    fn a_search_is_short_once_index_and_choices_reach_its_version() {
        let held = SearchIndex::default();
        assert!(!held.holds(1), "nothing is held at first");
        *lock(&held.current) = Some(Arc::new(Index::new(3, Vec::new())));
        assert!(!held.holds(3), "the choices are not held yet");
        let choices = Choices {
            standards: Vec::new(),
            years: Vec::new(),
            groups: Vec::new(),
            standard_at: FxHashMap::default(),
            group_at: FxHashMap::default(),
        };
        *lock(&held.choices) = Some((2, Arc::new(choices)));
        assert!(!held.holds(3), "the choices are older than the version");
        assert!(held.holds(2), "both are as of a later version");
        let choices = lock(&held.choices).take().map(|(_, choices)| choices);
        *lock(&held.choices) = choices.map(|choices| (3, choices));
        assert!(held.holds(3));
        assert!(!held.holds(4), "the register has changed since");
    }
}
