//! The workspace's list of requests, held in memory by each instance: every
//! listed request with what a narrowing and an order look at, in each
//! order. Its words (the question, background, reference and comments) are
//! not held: the database finds the requests holding a text (see
//! [`rows::matching`]), by the key each entry holds, so that an instance's
//! memory does not grow with the requests' texts. The queue counts the
//! requests by state and weighs the open ones from the same copy. A
//! request no list shows (one waiting for its submitter's confirmation) is
//! only counted: anyone may send a request, and those nobody confirms must
//! not grow every instance's memory.
//!
//! Requests change far more often than the register, so the index is not
//! rebuilt per change: triggers number every change of a request, its
//! comments or its acceptance (`request_changes`) in the order their
//! transactions committed, and before each use the instance reads the
//! changes past the last it applied and reads those requests again. Several
//! instances share nothing but the database.

use std::cmp::Ordering;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex, RwLock, RwLockReadGuard, RwLockWriteGuard};

use chrono::NaiveDateTime;
use diesel::QueryResult;
use hashbrown::HashTable;
use roaring::RoaringBitmap;
use rustc_hash::{FxBuildHasher, FxHashMap, FxHashSet};
use uuid::Uuid;

use crate::db::DbConn;
use crate::domain::clauses;
use crate::domain::lifecycle::State;
use crate::domain::request_list::Sort;
use crate::models::request_list::{self as rows, Indexed};
use crate::models::requests::QueueRow;

/// More changes than this at once are read as a new index: past a bulk
/// change, reading every request costs less than reading these one list of
/// ids at a time, and the ids stay within every backend's bound on a
/// query's values.
const CHANGES_AT_ONCE: i64 = 5_000;

/// Which requests to list, every condition already resolved to stored
/// values.
#[derive(Debug, Clone, Default)]
pub struct Narrowing {
    /// Only requests in these states (none listed: no request).
    pub states: Vec<State>,
    /// Only requests of these groups, when given.
    pub groups: Option<Vec<String>>,
    /// Only requests accepted for a group at some point.
    pub accepted: bool,
    /// Only requests with these references, when given.
    pub references: Option<Vec<String>>,
    pub standard_id: Option<String>,
    pub clause: Option<String>,
    /// Submitted at or after…
    pub submitted_from: Option<NaiveDateTime>,
    /// …and before.
    pub submitted_before: Option<NaiveDateTime>,
    /// Text looked for, case aside, in the question, the background, the
    /// reference and the group's comments, each on its own.
    pub words: Option<String>,
}

/// The requests a narrowing lets through: how many, and the ids of one
/// page of them.
pub struct Found {
    pub total: i64,
    pub ids: Vec<String>,
}

/// What the queue reads of every request.
pub struct Census {
    /// How many requests are in each state, every state listed, zeros too.
    pub counts: Vec<(State, i64)>,
    /// The open requests, oldest first.
    pub open: Vec<QueueRow>,
}

/// The list's index of this instance, kept up to date with the database.
#[derive(Default)]
pub struct RequestIndex {
    held: RwLock<Held>,
    /// Held while the index is brought up to date, so that one list does
    /// it while the others wait for the result.
    refreshing: Mutex<()>,
}

