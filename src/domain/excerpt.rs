//! Short excerpts of questions and answers for lists, with the words a
//! search matched highlighted.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::domain::search;

/// Marks put around matched words (see [`Marker`]): private-use
/// characters, which nobody types.
pub const MARK_START: char = '\u{E000}';
pub const MARK_END: char = '\u{E001}';

/// Escaped HTML of `text` cut to about `limit` characters at a word
/// boundary, with marked words in `<mark>`. Markdown emphasis and heading
/// signs are dropped: an excerpt is plain text. Marks always come out
/// balanced, whatever the input.
pub fn to_html(text: &str, limit: usize) -> String {
    let mut html = String::with_capacity(text.len().min(limit * 2) + 16);
    let mut open = false;
    let mut shown = 0;
    let mut last_space = None;
    let mut cut = false;
    for c in text.chars() {
        match c {
            MARK_START if !open => {
                html.push_str("<mark>");
                open = true;
                continue;
            }
            MARK_END if open => {
                html.push_str("</mark>");
                open = false;
                continue;
            }
            MARK_START | MARK_END | '*' | '`' | '#' => continue,
            _ => {}
        }
        if shown >= limit {
            cut = true;
            break;
        }
        if c.is_whitespace() {
            if html.ends_with(' ') || html.is_empty() {
                continue;
            }
            last_space = Some(html.len());
            html.push(' ');
        } else {
            match c {
                '&' => html.push_str("&amp;"),
                '<' => html.push_str("&lt;"),
                '>' => html.push_str("&gt;"),
                '"' => html.push_str("&quot;"),
                '\'' => html.push_str("&#39;"),
                _ => html.push(c),
            }
        }
        shown += 1;
    }
    if cut {
        // Cutting inside a <mark> at the last space could split the tag, so
        // only cut back to a space outside one.
        if let Some(at) = last_space.filter(|&at| !open && at > html.len() / 2) {
            html.truncate(at);
        }
        html.push('…');
    }
    if open {
        html.push_str("</mark>");
    }
    html.trim_end().to_owned()
}

/// Marks the words that a search for some terms matches: the words whose
/// English stem is a term's stem, as the search index compares them
/// ("audits" matches "audit", "Audited" too).
pub struct Marker {
    stemmer: Stemmer,
    wanted: Vec<String>,
    /// The first letter of each wanted stem. The stemmer keeps a word's
    /// first letter, so only words starting so need stemming: most of a
    /// long answer does not.
    firsts: Vec<char>,
    /// Each word met so far, lowercased, and whether it matches: a page of
    /// results repeats its vocabulary, and stemming is the costly part.
    judged: FxHashMap<String, bool>,
}

impl Marker {
    pub fn new(terms: &[String]) -> Marker {
        let stemmer = Stemmer::create(Algorithm::English);
        let wanted: Vec<String> = terms
            .iter()
            .map(|term| stemmer.stem(&term.to_lowercase()).into_owned())
            .collect();
        Marker {
            firsts: wanted
                .iter()
                .filter_map(|stem| stem.chars().next())
                .collect(),
            stemmer,
            wanted,
            judged: FxHashMap::default(),
        }
    }

    /// `text` with every matching word marked. The text between marked
    /// words is copied whole.
    pub fn mark(&mut self, text: &str) -> String {
        let mut marked = String::with_capacity(text.len() + 16);
        let mut copied = 0;
        for word in search::words(text) {
            if self.matches(word) {
                // `words` yields slices of `text`.
                let start = word.as_ptr() as usize - text.as_ptr() as usize;
                marked.push_str(&text[copied..start]);
                marked.push(MARK_START);
                marked.push_str(word);
                marked.push(MARK_END);
                copied = start + word.len();
            }
        }
        marked.push_str(&text[copied..]);
        marked
    }

    fn matches(&mut self, word: &str) -> bool {
        let first = word.chars().flat_map(char::to_lowercase).next();
        if !first.is_some_and(|first| self.firsts.contains(&first)) {
            return false;
        }
        // Most words are written in lower case: those need no copy to be
        // looked up.
        let lower = if word
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            Some(word.to_lowercase())
        } else {
            None
        };
        let word = lower.as_deref().unwrap_or(word);
        if let Some(&judged) = self.judged.get(word) {
            return judged;
        }
        let stem = self.stemmer.stem(word);
        let matches = self.wanted.iter().any(|wanted| *wanted == stem);
        self.judged.insert(word.to_owned(), matches);
        matches
    }
}

/// Where a list shows a long text from: its start, or, when the first
/// marked word comes late, a few words before it after an ellipsis.
pub fn from_first_mark(marked: &str) -> String {
    const LATE: usize = 120;
    const WORDS_BEFORE: usize = 8;
    let Some(first) = marked.find(MARK_START) else {
        return marked.to_owned();
    };
    if marked[..first].chars().count() <= LATE {
        return marked.to_owned();
    }
    let start = marked[..first]
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(WORDS_BEFORE)
        .map_or(0, |(at, c)| at + c.len_utf8());
    format!("…{}", &marked[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> String {
        text.replace('[', &MARK_START.to_string())
            .replace(']', &MARK_END.to_string())
    }

    #[test]
    fn matched_words_are_marked_and_the_rest_escaped() {
        assert_eq!(
            to_html(
                &marked("Is [impartiality] <b>& \"risk\"</b> **assessed**?"),
                200
            ),
            "Is <mark>impartiality</mark> &lt;b&gt;&amp; &quot;risk&quot;&lt;/b&gt; assessed?"
        );
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let html = to_html("one two three four five six seven", 16);
        assert_eq!(html, "one two three…");
    }

    #[test]
    fn marks_stay_balanced_whatever_the_input() {
        for input in ["[open", "close]", "]]][[", "[a [b] c", "x[y"] {
            let html = to_html(&marked(input), 3);
            assert_eq!(
                html.matches("<mark>").count(),
                html.matches("</mark>").count(),
                "{input:?} → {html}"
            );
        }
    }

    #[test]
    fn the_words_of_a_search_are_marked_in_any_form() {
        let terms = ["audit".to_owned(), "impartial".to_owned()];
        let mut marker = Marker::new(&terms);
        let text = "Audits, audited; an auditor's impartiality (impartial).";
        let expected = marked("[Audits], [audited]; an auditor's [impartiality] ([impartial]).");
        assert_eq!(marker.mark(text), expected);
        assert_eq!(marker.mark(text), expected, "judged words stay judged");
        assert_eq!(marker.mark("nothing here"), "nothing here");
    }

    #[test]
    fn the_stemmer_keeps_the_first_letter_that_marking_relies_on() {
        // The stemmer's exceptions, a leading y, Unicode and digits.
        let terms = [
            "die", "lie", "ugly", "year", "sky", "étude", "17025", "news",
        ];
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        assert_eq!(
            Marker::new(&terms).mark("Dying, lying; UGLY yearly skies Études 17025 news"),
            marked("[Dying], [lying]; [UGLY] [yearly] [skies] [Études] [17025] [news]")
        );
    }

    #[test]
    fn a_late_match_is_shown_with_a_few_words_before_it() {
        let early = marked("The [word] comes early.");
        assert_eq!(from_first_mark(&early), early);
        // Eight words before the match are kept.
        let late = format!(
            "{}then seven more words before the [word].",
            "filler ".repeat(30)
        );
        assert_eq!(
            from_first_mark(&marked(&late)),
            marked("…filler filler then seven more words before the [word].")
        );
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(to_html("  a\n\n b\t c ", 50), "a b c");
    }
}
