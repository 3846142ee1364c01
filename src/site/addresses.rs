//! Where each address of the site lies in the static copy, and a page's
//! links rewritten to lead there, relative to the page, so that the copy
//! works from any folder of any web server and straight from disk. What
//! only the server can do (asking, following, signing in) stays on the
//! live site.

use std::borrow::Cow;

use lol_html::{RewriteStrSettings, element, rewrite_str};

use crate::models::references;

/// The addresses of a copy of the site whose live address is `live`.
pub struct Addresses {
    live: String,
}

impl Addresses {
    pub fn new(live: &str) -> Addresses {
        Addresses {
            live: live.trim_end_matches('/').to_owned(),
        }
    }

    /// The live site's address for `path`.
    pub fn live(&self, path: &str) -> String {
        format!("{}{path}", self.live)
    }

    /// `href`, written on the page of the copy at `from`, as that page
    /// links it: into the copy when the copy holds it, else to the live
    /// site. Addresses of other sites, and those relative already, are
    /// left as they are.
    pub fn link(&self, from: &str, href: &str) -> String {
        match self.on_site(href) {
            Some(address) => match file_of(address) {
                Some(file) => relative(from, &file),
                None => self.live(address),
            },
            None => href.to_owned(),
        }
    }

    /// The address on the site, from its root, that `href` names; none for
    /// another site, a fragment alone or a relative address.
    fn on_site<'a>(&self, href: &'a str) -> Option<&'a str> {
        if let Some(rest) = href.strip_prefix(self.live.as_str()) {
            return match rest.chars().next() {
                None => Some("/"),
                Some('/') => Some(rest),
                _ => None,
            };
        }
        (href.starts_with('/') && !href.starts_with("//")).then_some(href)
    }

    /// The page `html`, to be written at `from` in the copy, with every
    /// link, source and form leading where [`Addresses::link`] says. A
    /// form that posts to the server is dropped: it could only fail in a
    /// copy, and the live page it is on stays a link away. A search goes
    /// to the copy's search page.
    pub fn rewrite(
        &self,
        from: &str,
        html: &str,
    ) -> Result<String, lol_html::errors::RewritingError> {
        let relink = |el: &mut lol_html::html_content::Element, name: &str| {
            if let Some(raw) = el.get_attribute(name) {
                let value = unescape(&raw);
                let value = if name == "action" && value == "/clarifications" {
                    relative(from, SEARCH_PAGE)
                } else {
                    self.link(from, &value)
                };
                el.set_attribute(name, &value.replace('&', "&amp;"))?;
            }
            Ok(())
        };
        rewrite_str(
            html,
            RewriteStrSettings::new()
                .append_element_content_handler(element!("form[method=post i]", |el| {
                    el.remove();
                    Ok(())
                }))
                .append_element_content_handler(element!("[href]", |el| relink(el, "href")))
                .append_element_content_handler(element!("[src]", |el| relink(el, "src")))
                .append_element_content_handler(element!("form[action]", |el| {
                    relink(el, "action")
                })),
        )
    }
}

/// The page that searches the copy, by the index written beside it.
pub const SEARCH_PAGE: &str = "search/index.html";

/// An attribute's value as the browser reads it: the pages write `&` in
/// addresses as an entity.
fn unescape(raw: &str) -> Cow<'_, str> {
    quick_xml::escape::unescape(raw).unwrap_or(Cow::Borrowed(raw))
}

/// `to`, a file of the copy, as a link from the file `from`.
pub fn relative(from: &str, to: &str) -> String {
    let depth = from.matches('/').count();
    format!("{}{to}", "../".repeat(depth))
}

/// The file of the copy that holds the site's `address` (a path from the
/// root, with its query and fragment), with the fragment, and the query of
/// a search; none for an address the copy does not hold.
pub fn file_of(address: &str) -> Option<String> {
    let (address, fragment) = match address.split_once('#') {
        Some((address, fragment)) => (address, format!("#{fragment}")),
        None => (address, String::new()),
    };
    let (path, query) = address.split_once('?').unwrap_or((address, ""));
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    // A list's page is the only part of a query a plain file can stand for.
    let page = match pairs.as_slice() {
        [] => Some(1),
        [(name, n)] if name == "page" => Some(n.parse::<usize>().ok().filter(|n| *n >= 1)?),
        _ => None,
    };
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    if !segments.iter().all(|s| is_plain(s) || s.is_empty()) {
        return None;
    }
    let reference = |r: &str| references::parse(r).is_some();
    let file = match (segments.as_slice(), page) {
        ([""], Some(1)) => "index.html".to_owned(),
        (["clarifications"], Some(page)) => paged("clarifications", page),
        // A search: the copy's search page reads the query.
        (["clarifications"], None) => format!("{SEARCH_PAGE}?{query}"),
        (["search"], _) if query.is_empty() => SEARCH_PAGE.to_owned(),
        (["search"], _) => format!("{SEARCH_PAGE}?{query}"),
        (["clarifications", r], Some(1)) if reference(r) => {
            format!("clarifications/{r}/index.html")
        }
        (["clarifications", r, "versions"], Some(1)) if reference(r) => {
            format!("clarifications/{r}/versions/index.html")
        }
        (["clarifications", r, v], Some(1))
            if reference(r) && v.strip_prefix('v').is_some_and(is_number) =>
        {
            format!("clarifications/{r}/{v}/index.html")
        }
        (["standards"], Some(1)) => "standards/index.html".to_owned(),
        (["standards", slug], Some(page)) => paged(&format!("standards/{slug}"), page),
        (["standards", slug, "revision"], Some(page)) => {
            paged(&format!("standards/{slug}/revision"), page)
        }
        (["feeds", "clarifications.atom"], Some(1)) => "feeds/clarifications.atom".to_owned(),
        (["feeds", "standards", feed], Some(1)) if feed.ends_with(".atom") => {
            format!("feeds/standards/{feed}")
        }
        (["clarifications.csv"], Some(1)) => "clarifications.csv".to_owned(),
        (["api", "v1", "clarifications"], Some(1)) => "api/v1/clarifications.json".to_owned(),
        (["api", "v1", "clarifications", r], Some(1)) if reference(r) => {
            format!("api/v1/clarifications/{r}.json")
        }
        (["api", "v1", "standards"], Some(1)) => "api/v1/standards.json".to_owned(),
        // The stylesheet, the search's script and its index.
        (["static" | "search", name], Some(1)) if !name.is_empty() => {
            path.trim_start_matches('/').to_owned()
        }
        _ => return None,
    };
    Some(file + &fragment)
}

