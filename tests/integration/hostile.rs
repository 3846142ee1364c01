//! The bad input campaign (issue 6, item 5): proptest generates addresses,
//! query strings, form bodies, tokens and headers and sends them to every
//! route of the route table (support/routes.rs) of one running app per
//! database; spawning an app per case would take hours. Requests go out as
//! raw HTTP/1.1 over a socket, because an HTTP client tidies up exactly
//! what this is about: it resolves `..`, encodes stray bytes and refuses
//! lengths that lie.
//!
//! Every answer is below 500; an input that was refused (any 4xx) stored
//! nothing; after the campaign the server still answers /healthz and /readyz.
//!
//! 250 cases per strategy, about 20 s per backend on a CI machine;
//! `PROPTEST_CASES=5000 cargo test --test integration hostile` runs more.
//! On failure proptest prints the smallest input it found that fails.

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Duration;

use clarion::db::schema::{
    comments, events, external_committees, groups, memberships, organisations, outbox,
    request_contacts, requests, rounds, sessions, subscriptions, tokens, users, votes,
};
use clarion::db::{DbConn, Pool};
use clarion::seed::demo;
use diesel::prelude::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

use crate::on_both_databases;
use crate::support::app::{Backend, TestApp, csrf_token_in};
use crate::support::eventually::{BOUND, eventually};
use crate::support::journey::{file_request, request_count, valid_form};
use crate::support::routes::{self, Audience, Method};

on_both_databases!(
    generated_requests_never_break_the_server,
    slow_clients_cannot_hold_the_connections,
);

async fn generated_requests_never_break_the_server(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let site = Arc::new(Site::prepare(&app).await);
    let campaign = site.clone();
    let ran = tokio::task::spawn_blocking(move || {
        campaign.run("addresses and query strings", visit());
        campaign.run("form posts", post());
        campaign.run("tokens", knock());
        campaign.run("headers and framing", odd());
    })
    .await;
    if let Err(failed) = ran {
        std::panic::resume_unwind(failed.into_panic());
    }
    for path in ["/healthz", "/readyz"] {
        assert_eq!(
            app.get(path).await.status(),
            200,
            "{path} after the campaign"
        );
    }
}

/// The running site and what a case may name in it.
struct Site {
    addr: SocketAddr,
    pool: Pool,
    /// A visitor's cookie header (a CSRF cookie) and the token of its forms.
    anonymous: Credentials,
    secretariat: Credentials,
    /// Convenor of MG 17025: reaches comments, rounds and votes.
    convenor: Credentials,
    /// Requests in each state of the demo, published included.
    references: Vec<String>,
    slugs: Vec<String>,
    group: String,
    /// A member of MG 17065, whom no case signs in as.
    user: String,
    committee: String,
    /// A liaison organisation (ILAC).
    organisation: String,
    /// Tracking tokens of the demo's open requests and the confirmation
    /// token of a request filed through the form.
    tokens: Vec<String>,
}

#[derive(Clone)]
struct Credentials {
    cookie: String,
    token: String,
}

impl Site {
    async fn prepare(app: &TestApp) -> Site {
        let report = demo::seed(&mut app.db(), demo::DEFAULT_PASSWORD, app.clock.now())
            .expect("the demo seeds");
        let confirm = file_request(app, &valid_form()).await;
        // The worker's first pass does what the demo left due (reminders,
        // expiries); counts must stand still before the campaign counts.
        app.run_worker_once().await;
        let mut tokens: Vec<String> = report.tracking_links.into_iter().map(|(_, t)| t).collect();
        tokens.push(confirm.rsplit('/').next().unwrap().to_owned());
        let conn = &mut app.db();
        let mut references = Vec::new();
        for state in [
            "screening",
            "awaiting_submitter",
            "in_group",
            "balloting",
            "decided",
            "published",
        ] {
            let reference: Option<String> = requests::table
                .filter(requests::state.eq(state))
                .filter(requests::reference.is_not_null())
                .select(requests::reference.assume_not_null())
                .first(conn)
                .optional()
                .unwrap();
            references.extend(reference);
        }
        assert!(
            references.len() >= 5,
            "the demo has requests in every state"
        );
        Site {
            addr: app
                .address
                .strip_prefix("http://")
                .unwrap()
                .parse()
                .unwrap(),
            pool: app.state.pool.clone(),
            anonymous: credentials(app, None).await,
            secretariat: credentials(app, Some(demo::SECRETARIAT_EMAIL)).await,
            convenor: credentials(app, Some("convenor.17025@example.org")).await,
            references,
            slugs: vec!["iso-iec-17025-2017".into(), "iso-iec-17065-2012".into()],
            group: groups::table
                .filter(groups::code.eq("MG 17025"))
                .select(groups::id)
                .first(conn)
                .unwrap(),
            user: users::table
                .filter(users::email.eq("convenor.17065@example.org"))
                .select(users::id)
                .first(conn)
                .unwrap(),
            committee: external_committees::table
                .select(external_committees::id)
                .first(conn)
                .unwrap(),
            organisation: organisations::table
                .filter(organisations::acronym.eq("ILAC"))
                .select(organisations::id)
                .first(conn)
                .unwrap(),
            tokens,
        }
    }

    /// Runs one strategy; panics with proptest's smallest failing case.
    fn run<S>(&self, what: &str, strategy: S)
    where
        S: Strategy,
        S::Value: Case,
    {
        let config = Config {
            cases: std::env::var("PROPTEST_CASES")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(250),
            // Regressions are kept as tests in this file, not in files
            // written beside it.
            failure_persistence: None,
            ..Config::default()
        };
        let result = TestRunner::new(config).run(&strategy, |case| self.check(&case));
        if let Err(failure) = result {
            match failure {
                TestError::Fail(why, case) => {
                    panic!("{what}: {why}\nsmallest failing case: {case:?}")
                }
                TestError::Abort(why) => panic!("{what}: aborted: {why}"),
            }
        }
    }

