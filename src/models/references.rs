//! Request references `CR-YYYY-NNNN`: a counter per year, incremented inside
//! the caller's write transaction, so concurrent confirmations queue on the
//! counter row and a rolled-back one leaves no gap.

use diesel::prelude::*;

use crate::db::DbConn;
use crate::db::schema::reference_counters;

/// Allocates the next reference of `year`. Call it inside
/// [`crate::db::write_transaction`].
pub fn allocate(conn: &mut DbConn, year: i32) -> QueryResult<String> {
    // Both backends accept this statement; `year` is a number, not user text.
    diesel::sql_query(format!(
        "INSERT INTO reference_counters (year, last_value) VALUES ({year}, 0) ON CONFLICT DO NOTHING"
    ))
    .execute(conn)?;
    diesel::update(reference_counters::table.find(year))
        .set(reference_counters::last_value.eq(reference_counters::last_value + 1))
        .execute(conn)?;
    let value: i32 = reference_counters::table
        .find(year)
        .select(reference_counters::last_value)
        .first(conn)?;
    Ok(format(year, value))
}

pub fn format(year: i32, sequence: i32) -> String {
    format!("CR-{year}-{sequence:04}")
}

/// The year and sequence of a reference written as [`format`] writes it.
pub fn parse(reference: &str) -> Option<(i32, i32)> {
    let rest = reference.strip_prefix("CR-")?;
    let (year, sequence) = rest.split_once('-')?;
    let digits = |s: &str, min: usize, max: usize| {
        (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(year, 4, 4) || !digits(sequence, 4, 9) {
        return None;
    }
    let parsed = (year.parse().ok()?, sequence.parse().ok()?);
    (format(parsed.0, parsed.1) == reference).then_some(parsed)
}

#[cfg(test)]
mod tests {
    #[test]
    fn references_read_back() {
        assert_eq!(super::parse("CR-2026-0007"), Some((2026, 7)));
        assert_eq!(super::parse("CR-2026-12345"), Some((2026, 12345)));
        for bad in [
            "CR-2026-007",
            "CR-2026-00007",
            "cr-2026-0007",
            "CR-26-0007",
            "CR-2026-",
        ] {
            assert_eq!(super::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn references_have_at_least_four_digits() {
        assert_eq!(super::format(2026, 7), "CR-2026-0007");
        assert_eq!(super::format(2026, 12345), "CR-2026-12345");
    }
}
