//! Building the index from the register's rows, and bringing it forward:
//! publications since it was built are appended, status marks move a
//! clarification between statuses, and anything else (a correction too)
//! builds it afresh.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use chrono::{Datelike, NaiveDateTime};
use diesel::connection::DefaultLoadingMode;
use diesel::prelude::*;
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use uuid::Uuid;

use super::rank::{B, ByClause, DENSE_SHARE, Doc, Facet, Index, K1, Postings, french_key, level};
use crate::db::DbConn;
use crate::db::schema::{
    clarification_translations, corrected_clarifications, requests, standards,
};
use crate::domain::clauses;
use crate::domain::lifecycle::State;
use crate::domain::search::{self, Status};
use crate::models::register::in_revision_backlog;
use crate::models::translations::FRENCH;

/// How much a word weighs in each part of a clarification, in fifths: the
/// clause and the standard most, the title least, since every
/// clarification of a standard shares it.
const CLAUSE: u8 = 20;
const QUESTION: u8 = 10;
const ANSWER: u8 = 5;
const STANDARD: u8 = 20;
const TITLE: u8 = 1;

/// What the index needs of a standard, compared to notice an edit.
#[derive(Clone, PartialEq, Queryable)]
pub(super) struct StandardText {
    id: String,
    slug: String,
    designation: String,
    edition: i32,
    title: String,
}

/// A published clarification as listed before its text is read, in the
/// order of publication; small, since the whole register is listed.
#[cfg_attr(test, derive(Clone))]
struct Listed {
    id: Box<str>,
    published_at: Option<NaiveDateTime>,
    status: Status,
    /// The clause, the standard and the version, hashed (see [`Doc::placing`]).
    placing: u64,
    /// What places it in its standard's list (see [`ByClause`]): the
    /// standard by its place among the index's, the clause, the reference.
    standard: Option<usize>,
    clause: Box<str>,
    reference: Box<str>,
    consider_at_revision: bool,
}

/// The words of the clarification being added, with what they weigh in
/// it; and each word's stem, remembered, since a register repeats its
/// vocabulary and stemming is the costliest part of reading it.
struct Words {
    english: Stemming,
    french: Stemming,
    weights: FxHashMap<Rc<str>, u8>,
    length: u32,
}

/// One language's stemmer, and the keys of the words it stemmed.
struct Stemming {
    stemmer: Stemmer,
    /// The word as this language searches it; none for a common word.
    searchable: fn(&str) -> Option<String>,
    /// The key of a stem, apart from the other language's keys.
    key: fn(&str) -> String,
    /// Each word as written, and its key (none for a common word).
    stems: FxHashMap<String, Option<Rc<str>>>,
}

impl Stemming {
    fn new(
        algorithm: Algorithm,
        searchable: fn(&str) -> Option<String>,
        key: fn(&str) -> String,
    ) -> Self {
        Stemming {
            stemmer: Stemmer::create(algorithm),
            searchable,
            key,
            stems: FxHashMap::default(),
        }
    }

    /// The key `word` is indexed under, stemmed once however often seen.
    fn key_of(&mut self, word: &str) -> Option<Rc<str>> {
        if let Some(key) = self.stems.get(word) {
            return key.clone();
        }
        let key = (self.searchable)(word)
            .map(|word| Rc::from((self.key)(&self.stemmer.stem(&word)).as_str()));
        self.stems.insert(word.to_owned(), key.clone());
        key
    }
}

impl Default for Words {
    fn default() -> Self {
        Words {
            english: Stemming::new(Algorithm::English, search::searchable, str::to_owned),
            french: Stemming::new(Algorithm::French, search::searchable_in_french, french_key),
            weights: FxHashMap::default(),
            length: 0,
        }
    }
}

impl Words {
    /// Weighs English text: its words make the clarification's length.
    fn weigh(&mut self, text: &str, weight: u8) {
        self.length += add(&mut self.english, &mut self.weights, text, weight);
    }

    /// Weighs French text under its French stems, apart from the English
    /// words. Its words count nothing towards the length: a translated
    /// clarification ranks for English words as it did before it was
    /// translated.
    fn weigh_french(&mut self, text: &str, weight: u8) {
        add(&mut self.french, &mut self.weights, text, weight);
    }
}

