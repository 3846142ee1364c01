//! `clarion export --site DIR`: the public register as static files, so
//! that a body can publish it on any web server or archive it. Every page
//! is the server's own, rendered by its handlers' functions from the same
//! data, then its links made relative ([`addresses`]). Clarifications are
//! read a chunk at a time, each page written as soon as it is rendered,
//! so that a register of any size is never held in memory; the search
//! index is held, as a server instance holds it.

mod addresses;
mod search_index;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use askama::Template;

use crate::config::Settings;
use crate::db::DbConn;
use crate::domain::fields::FieldErrors;
use crate::domain::search::{Filters, RawFilters};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::links;
use crate::models::register;
use crate::routes::api::records::{ClarificationRecord, StandardRecord};
use crate::routes::api::standards as standards_json;
use crate::routes::public::{clarifications, feeds, home, standards};
use crate::search::{self, Download, SearchIndex, Searched};
use crate::transfer;
use crate::web::Page;

pub use addresses::{Addresses, file_of};
use search_index::SearchFiles;

/// What an export wrote.
pub struct Report {
    pub clarifications: usize,
    pub files: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    #[error("{} is not empty: name a new or empty folder", .0.display())]
    NotEmpty(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Page(#[from] AppError),
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("rewriting the links of {file}: {message}")]
    Links { file: String, message: String },
}

impl From<diesel::result::Error> for SiteError {
    fn from(e: diesel::result::Error) -> Self {
        SiteError::Page(e.into())
    }
}

/// Clarifications read from the database at a time.
const CHUNK: usize = 200;

/// The script that searches the copy, by the index the export writes.
const SEARCH_SCRIPT: &str = include_str!("../../static/search.js");

/// Writes the register into `dir`, a folder that does not exist or is
/// empty: first beside it, then moved into place whole, so that a failed
/// export leaves nothing half-written there.
pub fn export(
    conn: &mut DbConn,
    settings: &Settings,
    lang: &Lang,
    dir: &Path,
) -> Result<Report, SiteError> {
    let failed = |source| SiteError::Write {
        path: dir.to_owned(),
        source,
    };
    if dir.exists() && std::fs::read_dir(dir).map_err(failed)?.next().is_some() {
        return Err(SiteError::NotEmpty(dir.to_owned()));
    }
    let name = dir
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let parent = dir.parent().filter(|p| !p.as_os_str().is_empty());
    let work = parent
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.partial-{}", std::process::id()));
    let mut copy = Copy {
        root: work.clone(),
        addresses: Addresses::new(&settings.base_url),
        settings,
        lang: lang.clone(),
        files: 0,
    };
    match copy.everything(conn) {
        Ok(clarifications) => {
            if dir.exists() {
                std::fs::remove_dir(dir).map_err(failed)?;
            }
            std::fs::rename(&work, dir).map_err(failed)?;
            Ok(Report {
                clarifications,
                files: copy.files,
            })
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&work);
            Err(e)
        }
    }
}

/// The copy being written into `root`.
struct Copy<'a> {
    root: PathBuf,
    addresses: Addresses,
    settings: &'a Settings,
    /// The language of every page of the copy.
    lang: Lang,
    files: usize,
}