/// One listed request as the index holds it. The index holds every such
/// request ever made, so each is held in as little as it takes: its id as
/// the 16 bytes of the UUID every request id is (see
/// [`crate::db::new_id`]), strings boxed to their length, and the ids of
/// its group and standard and its clause shared with every other request
/// read with it.
struct Entry {
    id: Uuid,
    /// The number the database finds its words by ([`Indexed::key`]).
    key: u32,
    reference: Option<Box<str>>,
    state: State,
    accepted: bool,
    group_id: Option<Value>,
    standard_id: Value,
    clause: Value,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A request as [`read`] hands it over.
enum Read {
    Listed(Entry),
    /// Not confirmed yet (see [`State::is_confirmed`]), so in no list:
    /// only its state is held, for the queue's counts.
    Unlisted(Uuid, State),
}

impl Read {
    fn id(&self) -> Uuid {
        match self {
            Read::Listed(entry) => entry.id,
            Read::Unlisted(id, _) => *id,
        }
    }
}

/// A value many requests share. An `Arc<String>` is one pointer where an
/// `Arc<str>` is two (address and length), and each request holds three.
type Value = Arc<String>;

/// The values many requests share (the ids of groups and standards, the
/// clauses) already held, each once.
#[derive(Default)]
struct Shared(FxHashSet<Value>);

impl Shared {
    fn value(&mut self, value: String) -> Value {
        if let Some(held) = self.0.get(&value) {
            return Arc::clone(held);
        }
        let value = Arc::new(value);
        self.0.insert(Arc::clone(&value));
        value
    }
}

impl Entry {
    fn new(id: Uuid, key: u32, row: Indexed, accepted: bool, shared: &mut Shared) -> Entry {
        Entry {
            id,
            key,
            reference: row.reference.map(String::into_boxed_str),
            state: row.state,
            accepted,
            group_id: row.group_id.map(|id| shared.value(id)),
            standard_id: shared.value(row.standard_id),
            clause: shared.value(row.clause),
            created_at: row.created_at,
            updated_at: row.updated_at,
        }
    }

    /// Whether the narrowing lets this request through, its words aside.
    fn passes(&self, narrowing: &Narrowing) -> bool {
        let among = |values: &[String], value: &str| values.iter().any(|v| v == value);
        narrowing.states.contains(&self.state)
            && narrowing.groups.as_ref().is_none_or(|groups| {
                self.group_id
                    .as_ref()
                    .is_some_and(|group| among(groups, group))
            })
            && (!narrowing.accepted || self.accepted)
            && narrowing.references.as_ref().is_none_or(|references| {
                self.reference
                    .as_ref()
                    .is_some_and(|reference| among(references, reference))
            })
            && narrowing
                .standard_id
                .as_ref()
                .is_none_or(|standard| *standard == *self.standard_id)
            && narrowing
                .submitted_from
                .is_none_or(|from| self.created_at >= from)
            && narrowing
                .submitted_before
                .is_none_or(|before| self.created_at < before)
            && narrowing
                .clause
                .as_ref()
                .is_none_or(|clause| clauses::is_within(&self.clause, clause))
    }
}

/// The UUID of a request's id, when the id is one as
/// [`crate::db::new_id`] writes it: reading it back to text then gives the
/// id stored, and the order of UUIDs is the order of their texts.
fn request_id(id: &str) -> Option<Uuid> {
    Uuid::try_parse(id)
        .ok()
        .filter(|uuid| &*uuid.hyphenated().encode_lower(&mut Uuid::encode_buffer()) == id)
}

/// Where [`Held::slot_of`] files the slot of the request `id`, and
/// [`Held::slot_of_key`] that of the request numbered `key`.
fn hash<T: std::hash::Hash>(value: T) -> u64 {
    FxBuildHasher.hash_one(value)
}

/// The orders a list is read in, each ending on the id so that a page
/// holds the same requests whenever it is read; newest first and latest
/// changed first are two of them read backwards.
#[derive(Clone, Copy)]
enum Order {
    Created,
    Reference,
    Updated,
}

impl Order {
    const ALL: [Order; 3] = [Order::Created, Order::Reference, Order::Updated];

    /// The order `sort` reads, and whether backwards.
    fn of(sort: Sort) -> (Order, bool) {
        match sort {
            Sort::Newest => (Order::Created, true),
            Sort::Oldest => (Order::Created, false),
            Sort::Reference => (Order::Reference, false),
            Sort::Changed => (Order::Updated, true),
        }
    }