/// Adds `weight` to the key of each word of `text` as `stemming` keys it;
/// what they weigh together.
fn add(
    stemming: &mut Stemming,
    weights: &mut FxHashMap<Rc<str>, u8>,
    text: &str,
    weight: u8,
) -> u32 {
    let mut added = 0;
    for word in search::words(text) {
        if let Some(key) = stemming.key_of(word) {
            let sum = weights.entry(key).or_default();
            *sum = sum.saturating_add(weight);
            added += u32::from(weight);
        }
    }
    added
}

/// The clause, the standard, the version of the text and when its French
/// version was entered, hashed: a correction or a translation changes the
/// words the index holds, as a move does.
fn placing(
    clause: &str,
    standard_id: &str,
    version: Option<i32>,
    translated: Option<NaiveDateTime>,
) -> u64 {
    let mut hasher = DefaultHasher::new();
    (clause, standard_id, version, translated).hash(&mut hasher);
    hasher.finish()
}

/// What the index reads of a clarification it adds, besides what it
/// listed: its question and answer, and their French version if any.
struct Text {
    question: String,
    answer: String,
    french: Option<(String, String)>,
}

impl Index {
    /// The index as of `version`: `old` brought forward if the register
    /// only grew and changed statuses since, built afresh otherwise.
    pub(super) fn load(conn: &mut DbConn, version: i64, old: Option<&Index>) -> QueryResult<Index> {
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
        let standard_at: HashMap<&str, usize> = standards
            .iter()
            .enumerate()
            .map(|(at, standard)| (standard.id.as_str(), at))
            .collect();
        // Read row by row: a large register's rows held at once, strings
        // and all, would weigh more than the index.
        let listed = requests::table
            .left_join(corrected_clarifications::table)
            .left_join(
                clarification_translations::table.on(clarification_translations::request_id
                    .eq(requests::id)
                    .and(clarification_translations::language.eq(FRENCH))),
            )
            .filter(requests::state.eq(State::Published.as_str()))
            .select((
                requests::id,
                requests::published_at,
                requests::publication_flag,
                requests::clause,
                requests::standard_id,
                requests::reference,
                requests::consider_at_revision,
                corrected_clarifications::version.nullable(),
                clarification_translations::entered_at.nullable(),
            ))
            .order((requests::published_at.asc(), requests::reference.asc()))
            .load_iter::<(
                String,
                Option<NaiveDateTime>,
                Option<String>,
                String,
                String,
                Option<String>,
                bool,
                Option<i32>,
                Option<NaiveDateTime>,
            ), DefaultLoadingMode>(conn)?
            .map(|row| {
                let (
                    id,
                    published_at,
                    flag,
                    clause,
                    standard_id,
                    reference,
                    consider,
                    version,
                    translated,
                ) = row?;
                Ok(Listed {
                    id: id.into(),
                    published_at,
                    status: Status::of_flag(flag.as_deref()),
                    placing: placing(&clause, &standard_id, version, translated),
                    standard: standard_at.get(standard_id.as_str()).copied(),
                    clause: clause.into(),
                    reference: reference.unwrap_or_default().into(),
                    consider_at_revision: consider,
                })
            })
            .collect::<QueryResult<Vec<Listed>>>()?;
        let mut index = match old {
            Some(old) if old.continues_into(&standards, &listed) => old.clone(),
            _ => Index::new(version, standards),
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
        // Each clarification with its number: those already held keep
        // theirs (`continues_into`), the new ones take theirs as added.
        let mut numbered: Vec<(u32, &Listed)> = listed
            .iter()
            .take(index.docs.len())
            .enumerate()
            .map(|(number, listed)| (number as u32, listed))
            .collect();
        let new = &listed[index.docs.len()..];
        let mut words = Words::default();
        // In batches, so that the text of a large register is never all
        // in memory at once.
        for batch in new.chunks(500) {
            let ids: Vec<&str> = batch.iter().map(|listed| listed.id.as_ref()).collect();
            let mut french: HashMap<String, (String, String)> = clarification_translations::table
                .filter(clarification_translations::request_id.eq_any(&ids))
                .filter(clarification_translations::language.eq(FRENCH))
                .select((
                    clarification_translations::request_id,
                    clarification_translations::question,
                    clarification_translations::answer,
                ))
                .load::<(String, String, String)>(conn)?
                .into_iter()
                .map(|(id, question, answer)| (id, (question, answer)))
                .collect();
            let texts: HashMap<String, Text> = requests::table
                .filter(requests::id.eq_any(&ids))
                .select((requests::id, requests::question, requests::answer))
                .load::<(String, String, Option<String>)>(conn)?
                .into_iter()
                .map(|(id, question, answer)| {
                    let answer = answer.unwrap_or_default();
                    let french = french.remove(&id);
                    (
                        id,
                        Text {
                            question,
                            answer,
                            french,
                        },
                    )
                })
                .collect();
            for listed in batch {
                // Gone since it was listed: the next search refreshes again.
                if let Some(number) = texts
                    .get(listed.id.as_ref())
                    .and_then(|text| index.add(&mut words, listed, text))
                {
                    numbered.push((number, listed));
                }
            }
        }
        index.compact();
        index.order_by_clause(&numbered);
        Ok(index)
    }

    /// Works out each standard's lists in clause order (see [`ByClause`])
    /// from its clarifications, `numbered` as in the index. Afresh at
    /// every load, from the rows just read: a status mark or a new
    /// clarification anywhere in the order changes them.
    fn order_by_clause(&mut self, numbered: &[(u32, &Listed)]) {
        let mut of_standard: Vec<Vec<(u32, &Listed)>> = vec![Vec::new(); self.standards.len()];
        for &(number, listed) in numbered {
            if let Some(at) = listed.standard {
                of_standard[at].push((number, listed));
            }
        }
        self.by_clause = of_standard
            .into_iter()
            .zip(&self.standards)
            .filter(|(placed, _)| !placed.is_empty())
            .map(|(mut placed, standard)| {
                // Each clause's key is worked out once, not at every
                // comparison.
                placed.sort_by_cached_key(|&(_, listed)| {
                    (
                        clauses::ClauseKey::of(&listed.clause),
                        &*listed.clause,
                        &*listed.reference,
                    )
                });
                let all = placed.iter().map(|(number, _)| *number).collect();
                let backlog = placed
                    .iter()
                    .filter(|(_, listed)| {
                        in_revision_backlog(listed.consider_at_revision, listed.status)
                    })
                    .map(|(number, _)| *number)
                    .collect();
                (standard.slug.clone(), ByClause { all, backlog })
            })
            .collect();
    }

    /// Lists grown by appending hold up to twice their length; an index is
    /// kept for long, so each list is copied once at its length (a bitmap's
    /// clone allocates exactly what it holds).
    fn compact(&mut self) {
        self.compact_dense_from(self.docs.len() as u64 / DENSE_SHARE);
    }

    /// [`Index::compact`], keeping dense the words held by more than
    /// `dense_from` clarifications.
    pub(super) fn compact_dense_from(&mut self, dense_from: u64) {
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

    /// Adds a clarification, and gives its number; none if its id is not
    /// one the index can hold.
    fn add(&mut self, words: &mut Words, listed: &Listed, text: &Text) -> Option<u32> {
        let Ok(id) = Uuid::parse_str(&listed.id) else {
            return None;
        };
        let number = self.docs.len() as u32;
        words.weigh(&listed.clause, CLAUSE);
        words.weigh(&text.question, QUESTION);
        words.weigh(&text.answer, ANSWER);
        if let Some((question, answer)) = &text.french {
            words.weigh_french(question, QUESTION);
            words.weigh_french(answer, ANSWER);
        }
        // Only the slug outlives this borrow of the standards: not a copy of
        // a whole standard per clarification.
        let slug = listed
            .standard
            .and_then(|at| self.standards.get(at))
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
        let clause = listed.clause.to_lowercase();
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
        Some(number)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::search::rank::LEVELS;

    /// An index of `count` clarifications, the n-th holding the words
    /// that `text` gives it.
    pub(in crate::search) fn index_of(count: u32, text: impl Fn(u32) -> (String, String)) -> Index {
        let mut index = Index::new(1, Vec::new());
        append(&mut index, 0..count, text);
        index.compact();
        index
    }

    /// Adds the clarifications `numbers` to `index` as [`index_of`] does,
    /// leaving it to be compacted.
    pub(in crate::search) fn append(
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
                standard: None,
                clause: "4.1".into(),
                reference: format!("CR-2025-{number:04}").into(),
                consider_at_revision: false,
            };
            index.add(
                &mut words,
                &listed,
                &Text {
                    question,
                    answer,
                    french: None,
                },
            );
        }
    }

    pub(in crate::search) fn postings_of<'a>(
        index: &'a Index,
        words: &[&str],
    ) -> Vec<Option<&'a Postings>> {
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
    pub(in crate::search) fn uneven(n: u32) -> (String, String) {
        let mut question = String::from("sampling");
        if n.is_multiple_of(3) {
            question.push_str(" impartiality impartiality");
        }
        if n.is_multiple_of(11) || n >= 15_000 {
            question.push_str(" calibration");
        }
        if n.is_multiple_of(13) {
            question.push_str(" uncertainty");
        }
        let answer = if n.is_multiple_of(7) || n > 19_000 {
            "impartiality of the sampling plan".to_owned()
        } else {
            "records".to_owned()
        };
        (question, answer)
    }

