//! The index's words and filters as bitmaps, and ranking by them.
//!
//! A full-text index in the database answered a common word by reading its
//! tens of thousands of matches from disk, milliseconds per search even
//! with the count and ranking done in the index; here a word's matches are
//! a compressed bitmap, combined with others and counted in microseconds.

use std::borrow::Cow;
use std::collections::HashMap;

use roaring::RoaringBitmap;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use uuid::Uuid;

use super::build::StandardText;
use crate::domain::search::{self, Filters, Status};

/// How many of the newest matches a search ranks by relevance: a common
/// word matches a large share of the register, and nobody reads past the
/// first pages of the best of the recent ones.
const RANKED: usize = 2000;

/// BM25's usual constants: how fast repeats stop counting, and how much
/// a long text is discounted.
pub(super) const K1: f32 = 1.2;
pub(super) const B: f32 = 0.75;

/// A clarification in the index, by its number there: the order of
/// publication, newest last.
#[derive(Clone)]
pub(super) struct Doc {
    pub(super) id: Uuid,
    pub(super) status: Status,
    /// The clause, the standard and the version of the text, hashed: if
    /// any changes the index is rebuilt.
    pub(super) placing: u64,
    /// Its words, weighed like their occurrences.
    pub(super) length: f32,
}

/// How much a word weighs in a clarification, rounded to one of a few
/// levels (in fifths, like the weights of its parts, see [`super::build`]): ranking then combines
/// bitmaps instead of walking every clarification holding a common word
/// to find its weight there. Relevance barely changes, since BM25 counts
/// repeats less and less.
pub(super) const LEVELS: [u8; 6] = [1, 5, 10, 20, 30, 60];

pub(super) fn level(weight: u8) -> usize {
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
pub(super) struct Postings {
    pub(super) all: RoaringBitmap,
    /// By level: how a word is gathered, and kept for one held by few.
    pub(super) by_level: [RoaringBitmap; LEVELS.len()],
    /// For a word held by many (see [`DENSE_SHARE`]), its level in every
    /// clarification by number, four bits each, 0 where it is absent.
    /// Ranking then looks up the clarifications it ranks, where by level
    /// it walked every other one near them holding the word.
    pub(super) dense: Box<[u8]>,
}

/// A word's postings, with the two terms of its share of a score at each
/// level (see [`Index::scores`]).
type Weighed<'a> = (&'a Postings, [(f32, f32); LEVELS.len()]);

/// A word held by more than one clarification in this many is kept
/// [`Postings::dense`]: there it costs little more memory than by level.
pub(super) const DENSE_SHARE: u64 = 4;

