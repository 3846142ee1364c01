//! The `clarion` command as an operator uses it.

use std::process::Command;

use crate::support::operator::clarion;

/// `clarion user add ARGS`, typing the password on standard input.
fn add_user(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_clarion"))
        .args(["user", "add"])
        .args(args)
        .current_dir(dir)
        .env("CLARION_DATA_DIR", dir.join("data"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long enough passphrase\n")
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn help_documents_every_command_and_variable() {
    let dir = tempfile::tempdir().unwrap();
    let output = clarion(dir.path(), &["--help"], &[]);
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for word in ["serve", "migrate", "seed", "backup", "restore", "user"] {
        assert!(help.contains(word), "{word} in {help}");
    }
    for (variable, _) in clarion::config::VARIABLES {
        assert!(help.contains(variable), "{variable} in {help}");
    }
}

#[test]
fn a_bad_setting_stops_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    for (variable, value) in [
        ("CLARION_BIND", "everywhere"),
        ("CLARION_DATABASE_URL", "mysql://db/clarion"),
        ("CLARION_SMTP_URL", "carrier-pigeon://loft"),
        ("CLARION_BASE_URL", "clarion.example.org"),
    ] {
        let output = clarion(dir.path(), &["migrate"], &[(variable, value)]);
        assert_eq!(output.status.code(), Some(2), "{variable}");
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("clarion: configuration:") && stderr.contains(variable),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }
    assert!(!dir.path().join("data").exists(), "nothing was created");
}

#[test]
fn migrate_seed_and_user_add_prepare_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let output = clarion(dir.path(), &["migrate"], &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stdout).contains("applied migration"));
    assert!(dir.path().join("data/clarion.db").exists());

    for _ in 0..2 {
        let output = clarion(dir.path(), &["seed"], &[]);
        assert!(output.status.success(), "{output:?}");
        assert!(String::from_utf8_lossy(&output.stdout).contains("registry loaded"));
    }

    let output = add_user(
        dir.path(),
        &[
            "--email",
            "convenor@example.org",
            "--name",
            "Carla Convenor",
            "--group",
            "MG 17025",
            "--role",
            "convenor",
        ],
    );
    assert!(output.status.success(), "{output:?}");

    let again = add_user(
        dir.path(),
        &["--email", "CONVENOR@example.org", "--name", "Twin"],
    );
    assert!(!again.status.success());
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("already exists"),
        "{again:?}"
    );

    let url = clarion::db::DatabaseUrl::parse(dir.path().join("data/clarion.db").to_str().unwrap())
        .unwrap();
    let mut conn = clarion::db::establish(&url).unwrap();
    use clarion::db::schema::{groups, memberships, users};
    use diesel::prelude::*;
    let (name, role, group): (String, String, String) = users::table
        .inner_join(memberships::table.inner_join(groups::table))
        .select((users::name, memberships::role, groups::code))
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        (name.as_str(), role.as_str(), group.as_str()),
        ("Carla Convenor", "convenor", "MG 17025")
    );
}

#[test]
fn an_invitation_waits_in_the_outbox_with_its_link() {
    let dir = tempfile::tempdir().unwrap();
    let output = clarion(
        dir.path(),
        &[
            "user",
            "invite",
            "--email",
            "member1.17025@example.org",
            "--name",
            "Mia Member",
            "--group",
            "MG 17025",
        ],
        &[("CLARION_BASE_URL", "https://clarion.example.org")],
    );
    assert!(output.status.success(), "{output:?}");
    let url = clarion::db::DatabaseUrl::parse(dir.path().join("data/clarion.db").to_str().unwrap())
        .unwrap();
    let mut conn = clarion::db::establish(&url).unwrap();
    use clarion::db::schema::{outbox, users};
    use diesel::prelude::*;
    let (recipient, body): (String, String) = outbox::table
        .select((outbox::recipient, outbox::body_text))
        .first(&mut conn)
        .unwrap();
    assert_eq!(recipient, "member1.17025@example.org");
    assert!(
        body.contains("https://clarion.example.org/invitation/"),
        "{body}"
    );
    assert!(body.contains("member of MG 17025"), "{body}");
    let hash: Option<String> = users::table
        .select(users::password_hash)
        .first(&mut conn)
        .unwrap();
    assert_eq!(hash, None, "no password until the invitation is accepted");
}
