//! What the migrations made, read from each backend's own catalog
//! (`sqlite_master` and its pragmas; `pg_catalog` and
//! `information_schema`) and said in words both share, one line per fact:
//!
//! - `column requests.state not null`
//! - `index requests_group on requests (group_id, state)`, `unique` when
//!   it is; a computed key as the columns it reads, `(expression of
//!   clause)`, and a partial index as those of its condition, `partial on
//!   personal_data_erased_at`
//! - `primary key memberships (group_id, user_id)`, `unique users (email)`
//! - `foreign key events.request_id references requests.id on delete NO ACTION`
//! - `check requests (state) of ['closed', …]`: the columns a check names
//!   and the constants it compares them with, since each backend writes
//!   the same check in its own words
//! - `trigger on events BEFORE UPDATE`: what change runs a trigger (names
//!   differ: PostgreSQL runs one function for several changes, SQLite
//!   needs a trigger each)

use std::collections::BTreeSet;

use clarion::db::DbConn;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};

/// Every fact of the schema, the migrations' own bookkeeping and the
/// words' store aside.
pub fn facts(conn: &mut DbConn) -> BTreeSet<String> {
    let facts = match conn {
        DbConn::Sqlite(_) => sqlite(conn),
        DbConn::Postgres(_) => postgres(conn),
    };
    facts
        .into_iter()
        .filter(|fact| !of_the_words_store(fact))
        .collect()
}

/// Whether `fact` (or a table's name) is of the store the workspace
/// searches the requests' words in, each backend's own by design: an FTS5
/// table (and the tables it keeps) on SQLite, a table with a trigram index
/// and a view on PostgreSQL. What fills it, the triggers on requests and
/// comments, and the requests' keys are compared.
pub fn of_the_words_store(fact: &str) -> bool {
    fact.split([' ', '.'])
        .any(|word| word.starts_with("request_words") || word == "request_texts")
}

/// Up to four text columns of a catalog query, named `a` to `d`.
#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = Nullable<Text>)]
    a: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    b: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    c: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    d: Option<String>,
}

impl Row {
    fn text(&self) -> [&str; 4] {
        [&self.a, &self.b, &self.c, &self.d].map(|v| v.as_deref().unwrap_or_default())
    }
}

fn rows(conn: &mut DbConn, query: &str) -> Vec<Row> {
    diesel::sql_query(query)
        .load(conn)
        .unwrap_or_else(|e| panic!("{e}: {query}"))
}