    pub(in crate::search) const UNEVEN: [&str; 4] =
        ["sampling", "impartiality", "calibration", "uncertainty"];

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

    /// A standard's list and its revision list are kept in clause order
    /// (4.2 before 4.10, annexes last, equal clauses by reference), counted
    /// like the standard's filter, and any page of them is their slice.
    #[test]
    fn a_standards_lists_are_kept_in_clause_order_and_counted() {
        use crate::domain::search::Filters;
        use crate::search::rank::StandardList;
        let standard = |id: &str, slug: &str| StandardText {
            id: id.into(),
            slug: slug.into(),
            designation: "ISO/IEC 17065".into(),
            edition: 2012,
            title: "Conformity assessment".into(),
        };
        let mut index = Index::new(1, vec![standard("s0", "a"), standard("s1", "b")]);
        // (annex, clause numbers): compared as numbers, unlike the text.
        let place = |n: u32| match n % 10 {
            9 => (1, 0, n / 10 % 4 + 1),
            _ => (0, 4 + n % 6, 1 + n / 6 % 12),
        };
        let listed: Vec<Listed> = (0..300u32)
            .map(|n| Listed {
                id: Uuid::from_u128(u128::from(n)).to_string().into(),
                published_at: None,
                status: match n % 7 {
                    0 => Status::Withdrawn,
                    1 => Status::Incorporated,
                    2 => Status::Superseded,
                    _ => Status::Current,
                },
                placing: 0,
                // Every fifth of the other standard.
                standard: Some(usize::from(n % 5 == 0)),
                clause: match place(n) {
                    (1, _, number) => format!("Annex A.{number}"),
                    (_, major, minor) => format!("{major}.{minor}"),
                }
                .into(),
                // Not in the order of publication.
                reference: format!("CR-2025-{:04}", 1000 - n).into(),
                consider_at_revision: n % 3 != 0,
            })
            .collect();
        let mut words = Words::default();
        let numbered: Vec<(u32, &Listed)> = listed
            .iter()
            .filter_map(|listed| {
                let text = Text {
                    question: "Sampling?".into(),
                    answer: "Yes.".into(),
                    french: None,
                };
                index
                    .add(&mut words, listed, &text)
                    .map(|number| (number, listed))
            })
            .collect();
        index.order_by_clause(&numbered);

        let expected = |listed: &[Listed], backlog: bool| {
            let mut of_a: Vec<u32> = (0..300)
                .filter(|&n| listed[n as usize].standard == Some(0))
                .filter(|&n| {
                    let l = &listed[n as usize];
                    !backlog
                        || (l.consider_at_revision
                            && matches!(l.status, Status::Current | Status::Superseded))
                })
                .collect();
            of_a.sort_by_key(|&n| (place(n), listed[n as usize].reference.clone()));
            of_a.into_iter()
                .map(|n| Uuid::from_u128(u128::from(n)).to_string())
                .collect::<Vec<_>>()
        };
        let (every, backlog) = (expected(&listed, false), expected(&listed, true));
        assert_eq!(every.len(), 240);
        let filtered = Filters {
            standard: Some("a".into()),
            ..Filters::default()
        };
        assert_eq!(
            index.newest(&filtered, 0, 20).total,
            240,
            "counted like the filter"
        );
        assert_eq!(
            index.counts_of("a"),
            (240, backlog.len() as i64),
            "all, and on the revision's list"
        );
        assert_eq!(index.counts_of("b"), (60, 28));
        assert_eq!(index.counts_of("none"), (0, 0));
        for (list, expected) in [
            (StandardList::Every, &every),
            (StandardList::Backlog, &backlog),
        ] {
            for offset in [0, 100, 200] {
                let page = index.in_clause_order("a", list, offset, 100);
                assert_eq!(page.total as usize, expected.len(), "{list:?}");
                let end = (offset + 100).min(expected.len());
                let slice = expected.get(offset..end).unwrap_or_default();
                assert_eq!(page.ids, slice, "{list:?} from {offset}");
            }
        }
        // Read as people do: 4.2 before 4.10, annexes last.
        let clauses: Vec<&str> = index
            .in_clause_order("a", StandardList::Every, 0, 240)
            .ids
            .iter()
            .map(|id| {
                let n = Uuid::parse_str(id).unwrap().as_u128() as usize;
                &*listed[n].clause
            })
            .collect();
        let at = |clause: &str| clauses.iter().position(|c| *c == clause).unwrap();
        assert!(at("4.2") < at("4.10") && at("4.12") < at("5.1"));
        assert!(at("9.12") < at("Annex A.1"));
        assert_eq!(clauses[239], "Annex A.4");

        // A status marked since: the next load moves it off the revision's
        // list, and out of no other.
        let mut marked = listed.clone();
        for listed in &mut marked {
            if listed.status == Status::Current {
                listed.status = Status::Withdrawn;
            }
        }
        let numbered: Vec<(u32, &Listed)> = (0..300).map(|n| (n, &marked[n as usize])).collect();
        index.order_by_clause(&numbered);
        let superseded = expected(&marked, true);
        assert!(superseded.len() < backlog.len());
        let page = index.in_clause_order("a", StandardList::Backlog, 0, 300);
        assert_eq!(page.ids, superseded);
        assert_eq!(index.counts_of("a").0, 240);
    }

