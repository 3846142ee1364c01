//! The subcommands other than `serve`, as plain functions returning a
//! message for the person at the terminal.

use std::path::Path;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::{self, DbConn};
use crate::domain::access::{Capacity, GroupRole};
use crate::domain::email::EmailAddress;
use crate::domain::nomination::{self, NominationProblem};
use crate::domain::password;
use crate::domain::person::{NameProblem, PersonName};
use crate::models::groups::{self, MembershipForm};
use crate::models::organisations::{self, Organisation};
use crate::models::users;
use crate::seed::registry::{self, Registry};
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

/// A connection to an up-to-date database, its registry and organisations
/// seeded if empty,
/// as `serve` would leave it.
fn prepared(settings: &Settings) -> Result<DbConn, String> {
    let mut conn = connect(settings)?;
    db::migrate(&mut conn)?;
    registry::fill_empty(&mut conn, Clock::default().now())
        .map_err(|e| format!("seeding the registry: {e}"))?;
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
        "registry loaded: {} standards, {} groups, {} external committees, {} organisations",
        report.standards, report.groups, report.committees, report.organisations
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

/// `clarion export --site DIR`: the public register as static files.
pub fn export_site(settings: &Settings, dir: &Path, language: Option<&str>) -> Result<(), String> {
    let lang = match language {
        Some(tag) => settings.languages.offered(tag).ok_or_else(|| {
            let offered: Vec<String> = settings.languages.all().map(|l| l.tag()).collect();
            format!(
                "--language {tag}: the copy can be in {} (CLARION_LANGUAGES)",
                offered.join(", ")
            )
        })?,
        None => settings.languages.preferred(None),
    };
    let mut conn = prepared(settings)?;
    let started = std::time::Instant::now();
    let report = crate::site::export(&mut conn, settings, &lang, dir).map_err(|e| e.to_string())?;
    println!(
        "wrote {} clarifications in {} files to {} in {:.1} s; links that need the server lead to {}",
        report.clarifications,
        report.files,
        dir.display(),
        started.elapsed().as_secs_f64(),
        settings.base_url
    );
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
    /// `expert`, `observer` or `liaison`, in `group`.
    pub capacity: &'a str,
    /// The acronym of the organisation that nominated them, whatever its case.
    pub nominated_by: Option<&'a str>,
    /// The acronym of the member body or liaison a sponsor's account speaks
    /// for, whatever its case.
    pub sponsor: Option<&'a str>,
}

/// A group to join and the terms of the membership, as the options give
/// them; the nomination follows the rule of the group page.
struct Joining {
    group: groups::Group,
    role: GroupRole,
    capacity: Capacity,
    nominated_by: Option<Organisation>,
}

impl Joining {
    fn terms(&self, now: chrono::NaiveDateTime) -> MembershipForm<'_> {
        MembershipForm {
            capacity: self.capacity,
            nominated_by_id: self.nominated_by.as_ref().map(|o| o.id.as_str()),
            ..MembershipForm::expert(self.role, now)
        }
    }
}

fn joining(conn: &mut DbConn, account: &NewAccount<'_>) -> Result<Option<Joining>, Failure> {
    let Some(code) = account.group else {
        return Ok(None);
    };
    let group = groups::find_by_code(conn, code)?
        .ok_or_else(|| Failure::Message(format!("there is no group {code:?}")))?;
    let role = GroupRole::parse(account.role)
        .ok_or_else(|| Failure::Message("the role is convenor or member".to_owned()))?;
    let capacity = Capacity::parse(account.capacity).ok_or_else(|| {
        Failure::Message("the capacity is expert, observer or liaison".to_owned())
    })?;
    let nominated_by = organisation(conn, account.nominated_by)?;
    let acronym = nominated_by.as_ref().map_or("", |o| o.acronym.as_str());
    nomination::check(capacity, nominated_by.as_ref().map(|o| o.kind)).map_err(|problem| {
        Failure::Message(match problem {
            NominationProblem::LiaisonWithoutOrganisation => {
                "a liaison member needs --nominated-by with the acronym of a liaison organisation"
                    .to_owned()
            }
            NominationProblem::LiaisonFromMemberBody => format!(
                "{acronym} is a member body; a liaison member is nominated by a liaison organisation"
            ),
            NominationProblem::ExpertFromLiaison => format!(
                "{acronym} is a liaison organisation; its representatives join with --capacity liaison"
            ),
        })
    })?;
    Ok(Some(Joining {
        group,
        role,
        capacity,
        nominated_by,
    }))
}

/// The registry's organisation of this acronym, whatever its case.
fn organisation(conn: &mut DbConn, acronym: Option<&str>) -> Result<Option<Organisation>, Failure> {
    let Some(acronym) = acronym else {
        return Ok(None);
    };
    organisations::find_by_acronym_caseless(conn, acronym)?
        .map(Some)
        .ok_or_else(|| {
            Failure::Message(format!(
                "there is no organisation {acronym:?} in the registry (see /admin/organisations)"
            ))
        })
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
    let email = EmailAddress::parse(account.email).map_err(|m| m.english())?;
    let name = parse_name(account.name)?;
    password::check_new(account.password, account.password).map_err(|m| m.english())?;
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
        let joining = joining(conn, &account)?;
        let sponsor = organisation(conn, account.sponsor)?;
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
                sponsor_organisation_id: sponsor.as_ref().map(|o| o.id.as_str()),
            },
        )?;
        if let Some(joining) = &joining {
            groups::insert_membership(conn, &joining.group.id, &id, &joining.terms(now), now)?;
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
    let email = EmailAddress::parse(account.email).map_err(|m| m.english())?;
    let name = parse_name(account.name)?;
    let mut conn = prepared(settings)?;
    let joining = joining(&mut conn, &account).map_err(|e| e.to_string())?;
    let sponsor = organisation(&mut conn, account.sponsor).map_err(|e| e.to_string())?;
    let ctx = crate::workflow::Ctx::new(settings, Clock::default().now());
    crate::workflow::accounts::invite(
        &mut conn,
        &ctx,
        crate::workflow::accounts::Invitee {
            email: &email,
            name: name.as_str(),
            secretariat: account.secretariat,
            membership: joining
                .as_ref()
                .map(|j| (j.group.id.as_str(), j.terms(ctx.now))),
            sponsor: sponsor.as_ref(),
            language: None,
        },
    )
    .map_err(|e| e.to_string())?;
    println!(
        "invitation queued for {}; a running `clarion serve` delivers it",
        email.as_str()
    );
    Ok(())
}
