//! Markdown typed by people (comments, draft and final answers), rendered to
//! HTML that is safe to put in a page: no script, no style, no event
//! attributes, links marked `nofollow noopener`.

use pulldown_cmark::{Options, Parser, html};

pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut unsafe_html = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
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
}
