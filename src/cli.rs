//! The subcommands other than `serve`, as plain functions returning a
//! message for the person at the terminal.

use std::path::Path;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::{self, DbConn};
use crate::domain::email::EmailAddress;
use crate::domain::password;
use crate::domain::person::{NameProblem, PersonName};
use crate::models::{groups, users};
use crate::seed::registry::Registry;
use crate::seed::{demo, synthetic};
use crate::transfer::{self, Format};

fn connect(settings: &Settings) -> Result<DbConn, String> {
    db::establish(&settings.database_url).map_err(|e| {
        format!(
            "cannot connect to the database {:?}: {e}",
            settings.database_url
        )
    })
}

/// A connection to an up-to-date database, its registry seeded if empty,
/// as `serve` would leave it.
fn prepared(settings: &Settings) -> Result<DbConn, String> {
    let mut conn = connect(settings)?;
    db::migrate(&mut conn)?;
    if crate::models::standards::count(&mut conn).map_err(|e| format!("database: {e}"))? == 0 {
        Registry::built_in()
            .load(&mut conn, Clock::default().now())
            .map_err(|e| format!("seeding the registry: {e}"))?;
    }
    Ok(conn)
}

pub fn migrate(settings: &Settings, revert: bool) -> Result<(), String> {
    let mut conn = connect(settings)?;
    if revert {
        let version = db::revert_last(&mut conn)?;
        println!("reverted migration {version}");
        return Ok(());
    }
    let applied = db::migrate(&mut conn)?;
    if applied.is_empty() {
        println!("the database is up to date");
    }
    for version in applied {
        println!("applied migration {version}");
    }
    Ok(())
}