    /// Sends one case: no 5xx, and nothing stored when it was refused.
    fn check(&self, case: &impl Case) -> Result<(), TestCaseError> {
        let wire = case.wire(self);
        let before = self.counts();
        let status = exchange(self.addr, &wire);
        let after = self.counts();
        match status {
            Some(status) => {
                prop_assert!(status < 500, "answered {status}");
                if (400..500).contains(&status) {
                    prop_assert_eq!(&before, &after, "refused with {} but stored", status);
                }
                case.expect(status)
            }
            None => {
                prop_assert!(wire.may_close, "the connection closed without an answer");
                prop_assert_eq!(&before, &after, "closed without an answer but stored");
                Ok(())
            }
        }
    }

    fn conn(&self) -> clarion::db::PooledConn {
        self.pool.get().expect("a database connection")
    }

    /// Rows of every table a person's input can add to.
    fn counts(&self) -> Vec<(&'static str, i64)> {
        let conn: &mut DbConn = &mut self.conn();
        macro_rules! count {
            ($($table:ident),*) => {
                vec![$((stringify!($table), $table::table.count().get_result(conn).unwrap())),*]
            };
        }
        count!(
            requests,
            request_contacts,
            subscriptions,
            users,
            sessions,
            comments,
            events,
            outbox,
            tokens,
            rounds,
            votes,
            memberships,
            organisations
        )
    }

    /// The version a workspace form of this request would carry now.
    fn version_of(&self, reference: &str) -> String {
        requests::table
            .filter(requests::reference.eq(reference))
            .select(requests::version)
            .first::<i32>(&mut self.conn())
            .map(|v| v.to_string())
            .unwrap_or_else(|_| "1".into())
    }

    fn credentials(&self, who: Who) -> Option<&Credentials> {
        match who {
            Who::Fitting => unreachable!("resolved by the route"),
            Who::Nobody => None,
            Who::Visitor => Some(&self.anonymous),
            Who::Secretariat => Some(&self.secretariat),
            Who::Convenor => Some(&self.convenor),
        }
    }

    /// The real value of a placeholder of a route.
    fn known(&self, placeholder: &str, n: usize) -> String {
        let pick = |values: &[String]| values[n % values.len()].clone();
        match placeholder {
            "reference" => pick(&self.references),
            "slug" => pick(&self.slugs),
            "group" => self.group.clone(),
            "user" => self.user.clone(),
            "committee" => self.committee.clone(),
            "organisation" => self.organisation.clone(),
            "token" => pick(&self.tokens),
            "asset" => clarion::assets::stylesheet_path()
                .rsplit('/')
                .next()
                .unwrap()
                .into(),
            "subscription" | "mac" | "anything" | "webhook" => "x".into(),
            other => unreachable!("no value for {{{other}}}"),
        }
    }
}

/// A signed-in person's cookies, or a visitor's, and the CSRF token of
/// their forms, read from the pages as a browser would.
async fn credentials(app: &TestApp, email: Option<&str>) -> Credentials {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let page = client.get(app.url("/login")).send().await.unwrap();
    let mut cookie = format!(
        "clarion_csrf={}",
        set_cookie(&page, "clarion_csrf").expect("a CSRF cookie")
    );
    let token = csrf_token_in(&page.text().await.unwrap());
    if let Some(email) = email {
        let response = client
            .post(app.url("/login"))
            .header("cookie", &cookie)
            .form(&[
                ("email", email),
                ("password", demo::DEFAULT_PASSWORD),
                ("next", "/workspace"),
                ("csrf_token", &token),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 303, "{email} signs in");
        let session = set_cookie(&response, "clarion_session").expect("a session cookie");
        cookie.push_str(&format!("; clarion_session={session}"));
    }
    Credentials { cookie, token }
}

fn set_cookie(response: &reqwest::Response, name: &str) -> Option<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|c| c.split(';').next()?.strip_prefix(&format!("{name}=")))
        .map(str::to_owned)
        .next()
}

/// A generated input: how it goes on the wire, and what it may answer
/// beyond the properties every case shares.
trait Case: std::fmt::Debug {
    fn wire(&self, site: &Site) -> Wire;

    fn expect(&self, _status: u16) -> Result<(), TestCaseError> {
        Ok(())
    }
}

// ---------------------------------------------------------------------
// What is sent: raw HTTP/1.1.

struct Wire {
    bytes: Vec<u8>,
    /// The request is larger than the server reads, or its framing is
    /// broken: closing the connection without an answer is an answer too.
    may_close: bool,
    /// The body is cut short of its declared length.
    truncated: bool,
}

/// The parts of a request, each as bytes.
struct Request {
    method: String,
    target: Vec<u8>,
    headers: Vec<(String, Vec<u8>)>,
    body: Vec<u8>,
    length: Length,
}

#[derive(Debug, Clone)]
enum Length {
    /// The body's true length.
    Exact,
    Missing,
    /// Any text as the value of Content-Length.
    Text(String),
    /// Declares more than is sent, then stops sending.
    Longer(usize),
    /// Two Content-Length headers that disagree.
    Twice(usize),
    /// A chunked body, whose framing may be garbage.
    Chunked(String),
}

