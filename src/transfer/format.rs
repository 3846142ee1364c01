//! Published clarifications as files: RFC 4180 CSV and JSON, written and
//! read back unchanged.

use std::borrow::{Borrow, Cow};
use std::io::{Read, Write};

use super::{COLUMNS, Clarification};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn parse(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The format a file name's extension announces.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        Format::parse(path.extension()?.to_str()?)
    }
}

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

/// What a spreadsheet reads as the start of a formula in a cell (OWASP's
/// list for CSV injection): an answer beginning `=HYPERLINK(…)` or a
/// Markdown list's `- ` would be run, not shown.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text as a CSV cell carries it: prefixed with `'` when a spreadsheet
/// would take it for a formula. A text whose leading `'`s come before such
/// a character gets one more, so that [`restored`] takes off exactly what
/// was added and a file reads back as it was written.
fn defused(text: &str) -> Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV cell's text, without the `'` that [`defused`] added.
fn restored(cell: &str) -> Cow<'_, str> {
    match cell.strip_prefix('\'') {
        Some(text) if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) => {
            Cow::Borrowed(text)
        }
        _ => Cow::Borrowed(cell),
    }
}

impl Clarification {
    /// The record with `f` applied to each of its texts.
    fn with_texts(&self, f: impl Fn(&str) -> Cow<'_, str>) -> Clarification {
        let text = |value: &String| f(value).into_owned();
        Clarification {
            reference: text(&self.reference),
            standard: text(&self.standard),
            standard_designation: text(&self.standard_designation),
            standard_edition: self.standard_edition,
            group: text(&self.group),
            clause: text(&self.clause),
            question: text(&self.question),
            answer: text(&self.answer),
            decided_at: text(&self.decided_at),
            published_at: text(&self.published_at),
            consider_at_revision: self.consider_at_revision,
            status: text(&self.status),
            status_note: text(&self.status_note),
            sample: self.sample,
        }
    }
}

/// RFC 4180 CSV: a header row, then one row per record, CRLF line endings.
/// No cell starts a formula (see [`defused`]).
pub fn write_csv<I>(records: I, out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    let mut writer = csv_writer(out);
    // The header is written by hand: serde would write none for no records.
    writer.write_record(COLUMNS)?;
    write_rows(&mut writer, records)
}

fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out)
}

fn write_rows<I, W>(writer: &mut csv::Writer<W>, records: I) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
    W: Write,
{
    for record in records {
        writer.serialize(record.borrow().with_texts(defused))?;
    }
    writer.flush()
}

/// A row of the public download: a record of the file format, then the
/// version in force, what corrected it and the clarification's number
/// within its standard, and its French question and answer (empty without
/// a French version) and the English version they translate, in columns
/// an import ignores (it takes the text as it stands, as version 1, and
/// numbers it after those published).
#[derive(serde::Serialize)]
pub struct Download {
    pub record: Clarification,
    pub version: i32,
    pub correction_note: String,
    pub number: Option<i32>,
    pub question_fr: String,
    pub answer_fr: String,
    pub fr_of_version: Option<i32>,
}

/// The columns a download adds after [`COLUMNS`].
pub const DOWNLOAD_COLUMNS: [&str; 6] = [
    "version",
    "correction_note",
    "number",
    "question_fr",
    "answer_fr",
    "fr_of_version",
];

/// The public download as CSV: its header first if `header`, then its
/// rows, written like [`write_csv`]'s.
pub fn write_download<I>(rows: I, header: bool, out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator<Item = Download>,
{
    let mut writer = csv_writer(out);
    if header {
        writer.write_record(COLUMNS.iter().chain(&DOWNLOAD_COLUMNS))?;
    }
    for row in rows {
        writer.serialize(Download {
            record: row.record.with_texts(defused),
            version: row.version,
            correction_note: defused(&row.correction_note).into_owned(),
            number: row.number,
            question_fr: defused(&row.question_fr).into_owned(),
            answer_fr: defused(&row.answer_fr).into_owned(),
            fr_of_version: row.fr_of_version,
        })?;
    }
    writer.flush()
}

/// A pretty-printed JSON array of records.
pub fn write_json<I>(records: I, mut out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    let records: Vec<I::Item> = records.into_iter().collect();
    let records: Vec<&Clarification> = records.iter().map(Borrow::borrow).collect();
    serde_json::to_writer_pretty(&mut out, &records)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// Reads what [`write_csv`] writes, the `'` before would-be formulas taken
