//! The storage layer on both backends: schemas, migrations, references,
//! append-only events, the registry.

use std::collections::BTreeSet;

use clarion::clock::Clock;
use clarion::db::{self, DatabaseUrl, DbConn};
use clarion::models::references;
use clarion::seed::organisations::Organisations;
use clarion::seed::registry::{self, Registry, SeedReport};
use diesel::prelude::*;
use diesel::sql_types::Text;

use crate::on_both_databases;
use crate::support::app::Backend;
use crate::support::schema;

/// A migrated, empty database; the directory keeps a SQLite file alive.
fn fresh_database(backend: Backend) -> (DatabaseUrl, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = DatabaseUrl::parse(&backend.new_database_url(dir.path())).unwrap();
    let mut conn = db::establish(&url).unwrap();
    db::migrate(&mut conn).unwrap();
    (url, dir)
}

/// Where the schemas differ on purpose: (the fact, the backend that alone
/// has it, why).
const KNOWN_DIFFERENCES: &[(&str, Backend, &str)] = &[
    (
        "trigger on events BEFORE TRUNCATE",
        Backend::Postgres,
        "SQLite has no TRUNCATE: a DELETE of every row runs the row trigger there",
    ),
    (
        "column request_changes.commit_seq",
        Backend::Postgres,
        "on SQLite a generated column (one writer commits in numbering order), \
         which its catalog does not list among the columns; read alike on both",
    ),
    (
        "index request_changes_uncommitted on request_changes (seq) partial on commit_seq",
        Backend::Postgres,
        "only PostgreSQL numbers changes at commit, finding them by this index",
    ),
];

#[test]
fn both_backends_have_the_same_schema() {
    let (sqlite_url, _a) = fresh_database(Backend::Sqlite);
    let (postgres_url, _b) = fresh_database(Backend::Postgres);
    let sqlite = schema::facts(&mut db::establish(&sqlite_url).unwrap());
    let postgres = schema::facts(&mut db::establish(&postgres_url).unwrap());
    let count = |kind: &str| sqlite.iter().filter(|f| f.starts_with(kind)).count();
    assert!(
        count("column ") > 100 && count("index ") > 5 && count("foreign key ") > 20,
        "the whole data model is there: {sqlite:#?}"
    );
    let tables: BTreeSet<&str> = sqlite
        .iter()
        .filter_map(|f| f.strip_prefix("column ")?.split('.').next())
        .collect();
    for table in [
        "standards",
        "groups",
        "memberships",
        "external_committees",
        "users",
        "requests",
        "request_contacts",
        "events",
        "rounds",
        "votes",
        "opposition_responses",
        "comments",
        "subscriptions",
        "outbox",
        "tokens",
    ] {
        assert!(tables.contains(table), "missing table {table}");
    }
    let known = |backend: Backend| -> BTreeSet<String> {
        KNOWN_DIFFERENCES
            .iter()
            .filter(|(_, alone, _)| *alone == backend)
            .map(|(fact, _, _)| (*fact).to_owned())
            .collect()
    };
    let only_sqlite: BTreeSet<String> = sqlite.difference(&postgres).cloned().collect();
    let only_postgres: BTreeSet<String> = postgres.difference(&sqlite).cloned().collect();
    let (known_sqlite, known_postgres) = (known(Backend::Sqlite), known(Backend::Postgres));
    let unexplained_sqlite: Vec<_> = only_sqlite.difference(&known_sqlite).collect();
    let unexplained_postgres: Vec<_> = only_postgres.difference(&known_postgres).collect();
    assert!(
        unexplained_sqlite.is_empty() && unexplained_postgres.is_empty(),
        "only in SQLite: {unexplained_sqlite:#?}\nonly in PostgreSQL: {unexplained_postgres:#?}"
    );
    let healed: Vec<_> = known_sqlite
        .difference(&only_sqlite)
        .chain(known_postgres.difference(&only_postgres))
        .cloned()
        .collect();
    assert!(
        healed.is_empty(),
        "no longer a difference, strike from KNOWN_DIFFERENCES: {healed:#?}"
    );
}

