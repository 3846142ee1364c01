//! What an operator runs and checks: the `clarion` command, SQLite's own
//! integrity check.

use std::process::Command;

use diesel::prelude::*;

/// `clarion ARGS` in `dir` (its data directory `dir/data`), with only the
/// `CLARION_*` variables of `env`.
pub fn clarion(dir: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clarion"));
    command
        .args(args)
        .current_dir(dir)
        .env("CLARION_DATA_DIR", dir.join("data"));
    for (key, _) in
        std::env::vars().filter(|(k, _)| k.starts_with("CLARION_") && k != "CLARION_DATA_DIR")
    {
        command.env_remove(key);
    }
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("clarion runs")
}

/// What `PRAGMA integrity_check` reports: `["ok"]` for a sound file.
pub fn sqlite_integrity(path: &str) -> Vec<String> {
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let mut conn = diesel::SqliteConnection::establish(path).unwrap();
    diesel::sql_query("PRAGMA integrity_check")
        .load::<Check>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|c| c.integrity_check)
        .collect()
}