    fn compare(self, a: &Entry, b: &Entry) -> Ordering {
        match self {
            Order::Created => a.created_at.cmp(&b.created_at),
            Order::Reference => a.reference.cmp(&b.reference),
            Order::Updated => a.updated_at.cmp(&b.updated_at),
        }
        .then_with(|| a.id.cmp(&b.id))
    }
}

/// The index as of one change.
#[derive(Default)]
struct Held {
    /// The commit order of the last change applied; `None` before the
    /// index is first built.
    seq: Option<i64>,
    /// Each request at its slot. A deleted request keeps its slot, id and
    /// key, for if it comes back, but is not live.
    entries: Vec<Entry>,
    /// The slots, found by the id of the entry at each: the ids are held
    /// once, in the entries.
    slot_of: HashTable<u32>,
    /// The slots, found by the key of the entry at each.
    slot_of_key: HashTable<u32>,
    live: RoaringBitmap,
    /// The state of each request no list shows, by id: such a request has
    /// no slot.
    unlisted: FxHashMap<Uuid, State>,
    /// The slots of the live requests in each [`Order`].
    orders: [Vec<u32>; 3],
}

impl Held {
    fn entry(&self, slot: u32) -> Option<&Entry> {
        self.entries.get(slot as usize)
    }

    fn slot(&self, id: Uuid) -> Option<u32> {
        let entries = &self.entries;
        self.slot_of
            .find(hash(id), |&slot| entries[slot as usize].id == id)
            .copied()
    }

    fn key_slot(&self, key: i64) -> Option<u32> {
        let key = u32::try_from(key).ok()?;
        let entries = &self.entries;
        self.slot_of_key
            .find(hash(key), |&slot| entries[slot as usize].key == key)
            .copied()
    }

    fn compare(&self, order: Order, a: u32, b: u32) -> Ordering {
        match (self.entry(a), self.entry(b)) {
            (Some(a), Some(b)) => order.compare(a, b),
            _ => a.cmp(&b),
        }
    }

    /// An index of the requests `fill` hands over one by one, as of change
    /// `seq`.
    fn build<E>(
        seq: i64,
        fill: impl FnOnce(&mut dyn FnMut(Read)) -> Result<(), E>,
    ) -> Result<Held, E> {
        let mut held = Held {
            seq: Some(seq),
            ..Held::default()
        };
        fill(&mut |read| {
            held.hold(read);
        })?;
        for order in Order::ALL {
            let mut slots = std::mem::take(&mut held.orders[order as usize]);
            slots.sort_unstable_by(|a, b| held.compare(order, *a, *b));
            held.orders[order as usize] = slots;
        }
        Ok(held)
    }

    /// Holds the request read: a listed one in the slot it returns, at the
    /// end of every order (see [`Held::put`]).
    fn hold(&mut self, read: Read) -> Option<u32> {
        match read {
            Read::Listed(entry) => Some(self.put(entry)),
            Read::Unlisted(id, state) => {
                self.unlisted.insert(id, state);
                None
            }
        }
    }

    /// Holds `entry`, at the end of every order (for [`Held::build`] to
    /// sort, or [`Held::replace`] to move).
    fn put(&mut self, entry: Entry) -> u32 {
        let slot = match self.slot(entry.id) {
            Some(slot) => {
                self.entries[slot as usize] = entry;
                slot
            }
            None => {
                let slot = u32::try_from(self.entries.len()).unwrap_or(u32::MAX);
                let (by_id, by_key) = (hash(entry.id), hash(entry.key));
                self.entries.push(entry);
                let entries = &self.entries;
                self.slot_of
                    .insert_unique(by_id, slot, |&held| hash(entries[held as usize].id));
                self.slot_of_key
                    .insert_unique(by_key, slot, |&held| hash(entries[held as usize].key));
                slot
            }
        };
        self.live.insert(slot);
        for order in &mut self.orders {
            order.push(slot);
        }
        slot
    }