/// `clarion seed`; with `demo_password`, also the demo (`clarion seed --demo`);
/// with `synthetic`, also that much load-test data, its accounts with that
/// password (`clarion seed --synthetic N`).
pub fn seed(
    settings: &Settings,
    file: Option<&Path>,
    demo_password: Option<&str>,
    synthetic: Option<(synthetic::Volume, String)>,
) -> Result<(), String> {
    let registry = match file {
        Some(path) => Registry::parse(
            &std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        )?,
        None => Registry::built_in(),
    };
    let mut conn = connect(settings)?;
    db::migrate(&mut conn)?;
    let report = registry
        .load(&mut conn, Clock::default().now())
        .map_err(|e| format!("seeding failed, nothing was changed: {e}"))?;
    println!(
        "registry loaded: {} standards, {} groups, {} external committees",
        report.standards, report.groups, report.committees
    );
    if let Some(password) = demo_password {
        let demo = demo::seed(&mut conn, password, Clock::default().now()).map_err(|e| {
            format!("the registry is loaded but the demo is not, nothing of it was added: {e}")
        })?;
        println!("{}", demo.summary(&settings.base_url));
    }
    if let Some((volume, password)) = synthetic {
        let started = std::time::Instant::now();
        let report = synthetic::seed(&mut conn, volume, &password, Clock::default().now())
            .map_err(|e| format!("no synthetic data was added: {e}"))?;
        println!(
            "synthetic: {} published clarifications, {} open requests and {} accounts added in {:.1} s",
            report.published,
            report.open_requests,
            report.users,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The format named, else the one of the file's extension.
fn format_of(name: Option<&str>, path: Option<&Path>) -> Option<Format> {
    name.and_then(Format::parse)
        .or_else(|| path.and_then(Format::of_path))
}

/// `clarion export`: to standard output unless `output` names a file.
pub fn export(
    settings: &Settings,
    format: Option<&str>,
    output: Option<&Path>,
) -> Result<(), String> {
    let format = format_of(format, output).unwrap_or(Format::Csv);
    let mut conn = prepared(settings)?;
    let records = transfer::load_published(&mut conn).map_err(|e| format!("database: {e}"))?;
    match output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            transfer::write(format, &records, std::io::BufWriter::new(file))
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            println!(
                "exported {} clarifications to {}",
                records.len(),
                path.display()
            );
        }
        None => transfer::write(format, &records, std::io::stdout().lock())
            .map_err(|e| format!("cannot write the export: {e}"))?,
    }
    Ok(())
}

/// `clarion import FILE`: every problem on a line of its own, then the
/// error; nothing is imported unless every record is right.
pub fn import(settings: &Settings, file: &Path, format: Option<&str>) -> Result<(), String> {
    let format = format_of(format, Some(file)).ok_or_else(|| {
        format!(
            "cannot tell the format of {}: name it .csv or .json, or use --format",
            file.display()
        )
    })?;
    let input =
        std::fs::File::open(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let records = transfer::read(format, input).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut conn = prepared(settings)?;
    match transfer::import(&mut conn, &records, Clock::default().now()) {
        Ok(report) => {
            println!(
                "imported {} clarifications, {} already present",
                report.imported, report.already_present
            );
            Ok(())
        }
        Err(transfer::ImportError::Invalid(problems)) => {
            for problem in &problems {
                eprintln!("{}: {problem}", file.display());
            }
            let records: std::collections::BTreeSet<usize> =
                problems.iter().map(|p| p.record).collect();
            Err(match records.len() {
                1 => format!(
                    "a record of {} is wrong; nothing was imported",
                    file.display()
                ),
                n => format!(
                    "{n} records of {} are wrong; nothing was imported",
                    file.display()
                ),
            })
        }
        Err(e) => Err(e.to_string()),
    }
}

/// `clarion backup FILE`.
pub fn backup(settings: &Settings, file: &Path, force: bool) -> Result<(), String> {
    let report = db::backup::backup(&settings.database_url, file, force)?;
    println!("{report}");
    Ok(())
}

/// `clarion restore FILE`.
pub fn restore(settings: &Settings, file: &Path, force: bool) -> Result<(), String> {
    let report = db::backup::restore(&settings.database_url, file, force)?;
    println!("{report}");
    Ok(())
}

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub password: &'a str,
    pub secretariat: bool,
    pub group: Option<&'a str>,
    pub role: &'a str,
}

/// The name of a new account, or the one sentence both commands print.
fn parse_name(name: &str) -> Result<PersonName, String> {
    PersonName::parse(name).map_err(|problem| match problem {
        NameProblem::Missing | NameProblem::TooLong => {
            "the name must have 1 to 200 characters".to_owned()
        }
        NameProblem::HiddenFormatting => {
            "the name must be plain text, without invisible formatting characters".to_owned()
        }
    })
}

pub fn add_user(settings: &Settings, account: NewAccount<'_>) -> Result<(), String> {
    let email = EmailAddress::parse(account.email).map_err(str::to_owned)?;
    let name = parse_name(account.name)?;
    password::check_new(account.password, account.password).map_err(str::to_owned)?;
    let hash = password::hash(account.password);
    let mut conn = prepared(settings)?;
    let now = Clock::default().now();
    db::write_transaction(&mut conn, |conn| {
        if users::find_by_email(conn, email.as_str())?.is_some() {
            return Err(Failure::Message(format!(
                "an account for {} already exists",
                email.as_str()
            )));
        }
        let group = match account.group {
            Some(code) => Some(
                groups::find_by_code(conn, code)?
                    .ok_or_else(|| Failure::Message(format!("there is no group {code:?}")))?,
            ),
            None => None,
        };
        let id = db::new_id();
        users::insert(
            conn,
            &users::NewUser {
                id: &id,
                email: email.as_str(),
                name: name.as_str(),
                password_hash: Some(&hash),
                is_secretariat: account.secretariat,
                active: true,
                created_at: now,
            },
        )?;
        if let Some(group) = group {
            groups::add_member(conn, &group.id, &id, account.role, now)?;
        }
        Ok(())
    })
    .map_err(|e: Failure| e.to_string())?;
    println!("account created for {}", email.as_str());
    Ok(())
}

#[derive(Debug, thiserror::Error)]
enum Failure {
    #[error("{0}")]
    Message(String),
    #[error("database: {0}")]
    Database(#[from] diesel::result::Error),
}

/// `clarion user invite`: the invitation waits in the outbox until a
/// running server's worker delivers it.
pub fn invite_user(settings: &Settings, account: NewAccount<'_>) -> Result<(), String> {
    let email = EmailAddress::parse(account.email).map_err(str::to_owned)?;
    let name = parse_name(account.name)?;
    let mut conn = prepared(settings)?;
    let membership = match account.group {
        Some(code) => Some(
            groups::find_by_code(&mut conn, code)
                .map_err(|e| format!("database: {e}"))?
                .ok_or_else(|| format!("there is no group {code:?}"))?,
        ),
        None => None,
    };
    let ctx = crate::workflow::Ctx::new(settings, Clock::default().now());
    crate::workflow::accounts::invite(
        &mut conn,
        &ctx,
        crate::workflow::accounts::Invitee {
            email: &email,
            name: name.as_str(),
            secretariat: account.secretariat,
            membership: membership.as_ref().map(|g| (g.id.as_str(), account.role)),
        },
    )
    .map_err(|e| e.to_string())?;
    println!(
        "invitation queued for {}; a running `clarion serve` delivers it",
        email.as_str()
    );
    Ok(())
}