impl Copy<'_> {
    /// Every file of the copy; how many clarifications it holds.
    fn everything(&mut self, conn: &mut DbConn) -> Result<usize, SiteError> {
        let version = register::version(conn)?;
        let index = SearchIndex::default();
        let stylesheet = crate::assets::stylesheet();
        self.write(
            stylesheet.path.trim_start_matches('/'),
            stylesheet.body.as_bytes(),
        )?;
        self.write("static/search.js", SEARCH_SCRIPT.as_bytes())?;
        self.page("/", &home::HomePage::load(conn, self.public("home"))?)?;
        self.lists(conn, &index, version)?;
        self.standards(conn, &index, version)?;
        let standards = standards_json::list(conn, &index, Some(version), self.settings)?;
        self.write(
            "api/v1/standards.json",
            &serde_json::to_vec_pretty(&standards)?,
        )?;
        self.search_page(standards.items)?;
        self.clarifications(conn, &index, version)
    }

    /// A page of the copy: files in its language, with no switch (the
    /// switch is the server's).
    fn public(&self, section: &'static str) -> Page {
        Page {
            languages: Vec::new(),
            lang: self.lang.clone(),
            ..Page::public(self.settings, section)
        }
    }

    /// The page of `address`, rendered, written where the copy keeps it.
    fn page(&mut self, address: &str, page: &impl Template) -> Result<(), SiteError> {
        let html = page.render().map_err(AppError::from)?;
        let file = file_of(address).ok_or_else(|| SiteError::Links {
            file: address.to_owned(),
            message: "the copy has no file for this address".into(),
        })?;
        let html = self
            .addresses
            .rewrite(&file, &html)
            .map_err(|e| SiteError::Links {
                file: file.clone(),
                message: e.to_string(),
            })?;
        self.write(&file, html.as_bytes())
    }

    /// The list of every clarification, newest first, a page per file.
    fn lists(
        &mut self,
        conn: &mut DbConn,
        index: &SearchIndex,
        version: i64,
    ) -> Result<(), SiteError> {
        let mut number = 1;
        loop {
            let filters = Filters {
                page: number,
                ..Filters::default()
            };
            let results = search::search(conn, index, Some(version), &filters)?;
            let pages = results.pages();
            let searched = Searched {
                choices: index.choices(conn, version)?,
                results: Some(results),
            };
            let address = filters.address("/clarifications", number);
            let page = clarifications::IndexPage::new(
                self.public("clarifications"),
                RawFilters::default(),
                FieldErrors::default(),
                filters,
                searched,
            );
            self.page(&address, &page)?;
            if number >= pages {
                return Ok(());
            }
            number += 1;
        }
    }

    /// The standards' list, and each standard's pages, next revision's
    /// list and feed.
    fn standards(
        &mut self,
        conn: &mut DbConn,
        index: &SearchIndex,
        version: i64,
    ) -> Result<(), SiteError> {
        let list =
            standards::IndexPage::load(conn, index, Some(version), self.public("standards"))?;
        self.page("/standards", &list)?;
        let everything = search::search(conn, index, Some(version), &feeds::newest(None))?;
        let feed = "feeds/clarifications.atom";
        // The copy's feeds are in the language of its pages.
        let lang = self.public("standards").lang;
        let xml = feeds::of_everything(self.settings, &lang, &everything.items, |path| {
            self.addresses.link(feed, path)
        })?;
        self.write(feed, &xml)?;
        for standard in list.standards() {
            let slug = &standard.slug;
            let mut number = 1;
            loop {
                let page = self.public("standards");
                let page =
                    standards::ShowPage::load(conn, index, Some(version), page, slug, number)?;
                self.page(&format!("/standards/{slug}?page={number}"), &page)?;
                if number >= page.pages() {
                    break;
                }
                number += 1;
            }
            let mut number = 1;
            loop {
                let page = self.public("standards");
                let page =
                    standards::RevisionPage::load(conn, index, Some(version), page, slug, number)?;
                self.page(&format!("/standards/{slug}/revision?page={number}"), &page)?;
                if number >= page.pages() {
                    break;
                }
                number += 1;
            }
            let newest = search::search(
                conn,
                index,
                Some(version),
                &feeds::newest(Some(slug.clone())),
            )?;
            let feed = format!("feeds/standards/{slug}.atom");
            let xml =
                feeds::of_a_standard(self.settings, &lang, standard, &newest.items, |path| {
                    self.addresses.link(&feed, path)
                })?;
            self.write(&feed, &xml)?;
        }
        Ok(())
    }

    /// The page that searches the copy, listing the standards for a
    /// browser without JavaScript.
    fn search_page(&mut self, standards: Vec<StandardRecord>) -> Result<(), SiteError> {
        let page = SearchPage {
            page: self.public("clarifications"),
            standards,
        };
        self.page("/search", &page)
    }

    /// Every clarification's page, versions and record, and the files that
    /// hold them all: the CSV, the JSON and the search's index.
    fn clarifications(
        &mut self,
        conn: &mut DbConn,
        index: &SearchIndex,
        version: i64,
    ) -> Result<usize, SiteError> {
        let mut csv = self.create("clarifications.csv")?;
        let mut json = self.create("api/v1/clarifications.json")?;
        let standards = standards_json::list(conn, index, Some(version), self.settings)?;
        let labels: std::collections::BTreeMap<&str, &str> = standards
            .items
            .iter()
            .map(|s| (s.standard.slug.as_str(), s.standard.label.as_str()))
            .collect();
        let root = self.root.clone();
        let written = |source: std::io::Error| SiteError::Write {
            path: root.clone(),
            source,
        };
        let mut found = SearchFiles::start(self, &labels)?;
        json.write_all(b"[").map_err(written)?;
        let mut download = Download::start(conn, index, Some(version), Filters::default())?;
        let mut count = 0;
        while let Some(chunk) = download.next(conn, CHUNK)? {
            let references: Vec<&str> = chunk.iter().map(|c| c.reference.as_str()).collect();
            let linked = links::of(conn, &references)?;
            for item in &chunk {
                self.clarification(conn, index, version, &item.reference)?;
                let record =
                    ClarificationRecord::new(item, linked.get(&item.reference), self.settings);
                let file = format!("api/v1/clarifications/{}.json", item.reference);
                let body = serde_json::to_vec_pretty(&record)?;
                self.write(&file, &body)?;
                let separator = if count == 0 { "\n" } else { ",\n" };
                json.write_all(separator.as_bytes()).map_err(written)?;
                serde_json::to_writer(&mut json, &record)?;
                found.add(self, item)?;
                count += 1;
            }
            let rows = chunk.iter().map(transfer::Download::from);
            transfer::write_download(rows, count == chunk.len(), &mut csv)
                .map_err(|e| written(std::io::Error::other(e.to_string())))?;
        }
        if count == 0 {
            // An empty register's file still has its header.
            transfer::write_download(std::iter::empty(), true, &mut csv)
                .map_err(|e| written(std::io::Error::other(e.to_string())))?;
        }
        json.write_all(b"\n]\n").map_err(written)?;
        self.close("clarifications.csv", csv)?;
        self.close("api/v1/clarifications.json", json)?;
        found.finish(self)?;
        Ok(count)
    }

    /// A clarification's page, its versions' list and each version.
    fn clarification(
        &mut self,
        conn: &mut DbConn,
        index: &SearchIndex,
        version: i64,
        reference: &str,
    ) -> Result<(), SiteError> {
        let page = self.public("clarifications");
        let shown = clarifications::ShowPage::load(
            conn,
            index,
            Some(version),
            self.settings,
            page,
            reference,
        )?;
        self.page(&format!("/clarifications/{reference}"), &shown)?;
        let versions =
            clarifications::VersionsPage::load(conn, self.public("clarifications"), reference)?;
        self.page(&format!("/clarifications/{reference}/versions"), &versions)?;
        for number in versions.numbers() {
            let page = self.public("clarifications");
            let version = clarifications::VersionPage::load(
                conn,
                index,
                self.settings,
                page,
                reference,
                number,
            )?;
            self.page(&format!("/clarifications/{reference}/v{number}"), &version)?;
        }
        Ok(())
    }

    fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    /// The error of writing `file`.
    fn failed(&self, file: &str) -> impl Fn(std::io::Error) -> SiteError + use<> {
        let path = self.path(file);
        move |source| SiteError::Write {
            path: path.clone(),
            source,
        }
    }

    fn create(&mut self, file: &str) -> Result<BufWriter<File>, SiteError> {
        let path = self.path(file);
        let failed = self.failed(file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(&failed)?;
        }
        self.files += 1;
        Ok(BufWriter::new(File::create(&path).map_err(failed)?))
    }

    fn close(&self, file: &str, writer: BufWriter<File>) -> Result<(), SiteError> {
        let failed = self.failed(file);
        writer
            .into_inner()
            .map_err(|e| failed(e.into_error()))?
            .sync_all()
            .map_err(failed)
    }

    fn write(&mut self, file: &str, bytes: &[u8]) -> Result<(), SiteError> {
        let mut writer = self.create(file)?;
        let failed = self.failed(file);
        writer.write_all(bytes).map_err(&failed)?;
        writer.flush().map_err(failed)
    }
}

#[derive(Template)]
#[template(path = "site/search.html")]
struct SearchPage {
    page: Page,
    standards: Vec<StandardRecord>,
}
