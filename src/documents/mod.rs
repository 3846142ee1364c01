//! PDF documents of the register: one clarification, or a standard's
//! clarifications in number order, typeset with krilla in Noto Sans
//! (embedded from the `ttf-noto-sans` crate, subset by krilla), A4, with
//! wrapped lines, headings in the outline and numbered pages. Their words
//! come from templates (`templates/documents/`), written in a small line
//! markup, so that no sentence lives here; see [`Typesetter::add`].
//! Why krilla: docs/documents.md.

mod layout;

pub use layout::Typesetter;

/// Krilla could not write the document.
#[derive(Debug, thiserror::Error)]
#[error("typesetting a PDF: {0}")]
pub struct TypesetError(String);

/// `text` as lines of the markup, each behind `marker`: user text may
/// begin with anything, and only the marker tells the typesetter what a
/// line is.
pub fn marked_lines(marker: char, text: &str) -> String {
    let mut marked = String::with_capacity(text.len() + 16);
    for line in text.trim_end().lines() {
        marked.push(marker);
        if !line.trim().is_empty() {
            marked.push(' ');
            marked.push_str(line.trim_end());
        }
        marked.push('\n');
    }
    marked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_cannot_make_a_heading() {
        assert_eq!(
            marked_lines('|', "# Not a heading\n\n= nor a title\r\n"),
            "| # Not a heading\n|\n| = nor a title\n"
        );
    }

    #[test]
    fn a_document_holds_its_words_and_numbered_pages() {
        let mut doc = Typesetter::new();
        doc.add(
            "^ The Publisher\n_ Page {page}\n= A title\n~ meta\n! A notice\n# Heading\n| word ",
        );
        for _ in 0..400 {
            doc.add("| a rather long sentence that has to wrap over more than one line of the page, surely");
        }
        assert!(doc.pages() > 1, "400 wrapped lines fill several pages");
        let pdf = doc.finish().unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
