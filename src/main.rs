//! The `clarion` command: parses arguments and calls into the library.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use clarion::clock::Clock;
use clarion::config::{self, Settings};
use clarion::startup::{self, Application};
use clarion::{cli, telemetry};

#[derive(Parser)]
#[command(
    name = "clarion",
    version,
    about = "Clarion runs the clarification process for standards: requests, consensus, published answers.",
    after_long_help = variables_help(),
    after_help = "Run `clarion --help` for the environment variables."
)]
struct Cli {
    /// TOML file with settings (the environment still wins); also CLARION_CONFIG
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application and deliver mail (the default)
    Serve,
    /// Apply pending database migrations, or revert the latest one
    Migrate {
        /// Revert the most recent migration instead (runs its down.sql)
        #[arg(long)]
        revert: bool,
    },
    /// Load the registry of standards, groups and committees (idempotent)
    Seed {
        /// A registry file to load instead of the built-in seed/registry.toml
        #[arg(long, value_name = "FILE")]
        registry: Option<PathBuf>,
        /// Also add demo accounts (password from CLARION_DEMO_PASSWORD, default
        /// clarion-demo), published sample clarifications and requests in every state
        #[arg(long)]
        demo: bool,
        /// Also generate N published clarifications for load tests, marked as
        /// sample data (reproducible: the same database gives the same text)
        #[arg(long, value_name = "N")]
        synthetic: Option<usize>,
        /// With --synthetic: also M open requests (screening, with the group,
        /// awaiting the submitter)
        #[arg(long, value_name = "M", default_value_t = 0, requires = "synthetic")]
        open_requests: usize,
        /// With --synthetic: also U group members, synthetic.member.K@example.org,
        /// with the demo password
        #[arg(long, value_name = "U", default_value_t = 0, requires = "synthetic")]
        users: usize,
    },
    /// Write every published clarification as CSV or JSON, or the whole
    /// public register as a static site
    Export {
        /// csv or json; by default from the extension of --output, else csv
        #[arg(long, value_parser = ["csv", "json"])]
        format: Option<String>,
        /// The file to write (replaced if it exists); standard output by default
        #[arg(long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Instead, write the public register as static files into DIR (new
        /// or empty), its links relative; what needs the server links to
        /// CLARION_BASE_URL
        #[arg(long, value_name = "DIR", conflicts_with_all = ["format", "output"])]
        site: Option<PathBuf>,
        /// With --site: the language of the copy's pages, one of
        /// CLARION_LANGUAGES (by default the first)
        #[arg(long, value_name = "TAG", requires = "site")]
        language: Option<String>,
    },
    /// Add the published clarifications of a CSV or JSON file, as `export`
    /// writes them; all or nothing
    Import {
        /// The file to read
        file: PathBuf,
        /// csv or json; by default from the file's extension
        #[arg(long, value_parser = ["csv", "json"])]
        format: Option<String>,
    },
    /// Copy the database into FILE while the server runs (SQLite: a
    /// consistent copy; PostgreSQL: pg_dump's custom format)
    Backup {
        /// The file to write
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Replace the database with a backup, after checking it whole; stop
    /// the server first
    Restore {
        /// A file written by `clarion backup`
        file: PathBuf,
        /// Replace a database that holds data
        #[arg(long)]
        force: bool,
    },
    /// Manage accounts
    #[command(subcommand)]
    User(UserCommand),
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account; the password is read from standard input
    Add(AccountArgs),
    /// Create an account without a password and mail its owner a link to choose one
    Invite(AccountArgs),
}

/// Who the account is for and what it may do: both `user` commands take
/// the same options.
#[derive(Args)]
struct AccountArgs {
    /// E-mail address, used to sign in and for the invitation
    #[arg(long)]
    email: String,
    /// Full name, shown in the record of decisions
    #[arg(long)]
    name: String,
    /// Give the account the secretariat's rights
    #[arg(long)]
    secretariat: bool,
    /// Add the account to this maintenance group (its code, e.g. "MG 17025")
    #[arg(long, value_name = "CODE")]
    group: Option<String>,
    /// Role in --group
    #[arg(long, value_parser = ["member", "convenor"], default_value = "member", requires = "group")]
    role: String,
    /// Capacity in --group: an expert votes, an observer reads and comments,
    /// a liaison votes only where the group lets liaisons vote
    #[arg(long, value_parser = ["expert", "observer", "liaison"], default_value = "expert", requires = "group")]
    capacity: String,
    /// The organisation that nominated them (its acronym, e.g. AFNOR or ILAC)
    #[arg(long, value_name = "ACRONYM", requires = "group")]
    nominated_by: Option<String>,
    /// Make it a sponsor's account, speaking for this member body or liaison
    /// (its acronym): its requests need no endorsement and it endorses others
    #[arg(long, value_name = "ACRONYM", conflicts_with_all = ["secretariat", "group"])]
    sponsor: Option<String>,
}

impl AccountArgs {
    fn account<'a>(&'a self, password: &'a str) -> cli::NewAccount<'a> {
        cli::NewAccount {
            email: &self.email,
            name: &self.name,
            password,
            secretariat: self.secretariat,
            group: self.group.as_deref(),
            role: &self.role,
            capacity: &self.capacity,
            nominated_by: self.nominated_by.as_deref(),
            sponsor: self.sponsor.as_deref(),
        }
    }
}

fn variables_help() -> String {
    let mut text = String::from("Environment variables:\n");
    for (name, meaning) in config::VARIABLES {
        text.push_str(&format!("  {name}\n      {meaning}\n"));
    }
    text
}

fn main() -> ExitCode {
    clarion::allocator::tune();
    let cli = Cli::parse();
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("clarion: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(settings.log_format, settings.access_log);
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(settings),
        Command::Migrate { revert } => cli::migrate(&settings, revert),
        Command::Seed {
            registry,
            demo,
            synthetic,
            open_requests,
            users,
        } => cli::seed(
            &settings,
            registry.as_deref(),
            demo.then(demo_password).as_deref(),
            synthetic.map(|published| {
                (
                    clarion::seed::synthetic::Volume {
                        published,
                        open_requests,
                        users,
                    },
                    demo_password(),
                )
            }),
        ),
        Command::Export {
            site: Some(dir),
            language,
            ..
        } => cli::export_site(&settings, &dir, language.as_deref()),
        Command::Export { format, output, .. } => {
            cli::export(&settings, format.as_deref(), output.as_deref())
        }
        Command::Import { file, format } => cli::import(&settings, &file, format.as_deref()),
        Command::Backup { file, force } => cli::backup(&settings, &file, force),
        Command::Restore { file, force } => cli::restore(&settings, &file, force),
        Command::User(UserCommand::Invite(user)) => cli::invite_user(&settings, user.account("")),
        Command::User(UserCommand::Add(user)) => {
            read_password().and_then(|password| cli::add_user(&settings, user.account(&password)))
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("clarion: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(settings: Settings) -> Result<(), String> {
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build(settings.clone(), Clock::default())
            .await
            .map_err(|e: startup::StartupError| e.to_string())?;
        tracing::info!(
            "listening on {} (port {}), public address {}",
            settings.bind,
            app.port(),
            settings.base_url
        );
        for (tag, dir, missing, of, fallback) in settings.languages.read_from_files() {
            tracing::info!(
                "language {tag} read from {}: {missing} of {of} messages missing, shown in {fallback}",
                dir.display()
            );
        }
        app.run_until_stopped().await.map_err(|e| e.to_string())?;
        // actix-web's own lines about the stop are below the default level.
        tracing::info!("stopped");
        Ok(())
    })
}

/// The password of the demo accounts: `CLARION_DEMO_PASSWORD` or the default.
fn demo_password() -> String {
    std::env::var(clarion::seed::demo::PASSWORD_VARIABLE)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| clarion::seed::demo::DEFAULT_PASSWORD.to_owned())
}

fn read_password() -> Result<String, String> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        rpassword::prompt_password("Password: ").map_err(|e| e.to_string())
    } else {
        let mut line = String::new();
        stdin
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}
