//! A real SMTP server on loopback, inside the test process, that records what
//! it receives and can be taken down and brought back on the same port to
//! simulate a mail outage.
//!
//! The protocol side is a small hand-written server rather than `mailin`:
//! mailin always advertises STARTTLS on a plain connection (a client set to
//! opportunistic TLS would then fail), and it only offers AUTH after TLS
//! unless told otherwise. Here nothing about TLS is advertised, and AUTH PLAIN
//! and LOGIN are accepted with any credentials.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use mail_parser::{MessageParser, MimeHeaders, PartType};

use super::eventually::{BOUND, eventually};

/// The in-process SMTP server. Clones share the same server; it stops when
/// the last clone is dropped.
#[derive(Clone)]
pub struct MailServer {
    inner: Arc<Inner>,
}

struct Inner {
    port: u16,
    shared: Arc<Shared>,
    // The mutex also serialises stop and resume.
    running: Mutex<Option<Running>>,
}

/// What the background threads see; they never hold `Inner`, so dropping the
/// last `MailServer` is what stops them.
#[derive(Default)]
struct Shared {
    mails: Mutex<Vec<ReceivedMail>>,
    connections: Mutex<HashMap<u64, Connection>>,
    next_connection: AtomicU64,
}

struct Connection {
    stream: TcpStream,
    thread: Option<JoinHandle<()>>,
}

struct Running {
    listener: Arc<TcpListener>,
    stopping: Arc<AtomicBool>,
    accept_thread: JoinHandle<()>,
}

impl MailServer {
    /// Starts a server on 127.0.0.1 on a free port.
    pub fn start() -> MailServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the test SMTP server");
        let port = listener
            .local_addr()
            .expect("test SMTP server address")
            .port();
        let shared = Arc::new(Shared::default());
        let running = Running::start(listener, &shared);
        MailServer {
            inner: Arc::new(Inner {
                port,
                shared,
                running: Mutex::new(Some(running)),
            }),
        }
    }

    pub fn port(&self) -> u16 {
        self.inner.port
    }

    /// `smtp://127.0.0.1:PORT`: plain SMTP, no TLS.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.inner.port)
    }

    /// Closes the listening socket and every open connection, and waits for
    /// the server's threads to end. Until `resume`, connecting is refused.
    /// A message whose final "." has not been answered is not recorded.
    pub fn stop(&self) {
        self.inner.stop();
    }

    /// Listens again on the same port; does nothing if already running.
    pub fn resume(&self) {
        let mut running = lock(&self.inner.running);
        if running.is_some() {
            return;
        }
        let address = SocketAddr::from(([127, 0, 0, 1], self.inner.port));
        // The port was ours a moment ago and std sets SO_REUSEADDR, so this
        // only fails if another socket grabbed the port in between.
        let deadline = Instant::now() + Duration::from_secs(5);
        let listener = loop {
            match TcpListener::bind(address) {
                Ok(listener) => break listener,
                Err(_) if Instant::now() < deadline => thread::sleep(Duration::from_millis(50)),
                Err(e) => panic!("test SMTP server cannot listen on {address} again: {e}"),
            }
        };
        *running = Some(Running::start(listener, &self.inner.shared));
    }

    /// Every message accepted so far, in order of acceptance.
    pub fn received(&self) -> Vec<ReceivedMail> {
        lock(&self.inner.shared.mails).clone()
    }

    /// Waits until at least `count` messages have arrived and returns all of
    /// them; panics after `timeout`, listing what did arrive.
    pub async fn wait_for(&self, count: usize, timeout: Duration) -> Vec<ReceivedMail> {
        eventually(timeout, || async {
            let mails = self.received();
            if mails.len() >= count {
                return Ok(mails);
            }
            let mut arrived = format!("{} arrived", mails.len());
            for (i, mail) in mails.iter().enumerate() {
                arrived.push_str(&format!(
                    "\n  {}. to {:?}, subject {:?}",
                    i + 1,
                    mail.envelope_to,
                    mail.subject
                ));
            }
            Err(format!("expected at least {count} mail(s), but {arrived}"))
        })
        .await
    }

    /// The first link, in mail to `address`, that contains `part`: waits
    /// for the mail to arrive.
    pub async fn link_to(&self, address: &str, part: &str) -> String {
        eventually(BOUND, || async {
            self.to(address)
                .iter()
                .flat_map(|m| m.links())
                .find(|l| l.contains(part))
                .ok_or(format!("no mail to {address} with a link to {part}"))
        })
        .await
    }

    /// Messages whose envelope recipients include `address`, compared
    /// case-insensitively.
    pub fn to(&self, address: &str) -> Vec<ReceivedMail> {
        self.received()
            .into_iter()
            .filter(|mail| {
                mail.envelope_to
                    .iter()
                    .any(|to| to.eq_ignore_ascii_case(address))
            })
            .collect()
    }
}