    /// Forgets the request with this id, if held.
    fn remove(&mut self, id: Uuid) {
        self.unlisted.remove(&id);
        let Some(slot) = self.slot(id) else {
            return;
        };
        if !self.live.remove(slot) {
            return;
        }
        for order in &mut self.orders {
            order.retain(|held| *held != slot);
        }
    }

    /// Holds the request `id` as now read (`None`: deleted), in its place
    /// in every order.
    fn replace(&mut self, id: Uuid, read: Option<Read>) {
        self.remove(id);
        let Some(slot) = read.and_then(|read| self.hold(read)) else {
            return;
        };
        for order in Order::ALL {
            let mut slots = std::mem::take(&mut self.orders[order as usize]);
            slots.pop();
            let at = slots.partition_point(|held| self.compare(order, *held, slot).is_lt());
            slots.insert(at, slot);
            self.orders[order as usize] = slots;
        }
    }

    fn census(&self) -> Census {
        let mut counts: FxHashMap<State, i64> = FxHashMap::default();
        for state in self.unlisted.values() {
            *counts.entry(*state).or_default() += 1;
        }
        let mut open = Vec::new();
        for &slot in &self.orders[Order::Created as usize] {
            let Some(entry) = self.entry(slot) else {
                continue;
            };
            *counts.entry(entry.state).or_default() += 1;
            if entry.state.is_open() {
                open.push(QueueRow {
                    id: entry.id.to_string(),
                    reference: entry.reference.as_deref().map(str::to_owned),
                    state: entry.state,
                    group_id: entry.group_id.as_deref().cloned(),
                    updated_at: entry.updated_at,
                });
            }
        }
        let counts = State::ALL
            .into_iter()
            .map(|state| (state, counts.get(&state).copied().unwrap_or_default()))
            .collect();
        Census { counts, open }
    }

    /// The page of the requests `narrowing` lets through, of those whose
    /// words hold its text when `holding` lists their keys.
    fn find(
        &self,
        narrowing: &Narrowing,
        holding: Option<&[i64]>,
        sort: Sort,
        limit: i64,
        offset: i64,
    ) -> Found {
        let candidates = match holding {
            // A key the database has and the index not yet is of a
            // request changed since: the next list finds it.
            Some(keys) => keys
                .iter()
                .filter_map(|key| self.key_slot(*key))
                .filter(|slot| self.live.contains(*slot))
                .collect(),
            None => self.live.clone(),
        };
        let found: RoaringBitmap = candidates
            .iter()
            .filter(|slot| {
                self.entry(*slot)
                    .is_some_and(|entry| entry.passes(narrowing))
            })
            .collect();
        let (order, backwards) = Order::of(sort);
        let slots = &self.orders[order as usize];
        let in_order: Box<dyn Iterator<Item = &u32>> = if backwards {
            Box::new(slots.iter().rev())
        } else {
            Box::new(slots.iter())
        };
        let ids = in_order
            .filter(|slot| found.contains(**slot))
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or_default())
            .filter_map(|slot| self.entry(*slot).map(|entry| entry.id.to_string()))
            .collect();
        Found {
            total: i64::try_from(found.len()).unwrap_or(i64::MAX),
            ids,
        }
    }
}

/// How many requests [`read`] reads at once.
const READ_AT_ONCE: i64 = 2_000;

