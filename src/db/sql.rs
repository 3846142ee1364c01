//! SQL both backends understand, beyond what diesel's query builder
//! names: the functions the lists search with, and LIKE patterns.

use diesel::sql_types::{Integer, Text};

/// `text` as a LIKE pattern that finds it anywhere, its own `%`, `_` and
/// `\` taken literally.
pub fn containing(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
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

#[cfg(test)]
mod tests {
    use super::containing;

    #[test]
    fn what_is_typed_is_looked_for_literally() {
        assert_eq!(containing("Risk"), "%risk%");
        assert_eq!(containing("100%_a\\b"), "%100\\%\\_a\\\\b%");
    }
}