fn sqlite(conn: &mut DbConn) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    let tables = rows(
        conn,
        "SELECT name AS a, sql AS b, NULL AS c, NULL AS d FROM sqlite_master
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations'",
    );
    for table in &tables {
        let [name, sql, ..] = table.text();
        let columns = rows(
            conn,
            &format!(
                "SELECT name AS a, CAST(\"notnull\" AS TEXT) AS b, CAST(pk AS TEXT) AS c, NULL AS d
                 FROM pragma_table_info('{name}') ORDER BY pk"
            ),
        );
        let names: Vec<&str> = columns.iter().map(|c| c.text()[0]).collect();
        for column in &columns {
            let [column, not_null, ..] = column.text();
            facts.insert(column_fact(name, column, not_null == "1"));
        }
        let key: Vec<&str> = columns
            .iter()
            .filter(|c| c.text()[2] != "0")
            .map(|c| c.text()[0])
            .collect();
        if !key.is_empty() {
            facts.insert(format!("primary key {name} ({})", key.join(", ")));
        }
        for check in checks_in(sql) {
            facts.insert(check_fact(name, &names, &check));
        }
        let indexes = rows(
            conn,
            &format!(
                "SELECT name AS a, origin AS b, CAST(\"unique\" AS TEXT) AS c, CAST(partial AS TEXT) AS d
                 FROM pragma_index_list('{name}')"
            ),
        );
        for index in &indexes {
            let [index, origin, unique, _] = index.text();
            let sql = rows(
                conn,
                &format!(
                    "SELECT sql AS a, NULL AS b, NULL AS c, NULL AS d
                     FROM sqlite_master WHERE type = 'index' AND name = '{index}'"
                ),
            );
            // Indexes behind a key have no SQL of their own.
            let (expressions, condition) = sql
                .first()
                .and_then(|row| row.a.as_deref())
                .map(index_parts)
                .unwrap_or_default();
            let keys: Vec<String> = rows(
                conn,
                &format!(
                    "SELECT name AS a, NULL AS b, NULL AS c, NULL AS d
                     FROM pragma_index_xinfo('{index}') WHERE key = 1 ORDER BY seqno"
                ),
            )
            .iter()
            .enumerate()
            .map(|(n, k)| match &k.a {
                Some(column) => column.clone(),
                None => expression(&expressions[n], &names),
            })
            .collect();
            match origin {
                "c" => facts.insert(index_fact(
                    index,
                    name,
                    &keys,
                    unique == "1",
                    condition.map(|c| columns_read(&c, &names)),
                )),
                "u" => facts.insert(format!("unique {name} ({})", keys.join(", "))),
                // The primary key, told above from the columns.
                _ => false,
            };
        }
        let foreign = rows(
            conn,
            &format!(
                "SELECT \"from\" AS a, \"table\" AS b, \"to\" AS c, on_delete AS d
                 FROM pragma_foreign_key_list('{name}')"
            ),
        );
        for key in &foreign {
            let [column, table, to, on_delete] = key.text();
            facts.insert(format!(
                "foreign key {name}.{column} references {table}.{to} on delete {on_delete}"
            ));
        }
    }
    for trigger in rows(
        conn,
        "SELECT sql AS a, NULL AS b, NULL AS c, NULL AS d FROM sqlite_master WHERE type = 'trigger'",
    ) {
        let words = words_of(trigger.text()[0]);
        let at = words
            .iter()
            .position(|w| ["BEFORE", "AFTER", "INSTEAD"].contains(&w.to_uppercase().as_str()))
            .expect("a trigger says when it runs");
        let (timing, event) = match words[at].to_uppercase() {
            instead if instead == "INSTEAD" => ("INSTEAD OF".to_owned(), &words[at + 2]),
            timing => (timing, &words[at + 1]),
        };
        let on = words[at..]
            .iter()
            .position(|w| w.eq_ignore_ascii_case("ON"))
            .expect("a trigger names its table");
        facts.insert(format!(
            "trigger on {} {timing} {}",
            words[at + on + 1],
            event.to_uppercase()
        ));
    }
    facts
}