on_both_databases!(
    every_migration_reverts_and_reapplies,
    references_are_unique_and_gapless_under_concurrency,
    events_cannot_be_changed_or_deleted,
    seeding_the_registry_twice_changes_nothing,
    a_database_without_organisations_gets_them_at_start,
    only_a_groups_code_or_name_changes_the_register_version,
    a_list_bound_as_one_value_finds_what_each_value_finds,
);

/// `sql::one_of` binds a list as one value (a JSON array on SQLite, an
/// array on PostgreSQL) so that its statement is kept: it must find the
/// rows `eq_any` finds, for no value, values that are not there, and
/// values that need escaping in JSON.
async fn a_list_bound_as_one_value_finds_what_each_value_finds(backend: Backend) {
    use clarion::db::schema::standards;
    use clarion::db::sql::one_of;
    let (url, _dir) = fresh_database(backend);
    let mut conn = db::establish(&url).unwrap();
    Registry::built_in()
        .load(&mut conn, Clock::default().now())
        .unwrap();
    let slugs: Vec<String> = standards::table
        .select(standards::slug)
        .order(standards::slug)
        .load(&mut conn)
        .unwrap();
    assert!(slugs.len() > 10);
    let mut asked: Vec<String> = slugs.iter().step_by(3).cloned().collect();
    asked.extend([
        "no \"such\" \\ slug".to_owned(),
        "ISO/CEI 17025 é – ✓".to_owned(),
    ]);
    let by_each: Vec<String> = standards::table
        .filter(standards::slug.eq_any(&asked))
        .select(standards::slug)
        .order(standards::slug)
        .load(&mut conn)
        .unwrap();
    for _ in 0..2 {
        let by_one: Vec<String> = standards::table
            .filter(one_of(standards::slug, &asked))
            .select(standards::slug)
            .order(standards::slug)
            .load(&mut conn)
            .unwrap();
        assert_eq!(
            by_one, by_each,
            "the same rows, and again from the kept statement"
        );
    }
    assert_eq!(by_each.len(), slugs.len().div_ceil(3));
    let none: Vec<String> = standards::table
        .filter(one_of(standards::slug, Vec::<String>::new()))
        .select(standards::slug)
        .load(&mut conn)
        .unwrap();
    assert!(none.is_empty());
}

async fn every_migration_reverts_and_reapplies(backend: Backend) {
    let (url, _dir) = fresh_database(backend);
    let mut conn = db::establish(&url).unwrap();
    let before = schema::facts(&mut conn);
    while db::revert_last(&mut conn).is_ok() {}
    let left = schema::facts(&mut conn);
    assert!(
        left.is_empty(),
        "every down.sql removes what its up.sql made: {left:#?}"
    );
    db::migrate(&mut conn).unwrap();
    assert_eq!(schema::facts(&mut conn), before);
}