/// Reads the requests with these ids (every request: `None`) as the index
/// holds them, handing each to `hold`. They are read a few thousand at a
/// time, so that the whole register is never in memory twice, once as
/// rows and again as entries (on PostgreSQL a query's result is held
/// whole until its last row is read).
fn read(conn: &mut DbConn, ids: Option<&[String]>, mut hold: impl FnMut(Read)) -> QueryResult<()> {
    let accepted: FxHashSet<String> = rows::accepted(conn, ids)?.into_iter().collect();
    let mut shared = Shared::default();
    let mut after = String::new();
    loop {
        let found = rows::indexed(conn, ids, &after, READ_AT_ONCE)?;
        let Some(last) = found.last() else {
            return Ok(());
        };
        after.clone_from(&last.id);
        let more = found.len() == READ_AT_ONCE as usize;
        for row in found {
            let (Some(id), Ok(key)) = (request_id(&row.id), u32::try_from(row.key)) else {
                // No request has either: every id is made by `db::new_id`,
                // and keys are numbered from 1.
                tracing::warn!(
                    id = row.id,
                    key = row.key,
                    "a request whose id is not a UUID, or whose key is past 2^32, \
                     is left out of the workspace's list"
                );
                continue;
            };
            if !row.state.is_confirmed() {
                hold(Read::Unlisted(id, row.state));
                continue;
            }
            let was_accepted = accepted.contains(&row.id);
            hold(Read::Listed(Entry::new(
                id,
                key,
                row,
                was_accepted,
                &mut shared,
            )));
        }
        if !more {
            return Ok(());
        }
    }
}

impl RequestIndex {
    /// The requests `narrowing` lets through: how many, and the ids of the
    /// page at `offset` in `sort` order, as of the last change stored.
    pub fn find(
        &self,
        conn: &mut DbConn,
        narrowing: &Narrowing,
        sort: Sort,
        limit: i64,
        offset: i64,
    ) -> QueryResult<Found> {
        // Asked before the index is read, so that no guard on it is held
        // across the query.
        let holding = match narrowing.words.as_deref() {
            Some(text) => Some(rows::matching(conn, text)?),
            None => None,
        };
        Ok(self
            .current(conn)?
            .find(narrowing, holding.as_deref(), sort, limit, offset))
    }

    /// The requests as the queue weighs them, as of the last change stored:
    /// it reads them from memory rather than counting the register at
    /// every view.
    pub fn census(&self, conn: &mut DbConn) -> QueryResult<Census> {
        Ok(self.current(conn)?.census())
    }

    /// Builds the index, or brings it up to date, ahead of the first list.
    pub fn prepare(&self, conn: &mut DbConn) -> QueryResult<()> {
        self.current(conn).map(drop)
    }

