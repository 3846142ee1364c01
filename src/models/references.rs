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

#[cfg(test)]
mod tests {
    #[test]
    fn references_have_at_least_four_digits() {
        assert_eq!(super::format(2026, 7), "CR-2026-0007");
        assert_eq!(super::format(2026, 12345), "CR-2026-12345");
    }
}