/// Page `page` of a list whose first page is at `path`: a query cannot be
/// served by a plain web server, so each page has a folder of its own.
fn paged(path: &str, page: usize) -> String {
    if page == 1 {
        format!("{path}/index.html")
    } else {
        format!("{path}/page/{page}/index.html")
    }
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// A name that is a file's, never a way out of the copy's folder.
fn is_plain(segment: &str) -> bool {
    !segment.starts_with('.')
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_of_the_register_has_its_file() {
        for (address, file) in [
            ("/", "index.html"),
            ("/#process", "index.html#process"),
            ("/clarifications", "clarifications/index.html"),
            ("/clarifications?page=3", "clarifications/page/3/index.html"),
            (
                "/clarifications/CR-2026-0001",
                "clarifications/CR-2026-0001/index.html",
            ),
            (
                "/clarifications/CR-2026-0001/v2",
                "clarifications/CR-2026-0001/v2/index.html",
            ),
            (
                "/clarifications/CR-2026-0001/versions",
                "clarifications/CR-2026-0001/versions/index.html",
            ),
            (
                "/standards/iso-iec-17025-2017?page=2",
                "standards/iso-iec-17025-2017/page/2/index.html",
            ),
            (
                "/standards/iso-iec-17025-2017/revision",
                "standards/iso-iec-17025-2017/revision/index.html",
            ),
            (
                "/feeds/standards/iso-iec-17025-2017.atom",
                "feeds/standards/iso-iec-17025-2017.atom",
            ),
            (
                "/api/v1/clarifications/CR-2026-0001",
                "api/v1/clarifications/CR-2026-0001.json",
            ),
            (
                "/clarifications?standard=a&clause=7.2",
                "search/index.html?standard=a&clause=7.2",
            ),
        ] {
            assert_eq!(file_of(address).as_deref(), Some(file), "{address}");
        }
    }

    #[test]
    fn what_only_the_server_does_is_no_file_of_the_copy() {
        for address in [
            "/requests/new?standard=iso-iec-17025-2017",
            "/login",
            "/clarifications/CR-2026-0001/new-information",
            "/standards/iso-iec-17025-2017/subscribe",
            "/clarifications.csv?standard=a",
            "/static/../secret.key",
            "/standards/..",
            "/clarifications?page=0",
        ] {
            assert_eq!(file_of(address), None, "{address}");
        }
    }

    #[test]
    fn links_are_relative_to_the_page_or_lead_to_the_live_site() {
        let copy = Addresses::new("https://clarifications.example.org/");
        let from = "clarifications/CR-2026-0001/index.html";
        assert_eq!(copy.link(from, "/standards"), "../../standards/index.html");
        assert_eq!(
            copy.link(
                from,
                "https://clarifications.example.org/clarifications/CR-2026-0001"
            ),
            "../../clarifications/CR-2026-0001/index.html"
        );
        assert_eq!(
            copy.link(from, "/requests/new?standard=x"),
            "https://clarifications.example.org/requests/new?standard=x"
        );
        assert_eq!(copy.link(from, "#main"), "#main");
        assert_eq!(
            copy.link(from, "https://www.iso.org/"),
            "https://www.iso.org/"
        );
    }

    #[test]
    fn a_page_keeps_its_get_forms_and_loses_those_that_post() {
        let copy = Addresses::new("https://live.example");
        let page = r#"<form action="/clarifications" method="get"></form><form method="POST" action="/logout"><button>x</button></form><a href="/clarifications?standard=a&#38;clause=7.2">c</a>"#;
        let html = copy.rewrite("index.html", page).unwrap();
        assert_eq!(
            html,
            r#"<form action="search/index.html" method="get"></form><a href="search/index.html?standard=a&amp;clause=7.2">c</a>"#
        );
    }
}