impl Request {
    fn new(method: &str, target: Vec<u8>, who: Option<&Credentials>) -> Request {
        let mut headers = vec![
            ("Host".to_owned(), b"127.0.0.1".to_vec()),
            ("Connection".to_owned(), b"close".to_vec()),
        ];
        if let Some(who) = who {
            headers.push(("Cookie".to_owned(), who.cookie.clone().into_bytes()));
        }
        Request {
            method: method.to_owned(),
            target,
            headers,
            body: Vec::new(),
            length: Length::Exact,
        }
    }

    fn header(mut self, name: &str, value: impl Into<Vec<u8>>) -> Request {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    fn body(mut self, content_type: &str, body: Vec<u8>) -> Request {
        self.body = body;
        self.header("Content-Type", content_type)
    }

    fn wire(self) -> Wire {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(self.method.as_bytes());
        bytes.push(b' ');
        bytes.extend_from_slice(&self.target);
        bytes.extend_from_slice(b" HTTP/1.1\r\n");
        let mut headers = self.headers;
        let body = self.body;
        let mut truncated = false;
        match &self.length {
            Length::Exact => headers.push(("Content-Length".into(), body.len().to_string().into())),
            Length::Missing => {}
            Length::Text(text) => headers.push(("Content-Length".into(), text.clone().into())),
            Length::Longer(more) => {
                truncated = true;
                headers.push((
                    "Content-Length".into(),
                    (body.len() + more + 1).to_string().into(),
                ));
            }
            Length::Twice(other) => {
                headers.push(("Content-Length".into(), body.len().to_string().into()));
                headers.push(("Content-Length".into(), other.to_string().into()));
            }
            Length::Chunked(_) => headers.push(("Transfer-Encoding".into(), b"chunked".to_vec())),
        }
        let head_size: usize = headers.iter().map(|(n, v)| n.len() + v.len() + 4).sum();
        for (name, value) in headers {
            bytes.extend_from_slice(name.as_bytes());
            bytes.extend_from_slice(b": ");
            bytes.extend_from_slice(&value);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes.extend_from_slice(b"\r\n");
        match &self.length {
            Length::Chunked(framing) => {
                bytes.extend_from_slice(format!("{:x}\r\n", body.len()).as_bytes());
                bytes.extend_from_slice(&body);
                bytes.extend_from_slice(framing.as_bytes());
            }
            _ => bytes.extend_from_slice(&body),
        }
        let may_close = !matches!(self.length, Length::Exact | Length::Missing)
            || body.len() > clarion::web::csrf::MAX_FORM_BYTES
            || head_size + self.target.len() > 16 * 1024;
        Wire {
            bytes,
            may_close,
            truncated,
        }
    }
}

/// Sends a request and reads the status of the final answer; `None` when
/// the server closed the connection without one.
fn exchange(addr: SocketAddr, wire: &Wire) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).expect("the server accepts connections");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    // The server may answer before it has read everything (a 413) and
    // close: what could not be written is not the server's failure.
    let _ = stream.write_all(&wire.bytes);
    if wire.truncated {
        let _ = stream.shutdown(Shutdown::Write);
    }
    let mut answer = Vec::new();
    // A reset after the answer still leaves the answer read.
    let _ = stream.read_to_end(&mut answer);
    final_status(&answer)
}

/// The status of the last answer, past any `100 Continue`.
fn final_status(mut answer: &[u8]) -> Option<u16> {
    loop {
        let line_end = answer.windows(2).position(|w| w == b"\r\n")?;
        let line = std::str::from_utf8(&answer[..line_end]).ok()?;
        let status: u16 = line
            .strip_prefix("HTTP/1.1 ")
            .or_else(|| line.strip_prefix("HTTP/1.0 "))?
            .get(..3)?
            .parse()
            .ok()?;
        if !(100..200).contains(&status) {
            return Some(status);
        }
        let head_end = answer.windows(4).position(|w| w == b"\r\n\r\n")?;
        answer = &answer[head_end + 4..];
    }
}

/// Percent-encodes everything but unreserved characters, as a browser
/// encodes a path segment or a query value.
fn encoded(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Text as it is, except the bytes that would end the request line.
fn raw(text: &str) -> String {
    text.replace(' ', "%20")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

// ---------------------------------------------------------------------
// What is generated.

/// Text people and programs should never send.
fn hostile_text() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        3 => select(CLASSICS).prop_map(str::to_owned),
        1 => vec(
            prop_oneof![
                proptest::char::range('\0', '\u{1f}'),
                Just('\u{7f}'),
                proptest::char::range('\u{80}', '\u{9f}'),
                proptest::char::range('a', 'z'),
            ],
            0..12
        )
        .prop_map(String::from_iter),
        1 => ("[a-z]{0,6}", "[a-z]{0,6}").prop_map(|(a, b)| format!("{a}\0{b}")),
        1 => (select(&['a', 'é', '\0', '%', '/', '😀'][..]), 0usize..10_000)
            .prop_map(|(c, n)| c.to_string().repeat(n)),
    ]
    .boxed()
}

const CLASSICS: &[&str] = &[
    "",
    " ",
    ".",
    "..",
    "../../../etc/passwd",
    "..%2f..%2f",
    "%",
    "%00",
    "%zz",
    "%%",
    "%2e%2e",
    "%2F",
    "%C0%AF",
    "%ff%fe",
    "\0",
    "\u{202e}",
    "\u{feff}",
    "\u{fffd}",
    "'",
    "\"",
    "<script>alert(1)</script>",
    "' OR '1'='1",
    "'; DROP TABLE requests; --",
    "${jndi:ldap://x}",
    "{{7*7}}",
    "NaN",
    "-1",
    "0",
    "99999999999999999999999",
    "1e308",
    "2147483648",
    "-2147483649",
    "CR-2025-0001",
    "CR-0000-0000",
    "CR-9999-99999",
    "cr-2025-0001",
    "iso-iec-17025-2017",
    "ISO-IEC-17025-2017",
    "null",
    "true",
    "[]",
    "{}",
    "\\",
    "/",
    "//evil.example",
    "https://evil.example/",
    "?",
    "#",
    "&",
    "=",
    ";",
    "\r\n",
    "\r\nSet-Cookie: x=1",
    "\t",
    "a@b",
    "@",
    "x@y.z\r\nBcc: victim@example.org",
    "current",
    "superseded",
    "2025",
    "0000",
];

