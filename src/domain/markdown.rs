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

#[cfg(test)]
mod tests {
    use super::to_safe_html;

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
