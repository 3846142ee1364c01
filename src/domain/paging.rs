//! One page of a long list: which rows it holds, the addresses of the
//! others and whether the page asked for lies past the end. Shared by the
//! workspace's list of requests and the registry's lists, with the
//! template partial `partials/paging.html`.

/// Rows per page.
pub const PER_PAGE: i64 = 50;

/// Pages beyond this are refused, here and in the register. Every page a
/// list can have lies below it (a billion pages of even one row), so a
/// "last page" link is never refused, and offsets worked out from it stay
/// far within range. Deep pages cost what the first costs, so nothing is
/// saved by refusing them sooner.
pub const MAX_PAGE: i64 = 1_000_000_000;

/// The page number of `?page=`: the first when none is given, nothing
/// when what is given is not a page number.
pub fn page_number(text: Option<&str>) -> Option<i64> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Some(1),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|page| (1..=MAX_PAGE).contains(page)),
    }
}

/// How many pages `total` rows fill, at least one.
pub fn pages(total: i64) -> i64 {
    ((total + PER_PAGE - 1) / PER_PAGE).max(1)
}

/// The rows before page `page`.
pub fn offset(page: i64) -> i64 {
    (page - 1) * PER_PAGE
}

/// Where a list stands: the page shown, how many rows match, and the
/// list's own address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub page: i64,
    pub total: i64,
    /// The list's address at its first page: its path and query string
    /// without `page`, which [`Paging::address`] puts last.
    first: String,
}

impl Paging {
    pub fn new(page: i64, total: i64, first: String) -> Paging {
        Paging { page, total, first }
    }

    pub fn pages(&self) -> i64 {
        pages(self.total)
    }

    pub fn offset(&self) -> i64 {
        offset(self.page)
    }

    /// The page asked for lies beyond the last one.
    pub fn past_the_end(&self) -> bool {
        self.total > 0 && self.page > self.pages()
    }

    /// The address of page `page` of the same list.
    pub fn address(&self, page: i64) -> String {
        if page <= 1 {
            return self.first.clone();
        }
        let joint = if self.first.contains('?') { '&' } else { '?' };
        format!("{}{joint}page={page}", self.first)
    }

    /// Where the rows this page shows start and end in the list: 51 and
    /// 100 for the second page of 50 rows a page.
    pub fn shown(&self, rows: usize) -> (i64, i64) {
        (self.offset() + 1, self.offset() + rows as i64)
    }

    /// The page numbers to offer: the first, the last and those around the
    /// current one; 0 stands for a gap.
    pub fn numbers(&self) -> Vec<i64> {
        let (last, current) = (self.pages(), self.page);
        let mut numbers = Vec::new();
        for n in 1..=last {
            if n == 1 || n == last || (n - current).abs() <= 2 {
                numbers.push(n);
            } else if numbers.last() != Some(&0) {
                numbers.push(0);
            }
        }
        numbers
    }
}

/// `path` searched for `q`: the first page's address of a registry list.
pub fn searched(path: &str, q: &str) -> String {
    if q.is_empty() {
        return path.to_owned();
    }
    let query = serde_urlencoded::to_string([("q", q)]).unwrap_or_default();
    format!("{path}?{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_hold_fifty() {
        assert_eq!(pages(0), 1);
        assert_eq!(pages(50), 1);
        assert_eq!(pages(51), 2);
    }

    #[test]
    fn page_numbers_are_from_one_to_the_most_there_can_be() {
        assert_eq!(page_number(None), Some(1));
        assert_eq!(page_number(Some(" ")), Some(1));
        assert_eq!(page_number(Some("3")), Some(3));
        assert_eq!(page_number(Some("5001")), Some(5001));
        assert_eq!(page_number(Some("1000000000")), Some(MAX_PAGE));
        for refused in ["0", "-1", "x", "1.5", "1000000001", "99999999999999999999"] {
            assert_eq!(page_number(Some(refused)), None, "{refused}");
        }
    }

    #[test]
    fn every_page_keeps_the_search_and_puts_the_page_last() {
        let paging = Paging::new(2, 120, searched("/admin/users", "ann & co"));
        assert_eq!(paging.address(1), "/admin/users?q=ann+%26+co");
        assert_eq!(paging.address(3), "/admin/users?q=ann+%26+co&page=3");
        assert_eq!(
            Paging::new(1, 120, searched("/admin/users", "")).address(2),
            "/admin/users?page=2"
        );
        assert_eq!(paging.shown(50), (51, 100));
    }

    #[test]
    fn a_page_past_the_last_is_told_apart_from_an_empty_list() {
        assert!(Paging::new(4, 120, String::new()).past_the_end());
        assert!(!Paging::new(3, 120, String::new()).past_the_end());
        assert!(!Paging::new(2, 0, String::new()).past_the_end());
    }

    #[test]
    fn long_lists_offer_the_ends_and_the_neighbours() {
        let paging = Paging::new(10, 50 * 20, String::new());
        assert_eq!(paging.numbers(), [1, 0, 8, 9, 10, 11, 12, 0, 20]);
        assert_eq!(Paging::new(1, 100, String::new()).numbers(), [1, 2]);
    }
}