#[derive(Debug, Clone, Copy)]
enum Who {
    /// Whoever may send this form: the secretariat for the registry and
    /// screening, the convenor for the group's work, a visitor otherwise.
    Fitting,
    /// No cookie at all.
    Nobody,
    /// A visitor with a CSRF cookie.
    Visitor,
    Secretariat,
    Convenor,
}

/// Someone, whatever the address.
fn who() -> impl Strategy<Value = Who> {
    select(&[Who::Nobody, Who::Visitor, Who::Secretariat, Who::Convenor][..])
}

#[derive(Debug, Clone)]
enum Segment {
    /// The n-th real value of the placeholder: reaches past the lookups.
    Known(usize),
    /// Text percent-encoded as a browser would.
    Encoded(String),
    /// Text as it is.
    Raw(String),
}

/// Printable ASCII, as it may stand in a request line unencoded: stray
/// `%`, dots, slashes, quotes.
fn raw_text() -> BoxedStrategy<String> {
    prop_oneof![select(CLASSICS).prop_map(str::to_owned), "[!-~]{0,24}",].boxed()
}

fn segment() -> impl Strategy<Value = Segment> {
    prop_oneof![
        3 => (0usize..8).prop_map(Segment::Known),
        2 => hostile_text().prop_map(Segment::Encoded),
        1 => raw_text().prop_map(Segment::Raw),
    ]
}

/// A route with its `{placeholders}` filled from `segments` in order.
fn address(site: &Site, route: &str, segments: &[Segment]) -> String {
    let mut out = String::new();
    let mut rest = route;
    let mut next = segments.iter().cycle();
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}').unwrap();
        out.push_str(&rest[..open]);
        let placeholder = &rest[open + 1..close];
        out.push_str(&match next.next().unwrap() {
            Segment::Known(n) => site.known(placeholder, *n),
            Segment::Encoded(text) => encoded(text),
            Segment::Raw(text) => raw(text),
        });
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[derive(Debug, Clone)]
enum Query {
    None,
    Encoded(Vec<(String, String)>),
    Raw(String),
}

/// The filters of the register and the API, and the other parameters pages read.
const QUERY_KEYS: &[&str] = &[
    "q",
    "standard",
    "clause",
    "year",
    "status",
    "page",
    "next",
    "done",
    "moved",
    "edition_of",
    "tab",
];

fn query() -> impl Strategy<Value = Query> {
    let key = prop_oneof![
        4 => select(QUERY_KEYS).prop_map(str::to_owned),
        1 => hostile_text(),
    ];
    prop_oneof![
        1 => Just(Query::None),
        4 => vec((key, hostile_text()), 1..4).prop_map(Query::Encoded),
        1 => raw_text().prop_map(Query::Raw),
    ]
}

impl Query {
    fn append_to(&self, target: &mut String) {
        match self {
            Query::None => {}
            Query::Encoded(pairs) => {
                target.push('?');
                let pairs: Vec<String> = pairs
                    .iter()
                    .map(|(k, v)| format!("{}={}", encoded(k), encoded(v)))
                    .collect();
                target.push_str(&pairs.join("&"));
            }
            Query::Raw(text) => {
                target.push('?');
                target.push_str(&raw(text));
            }
        }
    }
}

/// Every address read with GET or HEAD, `{name}` standing for a segment,
/// and one that no route claims.
fn pages() -> Vec<&'static str> {
    routes::with_method(Method::Get)
        .map(|route| route.example)
        .chain(["/{anything}"])
        .collect()
}

/// (a) Every page, its segments and query strings generated.
#[derive(Debug, Clone)]
struct Visit {
    method: &'static str,
    route: &'static str,
    segments: Vec<Segment>,
    query: Query,
    who: Who,
}

fn visit() -> impl Strategy<Value = Visit> {
    (
        select(&["GET", "GET", "GET", "HEAD"][..]),
        select(pages()),
        vec(segment(), 3),
        query(),
        who(),
    )
        .prop_map(|(method, route, segments, query, who)| Visit {
            method,
            route,
            segments,
            query,
            who,
        })
}

impl Case for Visit {
    fn wire(&self, site: &Site) -> Wire {
        let mut target = address(site, self.route, &self.segments);
        self.query.append_to(&mut target);
        Request::new(self.method, target.into_bytes(), site.credentials(self.who)).wire()
    }
}

/// Every form's action, `{name}` standing for a segment.
fn forms() -> Vec<&'static str> {
    routes::with_method(Method::Post)
        .map(|route| route.example)
        .collect()
}

