//! Published clarifications out of one database and into another as CSV and
//! JSON, through the library and the `clarion` command, and synthetic data
//! for load tests.

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use clarion::clock::Clock;
use clarion::db::schema::{events, memberships, request_contacts, requests, users};
use clarion::db::{self, DatabaseUrl, DbConn};
use clarion::domain::password;
use clarion::models::references;
use clarion::seed::registry::Registry;
use clarion::seed::synthetic::{self, Volume};
use clarion::transfer::{self, Clarification, Format, ImportError, Report};
use diesel::prelude::*;

use crate::on_both_databases;
use crate::support::app::Backend;

/// A migrated database with the built-in registry, and its URL; the
/// directory keeps a SQLite file alive.
fn registry_database(backend: Backend, dir: &Path) -> (DbConn, String) {
    std::fs::create_dir_all(dir).unwrap();
    let url = backend.new_database_url(dir);
    (registry_at(&url), url)
}

/// The database at `url`, migrated, with the built-in registry.
fn registry_at(url: &str) -> DbConn {
    let mut conn = db::establish(&DatabaseUrl::parse(url).unwrap()).unwrap();
    db::migrate(&mut conn).unwrap();
    Registry::built_in()
        .load(&mut conn, Clock::default().now())
        .unwrap();
    conn
}

/// A database with the demo's published samples, exported.
fn demo_export(backend: Backend, dir: &Path) -> (DbConn, Vec<Clarification>) {
    let (mut conn, _) = registry_database(backend, dir);
    clarion::seed::demo::seed(
        &mut conn,
        clarion::seed::demo::DEFAULT_PASSWORD,
        Clock::default().now(),
    )
    .unwrap();
    let records = transfer::load_published(&mut conn).unwrap();
    (conn, records)
}

fn written(format: Format, records: &[Clarification]) -> Vec<u8> {
    let mut out = Vec::new();
    transfer::write(format, records, &mut out).unwrap();
    out
}

fn published_count(conn: &mut DbConn) -> i64 {
    requests::table
        .filter(requests::state.eq("published"))
        .count()
        .get_result(conn)
        .unwrap()
}

const UNCERTAINTY_QUESTION: &str =
    "When a testing laboratory applies a well-recognized test method that specifies limits";

on_both_databases!(
    demo_clarifications_survive_a_round_trip_through_csv_and_json,
    the_command_imports_a_file_once_and_then_finds_it_present,
    a_file_with_one_bad_record_imports_nothing_and_names_the_record,
    synthetic_clarifications_have_unique_references_that_later_ones_follow,
    a_register_past_its_retention_period_is_erased_whatever_its_size,
    no_exported_cell_starts_a_formula_and_the_import_takes_the_texts_back,
);

