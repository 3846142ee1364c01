//! The copy's search index, split so that a browser loads only what a
//! query needs: a register of 100,000 clarifications makes an index of
//! some 60 MB in one file, more than a page can load.
//!
//! - `search/index.js` holds, for each clarification in the register's
//!   order (newest first), what the filters compare and a result shows
//!   but its question: `[reference, standard, clause, year, status]`; and
//!   the names of the word files.
//! - `search/words/{key}.js`, one file per first two characters of a
//!   word, maps each word to the positions of the clarifications that hold
//!   it. A word typed needs the file of its first two characters (of a
//!   one-character word, the files whose names start with it).
//! - `search/questions/{n}.js` holds the questions of positions
//!   `n * QUESTIONS ..`: only those of the results shown are loaded.
//!
//! Each file is a script setting `window.clarionSearch.parts[name]`,
//! because a page opened from disk may load a script but not fetch a file.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Write};

use chrono::Datelike;

use super::{Copy, SiteError};
use crate::domain::search as words;
use crate::models::register::Clarification;
use crate::models::translations::Translated;

/// The file `static/search.js` reads first.
pub const INDEX: &str = "search/index.js";

/// Questions in one file of `search/questions/`.
const QUESTIONS: usize = 100;

/// The characters of a word that name its file.
const KEY: usize = 2;

/// The index being written, as the export reads the register.
pub struct SearchFiles {
    index: BufWriter<File>,
    count: u32,
    questions: Vec<String>,
    /// Words by the key of their file, each with the positions holding it.
    words: BTreeMap<String, BTreeMap<String, Vec<u32>>>,
}

impl SearchFiles {
    /// Starts `search/index.js` with the standards' labels by slug.
    pub fn start(
        copy: &mut Copy<'_>,
        labels: &BTreeMap<&str, &str>,
    ) -> Result<SearchFiles, SiteError> {
        let mut index = copy.create(INDEX)?;
        let written = copy.failed(INDEX);
        write!(
            index,
            "window.clarionSearch = {{\"parts\":{{}},\"chunk\":{QUESTIONS},\"standards\":"
        )
        .map_err(&written)?;
        serde_json::to_writer(&mut index, labels)?;
        write!(index, ",\"items\":[").map_err(written)?;
        Ok(SearchFiles {
            index,
            count: 0,
            questions: Vec::with_capacity(QUESTIONS),
            words: BTreeMap::new(),
        })
    }

    /// Adds the next clarification in the register's order.
    pub fn add(&mut self, copy: &mut Copy<'_>, item: &Clarification) -> Result<(), SiteError> {
        let separator = if self.count == 0 { "\n" } else { ",\n" };
        self.index
            .write_all(separator.as_bytes())
            .map_err(copy.failed(INDEX))?;
        let shown = (
            &item.reference,
            &item.standard_slug,
            &item.clause,
            item.published_at.year(),
            item.status().as_str(),
        );
        serde_json::to_writer(&mut self.index, &shown)?;
        // The words of the texts the copy's pages show: in a French copy,
        // the French version's beside the English reference text.
        let french = item.french_in(&copy.lang);
        let distinct: BTreeSet<String> = [&item.clause, &item.question, &item.answer]
            .into_iter()
            .chain(french.into_iter().flat_map(|f| [&f.question, &f.answer]))
            .flat_map(|text| words::words(text))
            .filter_map(words::searchable)
            .collect();
        for word in distinct {
            let key: String = word.chars().take(KEY).collect();
            self.words
                .entry(key)
                .or_default()
                .entry(word)
                .or_default()
                .push(self.count);
        }
        self.questions.push(item.question_in(&copy.lang).to_owned());
        self.count += 1;
        if self.questions.len() == QUESTIONS {
            self.write_questions(copy)?;
        }
        Ok(())
    }

    /// Writes the questions held and the word files, and closes the index.
    pub fn finish(mut self, copy: &mut Copy<'_>) -> Result<(), SiteError> {
        if !self.questions.is_empty() {
            self.write_questions(copy)?;
        }
        for (key, words) in &self.words {
            let name = format!("words/{}", file_name(key));
            copy.write(&format!("search/{name}.js"), &part(&name, words)?)?;
        }
        let written = copy.failed(INDEX);
        write!(self.index, "\n],\"words\":").map_err(&written)?;
        serde_json::to_writer(&mut self.index, &self.words.keys().collect::<Vec<_>>())?;
        self.index.write_all(b"};\n").map_err(written)?;
        copy.close(INDEX, self.index)
    }

    fn write_questions(&mut self, copy: &mut Copy<'_>) -> Result<(), SiteError> {
        let first = self.count as usize - self.questions.len();
        let name = format!("questions/{}", first / QUESTIONS);
        copy.write(&format!("search/{name}.js"), &part(&name, &self.questions)?)?;
        self.questions.clear();
        Ok(())
    }
}

/// A file of the index: a script that hands `value` to the search.
fn part(name: &str, value: &impl serde::Serialize) -> Result<Vec<u8>, SiteError> {
    let mut script = format!("window.clarionSearch.parts[\"{name}\"] = ").into_bytes();
    serde_json::to_writer(&mut script, value)?;
    script.extend_from_slice(b";\n");
    Ok(script)
}

/// The name of a word file: the key's ASCII letters and digits as they
/// are, any other character as `_{hex}_`, so that every web server and
/// file system keeps it. `static/search.js` names them alike.
fn file_name(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c.to_string()
            } else {
                format!("_{:x}_", u32::from(c))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn a_word_file_is_named_by_ascii_characters_alone() {
        assert_eq!(file_name("ca"), "ca");
        assert_eq!(file_name("7"), "7");
        assert_eq!(file_name("éq"), "_e9_q");
        assert_eq!(file_name("μι"), "_3bc__3b9_");
    }
}
