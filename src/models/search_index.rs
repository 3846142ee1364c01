//! The register's words and filters, held in memory. Published
//! clarifications do not change except by a status mark, so the index is
//! built once from the database and then only follows the register's
//! version (`register_version`): new publications are appended, marks move
//! a clarification between statuses, anything else rebuilds it. Every
//! instance holds its own, so several instances need share nothing but
//! the database.
//!
//! A full-text index in the database answered a common word by reading its
//! tens of thousands of matches from disk, milliseconds per search even
//! with the count and ranking done in the index; here a word's matches are
//! a compressed bitmap, combined with others and counted in microseconds.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{Datelike, NaiveDateTime};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;
use roaring::RoaringBitmap;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use uuid::Uuid;

use crate::db::DbConn;
use crate::db::schema::{requests, standards};
use crate::domain::clauses;
use crate::domain::lifecycle::State;
use crate::domain::search::{self, Filters, Status};
use crate::models::groups::Group;
use crate::models::standards::{Standard, WithGroup};

/// How many of the newest matches a search ranks by relevance: a common
/// word matches a large share of the register, and nobody reads past the
/// first pages of the best of the recent ones.
const RANKED: usize = 2000;

/// How much a word weighs in each part of a clarification, in fifths: the
/// clause and the standard most, the title least, since every
/// clarification of a standard shares it.
const CLAUSE: u8 = 20;
const QUESTION: u8 = 10;
const ANSWER: u8 = 5;
const STANDARD: u8 = 20;
const TITLE: u8 = 1;

/// BM25's usual constants: how fast repeats stop counting, and how much
/// a long text is discounted.
const K1: f32 = 1.2;
const B: f32 = 0.75;

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
    pub fn read(conn: &mut DbConn) -> QueryResult<Choices> {
        let standards = super::standards::all_with_groups(conn)?;
        let groups = super::groups::all(conn)?;
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
            years: super::register::years(conn)?,
            groups,
        })
    }

    /// Whether a standard has this slug.
    pub fn knows(&self, slug: &str) -> bool {
        self.standards
            .iter()
            .any(|(standard, _)| standard.slug == slug)
    }

    pub fn standard(&self, id: &str) -> Option<&Standard> {
        self.standard_at.get(id).map(|&at| &self.standards[at].0)
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.group_at.get(id).map(|&at| &self.groups[at])
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding the lock leaves plain data behind; keep going.
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl SearchIndex {
    /// The index as the register stands now.
    pub fn current(&self, conn: &mut DbConn) -> QueryResult<Arc<Index>> {
        let version = super::register::version(conn)?;
        self.at(conn, version)
    }

    /// The index as of `version`, read just before, or later: versions
    /// only grow, and one read a moment ago (see
    /// [`crate::web::page_cache::RegisterVersion`]) must not take the
    /// index back. An index built from newer rows than its version says is
    /// only refreshed once more.
    pub fn at(&self, conn: &mut DbConn, version: i64) -> QueryResult<Arc<Index>> {
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
        if let Some((held, choices)) = &*lock(&self.choices) {
            if *held >= version {
                return Ok(choices.clone());
            }
        }
        let choices = Arc::new(Choices::read(conn)?);
        *lock(&self.choices) = Some((version, choices.clone()));
        Ok(choices)
    }
}

/// What the index needs of a standard, compared to notice an edit.
#[derive(Clone, PartialEq, Queryable)]
struct StandardText {
    id: String,
    slug: String,
    designation: String,
    edition: i32,
    title: String,
}

/// A published clarification as listed before its text is read, in the
/// order of publication; small, since the whole register is listed.
struct Listed {
    id: Box<str>,
    published_at: Option<NaiveDateTime>,
    status: Status,
    /// The clause and the standard, hashed (see [`Doc::placing`]).
    placing: u64,
}

/// A clarification in the index, by its number there: the order of
/// publication, newest last.
#[derive(Clone)]
struct Doc {
    id: Uuid,
    status: Status,
    /// The clause and the standard, hashed: if either changes the index is
    /// rebuilt.
    placing: u64,
    /// Its words, weighed like their occurrences.
    length: f32,
}

/// How much a word weighs in a clarification, rounded to one of a few
/// levels (in fifths, like the weights above): ranking then combines
/// bitmaps instead of walking every clarification holding a common word
/// to find its weight there. Relevance barely changes, since BM25 counts
/// repeats less and less.
const LEVELS: [u8; 6] = [1, 5, 10, 20, 30, 60];

fn level(weight: u8) -> usize {
    match weight {
        0..=4 => 0,
        5..=9 => 1,
        10..=14 => 2,
        15..=24 => 3,
        25..=44 => 4,
        _ => 5,
    }
}

/// The clarifications holding one word: all of them, to match, and the
/// level it weighs in each, to rank.
#[derive(Clone, Default)]
struct Postings {
    all: RoaringBitmap,
    /// By level: how a word is gathered, and kept for one held by few.
    by_level: [RoaringBitmap; LEVELS.len()],
    /// For a word held by many (see [`DENSE_SHARE`]), its level in every
    /// clarification by number, four bits each, 0 where it is absent.
    /// Ranking then looks up the clarifications it ranks, where by level
    /// it walked every other one near them holding the word.
    dense: Box<[u8]>,
}

/// A word's postings, with the two terms of its share of a score at each
/// level (see [`Index::scores`]).
type Weighed<'a> = (&'a Postings, [(f32, f32); LEVELS.len()]);

