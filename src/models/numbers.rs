//! The numbers of published clarifications within their standard and
//! edition ("ISO/IEC 17065:2012 Clarification 3"). A number is given at
//! publication, inside the publication's transaction, from a counter per
//! standard, and never given again; a correction keeps it.

use diesel::prelude::*;

use crate::db::schema::{clarification_counters, clarification_numbers};
use crate::db::{self, DbConn};

/// Gives the clarification `request_id`, just published on `standard_id`,
/// the next number of that standard. Call it inside
/// [`crate::db::write_transaction`]: two publications on one standard at
/// once queue on the counter's row, and one rolled back leaves no gap.
pub fn assign(conn: &mut DbConn, request_id: &str, standard_id: &str) -> QueryResult<i32> {
    // The first publication on a standard makes its counter; two at once
    // must not trip its key. The multi-backend connection has no ON
    // CONFLICT, each backend has.
    let counter = diesel::insert_into(clarification_counters::table)
        .values((
            clarification_counters::standard_id.eq(standard_id),
            clarification_counters::last_number.eq(0),
        ))
        .on_conflict_do_nothing();
    match conn {
        DbConn::Postgres(pg) => counter.execute(pg)?,
        DbConn::Sqlite(lite) => counter.execute(lite)?,
    };
    diesel::update(clarification_counters::table.find(standard_id))
        .set(clarification_counters::last_number.eq(clarification_counters::last_number + 1))
        .execute(conn)?;
    let number: i32 = clarification_counters::table
        .find(standard_id)
        .select(clarification_counters::last_number)
        .first(conn)?;
    diesel::insert_into(clarification_numbers::table)
        .values((
            clarification_numbers::request_id.eq(request_id),
            clarification_numbers::standard_id.eq(standard_id),
            clarification_numbers::number.eq(number),
        ))
        .execute(conn)?;
    Ok(number)
}

/// Numbers every published clarification that has no number yet (rows
/// written in bulk: an import, synthetic data), after the numbers each
/// standard has given, in order of publication. In the caller's write
/// transaction, or in one of its own.
pub fn number_the_unnumbered(conn: &mut DbConn) -> QueryResult<usize> {
    db::write_transaction(conn, |conn| {
        if !db::is_sqlite(conn) {
            // A publication meanwhile would take a number counted here.
            diesel::sql_query("LOCK TABLE clarification_counters IN EXCLUSIVE MODE")
                .execute(conn)?;
        }
        let numbered = diesel::sql_query(
            "INSERT INTO clarification_numbers (request_id, standard_id, number) \
             SELECT r.id, r.standard_id, COALESCE(c.last_number, 0) \
                    + ROW_NUMBER() OVER (PARTITION BY r.standard_id ORDER BY r.published_at, r.reference) \
             FROM requests r \
             LEFT JOIN clarification_counters c ON c.standard_id = r.standard_id \
             WHERE r.state = 'published' \
               AND NOT EXISTS (SELECT 1 FROM clarification_numbers n WHERE n.request_id = r.id)",
        )
        .execute(conn)?;
        if numbered > 0 {
            diesel::sql_query(
                "UPDATE clarification_counters SET last_number = (SELECT MAX(n.number) \
                 FROM clarification_numbers n WHERE n.standard_id = clarification_counters.standard_id)",
            )
            .execute(conn)?;
            diesel::sql_query(
                "INSERT INTO clarification_counters (standard_id, last_number) \
                 SELECT n.standard_id, MAX(n.number) FROM clarification_numbers n \
                 WHERE NOT EXISTS (SELECT 1 FROM clarification_counters c WHERE c.standard_id = n.standard_id) \
                 GROUP BY n.standard_id",
            )
            .execute(conn)?;
        }
        Ok(numbered)
    })
}

/// The number of a published clarification; none before publication.
pub fn of(conn: &mut DbConn, request_id: &str) -> QueryResult<Option<i32>> {
    clarification_numbers::table
        .find(request_id)
        .select(clarification_numbers::number)
        .first(conn)
        .optional()
}

/// How many clarifications of the standard `standard_id` have a number.
pub fn count_of(conn: &mut DbConn, standard_id: &str) -> QueryResult<i64> {
    clarification_numbers::table
        .filter(clarification_numbers::standard_id.eq(standard_id))
        .count()
        .get_result(conn)
}