async fn demo_clarifications_survive_a_round_trip_through_csv_and_json(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (mut source, records) = demo_export(backend, &dir.path().join("source"));
    assert_eq!(records.len() as i64, published_count(&mut source));
    assert!(records.len() >= 25, "{}", records.len());

    let (uncertainty_reference, uncertainty_answer): (Option<String>, Option<String>) =
        requests::table
            .filter(requests::question.like(format!("{UNCERTAINTY_QUESTION}%")))
            .select((requests::reference, requests::answer))
            .first(&mut source)
            .unwrap();
    let known = records
        .iter()
        .find(|r| r.question.starts_with(UNCERTAINTY_QUESTION))
        .expect("the sample on 7.6.3 is exported");
    assert_eq!(Some(&known.reference), uncertainty_reference.as_ref());
    assert_eq!(Some(&known.answer), uncertainty_answer.as_ref());
    assert!(known.answer.contains("Note 2 to 7.6.3"));
    assert_eq!(
        (
            known.standard.as_str(),
            known.clause.as_str(),
            known.status.as_str()
        ),
        ("iso-iec-17025-2017", "7.6.3", "current")
    );
    assert!(
        records
            .iter()
            .any(|r| r.status != "current" && !r.status_note.is_empty())
    );

    let csv = written(Format::Csv, &records);
    let json = written(Format::Json, &records);
    let csv_text = String::from_utf8(csv.clone()).unwrap();
    assert!(csv_text.contains(&known.reference) && csv_text.contains("Note 2 to 7.6.3"));
    for personal in ["@example.org", "Martina Keller", "Example Prüflabor"] {
        assert!(!csv_text.contains(personal), "{personal} is not public");
    }

    for (i, (format, file)) in [(Format::Csv, &csv), (Format::Json, &json)]
        .into_iter()
        .enumerate()
    {
        let (mut target, _) = registry_database(backend, &dir.path().join(format!("target{i}")));
        let read = transfer::read(format, file.as_slice()).unwrap();
        assert_eq!(read, records, "{format:?} reads back what was written");
        let report = transfer::import(&mut target, &read, Clock::default().now()).unwrap();
        assert_eq!(
            report,
            Report {
                imported: records.len(),
                already_present: 0
            }
        );
        let again = transfer::load_published(&mut target).unwrap();
        assert_eq!(
            written(Format::Csv, &again),
            csv,
            "CSV after a {format:?} import"
        );
        assert_eq!(
            written(Format::Json, &again),
            json,
            "JSON after a {format:?} import"
        );

        // The timeline says where they came from; no submitter came with them.
        let imported_events: i64 = events::table
            .filter(events::action.eq("publish"))
            .filter(events::note.eq("imported"))
            .filter(events::actor_kind.eq("system"))
            .count()
            .get_result(&mut target)
            .unwrap();
        assert_eq!(imported_events, records.len() as i64);
        let contacts: i64 = request_contacts::table
            .count()
            .get_result(&mut target)
            .unwrap();
        assert_eq!(contacts, 0);

        // The next request of the latest year gets a reference after the imported ones.
        let (year, highest) = records
            .iter()
            .filter_map(|r| references::parse(&r.reference))
            .max()
            .unwrap();
        let next =
            db::write_transaction(&mut target, |conn| references::allocate(conn, year)).unwrap();
        assert_eq!(references::parse(&next), Some((year, highest + 1)));
    }
}

#[test]
fn an_export_moves_from_sqlite_to_postgresql_and_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let (_, records) = demo_export(Backend::Sqlite, &dir.path().join("sqlite"));
    let csv = written(Format::Csv, &records);
    let now = Clock::default().now();
    let (mut postgres, _) = registry_database(Backend::Postgres, dir.path());
    transfer::import(&mut postgres, &records, now).unwrap();
    let from_postgres = transfer::load_published(&mut postgres).unwrap();
    assert_eq!(written(Format::Csv, &from_postgres), csv);
    let (mut sqlite, _) = registry_database(Backend::Sqlite, &dir.path().join("back"));
    transfer::import(&mut sqlite, &from_postgres, now).unwrap();
    let back = transfer::load_published(&mut sqlite).unwrap();
    assert_eq!(written(Format::Csv, &back), csv);
}

/// Runs `clarion ARGS` in `dir` on the database `url` (for SQLite, the
/// file `dir/data/clarion.db`).
fn clarion(dir: &Path, url: &str, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clarion"));
    command.args(args).current_dir(dir);
    for (key, _) in std::env::vars().filter(|(k, _)| k.starts_with("CLARION_")) {
        command.env_remove(key);
    }
    command
        .env("CLARION_DATA_DIR", dir.join("data"))
        .env("CLARION_DATABASE_URL", url)
        .output()
        .expect("clarion runs")
}