impl Postings {
    /// The level of the word in clarification `number`, if it holds it.
    fn level_of(&self, number: u32) -> Option<usize> {
        match self.dense.get(number as usize / 2) {
            Some(&pair) => {
                let nibble = if number.is_multiple_of(2) {
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
    pub(super) fn make_dense(&mut self, count: usize) {
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
    /// The register version it was built or brought up to date at.
    pub(super) version: i64,
    pub(super) standards: Vec<StandardText>,
    pub(super) docs: Vec<Doc>,
    /// BM25's discount for each clarification's length, by its number:
    /// apart from the docs, since ranking reads nothing else of them.
    pub(super) norms: Vec<f32>,
    pub(super) words: FxHashMap<Box<str>, Postings>,
    /// One bitmap per filter value, keyed by [`facet`].
    pub(super) facets: HashMap<String, RoaringBitmap>,
    /// Each standard's clarifications in clause order, by slug.
    pub(super) by_clause: HashMap<String, ByClause>,
    pub(super) total_length: f64,
}

/// A standard's clarifications by number, in the order of its pages:
/// natural clause order, then clause text and reference. Worked out when
/// the index is loaded, so that any page of the list is a slice of it.
#[derive(Clone, Default)]
pub(super) struct ByClause {
    pub(super) all: Vec<u32>,
    /// Those on the next revision's list (see
    /// [`crate::models::register::in_revision_backlog`]).
    pub(super) backlog: Vec<u32>,
}

/// Which of a standard's lists in clause order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StandardList {
    /// Every published clarification of the standard.
    Every,
    /// Those on its next revision's list.
    Backlog,
}

/// What a search found: how many clarifications, and the ids of those in
/// the window asked for, best first.
pub(super) struct Found {
    pub(super) total: u64,
    pub(super) ids: Vec<String>,
}

pub(super) enum Facet<'a> {
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

impl Index {
    /// An index of no clarification yet, as of `version`, naming these
    /// standards.
    pub(super) fn new(version: i64, standards: Vec<StandardText>) -> Index {
        Index {
            version,
            standards,
            docs: Vec::new(),
            norms: Vec::new(),
            words: FxHashMap::default(),
            facets: HashMap::new(),
            by_clause: HashMap::new(),
            total_length: 0.0,
        }
    }

    /// How many published clarifications a standard has, and how many of
    /// them are on its next revision's list: counted when the index was
    /// loaded, not over the register at every asking.
    pub fn counts_of(&self, slug: &str) -> (i64, i64) {
        self.by_clause
            .get(slug)
            .map_or((0, 0), |of| (of.all.len() as i64, of.backlog.len() as i64))
    }

    /// How many clarifications a standard's `list` holds, and the ids of
    /// `limit` of them from the `offset`-th, in clause order: a slice of
    /// the order kept, so that a deep page costs what the first does.
    pub(super) fn in_clause_order(
        &self,
        slug: &str,
        list: StandardList,
        offset: usize,
        limit: usize,
    ) -> Found {
        let numbers = self.by_clause.get(slug).map_or(&[][..], |of| match list {
            StandardList::Every => &of.all,
            StandardList::Backlog => &of.backlog,
        });
        Found {
            total: numbers.len() as u64,
            ids: numbers
                .get(offset..)
                .unwrap_or_default()
                .iter()
                .take(limit)
                .map(|&number| self.docs[number as usize].id.to_string())
                .collect(),
        }
    }

    /// The clarifications passing the filter `which`, to add to.
    pub(super) fn facet(&mut self, which: Facet) -> &mut RoaringBitmap {
        self.facets.entry(facet(which)).or_default()
    }

    /// The clarifications holding every term (`all`) or any of them that
    /// pass the filters: counted, the newest of them ranked by relevance
    /// (BM25, ties newest first), and `limit` of those from `offset`.
    pub(super) fn search(
        &self,
        terms: &[String],
        all: bool,
        filters: &Filters,
        offset: usize,
        limit: usize,
    ) -> Found {
        // Each term is looked up under its English stem among the
        // English words and under its French stem among the French ones:
        // it matches where either is found.
        let (english, french) = (
            Stemmer::create(Algorithm::English),
            Stemmer::create(Algorithm::French),
        );
        let mut keys: Vec<(String, Option<String>)> = terms
            .iter()
            .map(|term| {
                let in_french =
                    search::searchable_in_french(term).map(|word| french_key(&french.stem(&word)));
                (english.stem(term).into_owned(), in_french)
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let of_term: Vec<[Option<&Postings>; 2]> = keys
            .iter()
            .map(|(english, french)| {
                [
                    self.words.get(english.as_str()),
                    french.as_deref().and_then(|key| self.words.get(key)),
                ]
            })
            .collect();
        let matched = if all {
            intersection(&of_term)
        } else {
            of_term
                .iter()
                .flatten()
                .flatten()
                .fold(RoaringBitmap::new(), |any, p| any | &p.all)
        };
        // Both stems score: a clarification holding a word in both
        // languages ranks as one holding it twice.
        let postings: Vec<Option<&Postings>> = of_term.into_iter().flatten().collect();
        let mut newest = self.narrow(Some(matched), filters);
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
    pub(super) fn scores(&self, postings: &[Option<&Postings>], numbers: &[u32]) -> Vec<f32> {
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

    /// The clarifications passing the filters, counted, and the ids of
    /// `limit` of them from the `offset`-th newest, newest first. Numbers
    /// follow publication, so a page is found by its position in the
    /// bitmap, not by walking the pages before it: the last page of a
    /// list costs what its first does.
    pub(super) fn newest(&self, filters: &Filters, offset: usize, limit: usize) -> Found {
        let passing = self.narrow(None, filters);
        let total = passing.len();
        let ids = match total
            .checked_sub(offset as u64 + 1)
            .and_then(|from_oldest| passing.select(from_oldest as u32))
        {
            Some(first) => passing
                .range(..=first)
                .rev()
                .take(limit)
                .map(|number| self.docs[number as usize].id.to_string())
                .collect(),
            None => Vec::new(),
        };
        Found { total, ids }
    }

    /// Those of `matched` (every clarification: `None`) that pass the
    /// filters. The smallest filter's set is narrowed first, so that a
    /// filtered list (a clause's related clarifications) never copies the
    /// whole register's bitmap.
    fn narrow(&self, matched: Option<RoaringBitmap>, filters: &Filters) -> RoaringBitmap {
        let mut sets = Vec::new();
        for wanted in self.wanted_facets(filters) {
            match self.facets.get(&wanted) {
                Some(docs) => sets.push(docs),
                None => return RoaringBitmap::new(),
            }
        }
        sets.sort_by_key(|docs| docs.len());
        let mut sets = sets.into_iter();
        let start = matched.unwrap_or_else(|| match sets.next() {
            Some(smallest) => smallest.clone(),
            None => {
                let mut all = RoaringBitmap::new();
                all.insert_range(0..self.docs.len() as u32);
                all
            }
        });
        sets.fold(start, |found, docs| found & docs)
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

/// The clarifications holding every term, each term held in either
/// language (its English or its French postings); none if a term is
/// missing.
fn intersection(of_term: &[[Option<&Postings>; 2]]) -> RoaringBitmap {
    let Some(mut held) = of_term
        .iter()
        .map(|either| match either {
            [Some(one), None] | [None, Some(one)] => Some(Cow::Borrowed(&one.all)),
            [Some(a), Some(b)] => Some(Cow::Owned(&a.all | &b.all)),
            [None, None] => None,
        })
        .collect::<Option<Vec<Cow<RoaringBitmap>>>>()
    else {
        return RoaringBitmap::new();
    };
    held.sort_by_key(|bitmap| bitmap.len());
    let mut held = held.into_iter();
    let Some(first) = held.next() else {
        return RoaringBitmap::new();
    };
    held.fold(first.into_owned(), |all, bitmap| all & bitmap.as_ref())
}

/// French words are held apart from English ones, under their French
/// stems with this before them: no word holds a colon, so a French stem
/// never meets an English one.
const FRENCH: &str = "fr:";

/// The key of a French stem among the index's words.
pub(super) fn french_key(stem: &str) -> String {
    format!("{FRENCH}{stem}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::build::tests::{UNEVEN, append, index_of, postings_of, uneven};

    #[test]
    fn a_list_page_is_found_by_its_position_at_any_depth() {
        let index = index_of(45, uneven);
        let id = |number: u32| Uuid::from_u128(u128::from(number)).to_string();
        let everything = Filters::default();
        let first = index.newest(&everything, 0, 20);
        assert_eq!(first.total, 45);
        assert_eq!(first.ids, (25..45).rev().map(id).collect::<Vec<_>>());
        let last = index.newest(&everything, 40, 20);
        assert_eq!(last.ids, (0..5).rev().map(id).collect::<Vec<_>>());
        assert!(index.newest(&everything, 45, 20).ids.is_empty());
        assert_eq!(index.newest(&everything, 45, 20).total, 45);

        // Narrowed to one status, the positions are those within it.
        let mut narrowed = index.clone();
        for number in (0..45).step_by(3) {
            narrowed
                .facet(Facet::Status(Status::Withdrawn))
                .insert(number);
        }
        let withdrawn = Filters {
            status: Some(Status::Withdrawn),
            ..Filters::default()
        };
        let page = narrowed.newest(&withdrawn, 10, 20);
        assert_eq!(page.total, 15);
        assert_eq!(page.ids, [12, 9, 6, 3, 0].map(id));
    }

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
}
