//! Clause numbers as people write them: `4.2`, `7.2.1 a)`, `Annex A.2`.

use std::cmp::Ordering;

/// Where a clause sorts among the others of its standard: numbered clauses
/// by their numbers (4.2 before 4.10), then annexes by letter and number,
/// then anything else alphabetically.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ClauseKey {
    kind: Kind,
    annex: Option<char>,
    numbers: Vec<u64>,
    rest: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Numbered,
    Annex,
    Other,
}

impl ClauseKey {
    pub fn of(clause: &str) -> ClauseKey {
        let text = clause.trim().to_lowercase();
        let text = text
            .strip_prefix("clause")
            .map_or(text.as_str(), str::trim_start);
        if let Some(annex) = text.strip_prefix("annex") {
            let annex = annex.trim_start();
            let mut chars = annex.chars();
            if let Some(letter) = chars.next().filter(char::is_ascii_alphabetic) {
                let (numbers, rest) = leading_numbers(chars.as_str().trim_start_matches('.'));
                return ClauseKey {
                    kind: Kind::Annex,
                    annex: Some(letter),
                    numbers,
                    rest,
                };
            }
        }
        let (numbers, rest) = leading_numbers(text);
        let kind = if numbers.is_empty() {
            Kind::Other
        } else {
            Kind::Numbered
        };
        ClauseKey {
            kind,
            annex: None,
            numbers,
            rest,
        }
    }
}

/// `7.2.1 a)` → ([7, 2, 1], "a)").
fn leading_numbers(text: &str) -> (Vec<u64>, String) {
    let mut numbers = Vec::new();
    let mut rest = text;
    loop {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if digits == 0 {
            break;
        }
        // More digits than fit are not a clause number anyone wrote; they sort
        // last among their siblings rather than failing.
        numbers.push(rest[..digits].parse().unwrap_or(u64::MAX));
        rest = &rest[digits..];
        match rest.strip_prefix('.') {
            Some(after) if after.starts_with(|c: char| c.is_ascii_digit()) => rest = after,
            _ => break,
        }
    }
    (numbers, rest.trim().to_owned())
}

/// Natural order of two clauses, then their text so that the order is total.
pub fn compare(a: &str, b: &str) -> Ordering {
    ClauseKey::of(a)
        .cmp(&ClauseKey::of(b))
        .then_with(|| a.cmp(b))
}

/// What may follow a clause number in the number of a clause under it:
/// `7.2` → `7.2.1`, `7.2 a)`, `7.2(b)`.
pub const SEPARATORS: [char; 4] = ['.', ' ', '(', ')'];

/// Whether `clause` is `wanted` or lies under it: `7.2` covers `7.2` and
/// `7.2.1`, not `7.20`. Case and surrounding spaces do not matter.
pub fn is_within(clause: &str, wanted: &str) -> bool {
    let have = clause.trim().to_lowercase();
    let wanted = wanted.trim().to_lowercase();
    have == wanted
        || have
            .strip_prefix(&wanted)
            .is_some_and(|rest| rest.starts_with(SEPARATORS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(clauses: &[&str]) -> Vec<String> {
        let mut all: Vec<String> = clauses.iter().map(|c| (*c).to_owned()).collect();
        all.sort_by(|a, b| compare(a, b));
        all
    }

    #[test]
    fn numbers_sort_as_numbers_and_annexes_come_last() {
        assert_eq!(
            sorted(&[
                "Annex B",
                "4.10",
                "Introduction",
                "Annex A.10",
                "4.2",
                "10.1",
                "4",
                "Annex A.2",
                "7.2.1 a)",
                "7.2.1",
                "Clause 5.1",
            ]),
            [
                "4",
                "4.2",
                "4.10",
                "Clause 5.1",
                "7.2.1",
                "7.2.1 a)",
                "10.1",
                "Annex A.2",
                "Annex A.10",
                "Annex B",
                "Introduction",
            ]
        );
    }

    #[test]
    fn a_clause_covers_its_subclauses_only() {
        assert!(is_within("7.2.1", "7.2"));
        assert!(is_within("7.2", " 7.2 "));
        assert!(is_within("7.2 a)", "7.2"));
        assert!(is_within("Annex A.2", "annex a"));
        assert!(!is_within("7.20", "7.2"));
        assert!(!is_within("7", "7.2"));
    }

    #[test]
    fn absurd_numbers_do_not_panic() {
        let long = "9".repeat(40);
        assert!(compare(&long, "4.2").is_gt());
        assert_eq!(ClauseKey::of("").kind, Kind::Other);
    }
}