/// A word held by more than one clarification in this many is kept
/// [`Postings::dense`]: there it costs little more memory than by level.
const DENSE_SHARE: u64 = 4;

impl Postings {
    /// The level of the word in clarification `number`, if it holds it.
    fn level_of(&self, number: u32) -> Option<usize> {
        match self.dense.get(number as usize / 2) {
            Some(&pair) => {
                let nibble = if number % 2 == 0 {
                    pair & 0xf
                } else {
                    pair >> 4
                };
                (nibble > 0).then(|| usize::from(nibble) - 1)
            }
            None if self.all.contains(number) => self
                .by_level
                .iter()
                .position(|level| level.contains(number)),
            None => None,
        }
    }

    /// Keeps the levels by number, for `count` clarifications: those
    /// already kept so, and those gathered by level since.
    fn make_dense(&mut self, count: usize) {
        let mut dense = vec![0u8; count.div_ceil(2)];
        dense[..self.dense.len()].copy_from_slice(&self.dense);
        for (at, level) in self.by_level.iter_mut().enumerate() {
            let nibble = at as u8 + 1;
            for number in level.iter() {
                let pair = &mut dense[number as usize / 2];
                *pair |= if number % 2 == 0 { nibble } else { nibble << 4 };
            }
            *level = RoaringBitmap::new();
        }
        self.dense = dense.into_boxed_slice();
    }
}

#[derive(Clone)]
pub struct Index {
    version: i64,
    standards: Vec<StandardText>,
    docs: Vec<Doc>,
    /// BM25's discount for each clarification's length, by its number:
    /// apart from the docs, since ranking reads nothing else of them.
    norms: Vec<f32>,
    words: FxHashMap<Box<str>, Postings>,
    /// One bitmap per filter value, keyed by [`facet`].
    facets: HashMap<String, RoaringBitmap>,
    total_length: f64,
}

/// The words of the clarification being added, with what they weigh in
/// it; and each word's stem, remembered, since a register repeats its
/// vocabulary and stemming is the costliest part of reading it.
struct Words {
    stemmer: Stemmer,
    /// Each word as written, and its stem (none for a common word).
    stems: FxHashMap<String, Option<Rc<str>>>,
    weights: FxHashMap<Rc<str>, u8>,
    length: u32,
}

impl Default for Words {
    fn default() -> Self {
        Words {
            stemmer: Stemmer::create(Algorithm::English),
            stems: FxHashMap::default(),
            weights: FxHashMap::default(),
            length: 0,
        }
    }
}