    /// The index, brought up to date with the changes stored: one read
    /// of the changes when there are none.
    fn current(&self, conn: &mut DbConn) -> QueryResult<RwLockReadGuard<'_, Held>> {
        // The seq copied out, so that no guard is held across the query.
        let held = self.read_held().seq;
        if let Some(seq) = held
            && rows::changes_since(conn, seq, 1)?.is_empty()
        {
            let now = self.read_held();
            // Not while it is being built anew (below): wait for it.
            if now.seq.is_some() {
                return Ok(now);
            }
        }
        let _turn = self
            .refreshing
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // Read again: another list may have applied the changes meanwhile.
        let seq = self.read_held().seq;
        let changes = match seq {
            Some(seq) => rows::changes_since(conn, seq, CHANGES_AT_ONCE + 1)?,
            None => Vec::new(),
        };
        if seq.is_none() || changes.len() > CHANGES_AT_ONCE as usize {
            // Let go of the old index first, not to hold two at once (every
            // list waits for this one anyway, as each sees the changes), and
            // give its memory back: the thread building this one may
            // allocate from another arena than the one that freed it.
            *self.write_held() = Held::default();
            crate::allocator::give_back_free_memory();
            // The changes numbered up to `last` are in what is read next.
            let last = rows::last_change(conn)?;
            let built = Held::build(last, |hold| read(conn, None, hold))?;
            *self.write_held() = built;
            crate::allocator::give_back_free_memory();
        } else if let Some((last, _)) = changes.last() {
            let mut ids: Vec<String> = changes.iter().map(|(_, id)| id.clone()).collect();
            ids.sort();
            ids.dedup();
            let mut now: FxHashMap<Uuid, Read> = FxHashMap::default();
            read(conn, Some(&ids), |read| {
                now.insert(read.id(), read);
            })?;
            let mut held = self.write_held();
            for id in ids.iter().filter_map(|id| request_id(id)) {
                held.replace(id, now.remove(&id));
            }
            held.seq = Some(*last);
        }
        Ok(self.read_held())
    }

    fn read_held(&self) -> RwLockReadGuard<'_, Held> {
        self.held
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write_held(&self) -> RwLockWriteGuard<'_, Held> {
        self.held
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    /// The id of the request named by one letter: ids in the order of
    /// their letters.
    fn uuid(name: &str) -> Uuid {
        Uuid::from_u128(u128::from(name.as_bytes()[0]))
    }

    /// The key of the request named by one letter, in reverse order of
    /// their letters, not to hide a key taken for a slot.
    fn key(name: &str) -> i64 {
        1_000 - i64::from(name.as_bytes()[0])
    }

    fn request(name: &str, day: u32) -> Entry {
        entry(name, on(day), &mut Shared::default())
    }

    /// At nine on day `day` of March 2026.
    fn on(day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, day)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap()
    }

    fn entry(name: &str, at: NaiveDateTime, shared: &mut Shared) -> Entry {
        let id = uuid(name);
        let row = Indexed {
            id: id.to_string(),
            key: key(name),
            reference: Some(format!("CR-2026-{:04}", id.as_u128())),
            state: State::InGroup,
            group_id: Some("mg-17025".to_owned()),
            standard_id: "iso-17025".to_owned(),
            clause: "7.2.1".to_owned(),
            created_at: at,
            updated_at: at,
        };
        Entry::new(id, u32::try_from(row.key).unwrap(), row, true, shared)
    }

    fn in_group() -> Narrowing {
        Narrowing {
            states: vec![State::InGroup],
            ..Narrowing::default()
        }
    }

    fn held(seq: i64, entries: Vec<Entry>) -> Held {
        Held::build(seq, |hold| {
            entries.into_iter().map(Read::Listed).for_each(hold);
            Ok::<(), ()>(())
        })
        .unwrap()
    }

    /// The names of the requests found.
    fn names(ids: Vec<String>) -> Vec<String> {
        ids.iter()
            .map(|id| char::from(Uuid::parse_str(id).unwrap().as_u128() as u8).to_string())
            .collect()
    }

    /// The requests listed in `sort` order, of those named in `holding`
    /// when the database found the words in some.
    fn found(held: &Held, holding: Option<&[&str]>, sort: Sort) -> Vec<String> {
        let keys: Option<Vec<i64>> = holding.map(|names| names.iter().map(|n| key(n)).collect());
        names(held.find(&in_group(), keys.as_deref(), sort, 50, 0).ids)
    }

    #[test]
    fn a_changed_request_is_listed_in_its_new_place() {
        let mut held = held(3, vec![request("a", 1), request("b", 2), request("c", 3)]);
        assert_eq!(found(&held, None, Sort::Newest), ["c", "b", "a"]);
        assert_eq!(found(&held, Some(&["c", "a"]), Sort::Oldest), ["a", "c"]);
        assert!(found(&held, Some(&[]), Sort::Oldest).is_empty());

        held.replace(uuid("a"), Some(Read::Listed(request("a", 4))));
        assert_eq!(found(&held, None, Sort::Newest), ["a", "c", "b"]);
        assert_eq!(found(&held, Some(&["a", "b"]), Sort::Oldest), ["b", "a"]);

        held.replace(uuid("b"), None);
        assert_eq!(found(&held, None, Sort::Oldest), ["c", "a"]);
        assert_eq!(
            found(&held, Some(&["a", "b"]), Sort::Oldest),
            ["a"],
            "b is deleted, though the database still found it"
        );
        assert_eq!(held.find(&in_group(), None, Sort::Oldest, 50, 0).total, 2);
        assert_eq!(
            names(held.find(&in_group(), None, Sort::Oldest, 1, 1).ids),
            ["a"]
        );

        held.replace(uuid("b"), Some(Read::Listed(request("b", 5))));
        assert_eq!(found(&held, Some(&["b", "a"]), Sort::Oldest), ["a", "b"]);
        assert_eq!(held.entries.len(), 3, "b is back in its slot");
        assert_eq!(
            found(&held, Some(&["d", "b"]), Sort::Oldest),
            ["b"],
            "d is not held yet: made since the index was read"
        );
    }

    #[test]
    fn a_request_no_list_shows_is_only_counted_until_it_is_listed() {
        let waiting = |name| Read::Unlisted(uuid(name), State::PendingConfirmation);
        let mut held = Held::build(2, |hold| {
            hold(Read::Listed(request("a", 1)));
            hold(waiting("w"));
            Ok::<(), ()>(())
        })
        .unwrap();
        let count = |held: &Held, state: State| {
            held.census()
                .counts
                .into_iter()
                .find(|(counted, _)| *counted == state)
                .map(|(_, count)| count)
        };
        assert_eq!(count(&held, State::PendingConfirmation), Some(1));
        assert_eq!(count(&held, State::InGroup), Some(1));
        assert_eq!(held.entries.len(), 1, "no slot for w");
        let unlisted = Narrowing {
            states: vec![State::PendingConfirmation],
            ..Narrowing::default()
        };
        assert_eq!(held.find(&unlisted, None, Sort::Oldest, 50, 0).total, 0);
        assert!(
            found(&held, Some(&["w"]), Sort::Oldest).is_empty(),
            "found by its words, but in no list"
        );

        held.replace(uuid("w"), Some(Read::Listed(request("w", 2))));
        assert_eq!(count(&held, State::PendingConfirmation), Some(0));
        assert_eq!(count(&held, State::InGroup), Some(2));
        assert_eq!(found(&held, Some(&["w", "a"]), Sort::Oldest), ["a", "w"]);

        held.replace(uuid("x"), Some(waiting("x")));
        assert_eq!(count(&held, State::PendingConfirmation), Some(1));
        held.replace(uuid("x"), None);
        assert_eq!(
            count(&held, State::PendingConfirmation),
            Some(0),
            "x never confirmed, and erased"
        );
        assert_eq!(held.entries.len(), 2);
    }

    #[test]
    fn the_ids_of_a_group_and_a_standard_and_the_clause_are_held_once() {
        let mut shared = Shared::default();
        let a = entry("a", on(1), &mut shared);
        let b = entry("b", on(2), &mut shared);
        assert_eq!(*a.standard_id, "iso-17025");
        assert!(Arc::ptr_eq(&a.standard_id, &b.standard_id));
        let (Some(a_group), Some(b_group)) = (&a.group_id, &b.group_id) else {
            panic!("both requests have a group");
        };
        assert!(Arc::ptr_eq(a_group, b_group));
        assert!(Arc::ptr_eq(&a.clause, &b.clause));
    }

    #[test]
    fn ids_are_held_as_uuids_only_when_they_read_back_as_stored() {
        let id = crate::db::new_id();
        assert_eq!(
            request_id(&id).map(|uuid| uuid.to_string()),
            Some(id.clone())
        );
        assert_eq!(request_id(&id.to_uppercase()), None, "not as stored");
        assert_eq!(request_id(&id.replace('-', "")), None, "not as stored");
        assert_eq!(request_id("a"), None);
        let later = crate::db::new_id();
        assert_eq!(
            request_id(&id).cmp(&request_id(&later)),
            id.cmp(&later),
            "the order of their texts"
        );
    }

    #[test]
    fn an_entry_takes_no_more_than_it_did_when_measured() {
        // 110,000 requests: each 8 bytes more is about a megabyte. The
        // words (16 bytes, and their text) went to the database.
        assert!(
            std::mem::size_of::<Entry>() <= 88,
            "{}",
            std::mem::size_of::<Entry>()
        );
    }
}