fn postgres(conn: &mut DbConn) -> BTreeSet<String> {
    let mut facts = BTreeSet::new();
    let mut columns_of: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for column in rows(
        conn,
        "SELECT table_name::text AS a, column_name::text AS b, is_nullable::text AS c, NULL AS d
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '__diesel_schema_migrations'",
    ) {
        let [table, name, nullable, _] = column.text();
        facts.insert(column_fact(table, name, nullable == "NO"));
        columns_of
            .entry(table.to_owned())
            .or_default()
            .push(name.to_owned());
    }
    // Indexes made by CREATE INDEX, not those behind a key.
    for index in rows(
        conn,
        "SELECT i.relname::text AS a, t.relname::text AS b,
                array_to_string(ARRAY(
                    SELECT COALESCE(a.attname::text, '=' || pg_get_indexdef(x.indexrelid, k.n::int, true))
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, n)
                    LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                    ORDER BY k.n), E'\\x1f') AS c,
                (CASE WHEN x.indisunique THEN 'u' ELSE '-' END) ||
                COALESCE(pg_get_expr(x.indpred, x.indrelid), '') AS d
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = 'public' AND t.relname <> '__diesel_schema_migrations'
           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
    ) {
        let [index, table, keys, kind] = index.text();
        let names: Vec<&str> = columns_of[table].iter().map(String::as_str).collect();
        let keys: Vec<String> = keys
            .split('\x1f')
            .map(|key| match key.strip_prefix('=') {
                Some(computed) => expression(computed, &names),
                None => key.to_owned(),
            })
            .collect();
        let (unique, condition) = kind.split_at(1);
        facts.insert(index_fact(
            index,
            table,
            &keys,
            unique == "u",
            Some(condition)
                .filter(|c| !c.is_empty())
                .map(|c| columns_read(c, &names)),
        ));
    }
    for key in rows(
        conn,
        "SELECT c.table_name::text AS a,
                (CASE c.constraint_type WHEN 'PRIMARY KEY' THEN 'primary key' ELSE 'unique' END) AS b,
                string_agg(k.column_name::text, ', ' ORDER BY k.ordinal_position) AS c,
                NULL AS d
         FROM information_schema.table_constraints c
         JOIN information_schema.key_column_usage k
           ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
         WHERE c.table_schema = 'public' AND c.table_name <> '__diesel_schema_migrations'
           AND c.constraint_type IN ('PRIMARY KEY', 'UNIQUE')
         GROUP BY c.table_name, c.constraint_name, c.constraint_type",
    ) {
        let [table, kind, columns, _] = key.text();
        facts.insert(format!("{kind} {table} ({columns})"));
    }
    for key in rows(
        conn,
        "SELECT t.relname || '.' || a.attname AS a, f.relname || '.' || fa.attname AS b,
                (CASE c.confdeltype WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT'
                    WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' ELSE 'SET DEFAULT' END) AS c,
                NULL AS d
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN pg_class f ON f.oid = c.confrelid
         CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(attnum, fattnum)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
         JOIN pg_attribute fa ON fa.attrelid = c.confrelid AND fa.attnum = k.fattnum
         WHERE c.contype = 'f' AND n.nspname = 'public'",
    ) {
        let [column, to, on_delete, _] = key.text();
        facts.insert(format!(
            "foreign key {column} references {to} on delete {on_delete}"
        ));
    }
    for check in rows(
        conn,
        "SELECT t.relname::text AS a, pg_get_constraintdef(c.oid) AS b, NULL AS c, NULL AS d
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE c.contype = 'c' AND n.nspname = 'public'",
    ) {
        let [table, definition, ..] = check.text();
        let names: Vec<&str> = columns_of[table].iter().map(String::as_str).collect();
        for check in checks_in(definition) {
            facts.insert(check_fact(table, &names, &check));
        }
    }
    for trigger in rows(
        conn,
        "SELECT t.relname::text AS a, CAST(g.tgtype AS TEXT) AS b, NULL AS c, NULL AS d
         FROM pg_trigger g
         JOIN pg_class t ON t.oid = g.tgrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE NOT g.tgisinternal AND n.nspname = 'public'",
    ) {
        let [table, kind, ..] = trigger.text();
        // pg_trigger.tgtype: bit 1 BEFORE, 6 INSTEAD OF, 2..5 the changes.
        let kind: i32 = kind.parse().unwrap();
        let timing = match (kind & 2 != 0, kind & 64 != 0) {
            (_, true) => "INSTEAD OF",
            (true, false) => "BEFORE",
            (false, false) => "AFTER",
        };
        for (bit, event) in [
            (4, "INSERT"),
            (8, "DELETE"),
            (16, "UPDATE"),
            (32, "TRUNCATE"),
        ] {
            if kind & bit != 0 {
                facts.insert(format!("trigger on {table} {timing} {event}"));
            }
        }
    }
    facts
}

fn column_fact(table: &str, column: &str, not_null: bool) -> String {
    let null = if not_null { " not null" } else { "" };
    format!("column {table}.{column}{null}")
}

fn index_fact(
    index: &str,
    table: &str,
    keys: &[String],
    unique: bool,
    condition: Option<String>,
) -> String {
    let unique = if unique { " unique" } else { "" };
    let partial = condition.map_or(String::new(), |c| format!(" partial on {c}"));
    format!(
        "index {index} on {table} ({}){unique}{partial}",
        keys.join(", ")
    )
}

/// A computed key, as the columns it reads.
fn expression(sql: &str, columns: &[&str]) -> String {
    format!("(expression of {})", columns_read(sql, columns))
}

/// The columns an expression reads, in order of name.
fn columns_read(sql: &str, columns: &[&str]) -> String {
    let mut read: Vec<String> = words_of(sql)
        .into_iter()
        .filter(|w| columns.contains(&w.as_str()))
        .collect();
    read.sort();
    read.dedup();
    read.join(", ")
}