impl Words {
    fn weigh(&mut self, text: &str, weight: u8) {
        for word in search::words(text) {
            let stem = match self.stems.get(word) {
                Some(stem) => stem.clone(),
                None => {
                    let stem = search::searchable(word)
                        .map(|word| Rc::from(self.stemmer.stem(&word).as_ref()));
                    self.stems.insert(word.to_owned(), stem.clone());
                    stem
                }
            };
            let Some(stem) = stem else {
                continue;
            };
            let sum = self.weights.entry(stem).or_default();
            *sum = sum.saturating_add(weight);
            self.length += u32::from(weight);
        }
    }
}

/// What a search found: how many clarifications, and the ids of those in
/// the window asked for, best first.
pub struct Found {
    pub total: u64,
    pub ids: Vec<String>,
}

enum Facet<'a> {
    Standard(&'a str),
    Clause(&'a str),
    Year(i32),
    Status(Status),
}

fn facet(facet: Facet) -> String {
    match facet {
        Facet::Standard(slug) => format!("standard {slug}"),
        Facet::Clause(clause) => format!("clause {clause}"),
        Facet::Year(year) => format!("year {year}"),
        Facet::Status(status) => format!("status {}", status.as_str()),
    }
}

fn status_of(flag: Option<&str>) -> Status {
    Status::ALL
        .into_iter()
        .find(|status| status.flag() == flag)
        .unwrap_or(Status::Current)
}

fn placing(clause: &str, standard_id: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    (clause, standard_id).hash(&mut hasher);
    hasher.finish()
}

/// What the index reads of a clarification it adds.
struct Text {
    clause: String,
    standard_id: String,
    question: String,
    answer: String,
}

impl Index {
    fn load(conn: &mut DbConn, version: i64, old: Option<&Index>) -> QueryResult<Index> {
        let standards: Vec<StandardText> = standards::table
            .select((
                standards::id,
                standards::slug,
                standards::designation,
                standards::edition,
                standards::title,
            ))
            .order(standards::id)
            .load(conn)?;
        // Read row by row: a large register's rows held at once, strings
        // and all, would weigh more than the index.
        let listed = requests::table
            .filter(requests::state.eq(State::Published.as_str()))
            .select((
                requests::id,
                requests::published_at,
                requests::publication_flag,
                requests::clause,
                requests::standard_id,
            ))
            .order((requests::published_at.asc(), requests::reference.asc()))
            .load_iter::<(
                String,
                Option<NaiveDateTime>,
                Option<String>,
                String,
                String,
            ), DefaultLoadingMode>(conn)?
            .map(|row| {
                let (id, published_at, flag, clause, standard_id) = row?;
                Ok(Listed {
                    id: id.into(),
                    published_at,
                    status: status_of(flag.as_deref()),
                    placing: placing(&clause, &standard_id),
                })
            })
            .collect::<QueryResult<Vec<Listed>>>()?;
        let mut index = match old {
            Some(old) if old.continues_into(&standards, &listed) => old.clone(),
            _ => Index {
                version,
                standards,
                docs: Vec::new(),
                norms: Vec::new(),
                words: FxHashMap::default(),
                facets: HashMap::new(),
                total_length: 0.0,
            },
        };
        index.version = version;
        for (number, listed) in listed.iter().enumerate().take(index.docs.len()) {
            let status = listed.status;
            let was = index.docs[number].status;
            if status != was {
                let number = number as u32;
                index.facet(Facet::Status(was)).remove(number);
                index.facet(Facet::Status(status)).insert(number);
                index.docs[number as usize].status = status;
            }
        }
        let new = &listed[index.docs.len()..];
        let mut words = Words::default();
        // In batches, so that the text of a large register is never all
        // in memory at once.
        for batch in new.chunks(500) {
            let ids: Vec<&str> = batch.iter().map(|listed| listed.id.as_ref()).collect();
            let texts: HashMap<String, Text> = requests::table
                .filter(requests::id.eq_any(&ids))
                .select((
                    requests::id,
                    requests::clause,
                    requests::standard_id,
                    requests::question,
                    requests::answer,
                ))
                .load::<(String, String, String, String, Option<String>)>(conn)?
                .into_iter()
                .map(|(id, clause, standard_id, question, answer)| {
                    let answer = answer.unwrap_or_default();
                    (
                        id,
                        Text {
                            clause,
                            standard_id,
                            question,
                            answer,
                        },
                    )
                })
                .collect();
            for listed in batch {
                // Gone since it was listed: the next search refreshes again.
                if let Some(text) = texts.get(listed.id.as_ref()) {
                    index.add(&mut words, listed, text);
                }
            }
        }
        index.compact();
        Ok(index)
    }

    /// Lists grown by appending hold up to twice their length; an index is
    /// kept for long, so each list is copied once at its length (a bitmap's
    /// clone allocates exactly what it holds).
    fn compact(&mut self) {
        self.compact_dense_from(self.docs.len() as u64 / DENSE_SHARE);
    }

    /// [`Index::compact`], keeping dense the words held by more than
    /// `dense_from` clarifications.
    fn compact_dense_from(&mut self, dense_from: u64) {
        let count = self.docs.len();
        for postings in self.words.values_mut() {
            postings.all = postings.all.clone();
            if !postings.dense.is_empty() || postings.all.len() > dense_from {
                postings.make_dense(count);
            } else {
                for level in &mut postings.by_level {
                    *level = level.clone();
                }
            }
        }
        for bitmap in self.facets.values_mut() {
            *bitmap = bitmap.clone();
        }
        self.docs.shrink_to_fit();
        // Every length counts against the average, which new
        // clarifications move.
        let average = (self.total_length / self.docs.len().max(1) as f64) as f32;
        self.norms = self
            .docs
            .iter()
            .map(|doc| K1 * (1.0 - B + B * doc.length / average.max(f32::EPSILON)))
            .collect();
    }

    /// Whether this index holds the start of `listed`, placed as it is now,
    /// so that it needs only the rest appended and its statuses updated.
    fn continues_into(&self, standards: &[StandardText], listed: &[Listed]) -> bool {
        self.standards == standards
            && listed.len() >= self.docs.len()
            && self.docs.iter().zip(listed).all(|(doc, listed)| {
                Uuid::parse_str(&listed.id).ok() == Some(doc.id) && doc.placing == listed.placing
            })
    }

    fn facet(&mut self, which: Facet) -> &mut RoaringBitmap {
        self.facets.entry(facet(which)).or_default()
    }

    fn add(&mut self, words: &mut Words, listed: &Listed, text: &Text) {
        let Ok(id) = Uuid::parse_str(&listed.id) else {
            return;
        };
        let number = self.docs.len() as u32;
        words.weigh(&text.clause, CLAUSE);
        words.weigh(&text.question, QUESTION);
        words.weigh(&text.answer, ANSWER);
        // Only the slug outlives this borrow of the standards: not a copy of
        // a whole standard per clarification.
        let slug = self
            .standards
            .iter()
            .find(|standard| standard.id == text.standard_id)
            .map(|standard| {
                words.weigh(&standard.designation, STANDARD);
                words.weigh(&standard.edition.to_string(), STANDARD);
                words.weigh(&standard.title, TITLE);
                standard.slug.clone()
            });
        let length = words.length;
        for (stem, weight) in words.weights.drain() {
            if !self.words.contains_key(stem.as_ref()) {
                self.words.insert(stem.as_ref().into(), Postings::default());
            }
            if let Some(postings) = self.words.get_mut(stem.as_ref()) {
                // Numbers only grow: appended, not searched for.
                let _ = postings.all.try_push(number);
                let _ = postings.by_level[level(weight)].try_push(number);
            }
        }
        words.length = 0;

        let status = listed.status;
        if let Some(slug) = &slug {
            self.facet(Facet::Standard(slug)).insert(number);
        }
        if let Some(published_at) = listed.published_at {
            self.facet(Facet::Year(published_at.year())).insert(number);
        }
        self.facet(Facet::Status(status)).insert(number);
        // The clause and every clause above it: `7.2.1` is under `7.2`
        // and `7`.
        let clause = text.clause.to_lowercase();
        for (at, c) in clause.char_indices() {
            if clauses::SEPARATORS.contains(&c) && at > 0 {
                self.facet(Facet::Clause(&clause[..at])).insert(number);
            }
        }
        self.facet(Facet::Clause(&clause)).insert(number);

        let length = length as f32 / 5.0;
        self.total_length += f64::from(length);
        self.docs.push(Doc {
            id,
            status,
            placing: listed.placing,
            length,
        });
    }

    /// The clarifications holding every term (`all`) or any of them that
    /// pass the filters: counted, the newest of them ranked by relevance
    /// (BM25, ties newest first), and `limit` of those from `offset`.
    pub fn search(
        &self,
        terms: &[String],
        all: bool,
        filters: &Filters,
        offset: usize,
        limit: usize,
    ) -> Found {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut stems: Vec<String> = terms
            .iter()
            .map(|term| stemmer.stem(term).into_owned())
            .collect();
        stems.sort_unstable();
        stems.dedup();
        let postings: Vec<Option<&Postings>> = stems
            .iter()
            .map(|stem| self.words.get(stem.as_str()))
            .collect();
        let matched = if all {
            intersection(&postings)
        } else {
            postings
                .iter()
                .flatten()
                .fold(RoaringBitmap::new(), |any, p| any | &p.all)
        };
        let mut newest = self.narrow(matched, filters);
        let total = newest.len();
        let ranked = RANKED.max(offset + limit) as u64;
        if total > ranked {
            newest.remove_smallest(total - ranked);
        }
        // Oldest first, like the bitmaps.
        let numbers: Vec<u32> = newest.iter().collect();
        let scores = self.scores(&postings, &numbers);
        let mut order: Vec<usize> = (0..numbers.len()).collect();
        // Equal scores: the newest first.
        let better = |a: &usize, b: &usize| scores[*b].total_cmp(&scores[*a]).then(b.cmp(a));
        let wanted = (offset + limit).min(order.len());
        if wanted < order.len() {
            // Only the best few are shown: the rest need not be in order.
            order.select_nth_unstable_by(wanted, better);
            order.truncate(wanted);
        }
        order.sort_unstable_by(better);
        Found {
            total,
            ids: order
                .into_iter()
                .skip(offset)
                .map(|at| self.docs[numbers[at] as usize].id.to_string())
                .collect(),
        }
    }

    /// The BM25 score of each of `numbers` (in order) for the words of
    /// `postings`. A dense word's level is looked up for each of them.
    /// Another's levels are large: rather than intersect each with the
    /// clarifications to rank, every level's clarifications within a
    /// stretch of numbers add their weight to a scratch array of that
    /// stretch, read back for those ranked. Where the word's
    /// clarifications in a stretch would far outnumber those ranked there,
    /// as when a rare combination of words matches across the whole
    /// register, its level is looked up for each of them instead.
    fn scores(&self, postings: &[Option<&Postings>], numbers: &[u32]) -> Vec<f32> {
        const STRETCH: u32 = 4096;
        /// What looking up a level costs, counted in clarifications
        /// walked by level.
        const LOOKUP: f32 = 12.0;
        let count = self.docs.len() as f32;
        // Per word and level, the two terms of its share of a score:
        // lift / (tf + the clarification's norm).
        let words: Vec<Weighed> = postings
            .iter()
            .flatten()
            .map(|p| {
                let holding = p.all.len() as f32;
                let idf = ((count - holding + 0.5) / (holding + 0.5) + 1.0).ln();
                let terms = LEVELS.map(|weight| {
                    let tf = f32::from(weight) / 5.0;
                    (idf * tf * (K1 + 1.0), tf)
                });
                (*p, terms)
            })
            .collect();
        let look_up = |(p, terms): &Weighed, scores: &mut [f32], numbers: &[u32]| {
            for (score, &number) in scores.iter_mut().zip(numbers) {
                if let Some(level) = p.level_of(number) {
                    let (lift, tf) = terms[level];
                    *score += lift / (tf + self.norms[number as usize]);
                }
            }
        };
        let mut scores = vec![0f32; numbers.len()];
        let (dense, sparse): (Vec<&Weighed>, Vec<&Weighed>) =
            words.iter().partition(|(p, _)| !p.dense.is_empty());
        for word in dense {
            look_up(word, &mut scores, numbers);
        }
        if sparse.is_empty() {
            return scores;
        }
        let mut scratch = vec![0f32; STRETCH as usize];
        let mut start = 0;
        while let Some(&first) = numbers.get(start) {
            let end = start + numbers[start..].partition_point(|&n| n - first < STRETCH);
            let last = numbers[end - 1];
            let ranked = &numbers[start..end];
            let stretch = &mut scratch[..=(last - first) as usize];
            stretch.fill(0.0);
            for &word in &sparse {
                let (p, terms) = word;
                let held = p.all.len() as f32 / count * stretch.len() as f32;
                if ranked.len() as f32 * LOOKUP < held {
                    look_up(word, &mut scores[start..end], ranked);
                    continue;
                }
                for (level, (lift, tf)) in p.by_level.iter().zip(terms) {
                    for doc in level.range(first..=last) {
                        stretch[(doc - first) as usize] += lift / (tf + self.norms[doc as usize]);
                    }
                }
            }
            for (score, &number) in scores[start..end].iter_mut().zip(ranked) {
                *score += stretch[(number - first) as usize];
            }
            start = end;
        }
        scores
    }

    /// The ids of the newest `limit` clarifications passing the filters,
    /// newest first.
    pub fn newest(&self, filters: &Filters, limit: usize) -> Vec<String> {
        let mut all = RoaringBitmap::new();
        all.insert_range(0..self.docs.len() as u32);
        self.narrow(all, filters)
            .iter()
            .rev()
            .take(limit)
            .map(|number| self.docs[number as usize].id.to_string())
            .collect()
    }

    /// Those of `matched` that pass the filters.
    fn narrow(&self, mut matched: RoaringBitmap, filters: &Filters) -> RoaringBitmap {
        for wanted in self.wanted_facets(filters) {
            match self.facets.get(&wanted) {
                Some(docs) => matched &= docs,
                None => matched.clear(),
            }
        }
        matched
    }

    fn wanted_facets(&self, filters: &Filters) -> Vec<String> {
        let mut wanted = Vec::new();
        if let Some(slug) = &filters.standard {
            wanted.push(facet(Facet::Standard(slug)));
        }
        if let Some(clause) = &filters.clause {
            wanted.push(facet(Facet::Clause(&clause.trim().to_lowercase())));
        }
        if let Some(year) = filters.year {
            wanted.push(facet(Facet::Year(year)));
        }
        if let Some(status) = filters.status {
            wanted.push(facet(Facet::Status(status)));
        }
        wanted
    }
}

/// The clarifications holding every word, none if one is missing; the
/// rarest first, so that each step has the least to compare.
fn intersection(postings: &[Option<&Postings>]) -> RoaringBitmap {
    let Some(mut postings) = postings.iter().copied().collect::<Option<Vec<_>>>() else {
        return RoaringBitmap::new();
    };
    postings.sort_by_key(|p| p.all.len());
    let mut postings = postings.into_iter();
    let Some(first) = postings.next() else {
        return RoaringBitmap::new();
    };
    postings.fold(first.all.clone(), |held, p| held & &p.all)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An index of `count` clarifications, the n-th holding the words
    /// that `text` gives it.
    fn index_of(count: u32, text: impl Fn(u32) -> (String, String)) -> Index {
        let mut index = Index {
            version: 1,
            standards: Vec::new(),
            docs: Vec::new(),
            norms: Vec::new(),
            words: FxHashMap::default(),
            facets: HashMap::new(),
            total_length: 0.0,
        };
        append(&mut index, 0..count, text);
        index.compact();
        index
    }

    /// Adds the clarifications `numbers` to `index` as [`index_of`] does,
    /// leaving it to be compacted.
    fn append(
        index: &mut Index,
        numbers: std::ops::Range<u32>,
        text: impl Fn(u32) -> (String, String),
    ) {
        let mut words = Words::default();
        for number in numbers {
            let (question, answer) = text(number);
            let listed = Listed {
                id: Uuid::from_u128(u128::from(number)).to_string().into(),
                published_at: None,
                status: Status::Current,
                placing: 0,
            };
            let text = Text {
                clause: "4.1".into(),
                standard_id: String::new(),
                question,
                answer,
            };
            index.add(&mut words, &listed, &text);
        }
    }

    fn postings_of<'a>(index: &'a Index, words: &[&str]) -> Vec<Option<&'a Postings>> {
        let stemmer = Stemmer::create(Algorithm::English);
        words
            .iter()
            .map(|word| index.words.get(stemmer.stem(word).as_ref()))
            .collect()
    }

    /// Words spread unevenly over 20,000 clarifications, so that those
    /// ranked lie both close together and several stretches apart: three
    /// held by many, kept dense (the third only from the 15,000th on),
    /// and one held by few.
    fn uneven(n: u32) -> (String, String) {
        let mut question = String::from("sampling");
        if n % 3 == 0 {
            question.push_str(" impartiality impartiality");
        }
        if n % 11 == 0 || n >= 15_000 {
            question.push_str(" calibration");
        }
        if n % 13 == 0 {
            question.push_str(" uncertainty");
        }
        let answer = if n % 7 == 0 || n > 19_000 {
            "impartiality of the sampling plan".to_owned()
        } else {
            "records".to_owned()
        };
        (question, answer)
    }

    /// A search runs on the worker only when it would read no more than its
    /// rows: with both the index and the choices as of its version.
    #[test]
    fn a_search_is_short_once_index_and_choices_reach_its_version() {
        let held = SearchIndex::default();
        assert!(!held.holds(1), "nothing is held at first");
        *lock(&held.current) = Some(Arc::new(Index {
            version: 3,
            ..index_of(2, |_| ("word".into(), "word".into()))
        }));
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

    const UNEVEN: [&str; 4] = ["sampling", "impartiality", "calibration", "uncertainty"];

    #[test]
    fn ranking_scores_like_each_clarification_on_its_own() {
        let mut by_level = index_of(0, uneven);
        append(&mut by_level, 0..20_000, uneven);
        by_level.compact_dense_from(u64::MAX);
        let index = index_of(20_000, uneven);
        let dense: Vec<bool> = postings_of(&index, &UNEVEN)
            .iter()
            .map(|p| !p.expect("every word indexed").dense.is_empty())
            .collect();
        assert_eq!(dense, [true, true, true, false]);
        assert!(
            postings_of(&by_level, &UNEVEN)
                .iter()
                .all(|p| p.unwrap().dense.is_empty())
        );

        let postings = postings_of(&by_level, &UNEVEN);
        let count = by_level.docs.len() as f32;
        let expected = |number: u32| {
            let mut expected = 0.0;
            for p in postings.iter().flatten() {
                let holding = p.all.len() as f32;
                let idf = ((count - holding + 0.5) / (holding + 0.5) + 1.0).ln();
                for (level, weight) in p.by_level.iter().zip(LEVELS) {
                    if level.contains(number) {
                        let tf = f32::from(weight) / 5.0;
                        expected += idf * tf * (K1 + 1.0) / (tf + by_level.norms[number as usize]);
                    }
                }
            }
            expected
        };
        // Ranked close together, the levels of a word held by few are
        // walked; ranked far apart, looked up.
        let close: Vec<u32> = (0..20_000).filter(|n| n % 5 != 1).collect();
        let far: Vec<u32> = (0..20_000).step_by(397).collect();
        for (kept, index) in [("by level", &by_level), ("dense", &index)] {
            for numbers in [&close, &far] {
                let scores = index.scores(&postings_of(index, &UNEVEN), numbers);
                for (&number, &score) in numbers.iter().zip(&scores) {
                    let expected = expected(number);
                    assert!(
                        (score - expected).abs() <= 1e-5 * expected.abs().max(1.0),
                        "{kept}, clarification {number}: {score} against {expected}"
                    );
                }
            }
            // Repeats and the answer count: the clarifications holding
            // the words more often outrank those holding them once.
            let scores = index.scores(&postings_of(index, &UNEVEN), &close);
            let score_of = |n: u32| scores[close.iter().position(|&m| m == n).unwrap()];
            assert!(score_of(42) > score_of(2), "{kept}");
            assert!(score_of(273) > score_of(42), "{kept}");
        }
    }

    /// Publications after the index was built are appended to it: a dense
    /// word gathers their levels by level, then keeps them by number too.
    #[test]
    fn an_index_continued_ranks_like_one_built_at_once() {
        let at_once = index_of(20_000, uneven);
        let mut continued = index_of(12_000, uneven);
        let calibration = postings_of(&continued, &["calibration"])[0].unwrap();
        assert!(calibration.dense.is_empty(), "held by few of the first");
        append(&mut continued, 12_000..20_000, uneven);
        continued.compact();
        let numbers: Vec<u32> = (0..20_000).collect();
        assert_eq!(
            continued.scores(&postings_of(&continued, &UNEVEN), &numbers),
            at_once.scores(&postings_of(&at_once, &UNEVEN), &numbers)
        );
        for word in UNEVEN {
            let (a, b) = (
                postings_of(&continued, &[word]),
                postings_of(&at_once, &[word]),
            );
            let (a, b) = (a[0].unwrap(), b[0].unwrap());
            assert_eq!(a.all, b.all, "{word}");
            assert_eq!(a.dense, b.dense, "{word}");
            assert_eq!(a.by_level, b.by_level, "{word}");
        }
    }

    #[test]
    fn a_search_shows_the_best_first_and_counts_every_match() {
        // Only the newest matches are ranked: the best one is among them.
        let index = index_of(10_000, |n| {
            let question = if n == 9_000 {
                "impartiality impartiality impartiality sampling".to_owned()
            } else if n % 2 == 0 {
                "sampling".to_owned()
            } else {
                "impartiality".to_owned()
            };
            (question, "records".to_owned())
        });
        let terms = ["impartiality".to_owned()];
        let found = index.search(&terms, true, &Filters::default(), 0, 20);
        assert_eq!(
            found.total, 5_001,
            "every odd one, and the one holding both"
        );
        assert_eq!(found.ids.len(), 20);
        assert_eq!(found.ids[0], Uuid::from_u128(9_000).to_string());
        // Equal scores: the newest first.
        assert_eq!(found.ids[1], Uuid::from_u128(9_999).to_string());
        assert_eq!(found.ids[2], Uuid::from_u128(9_997).to_string());
        let both = ["sampling".to_owned(), "impartiality".to_owned()];
        let found = index.search(&both, true, &Filters::default(), 0, 20);
        assert_eq!(found.total, 1);
        // Page two follows page one: 9,000 then the 19 newest odd ones.
        let later = index.search(&terms, true, &Filters::default(), 20, 20);
        assert_eq!(later.ids[0], Uuid::from_u128(9_961).to_string());
    }

    #[test]
    fn each_level_holds_its_own_weight_and_levels_grow_with_the_weight() {
        for (at, &weight) in LEVELS.iter().enumerate() {
            assert_eq!(level(weight), at, "{weight} is its own level");
        }
        // What the parts of a clarification add up to.
        assert_eq!(level(TITLE), 0);
        assert_eq!(level(ANSWER), 1);
        assert_eq!(level(QUESTION + TITLE), 2);
        assert_eq!(level(CLAUSE), 3);
        assert_eq!(level(STANDARD + QUESTION), 4);
        assert_eq!(level(u8::MAX), LEVELS.len() - 1);
        let mut last = 0;
        for weight in 0..=u8::MAX {
            assert!(level(weight) >= last, "levels grow with the weight");
            last = level(weight);
        }
    }
}