async fn references_are_unique_and_gapless_under_concurrency(backend: Backend) {
    let (url, _dir) = fresh_database(backend);
    const THREADS: usize = 8;
    const EACH: usize = 25;
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let mut conn = db::establish(&url).unwrap();
                (0..EACH)
                    .map(|_| {
                        db::write_transaction(&mut conn, |conn| references::allocate(conn, 2026))
                            .unwrap()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut all: Vec<String> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    all.sort();
    let expected: Vec<String> = (1..=(THREADS * EACH) as i32)
        .map(|n| references::format(2026, n))
        .collect();
    assert_eq!(all, expected);

    // A transaction that rolls back gives its number back.
    let mut conn = db::establish(&url).unwrap();
    let rolled_back: Result<String, diesel::result::Error> =
        db::write_transaction(&mut conn, |conn| {
            references::allocate(conn, 2026)?;
            Err(diesel::result::Error::RollbackTransaction)
        });
    assert!(rolled_back.is_err());
    let next = db::write_transaction(&mut conn, |conn| references::allocate(conn, 2026)).unwrap();
    assert_eq!(next, "CR-2026-0201");
    // Each year counts from one.
    let next_year =
        db::write_transaction(&mut conn, |conn| references::allocate(conn, 2027)).unwrap();
    assert_eq!(next_year, "CR-2027-0001");
}

async fn events_cannot_be_changed_or_deleted(backend: Backend) {
    let (url, _dir) = fresh_database(backend);
    let mut conn = db::establish(&url).unwrap();
    Registry::built_in()
        .load(&mut conn, Clock::default().now())
        .unwrap();
    let standard_id: String = {
        use clarion::db::schema::standards::dsl::*;
        standards
            .filter(slug.eq("iso-iec-17025-2017"))
            .select(id)
            .first(&mut conn)
            .unwrap()
    };
    let now = Clock::default().now();
    {
        use clarion::db::schema::requests::dsl as r;
        diesel::insert_into(r::requests)
            .values((
                r::id.eq("req-1"),
                r::state.eq("screening"),
                r::standard_id.eq(&standard_id),
                r::clause.eq("7.2.1"),
                r::question.eq("Is a documented procedure required for method selection?"),
                r::submitter_country.eq("DE"),
                r::submitter_category.eq("accreditation body"),
                r::created_at.eq(now),
                r::updated_at.eq(now),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    use clarion::db::schema::events::dsl as e;
    diesel::insert_into(e::events)
        .values((
            e::id.eq("ev-1"),
            e::request_id.eq("req-1"),
            e::actor_kind.eq("submitter"),
            e::action.eq("confirm"),
            e::from_state.eq("pending_confirmation"),
            e::to_state.eq("screening"),
            e::created_at.eq(now),
        ))
        .execute(&mut conn)
        .unwrap();

    let update = diesel::update(e::events.find("ev-1"))
        .set(e::note.eq("rewritten"))
        .execute(&mut conn);
    let message = update.expect_err("an UPDATE on events fails").to_string();
    assert!(message.contains("append-only"), "{message}");
    let delete = diesel::delete(e::events.find("ev-1")).execute(&mut conn);
    assert!(
        delete
            .expect_err("a DELETE on events fails")
            .to_string()
            .contains("append-only")
    );
    let note: Option<String> = e::events
        .find("ev-1")
        .select(e::note)
        .first(&mut conn)
        .unwrap();
    assert_eq!(note, None, "the event is unchanged");

    // An edit of the public wording is part of its event's record.
    use clarion::db::schema::wording_edits::dsl as w;
    diesel::insert_into(w::wording_edits)
        .values((
            w::event_id.eq("ev-1"),
            w::request_id.eq("req-1"),
            w::question_before.eq("Dr Lima asks: is a procedure required?"),
            w::question_after.eq("Is a documented procedure required for method selection?"),
            w::clause_before.eq("7.2.1"),
            w::clause_after.eq("7.2.1"),
            w::standard_before_id.eq(&standard_id),
            w::standard_after_id.eq(&standard_id),
        ))
        .execute(&mut conn)
        .unwrap();
    let update = diesel::update(w::wording_edits.find("ev-1"))
        .set(w::question_before.eq("rewritten"))
        .execute(&mut conn);
    let message = update
        .expect_err("an UPDATE on wording edits fails")
        .to_string();
    assert!(message.contains("append-only"), "{message}");
    let delete = diesel::delete(w::wording_edits.find("ev-1")).execute(&mut conn);
    assert!(
        delete
            .expect_err("a DELETE on wording edits fails")
            .to_string()
            .contains("append-only")
    );
}

/// kind, acronym, name, country, contact address, id
type OrganisationRow = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

fn organisation_rows(conn: &mut DbConn) -> Vec<OrganisationRow> {
    use clarion::db::schema::organisations as o;
    o::table
        .select((
            o::kind,
            o::acronym,
            o::name,
            o::country,
            o::contact_email,
            o::id,
        ))
        .order(o::acronym)
        .load(conn)
        .unwrap()
}

async fn a_database_without_organisations_gets_them_at_start(backend: Backend) {
    let (url, _dir) = fresh_database(backend);
    let mut conn = db::establish(&url).unwrap();
    let now = Clock::default().now();
    let first = registry::fill_empty(&mut conn, now).unwrap();
    assert!(first.standards > 0 && first.groups > 0, "{first:?}");
    assert_eq!(first.organisations, Organisations::built_in().count());
    let rows = organisation_rows(&mut conn);
    assert_eq!(
        registry::fill_empty(&mut conn, now).unwrap(),
        SeedReport::default(),
        "a database with both gets nothing"
    );
    assert_eq!(organisation_rows(&mut conn), rows);

    // A database seeded before organisations were kept has standards and no
    // organisation: it gets the organisations alone.
    diesel::delete(clarion::db::schema::organisations::table)
        .execute(&mut conn)
        .unwrap();
    let upgraded = registry::fill_empty(&mut conn, now).unwrap();
    assert_eq!(
        upgraded,
        SeedReport {
            organisations: Organisations::built_in().count(),
            ..SeedReport::default()
        }
    );
    assert_eq!(organisation_rows(&mut conn).len(), rows.len());
}

async fn only_a_groups_code_or_name_changes_the_register_version(backend: Backend) {
    use clarion::db::schema::groups;
    use clarion::models::register::version;
    let (url, _dir) = fresh_database(backend);
    let mut conn = db::establish(&url).unwrap();
    Registry::built_in()
        .load(&mut conn, Clock::default().now())
        .unwrap();
    let group = clarion::models::groups::find_by_code(&mut conn, "MG 17025")
        .unwrap()
        .unwrap();
    let before = version(&mut conn).unwrap();
    let rules = clarion::models::groups::ClosingRules {
        quorum_percent: 75,
        liaisons_vote: true,
        ..group.closing_rules()
    };
    assert!(clarion::models::groups::set_closing_rules(&mut conn, &group.id, &rules).unwrap());
    assert_eq!(
        version(&mut conn).unwrap(),
        before,
        "the register does not show closing rules"
    );
    diesel::update(groups::table.find(&group.id))
        .set(groups::name.eq("Maintenance group for ISO/IEC 17025 (renamed)"))
        .execute(&mut conn)
        .unwrap();
    assert!(version(&mut conn).unwrap() > before, "a new name is shown");
}

/// id, slug, title, group, superseded by
type StandardRow = (String, String, String, Option<String>, Option<String>);

async fn seeding_the_registry_twice_changes_nothing(backend: Backend) {
    let (url, _dir) = fresh_database(backend);
    let mut conn = db::establish(&url).unwrap();
    let registry = Registry::built_in();
    let now = Clock::default().now();
    registry.load(&mut conn, now).unwrap();
    let snapshot = |conn: &mut DbConn| {
        use clarion::db::schema::{external_designations, groups, standards};
        let s: Vec<StandardRow> = standards::table
            .select((
                standards::id,
                standards::slug,
                standards::title,
                standards::group_id,
                standards::superseded_by_id,
            ))
            .order(standards::slug)
            .load(conn)
            .unwrap();
        let g: i64 = groups::table.count().get_result(conn).unwrap();
        let d: i64 = external_designations::table
            .count()
            .get_result(conn)
            .unwrap();
        (s, g, d)
    };
    let first = snapshot(&mut conn);
    let organisations_first = organisation_rows(&mut conn);
    let report = registry.load(&mut conn, now).unwrap();
    assert_eq!(snapshot(&mut conn), first);
    assert_eq!(organisation_rows(&mut conn), organisations_first);
    assert_eq!(first.0.len(), registry.standards.len());
    assert_eq!(report.organisations, Organisations::built_in().count());
    assert_eq!(organisations_first.len(), report.organisations);
    let afnor = organisations_first.iter().find(|o| o.1 == "AFNOR").unwrap();
    assert_eq!(
        (afnor.0.as_str(), afnor.3.as_deref()),
        ("member_body", Some("FR"))
    );

    // The contact address the secretariat keeps survives the next seed,
    // and so does an organisation added by hand.
    let (afnor_id, _) = clarion::models::organisations::find_by_acronym(&mut conn, "AFNOR")
        .unwrap()
        .map(|o| (o.id, o.name))
        .unwrap();
    clarion::models::organisations::set_contact_email(
        &mut conn,
        &afnor_id,
        Some("clarifications@afnor.example"),
    )
    .unwrap();
    clarion::models::organisations::insert(
        &mut conn,
        &clarion::models::organisations::NewOrganisation {
            id: &db::new_id(),
            form: clarion::models::organisations::OrganisationForm {
                kind: clarion::domain::nomination::OrganisationKind::Liaison,
                acronym: "XLO",
                name: "Example Liaison Organisation",
                country: None,
            },
            contact_email: None,
            created_at: now,
        },
    )
    .unwrap();
    let kept = organisation_rows(&mut conn);
    registry.load(&mut conn, now).unwrap();
    assert_eq!(organisation_rows(&mut conn), kept);
    assert!(
        kept.iter()
            .any(|o| o.1 == "AFNOR" && o.4.as_deref() == Some("clarifications@afnor.example"))
    );
    assert_eq!(kept.len(), organisations_first.len() + 1);

    // A corrected title in the file reaches the database on the next seed.
    let edited = Registry::parse(&clarion::seed::registry::BUILT_IN.replace(
        "General requirements for the competence of testing and calibration laboratories",
        "General requirements for the competence of testing and calibration laboratories (corrected)",
    ))
    .unwrap();
    edited.load(&mut conn, now).unwrap();
    let (standards_after, _, _) = snapshot(&mut conn);
    let title = &standards_after
        .iter()
        .find(|s| s.1 == "iso-iec-17025-2017")
        .unwrap()
        .2;
    assert!(title.ends_with("(corrected)"));
    assert_eq!(standards_after.len(), first.0.len(), "no duplicate rows");
}

#[derive(QueryableByName)]
struct Pragma {
    #[diesel(sql_type = Text)]
    value: String,
}

#[test]
fn every_pooled_sqlite_connection_is_configured() {
    let (url, _dir) = fresh_database(Backend::Sqlite);
    let (pool, _) = db::pool(&url, 3, 0, std::time::Duration::from_secs(10)).unwrap();
    // Hold several connections at once, so that each is a distinct one.
    let mut held: Vec<_> = (0..3).map(|_| pool.get().unwrap()).collect();
    for conn in &mut held {
        let mut read = |pragma: &str| -> String {
            // pragma_busy_timeout names its one column "timeout".
            let column = if pragma == "busy_timeout" {
                "timeout"
            } else {
                pragma
            };
            diesel::sql_query(format!(
                "SELECT CAST({column} AS TEXT) AS value FROM pragma_{pragma}"
            ))
            .get_result::<Pragma>(&mut **conn)
            .unwrap()
            .value
        };
        assert_eq!(read("journal_mode"), "wal");
        assert_eq!(read("foreign_keys"), "1");
        assert_eq!(read("synchronous"), "1", "NORMAL");
        assert_eq!(read("busy_timeout"), "10000");
    }
}

/// Tables whose changes no workspace or admin page shows: sessions are
/// checked on each view by themselves, the rest are the throttle, the
/// change logs (`workspace_version` itself among them) and the requests'
/// keys, which only triggers on requests write; so is the words' store
/// ([`schema::of_the_words_store`]).
const UNSHOWN_TABLES: &[&str] = &[
    "__diesel_schema_migrations",
    "sessions",
    "rate_events",
    "register_version",
    "request_changes",
    "workspace_version",
    "request_keys",
];

/// A kept workspace page is served again only while `workspace_version`
/// stands still, so a table without its triggers would let a page show
/// stale rows: a new table must get them (or a place in the list above).
#[test]
fn every_table_a_workspace_page_shows_raises_the_workspace_version() {
    let (url, _dir) = fresh_database(Backend::Sqlite);
    let mut conn = db::establish(&url).unwrap();
    let DbConn::Sqlite(sqlite) = &mut conn else {
        unreachable!("a SQLite URL gives a SQLite connection")
    };
    let names = |sql: &str, conn: &mut diesel::SqliteConnection| -> BTreeSet<String> {
        diesel::sql_query(sql)
            .load::<Pragma>(conn)
            .unwrap()
            .into_iter()
            .map(|row| row.value)
            .collect()
    };
    let tables = names(
        "SELECT name AS value FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%'",
        sqlite,
    );
    assert!(tables.len() > 20, "the data model is there: {tables:?}");
    let raising = names(
        "SELECT tbl_name || ' ' || substr(name, length(tbl_name) + 20) AS value \
         FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'workspace_version_%'",
        sqlite,
    );
    let missing: Vec<String> = tables
        .iter()
        .filter(|table| {
            !UNSHOWN_TABLES.contains(&table.as_str()) && !schema::of_the_words_store(table)
        })
        .flat_map(|table| ["insert", "update", "delete"].map(|op| format!("{table} {op}")))
        .filter(|wanted| !raising.contains(wanted))
        .collect();
    assert!(
        missing.is_empty(),
        "tables whose changes do not raise workspace_version: {missing:?}"
    );
}
