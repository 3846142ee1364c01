//! Markdown typed by people (comments, draft and final answers), rendered to
//! HTML that is safe to put in a page: no script, no style, no event
//! attributes, no images, links marked `nofollow noopener`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

pub fn to_safe_html(markdown: &str) -> String {
    // An image shows as its description. Answers travel in feeds, mail
    // and the API, where no Content-Security-Policy holds: a remote image
    // would tell its host who reads them, and when. Clarion stores no
    // images of its own for an answer to show.
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .filter(|event| {
        !matches!(
            event,
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image)
        )
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .rm_tags(["img"])
        .link_rel(Some("nofollow noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

/// The words of `markdown` without its marks, for a document that prints
/// text only: a blank line between blocks (paragraphs, headings, list
/// items, table rows), a bullet before each list item, a hard line break
/// kept, and each link's address after its words.
pub fn to_plain_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    let end_block = |text: &mut String| {
        let kept = text.trim_end_matches([' ', '\n']).len();
        text.truncate(kept);
        if !text.is_empty() {
            text.push_str("\n\n");
        }
    };
    let mut links = Vec::new();
    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Text(words) | Event::Code(words) => text.push_str(&words),
            Event::SoftBreak => text.push(' '),
            Event::HardBreak => text.push('\n'),
            Event::Start(Tag::Item) => {
                end_block(&mut text);
                text.push_str("• ");
            }
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url),
            Event::End(TagEnd::Link) => {
                if let Some(address) = links.pop() {
                    text.push_str(&format!(" ({address})"));
                }
            }
            Event::End(TagEnd::TableCell) => text.push_str("  "),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::BlockQuote(_),
            ) => end_block(&mut text),
            _ => {}
        }
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::{to_plain_text, to_safe_html};

    #[test]
    fn markdown_becomes_plain_text_block_by_block() {
        let text = to_plain_text(
            "**Yes.** The lab\nmay do so.\n\n- first\n- second\n\nSee [7.2](https://example.org/x).",
        );
        assert_eq!(
            text,
            "Yes. The lab may do so.\n\n• first\n\n• second\n\nSee 7.2 (https://example.org/x)."
        );
        assert_eq!(to_plain_text("Some <b>bold</b> text"), "Some bold text");
    }

    #[test]
    fn markdown_becomes_html_without_anything_dangerous() {
        let html = to_safe_html(
            "**Yes.** See [7.2](https://example.org/x) <script>alert(1)</script><img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<strong>Yes.</strong>"), "{html}");
        assert!(
            html.contains(r#"rel="nofollow noopener noreferrer""#),
            "{html}"
        );
        assert!(
            !html.contains("<script") && !html.contains("onerror"),
            "{html}"
        );
        assert!(!to_safe_html("[x](javascript:alert(1))").contains("javascript:"));
    }

    #[test]
    fn images_show_as_their_description_and_links_stay() {
        let html = to_safe_html(
            "See ![the flow chart](https://tracker.example/pixel.png) and \
             [the guide](https://example.org/guide). \
             <img src=\"https://tracker.example/raw.png\" alt=\"raw\"> \
             [![logo](https://tracker.example/logo.png)](https://example.org/home)",
        );
        assert!(
            !html.contains("<img") && !html.contains("tracker.example"),
            "{html}"
        );
        assert!(html.contains("See the flow chart and"), "{html}");
        assert!(
            html.contains("href=\"https://example.org/guide\""),
            "{html}"
        );
        assert!(
            html.contains(
                "<a href=\"https://example.org/home\" rel=\"nofollow noopener noreferrer\">logo</a>"
            ),
            "{html}"
        );
    }
}