impl fmt::Debug for MailServer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MailServer")
            .field("port", &self.inner.port)
            .field("running", &lock(&self.inner.running).is_some())
            .field("received", &lock(&self.inner.shared.mails).len())
            .finish()
    }
}

impl Inner {
    fn stop(&self) {
        // Held throughout, so that a concurrent resume waits for the port.
        let mut guard = lock(&self.running);
        let Some(running) = guard.take() else {
            return;
        };
        running.stopping.store(true, Ordering::SeqCst);
        // accept() cannot be interrupted portably; a connection wakes it.
        let address = SocketAddr::from(([127, 0, 0, 1], self.port));
        if TcpStream::connect_timeout(&address, Duration::from_secs(1)).is_err() {
            // SAFETY: the fd belongs to the listener, which `running` keeps
            // open; on Linux shutting a listening socket down fails accept().
            unsafe { libc::shutdown(running.listener.as_raw_fd(), libc::SHUT_RDWR) };
        }
        let _ = running.accept_thread.join();
        drop(running.listener);

        // The accept thread has ended, so every connection is registered.
        let connections: Vec<Connection> = lock(&self.shared.connections)
            .drain()
            .map(|(_, connection)| connection)
            .collect();
        for connection in &connections {
            let _ = connection.stream.shutdown(Shutdown::Both);
        }
        for connection in connections {
            if let Some(thread) = connection.thread {
                let _ = thread.join();
            }
        }
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.stop();
    }
}

impl Running {
    fn start(listener: TcpListener, shared: &Arc<Shared>) -> Running {
        let listener = Arc::new(listener);
        let stopping = Arc::new(AtomicBool::new(false));
        let accept_thread = {
            let listener = Arc::clone(&listener);
            let stopping = Arc::clone(&stopping);
            let shared = Arc::clone(shared);
            thread::Builder::new()
                .name("test-smtp-accept".into())
                .spawn(move || accept_loop(&listener, &stopping, &shared))
                .expect("start the test SMTP server thread")
        };
        Running {
            listener,
            stopping,
            accept_thread,
        }
    }
}

fn accept_loop(listener: &TcpListener, stopping: &AtomicBool, shared: &Arc<Shared>) {
    loop {
        let accepted = listener.accept();
        if stopping.load(Ordering::SeqCst) {
            return;
        }
        let stream = match accepted {
            Ok((stream, _)) => stream,
            Err(_) => {
                // E.g. out of file descriptors: retry without spinning.
                thread::sleep(Duration::from_millis(50));
                continue;
            }
        };
        let Ok(registered) = stream.try_clone() else {
            continue;
        };
        let id = shared.next_connection.fetch_add(1, Ordering::SeqCst);
        // Registered before the thread starts, so that stop() can always
        // reach the socket; the thread removes the entry when it ends.
        lock(&shared.connections).insert(
            id,
            Connection {
                stream: registered,
                thread: None,
            },
        );
        let thread = {
            let shared = Arc::clone(shared);
            thread::Builder::new()
                .name(format!("test-smtp-{id}"))
                .spawn(move || {
                    let _ = serve(stream, &shared);
                    lock(&shared.connections).remove(&id);
                })
        };
        match thread {
            Ok(thread) => {
                if let Some(connection) = lock(&shared.connections).get_mut(&id) {
                    connection.thread = Some(thread);
                }
            }
            Err(_) => {
                lock(&shared.connections).remove(&id);
            }
        }
    }
}

const EHLO_REPLY: &[u8] = b"250-clarion-test\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n\
                            250 AUTH PLAIN LOGIN\r\n";

