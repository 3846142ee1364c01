//! Short excerpts of questions and answers for lists, with the words a
//! search matched highlighted.

/// Marks the database put around matched words (private-use characters,
/// which nobody types).
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
    fn whitespace_collapses() {
        assert_eq!(to_html("  a\n\n b\t c ", 50), "a b c");
    }
}