fn stdout(output: &Output) -> String {
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// A directory for one `clarion` and the URL of its own database.
fn place(backend: Backend, root: &Path, name: &str) -> (std::path::PathBuf, String) {
    let dir = root.join(name);
    std::fs::create_dir_all(dir.join("data")).unwrap();
    let url = backend.new_database_url(&dir.join("data"));
    (dir, url)
}

async fn the_command_imports_a_file_once_and_then_finds_it_present(backend: Backend) {
    let root = tempfile::tempdir().unwrap();
    let (source, source_url) = place(backend, root.path(), "source");
    let seeded = stdout(&clarion(&source, &source_url, &["seed", "--demo"]));
    assert!(
        seeded.contains("published sample clarifications"),
        "{seeded}"
    );
    let file = root.path().join("clarifications.json");
    let exported = stdout(&clarion(
        &source,
        &source_url,
        &["export", "--output", file.to_str().unwrap()],
    ));
    let json = std::fs::read(&file).unwrap();
    let n = transfer::read_json(json.as_slice()).unwrap().len();
    assert_eq!(
        exported.trim(),
        format!("exported {n} clarifications to {}", file.display())
    );
    let csv = stdout(&clarion(&source, &source_url, &["export"]));
    assert!(csv.starts_with("reference,standard,"), "CSV by default");

    let (target, target_url) = place(backend, root.path(), "target");
    let import = |args: &[&str]| stdout(&clarion(&target, &target_url, args));
    let file = file.to_str().unwrap();
    assert_eq!(
        import(&["import", file]).trim(),
        format!("imported {n} clarifications, 0 already present")
    );
    assert_eq!(
        import(&["import", file]).trim(),
        format!("imported 0 clarifications, {n} already present")
    );
    assert_eq!(import(&["export", "--format", "json"]).as_bytes(), json);
    assert_eq!(import(&["export", "--format", "csv"]), csv);

    let grown = import(&[
        "seed",
        "--synthetic",
        "40",
        "--open-requests",
        "6",
        "--users",
        "2",
    ]);
    assert!(
        grown.contains(
            "synthetic: 40 published clarifications, 6 open requests and 2 accounts added in"
        ),
        "{grown}"
    );
    let after = transfer::read_csv(import(&["export"]).as_bytes()).unwrap();
    assert_eq!(after.len(), n + 40);
}

async fn a_file_with_one_bad_record_imports_nothing_and_names_the_record(backend: Backend) {
    let root = tempfile::tempdir().unwrap();
    let (_, records) = demo_export(backend, &root.path().join("source"));
    let mut bad = records.clone();
    bad[4].standard = "iso-iec-99999-2099".into();
    let broken = bad[4].reference.clone();
    let file = root.path().join("bad.csv");
    std::fs::write(&file, written(Format::Csv, &bad)).unwrap();

    let (target, url) = place(backend, root.path(), "target");
    let output = clarion(&target, &url, &["import", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert_eq!(
        lines[0],
        format!(
            "{}: record 5 ({broken}): the standard \"iso-iec-99999-2099\" is not in the registry",
            file.display()
        )
    );
    assert!(
        lines[1].starts_with("clarion: a record of") && lines[1].ends_with("nothing was imported"),
        "{stderr}"
    );
    let mut conn = db::establish(&DatabaseUrl::parse(&url).unwrap()).unwrap();
    assert_eq!(published_count(&mut conn), 0, "nothing was imported");

    // Several problems at once, each named; still nothing stored.
    bad[6].published_at = "yesterday".into();
    bad[7].reference = "CR-26-1".into();
    bad[8].question = "  ".into();
    bad[9].reference = bad[10].reference.clone();
    let now = Clock::default().now();
    let Err(ImportError::Invalid(problems)) = transfer::import(&mut conn, &bad, now) else {
        panic!("the import is refused");
    };
    let named: Vec<(usize, String)> = problems.iter().map(|p| (p.record, p.to_string())).collect();
    let expect = |record: usize, words: &str| {
        assert!(
            named
                .iter()
                .any(|(n, text)| *n == record && text.contains(words)),
            "record {record}: {words} in {named:?}"
        )
    };
    expect(5, "is not in the registry");
    expect(7, "published_at \"yesterday\" is not a date");
    expect(8, "is not of the form CR-YYYY-NNNN");
    expect(9, "the question is missing");
    expect(11, "the same reference appears earlier in the file");
    assert_eq!(published_count(&mut conn), 0);

    // A reference present with another answer is refused, not overwritten.
    transfer::import(&mut conn, &records, now).unwrap();
    let mut changed = records.clone();
    changed[2].answer.push_str(" Edited.");
    let Err(ImportError::Invalid(problems)) = transfer::import(&mut conn, &changed, now) else {
        panic!("a changed clarification is refused");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].record, 3);
    assert!(
        problems[0].message.contains("different content"),
        "{problems:?}"
    );
    assert_eq!(transfer::load_published(&mut conn).unwrap(), records);
}

async fn synthetic_clarifications_have_unique_references_that_later_ones_follow(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (mut conn, _) = registry_database(backend, dir.path());
    let now = Clock::default().now();
    let volume = Volume {
        published: 500,
        open_requests: 30,
        users: 12,
    };
    let report = synthetic::seed(&mut conn, volume, "clarion-demo", now).unwrap();
    assert_eq!(
        (report.published, report.open_requests, report.users),
        (500, 30, 12)
    );

    let rows: Vec<(Option<String>, String, bool)> = requests::table
        .select((requests::reference, requests::state, requests::is_sample))
        .load(&mut conn)
        .unwrap();
    assert_eq!(rows.len(), 530);
    assert!(
        rows.iter().all(|(_, _, sample)| *sample),
        "marked as samples"
    );
    let references: HashSet<_> = rows.iter().filter_map(|(r, _, _)| r.clone()).collect();
    assert_eq!(references.len(), 530, "every reference is unique");
    for state in ["published", "screening", "in_group", "awaiting_submitter"] {
        assert!(rows.iter().any(|(_, s, _)| s == state), "{state}");
    }
    let contacts: i64 = request_contacts::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(contacts, 30, "open requests have a submitter");

    let records = transfer::load_published(&mut conn).unwrap();
    assert_eq!(records.len(), 500);
    let years: HashSet<i32> = records
        .iter()
        .filter_map(|r| references::parse(&r.reference).map(|(year, _)| year))
        .collect();
    assert!(years.len() >= 5, "spread over five years: {years:?}");
    let flagged = records.iter().filter(|r| r.status != "current").count();
    assert!((1..50).contains(&flagged), "a few flagged: {flagged}");
    let clauses: HashSet<&str> = records.iter().map(|r| r.clause.as_str()).collect();
    assert!(clauses.len() > 100 && clauses.iter().any(|c| c.starts_with("Annex ")));
    let text: String = records.iter().map(|r| r.answer.as_str()).collect();
    for term in [
        "impartiality",
        "measurement uncertainty",
        "proficiency testing",
    ] {
        assert!(text.contains(term), "{term}");
    }

    // The accounts sign in with the demo password and sit in groups.
    let members: Vec<(String, Option<String>, String)> = users::table
        .inner_join(memberships::table)
        .select((users::email, users::password_hash, memberships::role))
        .load(&mut conn)
        .unwrap();
    assert_eq!(members.len(), 12);
    assert!(members.iter().any(|(_, _, role)| role == "convenor"));
    let (email, hash, _) = &members[0];
    assert!(email.starts_with("synthetic.member.") && email.ends_with("@example.org"));
    assert!(password::verify("clarion-demo", hash.as_deref().unwrap()));

    // A request confirmed now gets a fresh reference.
    let year = references::parse(records.iter().map(|r| &r.reference).max().unwrap())
        .unwrap()
        .0;
    let next = db::write_transaction(&mut conn, |conn| references::allocate(conn, year)).unwrap();
    assert!(!references.contains(&next), "{next} is new");

    // A second run adds as much again, still without a collision.
    synthetic::seed(&mut conn, volume, "clarion-demo", now).unwrap();
    let all: Vec<Option<String>> = requests::table
        .select(requests::reference)
        .load(&mut conn)
        .unwrap();
    let unique: HashSet<_> = all.iter().flatten().collect();
    assert_eq!((all.len(), unique.len()), (1060, 1060));
    assert!(!unique.contains(&next));
    let accounts: i64 = users::table.count().get_result(&mut conn).unwrap();
    assert_eq!(accounts, 24);

    // Generated text, commas and all, moves through a file unchanged.
    let records = transfer::load_published(&mut conn).unwrap();
    let csv = written(Format::Csv, &records);
    let (mut copy, _) = registry_database(backend, &dir.path().join("copy"));
    let read = transfer::read_csv(csv.as_slice()).unwrap();
    transfer::import(&mut copy, &read, now).unwrap();
    assert_eq!(
        written(Format::Csv, &transfer::load_published(&mut copy).unwrap()),
        csv
    );
}

/// The job once bound every ended request in one statement, which fails
/// past 32,766 (SQLite's limit) and then failed at every pass; it erases
/// in batches now, and here takes several to finish.
async fn a_register_past_its_retention_period_is_erased_whatever_its_size(backend: Backend) {
    let dir = tempfile::tempdir().unwrap();
    let (mut conn, _) = registry_database(backend, dir.path());
    let now = Clock::default().now();
    let volume = Volume {
        published: 1_300,
        open_requests: 40,
        users: 0,
    };
    synthetic::seed(&mut conn, volume, "clarion-demo", now).unwrap();
    let before = now + chrono::TimeDelta::days(1);
    assert_eq!(
        clarion::models::requests::erase_personal_data(&mut conn, before, now).unwrap(),
        0,
        "generated clarifications hold nothing personal and are stored as erased"
    );
    // These stand for requests that came through the workflow.
    diesel::update(requests::table)
        .set(requests::personal_data_erased_at.eq(None::<chrono::NaiveDateTime>))
        .execute(&mut conn)
        .unwrap();
    let version = clarion::models::register::version(&mut conn).unwrap();
    let erased = clarion::models::requests::erase_personal_data(
        &mut conn,
        now + chrono::TimeDelta::days(1),
        now,
    )
    .unwrap();
    assert_eq!(erased, 1_300, "every published one, none still open");
    let left: i64 = requests::table
        .filter(requests::state.eq("published"))
        .filter(requests::personal_data_erased_at.is_null())
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(left, 0);
    let contacts: i64 = request_contacts::table
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(contacts, 40, "the open requests keep their submitters");
    assert_eq!(
        clarion::models::register::version(&mut conn).unwrap(),
        version,
        "nothing the register shows changed, so the pages kept stay"
    );
    let again = clarion::models::requests::erase_personal_data(
        &mut conn,
        now + chrono::TimeDelta::days(1),
        now,
    )
    .unwrap();
    assert_eq!(again, 0, "nothing is erased twice");
}

/// Texts a spreadsheet would take for formulas, and one already quoted.
const FORMULA_LIKE: [&str; 5] = [
    "=HYPERLINK(\"https://evil.example\", \"Click\")",
    "+1 if the method is validated",
    "- one procedure\n- several methods",
    "@SUM(A1:A2)",
    "'=already quoted by someone",
];

async fn no_exported_cell_starts_a_formula_and_the_import_takes_the_texts_back(backend: Backend) {
    use crate::support::register::{Published, publish};
    let root = tempfile::tempdir().unwrap();
    let (source, source_url) = place(backend, root.path(), "source");
    let mut conn = registry_at(&source_url);
    for (n, text) in FORMULA_LIKE.iter().enumerate() {
        let clause = format!("7.{}", n + 1);
        publish(
            &mut conn,
            Published {
                clause: &clause,
                question: text,
                answer: text,
                ..Published::default()
            },
        );
    }
    drop(conn);
    let file = root.path().join("formulas.csv");
    stdout(&clarion(
        &source,
        &source_url,
        &[
            "export",
            "--format",
            "csv",
            "--output",
            file.to_str().unwrap(),
        ],
    ));
    let csv = std::fs::read(&file).unwrap();
    let mut cells = 0;
    for row in csv::Reader::from_reader(csv.as_slice()).records() {
        for cell in row.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
            cells += 1;
        }
    }
    assert_eq!(cells, FORMULA_LIKE.len() * transfer::COLUMNS.len());
    let text = String::from_utf8(csv).unwrap();
    assert!(text.contains(",\"'=HYPERLINK("), "{text}");
    assert!(text.contains(",''=already quoted by someone,"), "{text}");

    let (target, target_url) = place(backend, root.path(), "target");
    let imported = stdout(&clarion(
        &target,
        &target_url,
        &["import", file.to_str().unwrap()],
    ));
    assert_eq!(
        imported.trim(),
        "imported 5 clarifications, 0 already present"
    );
    let json = |dir: &Path, url: &str| {
        transfer::read_json(stdout(&clarion(dir, url, &["export", "--format", "json"])).as_bytes())
            .unwrap()
    };
    let (exported, reimported) = (json(&source, &source_url), json(&target, &target_url));
    assert_eq!(reimported, exported, "the round trip is lossless");
    let questions: HashSet<&str> = reimported.iter().map(|r| r.question.as_str()).collect();
    assert_eq!(questions, FORMULA_LIKE.into_iter().collect());
}