/// A form each route accepts, so that altering one field reaches the
/// checks (and the database) behind it.
fn baseline(site: &Site, route: &str, reference: &str) -> Vec<(String, String)> {
    let fields: Vec<(&str, String)> = match route.rsplit('/').next().unwrap() {
        "requests" => valid_form().into_iter().collect(),
        "reply" => vec![
            ("reply", "Here is the information asked for.".into()),
            ("version", site.version_of(reference)),
        ],
        "reconsideration" => vec![("reasons", "The campaign's reasons to reconsider.".into())],
        "new-information" => vec![
            ("name", "Nia Informant".into()),
            ("email", "nia@example.net".into()),
            ("information", "Information the campaign brings.".into()),
            ("website", "".into()),
        ],
        "subscribe" => vec![
            ("email", "follower@example.net".into()),
            ("website", "".into()),
        ],
        "login" => vec![
            ("email", demo::SECRETARIAT_EMAIL.into()),
            ("password", "not the password".into()),
            ("next", "/workspace".into()),
        ],
        "forgot" => vec![("email", "nobody@example.net".into())],
        "standards" => vec![
            ("designation", "ISO/IEC 17099".into()),
            ("edition", "2031".into()),
            ("title", "A standard of the campaign".into()),
            ("group", site.group.clone()),
        ],
        "groups" => vec![("code", "MG 99".into()), ("name", "Campaign group".into())],
        "wording" => vec![
            ("version", site.version_of(reference)),
            ("standard", "iso-iec-17025-2017".into()),
            ("clause", "7.2.1".into()),
            (
                "question",
                "Does the campaign's question reach the wording's rules?".into(),
            ),
            ("note", "A note of the campaign.".into()),
        ],
        "members" => vec![("user", site.user.clone()), ("role", "member".into())],
        "rules" => vec![
            ("quorum_percent", "50".into()),
            ("quorum_minimum", "2".into()),
            ("liaisons_vote", "on".into()),
            ("objection_days", "7".into()),
            ("meeting_objection_days", "14".into()),
        ],
        "organisations" => vec![
            ("kind", "liaison".into()),
            ("acronym", "XCO".into()),
            ("name", "Campaign organisation".into()),
            ("country", "".into()),
            ("contact_email", "xco@example.net".into()),
        ],
        "committees" => vec![
            ("code", "ISO/TC 999".into()),
            ("name", "Campaign committee".into()),
            ("contact", "tc999@example.net".into()),
            ("url", "https://example.net/tc999".into()),
            ("designations", "ISO 99999".into()),
        ],
        "invite" => vec![
            ("name", "Ivo Invited".into()),
            ("email", "ivo@example.net".into()),
            ("group", site.group.clone()),
            ("role", "member".into()),
        ],
        _ if route.ends_with("/members/{user}") => vec![
            ("role", "convenor".into()),
            ("capacity", "liaison".into()),
            ("nominated_by", site.organisation.clone()),
            ("starts_on", "2026-01-05".into()),
            ("ends_on", "2028-01-05".into()),
            ("interests", "Declared by the campaign.".into()),
        ],
        _ if route.starts_with("/admin/organisations/") => {
            vec![("contact_email", "afnor@example.net".into())]
        }
        _ if route.starts_with("/admin/standards/") => vec![
            ("title", "A renamed standard".into()),
            ("group", site.group.clone()),
        ],
        _ if route.starts_with("/admin/committees/") => vec![
            ("code", "ISO/TC 176".into()),
            ("name", "Quality management".into()),
            ("contact", "tc176@example.net".into()),
            ("url", "https://example.net/tc176".into()),
            ("designations", "ISO 9001".into()),
        ],
        _ if route.starts_with("/workspace/") || route.starts_with("/track/") => vec![
            ("version", site.version_of(reference)),
            ("note", "A note of the campaign.".into()),
            ("reason", "unclear".into()),
            ("committee", site.committee.clone()),
            ("group", site.group.clone()),
            ("body", "An internal comment of the campaign.".into()),
            ("draft", "A draft answer of the campaign.".into()),
            ("deadline", "".into()),
            ("position", "agree".into()),
            ("comment", "".into()),
            ("final_answer", "A final answer of the campaign.".into()),
        ],
        _ if route.contains("/reset/")
            || route.contains("/invitation/")
            || route.contains("/setup/") =>
        {
            vec![
                ("name", "Sol Setup".into()),
                ("email", "sol@example.net".into()),
                ("password", "a long enough passphrase".into()),
                ("password_confirmation", "a long enough passphrase".into()),
            ]
        }
        _ => vec![],
    };
    fields.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// Field names of the site's forms, for keys that are right but whose
/// values are not.
const FIELDS: &[&str] = &[
    "name",
    "email",
    "organization",
    "country",
    "category",
    "standard",
    "clause",
    "question",
    "background",
    "proposed_answer",
    "confirm_intent",
    "website",
    "intent",
    "version",
    "note",
    "reason",
    "committee",
    "duplicate_of",
    "group",
    "body",
    "draft",
    "deadline",
    "position",
    "comment",
    "final_answer",
    "consider_at_revision",
    "flag",
    "reply",
    "password",
    "password_confirmation",
    "next",
    "designation",
    "edition",
    "title",
    "supersedes",
    "offered",
    "code",
    "contact",
    "url",
    "designations",
    "user",
    "role",
    "capacity",
    "nominated_by",
    "starts_on",
    "ends_on",
    "interests",
    "quorum_percent",
    "quorum_minimum",
    "liaisons_vote",
    "objection_days",
    "meeting_objection_days",
    "kind",
    "acronym",
    "contact_email",
    "secretariat",
    "csrf_token",
    "response_x",
    "reasons",
    "information",
];

#[derive(Debug, Clone)]
enum Field {
    /// The n-th field of the route's own form.
    Own(usize),
    /// A field of some form of the site.
    Named(&'static str),
    Any(String),
}

#[derive(Debug, Clone)]
enum Body {
    /// The route's own form with fields replaced or added.
    Altered(Vec<(Field, String)>),
    /// Any keys and values, url-encoded.
    Pairs(Vec<(String, String)>),
    /// Bytes that are no url-encoding at all.
    Bytes(Vec<u8>),
    /// JSON sent to a form.
    Json(Vec<(String, String)>),
    /// A form under another content type.
    Typed(&'static str, Vec<(String, String)>),
    /// The route's form with one field of about this many bytes (64 KiB is
    /// the limit).
    Sized(usize),
}

#[derive(Debug, Clone)]
enum Token {
    /// The token of the person's own form.
    Valid,
    Missing,
    Forged(String),
    /// The token of another browser's forms.
    Borrowed,
}

fn body() -> impl Strategy<Value = Body> {
    let field = prop_oneof![
        3 => select(FIELDS).prop_map(str::to_owned),
        1 => hostile_text(),
    ];
    let pairs = vec((field, hostile_text()), 0..8);
    let change = prop_oneof![
        4 => (0usize..16).prop_map(Field::Own),
        1 => select(FIELDS).prop_map(Field::Named),
        1 => hostile_text().prop_map(Field::Any),
    ];
    prop_oneof![
        5 => vec((change, hostile_text()), 1..4).prop_map(Body::Altered),
        2 => pairs.clone().prop_map(Body::Pairs),
        1 => vec(any::<u8>(), 0..300).prop_map(Body::Bytes),
        1 => pairs.clone().prop_map(Body::Json),
        1 => (
            select(&[
                "text/plain",
                "multipart/form-data; boundary=x",
                "application/xml",
                "application/x-www-form-urlencoded; charset=utf-16",
                "",
                "garbage",
            ][..]),
            pairs
        )
            .prop_map(|(t, p)| Body::Typed(t, p)),
        1 => prop_oneof![
            (64 * 1024 - 600usize)..(64 * 1024 + 600),
            (64 * 1024 + 600usize)..(200 * 1024),
        ]
        .prop_map(Body::Sized),
    ]
}

fn token() -> impl Strategy<Value = Token> {
    prop_oneof![
        4 => Just(Token::Valid),
        1 => Just(Token::Missing),
        1 => prop_oneof!["[0-9a-f]{64}", hostile_text()].prop_map(Token::Forged),
        1 => Just(Token::Borrowed),
    ]
}

/// (b) Every form's action, with generated bodies and tokens.
#[derive(Debug, Clone)]
struct Post {
    route: &'static str,
    segments: Vec<Segment>,
    body: Body,
    token: Token,
    who: Who,
}

fn post() -> impl Strategy<Value = Post> {
    let who = prop_oneof![3 => Just(Who::Fitting), 2 => who()];
    (select(forms()), vec(segment(), 3), body(), token(), who).prop_map(
        |(route, segments, body, token, who)| Post {
            route,
            segments,
            body,
            token,
            who: match (route, who) {
                // Signing out ends the session the other cases sign in with.
                ("/logout", Who::Fitting | Who::Secretariat | Who::Convenor) => Who::Visitor,
                (_, Who::Fitting) => fitting(route),
                (_, who) => who,
            },
        },
    )
}

/// Who may send the form of `route`.
fn fitting(route: &str) -> Who {
    let route = routes::find(Method::Post, route).expect("a route of the table");
    match route.audience {
        // Signed in, so the handler, not the login page, answers.
        Audience::Secretariat | Audience::Sponsor => Who::Secretariat,
        Audience::Member | Audience::Convenor | Audience::ConvenorOrSecretariat => Who::Convenor,
        Audience::Public | Audience::LinkHolder | Audience::SignedIn => Who::Visitor,
    }
}

impl Case for Post {
    fn wire(&self, site: &Site) -> Wire {
        let target = address(site, self.route, &self.segments);
        let reference = match self.segments.first() {
            Some(Segment::Known(n)) => site.known("reference", *n),
            _ => String::new(),
        };
        let who = site.credentials(self.who);
        let csrf = match &self.token {
            Token::Valid => who.map(|c| c.token.clone()),
            Token::Missing => None,
            Token::Forged(text) => Some(text.clone()),
            Token::Borrowed => {
                Some(site.anonymous.token.clone()).filter(|_| !matches!(self.who, Who::Visitor))
            }
        };
        let with_token = |mut pairs: Vec<(String, String)>| {
            if let Some(csrf) = &csrf {
                pairs.push(("csrf_token".into(), csrf.clone()));
            }
            pairs
        };
        let form = |pairs: &[(String, String)]| serde_urlencoded::to_string(pairs).unwrap();
        let altered = |changes: &[(Field, String)]| {
            let mut fields = baseline(site, self.route, &reference);
            let own: Vec<String> = fields.iter().map(|(k, _)| k.clone()).collect();
            for (field, value) in changes {
                let key = match field {
                    Field::Own(_) if own.is_empty() => "x".to_owned(),
                    Field::Own(n) => own[n % own.len()].clone(),
                    Field::Named(name) => (*name).to_owned(),
                    Field::Any(name) => name.clone(),
                };
                fields.retain(|(k, _)| *k != key);
                fields.push((key, value.clone()));
            }
            fields
        };
        let request = Request::new("POST", target.into_bytes(), who);
        let (content_type, body) = match &self.body {
            Body::Altered(changes) => (FORM, form(&with_token(altered(changes))).into_bytes()),
            Body::Pairs(pairs) => (FORM, form(&with_token(pairs.clone())).into_bytes()),
            Body::Bytes(bytes) => {
                let mut bytes = bytes.clone();
                if let Some(csrf) = &csrf {
                    bytes.extend_from_slice(format!("&csrf_token={csrf}").as_bytes());
                }
                (FORM, bytes)
            }
            Body::Json(pairs) => {
                let object: serde_json::Map<String, serde_json::Value> = with_token(pairs.clone())
                    .into_iter()
                    .map(|(k, v)| (k, v.into()))
                    .collect();
                ("application/json", serde_json::to_vec(&object).unwrap())
            }
            Body::Typed(content_type, pairs) => {
                (*content_type, form(&with_token(pairs.clone())).into_bytes())
            }
            Body::Sized(size) => {
                let mut fields = with_token(baseline(site, self.route, &reference));
                fields.push(("background".into(), "x".repeat(*size)));
                (FORM, form(&fields).into_bytes())
            }
        };
        request.body(content_type, body).wire()
    }
}

const FORM: &str = "application/x-www-form-urlencoded";

/// (c) Tokens that were never issued, on every address that takes one.
#[derive(Debug, Clone)]
struct Knock {
    route: &'static str,
    post: bool,
    token: FakeToken,
}

#[derive(Debug, Clone)]
enum FakeToken {
    /// Shaped like ours.
    Hex(String),
    /// A real token with one character changed.
    Mutated {
        real: usize,
        at: usize,
    },
    /// A real token in capitals.
    Capitals(usize),
    /// A real token with something appended.
    Extended(usize, String),
    Text(Segment),
}

/// Every address of a mailed link, whose placeholders are its credential.
fn token_routes() -> Vec<&'static str> {
    let mut examples: Vec<&str> = routes::ROUTES
        .iter()
        .filter(|route| route.audience == Audience::LinkHolder)
        .map(|route| route.example)
        .collect();
    examples.sort();
    examples.dedup();
    examples
}

fn knock() -> impl Strategy<Value = Knock> {
    let fake = prop_oneof![
        2 => "[0-9a-f]{32}".prop_map(FakeToken::Hex),
        1 => "[0-9a-fA-F]{0,70}".prop_map(FakeToken::Hex),
        2 => (0usize..8, 0usize..32).prop_map(|(real, at)| FakeToken::Mutated { real, at }),
        1 => (0usize..8).prop_map(FakeToken::Capitals),
        1 => (0usize..8, hostile_text().prop_filter("something", |s| !s.is_empty()))
            .prop_map(|(n, s)| FakeToken::Extended(n, s)),
        2 => segment()
            .prop_filter("a fake token", |s| !matches!(s, Segment::Known(_)))
            .prop_map(FakeToken::Text),
    ];
    (select(token_routes()), any::<bool>(), fake).prop_map(|(route, post, token)| Knock {
        route,
        post,
        token,
    })
}

impl Case for Knock {
    fn wire(&self, site: &Site) -> Wire {
        let real = |n: usize| site.known("token", n);
        let token = match &self.token {
            FakeToken::Hex(hex) => hex.clone(),
            FakeToken::Mutated { real: n, at } => {
                let mut token = real(*n).into_bytes();
                token[*at] = if token[*at] == b'0' { b'1' } else { b'0' };
                String::from_utf8(token).unwrap()
            }
            FakeToken::Capitals(n) => real(*n).to_uppercase(),
            FakeToken::Extended(n, more) => format!("{}{}", real(*n), encoded(more)),
            FakeToken::Text(Segment::Raw(text)) => raw(text),
            FakeToken::Text(segment) => address(site, "{x}", std::slice::from_ref(segment)),
        };
        let target = routes::fill(self.route, |_| token.clone()).into_bytes();
        if !self.post {
            return Request::new("GET", target, Some(&site.anonymous)).wire();
        }
        let mut fields = baseline(site, self.route, "");
        fields.push(("csrf_token".into(), site.anonymous.token.clone()));
        let body = serde_urlencoded::to_string(&fields).unwrap().into_bytes();
        Request::new("POST", target, Some(&site.anonymous))
            .body(FORM, body)
            .wire()
    }

    /// A token never issued opens nothing.
    fn expect(&self, status: u16) -> Result<(), TestCaseError> {
        prop_assert!(status >= 400, "a token never issued answered {}", status);
        Ok(())
    }
}

/// (d) Odd methods, headers and framing on any address.
#[derive(Debug, Clone)]
struct Odd {
    method: String,
    visit: Visit,
    headers: Vec<OddHeader>,
    body: Vec<u8>,
    length: Length,
}

#[derive(Debug, Clone)]
enum OddHeader {
    /// A Cookie header this many bytes long.
    HugeCookie(usize),
    SessionCookie(String),
    CsrfCookie(String),
    /// Any name and value bytes.
    Any(String, Vec<u8>),
    /// Headers about content negotiation and caching with odd values.
    Known(&'static str, String),
    /// This many extra headers.
    Many(usize),
}

fn odd_header() -> impl Strategy<Value = OddHeader> {
    prop_oneof![
        1 => (1usize..200_000).prop_map(OddHeader::HugeCookie),
        2 => prop_oneof!["[0-9a-f]{64}", hostile_text()].prop_map(OddHeader::SessionCookie),
        1 => prop_oneof!["[0-9a-f]{32}", hostile_text()].prop_map(OddHeader::CsrfCookie),
        2 => ("[!-~&&[^:]]{1,20}", vec(any::<u8>(), 0..100))
            .prop_map(|(n, v)| OddHeader::Any(n, v)),
        3 => (
            select(&[
                "If-None-Match",
                "If-Modified-Since",
                "Range",
                "Accept",
                "Accept-Encoding",
                "Accept-Language",
                "Content-Encoding",
                "Content-Type",
                "Expect",
                "Host",
                "Origin",
                "Referer",
                "X-Forwarded-For",
                "X-Request-Id",
                "Authorization",
                "Transfer-Encoding",
                "Connection",
                "Upgrade",
            ][..]),
            hostile_text(),
        )
            .prop_map(|(n, v)| OddHeader::Known(n, v)),
        1 => (90usize..200).prop_map(OddHeader::Many),
    ]
}

fn length() -> impl Strategy<Value = Length> {
    prop_oneof![
        4 => Just(Length::Exact),
        1 => Just(Length::Missing),
        1 => prop_oneof!["-?[0-9]{1,25}", hostile_text()].prop_map(Length::Text),
        1 => (1usize..100_000).prop_map(Length::Longer),
        1 => (0usize..1000).prop_map(Length::Twice),
        1 => prop_oneof![
            Just("\r\n0\r\n\r\n".to_owned()),
            "[0-9a-fA-FxX;= \r\n-]{0,30}",
        ]
        .prop_map(Length::Chunked),
    ]
}

fn odd() -> impl Strategy<Value = Odd> {
    (
        prop_oneof![
            4 => select(&["GET", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT"][..])
                .prop_map(str::to_owned),
            1 => "[A-Za-z!#$%&'*+.^_`|~-]{1,12}",
        ],
        visit(),
        vec(odd_header(), 1..4),
        vec(any::<u8>(), 0..200),
        length(),
    )
        .prop_map(|(method, visit, headers, body, length)| Odd {
            method,
            visit,
            headers,
            body,
            length,
        })
}

impl Case for Odd {
    fn wire(&self, site: &Site) -> Wire {
        let mut target = address(site, self.visit.route, &self.visit.segments);
        self.visit.query.append_to(&mut target);
        let mut request = Request::new(
            &self.method,
            target.into_bytes(),
            site.credentials(self.visit.who),
        );
        for header in &self.headers {
            request = match header {
                OddHeader::HugeCookie(size) => {
                    request.header("Cookie", format!("crumbs={}", "c".repeat(*size)))
                }
                OddHeader::SessionCookie(value) => {
                    request.header("Cookie", format!("clarion_session={value}"))
                }
                OddHeader::CsrfCookie(value) => {
                    request.header("Cookie", format!("clarion_csrf={value}"))
                }
                OddHeader::Any(name, value) => request.header(name, value.clone()),
                OddHeader::Known(name, value) => request.header(name, value.clone()),
                OddHeader::Many(count) => {
                    (0..*count).fold(request, |r, i| r.header(&format!("X-Extra-{i}"), "1"))
                }
            };
        }
        request.body = self.body.clone();
        request.length = self.length.clone();
        request.wire()
    }
}

/// A connection from `from` (any 127.x.y.z is this machine) to the app.
async fn connect_from(from: &str, to: SocketAddr) -> tokio::net::TcpStream {
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind(format!("{from}:0").parse().unwrap()).unwrap();
    socket
        .connect(to)
        .await
        .expect("the server accepts connections")
}

/// The whole answer to a request sent on a fresh connection from `from`.
async fn answer_from(from: &str, to: SocketAddr, request: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = connect_from(from, to).await;
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(30), stream.read_to_end(&mut answer));
    // A reset after the answer still leaves the answer read.
    let _ = read.await.expect("the server answers and closes");
    String::from_utf8_lossy(&answer).into_owned()
}

/// Declares a body and sends it a byte at a time, as long as the server
/// listens (at most a minute); returns what the server answered.
async fn dribble(stream: tokio::net::TcpStream) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (mut reading, mut writing) = stream.into_split();
    writing
        .write_all(
            b"POST /requests HTTP/1.1\r\nHost: clarion.test\r\n\
              Content-Type: application/x-www-form-urlencoded\r\n\
              Content-Length: 1000\r\n\r\nn",
        )
        .await
        .unwrap();
    let writer = tokio::spawn(async move {
        for _ in 0..300 {
            tokio::time::sleep(Duration::from_millis(200)).await;
            if writing.write_all(b"a").await.is_err() {
                break;
            }
        }
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(60), reading.read_to_end(&mut answer));
    let _ = read.await;
    writer.abort();
    String::from_utf8_lossy(&answer).into_owned()
}

const HEALTH: &str = "GET /healthz HTTP/1.1\r\nHost: clarion.test\r\nConnection: close\r\n\r\n";

/// Once, a POST that sent its declared body a byte every 3 s was never
/// timed out, and 1,100 of them from one place made /healthz time out.
async fn slow_clients_cannot_hold_the_connections(backend: Backend) {
    let app = TestApp::spawn_with(
        backend,
        &[
            ("CLARION_CONNECTIONS_PER_CLIENT", "4".into()),
            ("CLARION_BODY_TIMEOUT_MS", "3000".into()),
        ],
    )
    .await;
    let server: SocketAddr = app.address.trim_start_matches("http://").parse().unwrap();
    let mut slow = Vec::new();
    for _ in 0..4 {
        slow.push(tokio::spawn(dribble(
            connect_from("127.0.0.1", server).await,
        )));
    }
    let fifth = answer_from("127.0.0.1", server, HEALTH).await;
    assert!(
        fifth.starts_with("HTTP/1.1 429"),
        "a fifth connection from the same place: {fifth}"
    );
    let elsewhere = answer_from("127.0.0.2", server, HEALTH).await;
    assert!(
        elsewhere.starts_with("HTTP/1.1 200"),
        "another client is served meanwhile: {elsewhere}"
    );
    for dribbling in slow {
        let answer = dribbling.await.unwrap();
        assert!(
            answer.starts_with("HTTP/1.1 408"),
            "a body still arriving after the deadline: {answer:?}"
        );
    }
    // Their connections closed, the client may connect again.
    eventually(BOUND, || async {
        let again = answer_from("127.0.0.1", server, HEALTH).await;
        match again.starts_with("HTTP/1.1 200") {
            true => Ok(()),
            false => Err(again),
        }
    })
    .await;
    assert_eq!(request_count(&app), 0, "nothing half-stored");
}
