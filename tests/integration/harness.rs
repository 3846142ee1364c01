//! Self-tests of the helpers in `support`: if these fail, every other
//! failure in the suite is suspect.

use std::io::{ErrorKind, Read};
use std::net::TcpStream;
use std::time::Duration;

use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::support::postgres::new_database_url;
use crate::support::smtp::MailServer;

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

#[test]
fn each_database_url_is_a_new_empty_database() {
    let first = new_database_url();
    let second = new_database_url();
    assert_ne!(first, second);

    let mut a = PgConnection::establish(&first).expect("connect to the first database");
    let mut b = PgConnection::establish(&second).expect("connect to the second database");
    let name_of = |connection: &mut PgConnection| {
        diesel::sql_query("SELECT current_database() AS name")
            .get_result::<Name>(connection)
            .expect("current_database()")
            .name
    };
    let (name_a, name_b) = (name_of(&mut a), name_of(&mut b));
    assert_ne!(name_a, name_b);
    assert!(
        first.ends_with(&format!("/{name_a}")),
        "{first} is not {name_a}"
    );

    // The same table in both, with a row only in the first: they are separate.
    for connection in [&mut a, &mut b] {
        diesel::sql_query("CREATE TABLE things (id BIGSERIAL PRIMARY KEY, label TEXT NOT NULL)")
            .execute(connection)
            .expect("create a table");
    }
    diesel::sql_query("INSERT INTO things (label) VALUES ('only in a')")
        .execute(&mut a)
        .expect("insert");
    let count = |connection: &mut PgConnection| {
        diesel::sql_query("SELECT count(*) AS count FROM things")
            .get_result::<Count>(connection)
            .expect("count")
            .count
    };
    assert_eq!(count(&mut a), 1);
    assert_eq!(count(&mut b), 0);
}

fn transport(server: &MailServer) -> AsyncSmtpTransport<Tokio1Executor> {
    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(server.port())
        .timeout(Some(Duration::from_secs(5)))
        .build()
}

fn simple_message(subject: &str) -> Message {
    Message::builder()
        .from("Clarion <noreply@clarion.test>".parse::<Mailbox>().unwrap())
        .to("carol@example.org".parse::<Mailbox>().unwrap())
        .subject(subject)
        .body(String::from("Hello."))
        .unwrap()
}

#[tokio::test]
async fn mail_server_receives_a_multipart_message() {
    let server = MailServer::start();
    assert_eq!(server.url(), format!("smtp://127.0.0.1:{}", server.port()));

    let text = "Your request was answered.\r\n\
                Read it at https://clarion.test/requests/42?tab=answer.\r\n\
                .A line starting with a dot\r\n\
                Unsubscribe: <http://clarion.test/unsubscribe/abc>\r\n";
    let html = "<p>Your request was <b>answered</b>.</p>";
    let message = Message::builder()
        .from("Clarion <noreply@clarion.test>".parse::<Mailbox>().unwrap())
        .to("Alice Ärger <alice@example.org>"
            .parse::<Mailbox>()
            .unwrap())
        .cc("bob@example.org".parse::<Mailbox>().unwrap())
        .subject("Réponse publiée: request #42")
        .message_id(Some("<fixed-id-42@clarion.test>".to_string()))
        .multipart(MultiPart::alternative_plain_html(
            text.to_string(),
            html.to_string(),
        ))
        .unwrap();
    transport(&server)
        .send(message)
        .await
        .expect("send to the test SMTP server");

    let mails = server.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.envelope_from, "noreply@clarion.test");
    assert_eq!(
        mail.envelope_to,
        vec![
            "alice@example.org".to_string(),
            "bob@example.org".to_string()
        ]
    );
    assert_eq!(mail.subject, "Réponse publiée: request #42");
    assert_eq!(mail.message_id, "fixed-id-42@clarion.test");
    assert_eq!(
        mail.header("message-id").as_deref(),
        Some("<fixed-id-42@clarion.test>")
    );
    assert_eq!(mail.from, "Clarion <noreply@clarion.test>");
    assert_eq!(mail.to, "Alice Ärger <alice@example.org>");
    assert_eq!(mail.text.replace("\r\n", "\n"), text.replace("\r\n", "\n"));
    assert_eq!(mail.html.trim_end(), html);
    assert!(mail.raw.contains("Message-ID: <fixed-id-42@clarion.test>"));
    assert!(
        mail.header("Content-Type")
            .unwrap()
            .starts_with("multipart/alternative")
    );
    assert_eq!(
        mail.links(),
        vec![
            "https://clarion.test/requests/42?tab=answer".to_string(),
            "http://clarion.test/unsubscribe/abc".to_string(),
        ]
    );
    assert_eq!(server.to("BOB@example.org"), mails);
    assert!(server.to("nobody@example.org").is_empty());
}

#[tokio::test]
async fn mail_server_stops_and_resumes_on_the_same_port() {
    let server = MailServer::start();
    let port = server.port();
    // Like the app: one pooled transport that outlives the outage.
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous("127.0.0.1")
        .port(port)
        .credentials(Credentials::new("clarion".into(), "secret".into()))
        .timeout(Some(Duration::from_secs(5)))
        .build();
    let mut idle = TcpStream::connect(("127.0.0.1", port)).expect("connect before the outage");
    idle.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let mut greeting = [0u8; 64];
    let n = idle.read(&mut greeting).expect("greeting");
    assert!(greeting[..n].starts_with(b"220 "));

    server.stop();
    let refused = TcpStream::connect(("127.0.0.1", port)).expect_err("connect during the outage");
    assert_eq!(refused.kind(), ErrorKind::ConnectionRefused);
    // Open connections were closed too.
    let closed = idle.read(&mut greeting);
    assert!(
        matches!(closed, Ok(0)) || closed.is_err(),
        "an open connection survived stop(): {closed:?}"
    );
    transport
        .send(simple_message("during the outage"))
        .await
        .expect_err("sending while the server is stopped");
    server.stop();

    server.resume();
    server.resume();
    assert_eq!(server.port(), port);
    transport
        .send(simple_message("after the outage"))
        .await
        .expect("sending after resume");
    let mails = server.wait_for(1, Duration::from_secs(5)).await;
    assert_eq!(mails.len(), 1, "{mails:#?}");
    assert_eq!(mails[0].subject, "after the outage");
    assert_eq!(mails[0].text.trim_end(), "Hello.");
    assert_eq!(mails[0].html, "");
    assert_eq!(server.to("carol@example.org").len(), 1);
}