/// off again.
pub fn read_csv(input: impl Read) -> Result<Vec<Clarification>, String> {
    let mut reader = csv::Reader::from_reader(input);
    let header = reader.headers().map_err(csv_problem)?;
    // Another file (an empty one, another system's table, a file cut
    // inside a quote) would otherwise read as an export of no
    // clarification, imported as nothing without a word.
    if header.iter().all(str::is_empty) {
        return Err("the file is empty: an export begins with its header line".into());
    }
    if !header.iter().any(|column| column == COLUMNS[0]) {
        return Err(format!(
            "not an export of clarifications: its first line has no \"{}\" column",
            COLUMNS[0]
        ));
    }
    reader
        .deserialize()
        .map(|record| record.map(|record: Clarification| record.with_texts(restored)))
        .collect::<Result<_, _>>()
        .map_err(csv_problem)
}

/// A CSV error in the terms of the import: the record number (1 for the
/// line after the header) and the column by name.
fn csv_problem(error: csv::Error) -> String {
    let detail = match error.kind() {
        csv::ErrorKind::Deserialize { err, .. } => match err.field() {
            Some(field) => format!(
                "{}: {}",
                usize::try_from(field)
                    .ok()
                    .and_then(|i| COLUMNS.get(i))
                    .unwrap_or(&"a column"),
                err.kind()
            ),
            None => err.kind().to_string(),
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        _ => error.to_string(),
    };
    match error.position().map(csv::Position::record) {
        Some(record) if record > 0 => format!("record {record}: {detail}"),
        _ => detail,
    }
}

pub fn read_json(input: impl Read) -> Result<Vec<Clarification>, String> {
    serde_json::from_reader(std::io::BufReader::new(input))
        .map_err(|e| format!("not a JSON array of clarifications: {e}"))
}

pub fn read(format: Format, input: impl Read) -> Result<Vec<Clarification>, String> {
    match format {
        Format::Csv => read_csv(input),
        Format::Json => read_json(input),
    }
}

pub fn write<I>(format: Format, records: I, out: impl Write) -> std::io::Result<()>
where
    I: IntoIterator,
    I::Item: Borrow<Clarification>,
{
    match format {
        Format::Csv => write_csv(records, out),
        Format::Json => write_json(records, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Clarification {
        Clarification {
            reference: "CR-2025-0042".into(),
            standard: "iso-iec-17025-2017".into(),
            standard_designation: "ISO/IEC 17025".into(),
            standard_edition: 2017,
            group: "MG 17025".into(),
            clause: "7.2.1".into(),
            question: "Does 7.2.1 apply?".into(),
            answer: "Yes, it applies.".into(),
            decided_at: "2025-03-01T09:00:00Z".into(),
            published_at: "2025-03-04T10:30:00.125Z".into(),
            consider_at_revision: true,
            status: "current".into(),
            status_note: String::new(),
            sample: false,
        }
    }

    fn csv_of(records: &[Clarification]) -> String {
        let mut out = Vec::new();
        write_csv(records, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_header_names_every_field_in_order() {
        let mut out = Vec::new();
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.serialize(record()).unwrap();
        drop(writer);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().next().unwrap(), COLUMNS.join(","));
        assert_eq!(
            csv_of(&[]),
            format!("{}\r\n", COLUMNS.join(",")),
            "a header even without records"
        );
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted_and_read_back() {
        let tricky = Clarification {
            answer: "Yes, \"where applicable\" means:\r\n- one\n- two, three".into(),
            status_note: "Superseded, see CR-2026-0001".into(),
            ..record()
        };
        let text = csv_of(std::slice::from_ref(&tricky));
        assert!(
            text.contains("\"Yes, \"\"where applicable\"\" means:\r\n- one\n- two, three\""),
            "{text}"
        );
        assert!(
            text.contains(",\"Superseded, see CR-2026-0001\","),
            "{text}"
        );
        assert!(text.ends_with(",false\r\n"), "rows end in CRLF: {text:?}");
        assert_eq!(read_csv(text.as_bytes()).unwrap(), vec![tricky]);
    }

    #[test]
    fn no_cell_starts_a_formula_and_the_file_reads_back_unchanged() {
        let hostile = Clarification {
            clause: "=1+1".into(),
            question: "+SUM(A1:A9)?".into(),
            answer: "- one\n- two".into(),
            status_note: "@cmd".into(),
            group: "\tMG".into(),
            standard_designation: "\rISO".into(),
            ..record()
        };
        let quoted = Clarification {
            question: "'=already quoted".into(),
            answer: "''-twice".into(),
            status_note: "'plain, with a quote".into(),
            ..record()
        };
        let text = csv_of(&[hostile.clone(), quoted.clone()]);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        for row in reader.records() {
            for cell in row.unwrap().iter() {
                assert!(!cell.starts_with(FORMULA_STARTS), "{cell:?} in {text}");
            }
        }
        assert!(text.contains(",'=1+1,"), "{text}");
        assert!(text.contains(",'+SUM(A1:A9)?,"), "{text}");
        assert!(text.contains(",\"'- one\n- two\","), "{text}");
        assert!(text.contains(",''=already quoted,"), "{text}");
        assert!(text.contains(",\"'plain, with a quote\","), "{text}");
        assert_eq!(read_csv(text.as_bytes()).unwrap(), vec![hostile, quoted]);
    }

    #[test]
    fn plain_fields_are_not_quoted() {
        let text = csv_of(&[record()]);
        let row = text.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "CR-2025-0042,iso-iec-17025-2017,ISO/IEC 17025,2017,MG 17025,7.2.1,Does 7.2.1 apply?,\
             \"Yes, it applies.\",2025-03-01T09:00:00Z,2025-03-04T10:30:00.125Z,true,current,,false"
        );
    }

    #[test]
    fn json_reads_back_and_optional_fields_may_be_left_out() {
        let mut out = Vec::new();
        write_json([record()], &mut out).unwrap();
        assert_eq!(read_json(out.as_slice()).unwrap(), vec![record()]);
        let short = r#"[{"reference": "CR-2025-0042", "standard": "iso-iec-17025-2017",
            "standard_designation": "ISO/IEC 17025", "standard_edition": 2017,
            "clause": "7.2.1", "question": "Q?", "answer": "A.",
            "published_at": "2025-03-04", "consider_at_revision": false, "status": "current"}]"#;
        let read = read_json(short.as_bytes()).unwrap();
        assert_eq!(
            (
                read[0].group.as_str(),
                read[0].decided_at.as_str(),
                read[0].sample
            ),
            ("", "", false)
        );
    }

    #[test]
    fn a_broken_file_says_where() {
        let mut text = csv_of(&[record(), record()]);
        text.push_str("CR-2025-0001,too,few\r\n");
        assert_eq!(
            read_csv(text.as_bytes()).unwrap_err(),
            "record 3: 3 fields where the header has 14"
        );
        let text = csv_of(&[record()]).replace(",2017,", ",MMXVII,");
        assert_eq!(
            read_csv(text.as_bytes()).unwrap_err(),
            "record 1: standard_edition: invalid digit found in string"
        );
        assert!(read_json(&b"{\"reference\": 1}"[..]).is_err());
    }

    #[test]
    fn a_file_that_is_no_export_is_refused_rather_than_read_as_empty() {
        assert_eq!(
            read_csv(&b""[..]).unwrap_err(),
            "the file is empty: an export begins with its header line"
        );
        for other in [&b"garbage,\"cut inside a quote\n"[..], b"name,email\n"] {
            assert_eq!(
                read_csv(other).unwrap_err(),
                "not an export of clarifications: its first line has no \"reference\" column",
                "{other:?}"
            );
        }
        assert!(
            read_csv(&b"\xff\xfe\x00"[..])
                .unwrap_err()
                .contains("invalid utf-8")
        );
        let header_only = csv_of(&[]);
        assert!(read_csv(header_only.as_bytes()).unwrap().is_empty());
    }

    #[test]
    fn formats_follow_names_and_extensions() {
        assert_eq!(Format::parse("JSON"), Some(Format::Json));
        assert_eq!(
            Format::of_path(std::path::Path::new("out/all.csv")),
            Some(Format::Csv)
        );
        assert_eq!(Format::of_path(std::path::Path::new("all")), None);
    }
}
