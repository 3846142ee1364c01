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
    // A refused command exits before it reads the password: the pipe may
    // then be closed already, and its output is what the test judges.
    let written = child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long enough passphrase\n");
    if let Err(e) = written {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
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

/// The operator's reference names every setting the program reads.
#[test]
fn the_configuration_guide_documents_every_variable() {
    let guide = include_str!("../../docs/configuration.md");
    for (variable, _) in clarion::config::VARIABLES {
        assert!(
            guide.contains(&format!("| `{variable}` |")),
            "{variable} in docs/configuration.md"
        );
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
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(said.contains("registry loaded"), "{said}");
        let organisations = clarion::seed::organisations::Organisations::built_in().count();
        assert!(
            said.contains(&format!("{organisations} organisations")),
            "{said}"
        );
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

/// The capacity and nominating body of `email`'s one membership.
fn terms_of(dir: &std::path::Path, email: &str) -> Option<(String, Option<String>)> {
    use clarion::db::schema::{memberships, organisations, users};
    use diesel::prelude::*;
    let url =
        clarion::db::DatabaseUrl::parse(dir.join("data/clarion.db").to_str().unwrap()).unwrap();
    let mut conn = clarion::db::establish(&url).unwrap();
    memberships::table
        .inner_join(users::table)
        .left_join(organisations::table)
        .filter(users::email.eq(email))
        .select((memberships::capacity, organisations::acronym.nullable()))
        .first(&mut conn)
        .optional()
        .unwrap()
}

#[test]
fn user_add_and_invite_set_the_capacity_and_the_nominating_body() {
    let dir = tempfile::tempdir().unwrap();
    let output = add_user(
        dir.path(),
        &[
            "--email",
            "lia@example.org",
            "--name",
            "Lia Liaison",
            "--group",
            "MG 17025",
            "--capacity",
            "liaison",
            "--nominated-by",
            "ilac",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        terms_of(dir.path(), "lia@example.org"),
        Some(("liaison".to_owned(), Some("ILAC".to_owned())))
    );

    let output = clarion(
        dir.path(),
        &[
            "user",
            "invite",
            "--email",
            "otto@example.org",
            "--name",
            "Otto Observer",
            "--group",
            "MG 17025",
            "--capacity",
            "observer",
            "--nominated-by",
            "AFNOR",
        ],
        &[],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        terms_of(dir.path(), "otto@example.org"),
        Some(("observer".to_owned(), Some("AFNOR".to_owned())))
    );

    // Without a nominating body, an expert; a nomination that does not fit
    // the capacity, or an organisation not in the registry, creates nothing.
    let output = add_user(
        dir.path(),
        &[
            "--email",
            "eve@example.org",
            "--name",
            "Eve Expert",
            "--group",
            "MG 17025",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        terms_of(dir.path(), "eve@example.org"),
        Some(("expert".to_owned(), None))
    );
    for (email, capacity, body, says) in [
        (
            "a@example.org",
            "liaison",
            Some("AFNOR"),
            "AFNOR is a member body",
        ),
        (
            "b@example.org",
            "expert",
            Some("IAF"),
            "IAF is a liaison organisation",
        ),
        (
            "c@example.org",
            "liaison",
            None,
            "a liaison member needs --nominated-by",
        ),
        (
            "d@example.org",
            "expert",
            Some("NOPE"),
            "there is no organisation \"NOPE\"",
        ),
    ] {
        let mut args = vec![
            "--email",
            email,
            "--name",
            "Refused",
            "--group",
            "MG 17025",
            "--capacity",
            capacity,
        ];
        if let Some(body) = body {
            args.extend(["--nominated-by", body]);
        }
        let output = add_user(dir.path(), &args);
        assert!(!output.status.success(), "{email}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{stderr}");
        assert_eq!(terms_of(dir.path(), email), None, "{email}: nothing stored");
        let mut invite = vec!["user", "invite"];
        invite.extend(&args);
        let output = clarion(dir.path(), &invite, &[]);
        assert!(!output.status.success(), "{email} invited");
        assert!(String::from_utf8_lossy(&output.stderr).contains(says));
    }
    let url = clarion::db::DatabaseUrl::parse(dir.path().join("data/clarion.db").to_str().unwrap())
        .unwrap();
    let mut conn = clarion::db::establish(&url).unwrap();
    use diesel::prelude::*;
    let refused: i64 = clarion::db::schema::users::table
        .filter(clarion::db::schema::users::name.eq("Refused"))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(refused, 0, "no account for a refused membership");
}

/// The organisation a sponsor's account `email` speaks for, if any; `None`
/// also when there is no such account.
fn sponsor_of(dir: &std::path::Path, email: &str) -> Option<Option<String>> {
    use clarion::db::schema::{organisations, users};
    use diesel::prelude::*;
    let url =
        clarion::db::DatabaseUrl::parse(dir.join("data/clarion.db").to_str().unwrap()).unwrap();
    let mut conn = clarion::db::establish(&url).unwrap();
    users::table
        .left_join(
            organisations::table
                .on(users::sponsor_organisation_id.eq(organisations::id.nullable())),
        )
        .filter(users::email.eq(email))
        .select(organisations::acronym.nullable())
        .first(&mut conn)
        .optional()
        .unwrap()
}

#[test]
fn user_add_and_invite_make_a_sponsors_account() {
    let dir = tempfile::tempdir().unwrap();
    let output = add_user(
        dir.path(),
        &[
            "--email",
            "desk@afnor.example",
            "--name",
            "AFNOR desk",
            "--sponsor",
            "afnor",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        sponsor_of(dir.path(), "desk@afnor.example"),
        Some(Some("AFNOR".to_owned()))
    );

    let output = clarion(
        dir.path(),
        &[
            "user",
            "invite",
            "--email",
            "requests@iaf.example",
            "--name",
            "IAF secretariat",
            "--sponsor",
            "IAF",
        ],
        &[],
    );
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        sponsor_of(dir.path(), "requests@iaf.example"),
        Some(Some("IAF".to_owned()))
    );

    // A sponsor's account speaks for its organisation alone, and only for
    // one in the registry: anything else is refused and creates nothing.
    for (email, extra, says) in [
        (
            "a@example.org",
            vec!["--sponsor", "NOPE"],
            "there is no organisation \"NOPE\"",
        ),
        (
            "b@example.org",
            vec!["--sponsor", "AFNOR", "--secretariat"],
            "--secretariat",
        ),
        (
            "c@example.org",
            vec!["--sponsor", "AFNOR", "--group", "MG 17025"],
            "--group",
        ),
    ] {
        let mut args = vec!["--email", email, "--name", "Refused"];
        args.extend(&extra);
        let output = add_user(dir.path(), &args);
        assert!(!output.status.success(), "{email}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(says), "{stderr}");
        let mut invite = vec!["user", "invite"];
        invite.extend(&args);
        let output = clarion(dir.path(), &invite, &[]);
        assert!(!output.status.success(), "{email} invited");
        assert!(String::from_utf8_lossy(&output.stderr).contains(says));
        assert_eq!(
            sponsor_of(dir.path(), email),
            None,
            "{email}: nothing stored"
        );
    }
}