/// One SMTP session. Returns when the client quits or the socket closes.
fn serve(stream: TcpStream, shared: &Shared) -> io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut out = stream;
    out.write_all(b"220 clarion-test ESMTP\r\n")?;

    let mut envelope_from: Option<String> = None;
    let mut envelope_to: Vec<String> = Vec::new();
    while let Some(line) = read_line(&mut reader)? {
        let (verb, argument) = match line.split_once(' ') {
            Some((verb, argument)) => (verb, argument.trim()),
            None => (line.as_str(), ""),
        };
        match verb.to_ascii_uppercase().as_str() {
            "EHLO" => {
                envelope_from = None;
                envelope_to.clear();
                out.write_all(EHLO_REPLY)?;
            }
            "HELO" => {
                envelope_from = None;
                envelope_to.clear();
                out.write_all(b"250 clarion-test\r\n")?;
            }
            "MAIL" => {
                if envelope_from.is_some() {
                    out.write_all(b"503 5.5.1 Nested MAIL command\r\n")?;
                } else if let Some(path) = path_argument(argument, "FROM:") {
                    envelope_from = Some(path);
                    out.write_all(b"250 2.1.0 OK\r\n")?;
                } else {
                    out.write_all(b"501 5.5.4 Syntax: MAIL FROM:<address>\r\n")?;
                }
            }
            "RCPT" => {
                if envelope_from.is_none() {
                    out.write_all(b"503 5.5.1 Need MAIL first\r\n")?;
                } else if let Some(path) = path_argument(argument, "TO:").filter(|p| !p.is_empty())
                {
                    envelope_to.push(path);
                    out.write_all(b"250 2.1.5 OK\r\n")?;
                } else {
                    out.write_all(b"501 5.5.4 Syntax: RCPT TO:<address>\r\n")?;
                }
            }
            "DATA" => {
                if envelope_from.is_none() || envelope_to.is_empty() {
                    out.write_all(b"503 5.5.1 Need MAIL and RCPT first\r\n")?;
                    continue;
                }
                out.write_all(b"354 End data with <CR><LF>.<CR><LF>\r\n")?;
                let Some(data) = read_data(&mut reader)? else {
                    return Ok(());
                };
                let mail = ReceivedMail::parse(
                    envelope_from.take().unwrap_or_default(),
                    std::mem::take(&mut envelope_to),
                    &data,
                );
                // Replying under the lock makes the message visible to
                // received() no later than the client sees the 250, and only
                // if the 250 was actually sent.
                let mut mails = lock(&shared.mails);
                write!(out, "250 2.0.0 OK queued as {}\r\n", mails.len() + 1)?;
                out.flush()?;
                mails.push(mail);
            }
            "RSET" => {
                envelope_from = None;
                envelope_to.clear();
                out.write_all(b"250 2.0.0 OK\r\n")?;
            }
            "NOOP" => out.write_all(b"250 2.0.0 OK\r\n")?,
            "VRFY" => out.write_all(b"252 2.1.5 Cannot verify\r\n")?,
            "AUTH" => {
                if !authenticate(argument, &mut reader, &mut out)? {
                    return Ok(());
                }
            }
            "STARTTLS" => out.write_all(b"454 4.7.0 TLS not available\r\n")?,
            "QUIT" => {
                out.write_all(b"221 2.0.0 Bye\r\n")?;
                return Ok(());
            }
            _ => out.write_all(b"500 5.5.2 Command not recognized\r\n")?,
        }
    }
    Ok(())
}

/// Accepts any credentials. Returns false if the client hung up.
fn authenticate(
    argument: &str,
    reader: &mut impl BufRead,
    out: &mut impl Write,
) -> io::Result<bool> {
    let mut words = argument.split_whitespace();
    let mechanism = words.next().unwrap_or_default().to_ascii_uppercase();
    let initial_response = words.next();
    let challenges: &[&[u8]] = match (mechanism.as_str(), initial_response) {
        ("PLAIN", Some(_)) => &[],
        ("PLAIN", None) => &[b"334 \r\n"],
        // "Username:" and "Password:", base64-encoded.
        ("LOGIN", Some(_)) => &[b"334 UGFzc3dvcmQ6\r\n"],
        ("LOGIN", None) => &[b"334 VXNlcm5hbWU6\r\n", b"334 UGFzc3dvcmQ6\r\n"],
        _ => {
            out.write_all(b"504 5.5.4 Unrecognized authentication type\r\n")?;
            return Ok(true);
        }
    };
    for challenge in challenges {
        out.write_all(challenge)?;
        match read_line(reader)? {
            None => return Ok(false),
            Some(answer) if answer == "*" => {
                out.write_all(b"501 5.0.0 Authentication cancelled\r\n")?;
                return Ok(true);
            }
            Some(_) => {}
        }
    }
    out.write_all(b"235 2.7.0 Authentication successful\r\n")?;
    Ok(true)
}

/// A command line without its line ending; None at end of stream.
fn read_line(reader: &mut impl BufRead) -> io::Result<Option<String>> {
    let mut line = Vec::new();
    if reader.read_until(b'\n', &mut line)? == 0 {
        return Ok(None);
    }
    let line = String::from_utf8_lossy(&line);
    Ok(Some(line.trim_end_matches(['\r', '\n']).to_string()))
}

