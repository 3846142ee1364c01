//! SQL both backends understand, beyond what diesel's query builder
//! names: the functions the lists search with, LIKE patterns, a column
//! compared with a list bound as one value, and queries run on their own
//! backend's connection.

use diesel::expression::{AppearsOnTable, Expression, ValidGrouping};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{Array, Bool, Integer, Text};
use diesel::sqlite::Sqlite;

use crate::db::MultiBackend;

/// `$body` run with `$conn` as the backend's own connection, for a query
/// built in `$body`. Through the two-backend connection diesel writes a
/// query's SQL out again at every use, to find the statement it prepared
/// by that text: a seventh of a cold clarification page's time
/// (profiled). Each backend's own connection finds it by the query's type.
/// For the queries of the public pages, which every visitor's first asking
/// runs. A macro because the query is typed for one backend: `$body` is
/// built once for each.
macro_rules! on_own_backend {
    ($conn:expr, |$own:ident| $body:expr) => {
        match $conn {
            $crate::db::DbConn::Sqlite($own) => $body,
            $crate::db::DbConn::Postgres($own) => $body,
        }
    };
}
pub(crate) use on_own_backend;

/// `text` in lower case as a LIKE pattern that finds it anywhere, its own
/// `%`, `_` and `\` taken literally.
pub fn containing(text: &str) -> String {
    anywhere(&text.to_lowercase())
}

/// `text` as it is as a LIKE pattern that finds it anywhere, its own `%`,
/// `_` and `\` taken literally: for a pattern the database lowers itself.
pub fn anywhere(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// Functions both backends have by these names.
#[diesel::declare_sql_function(generate_return_type_helpers = true)]
extern "SQL" {
    fn lower(text: Text) -> Text;
    fn substr(text: Text, start: Integer, length: Integer) -> Text;
}

/// The type of `substr(…)`, for other lists' rows.
pub type Substr<T, S, L> = return_type_helpers::substr<T, S, L>;

/// `column IN values`, for a text column, with the values bound as one
/// parameter: an array on PostgreSQL (`= ANY`, as diesel's `eq_any` binds
/// it there), a JSON array read by `json_each` on SQLite. Diesel's
/// `eq_any` binds each value on SQLite, so its statement differs with
/// the list's length and is compiled again at every use: on a cold
/// clarification page, compiling its few such queries took an eighth of
/// the time. This one is compiled once per connection, and its text does
/// not depend on the values, so each backend knows it by its type.
pub fn one_of<C, V: AsRef<str>>(column: C, values: impl IntoIterator<Item = V>) -> OneOf<C> {
    let values: Vec<String> = values.into_iter().map(|v| v.as_ref().to_owned()).collect();
    let json = serde_json::to_string(&values).unwrap_or_else(|_| "[]".to_owned());
    OneOf {
        column,
        values,
        json,
    }
}

#[derive(Debug, Clone, ValidGrouping)]
pub struct OneOf<C> {
    column: C,
    values: Vec<String>,
    json: String,
}

impl<C: QueryId> QueryId for OneOf<C> {
    type QueryId = OneOf<C::QueryId>;
    const HAS_STATIC_QUERY_ID: bool = C::HAS_STATIC_QUERY_ID;
}

impl<C: Expression> Expression for OneOf<C> {
    type SqlType = Bool;
}

impl<C: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for OneOf<C> {}

impl<C: QueryFragment<Sqlite>> QueryFragment<Sqlite> for OneOf<C> {
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.column.walk_ast(pass.reborrow())?;
        pass.push_sql(" IN (SELECT value FROM json_each(");
        pass.push_bind_param::<Text, String>(&self.json)?;
        pass.push_sql("))");
        Ok(())
    }
}

impl<C: QueryFragment<Pg>> QueryFragment<Pg> for OneOf<C> {
    fn walk_ast<'b>(&'b self, mut pass: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.column.walk_ast(pass.reborrow())?;
        pass.push_sql(" = ANY(");
        pass.push_bind_param::<Array<Text>, Vec<String>>(&self.values)?;
        pass.push_sql(")");
        Ok(())
    }
}

impl<C> QueryFragment<MultiBackend> for OneOf<C>
where
    Self: QueryFragment<Sqlite> + QueryFragment<Pg>,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        MultiBackend::walk_variant_ast(self, pass)
    }
}

#[cfg(test)]
mod tests {
    use super::{anywhere, containing};

    #[test]
    fn what_is_typed_is_looked_for_literally() {
        assert_eq!(containing("Risk"), "%risk%");
        assert_eq!(anywhere("Risk_"), "%Risk\\_%");
        assert_eq!(containing("100%_a\\b"), "%100\\%\\_a\\\\b%");
    }
}