/// The keys of a `CREATE INDEX` as written, and its `WHERE` condition.
fn index_parts(sql: &str) -> (Vec<String>, Option<String>) {
    let sql = without_comments(sql);
    let open = sql.find('(').expect("an index lists its keys");
    let mut depth = 0;
    let mut keys = vec![String::new()];
    let mut end = open;
    for (i, c) in sql[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 1 => {
                keys.push(String::new());
                continue;
            }
            _ => {}
        }
        if depth == 0 {
            end = open + i;
            break;
        }
        if i > 0 {
            keys.last_mut().unwrap().push(c);
        }
    }
    let rest = &sql[end + 1..];
    let condition = find_word(rest, "WHERE").map(|at| rest[at + 5..].to_owned());
    (keys, condition)
}

/// A check as the columns it names and the constants it holds them to.
fn check_fact(table: &str, columns: &[&str], check: &str) -> String {
    let mut named: Vec<String> = Vec::new();
    let mut constants: Vec<String> = Vec::new();
    for token in tokens(check) {
        match token {
            Token::Word(word) if columns.contains(&word.as_str()) => named.push(word),
            Token::Word(_) => {}
            Token::Constant(constant) => constants.push(constant),
        }
    }
    named.sort();
    named.dedup();
    constants.sort();
    format!("check {table} ({}) of {constants:?}", named.join(", "))
}

/// The expression of each `CHECK (…)` in SQL text.
fn checks_in(sql: &str) -> Vec<String> {
    let sql = without_comments(sql);
    let mut checks = Vec::new();
    let mut rest = sql.as_str();
    while let Some(at) = find_word(rest, "CHECK") {
        let after = rest[at + 5..].trim_start();
        let mut depth = 0;
        let mut quoted = false;
        let end = after
            .char_indices()
            .find(|&(_, c)| {
                match c {
                    '\'' => quoted = !quoted,
                    '(' if !quoted => depth += 1,
                    ')' if !quoted => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map(|(i, _)| i)
            .expect("a CHECK closes its parenthesis");
        checks.push(after[1..end].to_owned());
        rest = &after[end..];
    }
    checks
}

/// Where `word` stands alone, outside quotes, in `sql`.
fn find_word(sql: &str, word: &str) -> Option<usize> {
    let mut quoted = false;
    let bytes = sql.as_bytes();
    for (i, c) in sql.char_indices() {
        if c == '\'' {
            quoted = !quoted;
        }
        let alone =
            |j: usize| j >= bytes.len() || !(bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_');
        if !quoted
            && sql
                .get(i..i + word.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(word))
            && (i == 0 || alone(i - 1))
            && alone(i + word.len())
        {
            return Some(i);
        }
    }
    None
}

enum Token {
    Word(String),
    /// A quoted string or a number.
    Constant(String),
}

fn tokens(sql: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            let mut text = String::new();
            for c in chars.by_ref() {
                if c == '\'' {
                    break;
                }
                text.push(c);
            }
            tokens.push(Token::Constant(text));
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let mut text = c.to_string();
            while let Some(&c) = chars
                .peek()
                .filter(|c| c.is_ascii_alphanumeric() || **c == '_')
            {
                text.push(c);
                chars.next();
            }
            tokens.push(match c.is_ascii_digit() {
                true => Token::Constant(text),
                false => Token::Word(text),
            });
        }
    }
    tokens
}

/// SQL text without its `--` comments, whose words and apostrophes are
/// not SQL.
fn without_comments(sql: &str) -> String {
    let mut kept = String::new();
    let mut quoted = false;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            quoted = !quoted;
        } else if c == '-' && !quoted && chars.peek() == Some(&'-') {
            chars.by_ref().take_while(|&c| c != '\n').for_each(drop);
            kept.push('\n');
            continue;
        }
        kept.push(c);
    }
    kept
}

fn words_of(sql: &str) -> Vec<String> {
    tokens(&without_comments(sql))
        .into_iter()
        .filter_map(|t| match t {
            Token::Word(word) => Some(word),
            Token::Constant(_) => None,
        })
        .collect()
}