    /// French text is found by French stems, English by English ones, and
    /// a query's words are looked up under both.
    #[test]
    fn french_words_are_found_by_their_french_stems_and_english_ones_as_before() {
        use crate::domain::search::{Filters, terms};
        let texts = [
            (
                "What are the requirements for impartiality?",
                "They apply to every activity.",
                Some((
                    "Quelles sont les exigences d’impartialité\u{a0}?",
                    "L’exigence s’applique à chaque activité.",
                )),
            ),
            (
                "Are records kept on paper?",
                "Records may be kept on paper.",
                None,
            ),
        ];
        let build = |french: bool| {
            let mut index = Index::new(1, Vec::new());
            let mut words = Words::default();
            for (number, (question, answer, translated)) in texts.into_iter().enumerate() {
                let listed = Listed {
                    id: Uuid::from_u128(number as u128).to_string().into(),
                    published_at: None,
                    status: Status::Current,
                    placing: 0,
                    standard: None,
                    clause: "4.1".into(),
                    reference: format!("CR-2025-{number:04}").into(),
                    consider_at_revision: false,
                };
                let text = Text {
                    question: question.into(),
                    answer: answer.into(),
                    french: translated
                        .filter(|_| french)
                        .map(|(q, a)| (q.to_owned(), a.to_owned())),
                };
                index.add(&mut words, &listed, &text);
            }
            index.compact();
            index
        };
        let index = build(true);
        let found = |index: &Index, query: &str| -> Vec<u128> {
            index
                .search(&terms(query), true, &Filters::default(), 0, 10)
                .ids
                .iter()
                .map(|id| Uuid::parse_str(id).unwrap().as_u128())
                .collect()
        };
        assert_eq!(
            found(&index, "exigences"),
            [0],
            "French plural, French stem"
        );
        assert_eq!(found(&index, "exigence impartialité"), [0]);
        assert_eq!(found(&index, "activités"), [0]);
        assert_eq!(found(&index, "impartiality"), [0], "English as before");
        assert_eq!(found(&index, "records paper"), [1]);
        assert!(found(&index, "les").is_empty(), "a common French word");
        // English scores as if the French were not there.
        let untranslated = build(false);
        let english = ["impartiality", "records"];
        let (a, b) = (
            postings_of(&index, &english),
            postings_of(&untranslated, &english),
        );
        assert_eq!(index.scores(&a, &[0, 1]), untranslated.scores(&b, &[0, 1]));
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