/// The message after DATA, up to the lone ".", with dot-stuffing undone;
/// None if the client hung up first.
fn read_data(reader: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut data = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        if line == b".\r\n" || line == b".\n" {
            return Ok(Some(data));
        }
        let unstuffed = line.strip_prefix(b".").unwrap_or(&line);
        data.extend_from_slice(unstuffed);
    }
}

/// The address in `FROM:<a@b> PARAMS` or `TO:<a@b>`; empty for the null
/// sender `<>`.
fn path_argument(argument: &str, keyword: &str) -> Option<String> {
    let head = argument.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = argument[keyword.len()..].trim_start();
    let path = match rest.strip_prefix('<') {
        Some(bracketed) => bracketed.split_once('>')?.0,
        None => rest.split_whitespace().next()?,
    };
    Some(path.to_string())
}

/// A message the server accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReceivedMail {
    /// MAIL FROM, without angle brackets (empty for the null sender).
    pub envelope_from: String,
    /// Every RCPT TO, in order, without angle brackets.
    pub envelope_to: Vec<String>,
    /// The message as transmitted, dot-stuffing undone (CRLF line endings).
    pub raw: String,
    /// Decoded Subject.
    pub subject: String,
    /// Message-ID without angle brackets; empty if absent.
    pub message_id: String,
    /// From and To as decoded `Name <address>` entries joined by ", ".
    pub from: String,
    pub to: String,
    /// The decoded text/plain part; empty if there is none.
    pub text: String,
    /// The decoded text/html part; empty if there is none.
    pub html: String,
    /// Top-level headers in order: raw values, unfolded and trimmed, not
    /// RFC 2047-decoded.
    pub headers: Vec<(String, String)>,
}

impl ReceivedMail {
    /// The first top-level header of that name (case-insensitive), as in
    /// `headers`.
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.clone())
    }

    /// Every http(s) URL in the text part, in order of appearance.
    pub fn links(&self) -> Vec<String> {
        let mut links = Vec::new();
        let mut rest = self.text.as_str();
        while let Some(start) = find_url_start(rest) {
            let candidate = &rest[start..];
            let end = candidate
                .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '\''))
                .unwrap_or(candidate.len());
            // Sentence punctuation after a URL is not part of it.
            let url = candidate[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            if url.len() > "https://".len() {
                links.push(url.to_string());
            }
            rest = &candidate[end..];
        }
        links
    }

    fn parse(envelope_from: String, envelope_to: Vec<String>, data: &[u8]) -> ReceivedMail {
        let mut mail = ReceivedMail {
            envelope_from,
            envelope_to,
            raw: String::from_utf8_lossy(data).into_owned(),
            ..ReceivedMail::default()
        };
        let Some(message) = MessageParser::default().parse(data) else {
            return mail;
        };
        mail.headers = message
            .headers_raw()
            .map(|(name, value)| (name.to_string(), unfold(value)))
            .collect();
        mail.subject = message.subject().unwrap_or_default().to_string();
        mail.message_id = message
            .message_id()
            .unwrap_or_default()
            .trim_matches(['<', '>'])
            .to_string();
        mail.from = message.from().map(format_addresses).unwrap_or_default();
        mail.to = message.to().map(format_addresses).unwrap_or_default();
        // mail-parser lists an HTML part as the text body when there is no
        // text/plain part (and vice versa), converting it; only genuine parts
        // count here.
        mail.text = message
            .text_bodies()
            .find(|part| {
                matches!(part.body, PartType::Text(_))
                    && part.content_type().is_none_or(|content_type| {
                        content_type.ctype().eq_ignore_ascii_case("text")
                            && content_type
                                .subtype()
                                .is_none_or(|subtype| subtype.eq_ignore_ascii_case("plain"))
                    })
            })
            .and_then(|part| part.text_contents())
            .unwrap_or_default()
            .to_string();
        mail.html = message
            .html_bodies()
            .find(|part| matches!(part.body, PartType::Html(_)))
            .and_then(|part| part.text_contents())
            .unwrap_or_default()
            .to_string();
        mail
    }
}

fn find_url_start(text: &str) -> Option<usize> {
    match (text.find("http://"), text.find("https://")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn unfold(value: &str) -> String {
    value.replace(['\r', '\n'], "").trim().to_string()
}

fn format_addresses(address: &mail_parser::Address<'_>) -> String {
    address
        .iter()
        .map(|addr| {
            let email = addr.address().unwrap_or_default();
            match addr.name() {
                Some(name) if !name.is_empty() => format!("{name} <{email}>"),
                _ => email.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A test that panicked while holding a lock must not break the others.
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
