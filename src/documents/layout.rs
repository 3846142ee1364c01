//! Lines broken to the width of the page, placed down A4 pages and drawn
//! by krilla one page at a time, so that a document of thousands of pages
//! holds one page of layout at once.

use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider};

use super::TypesetError;

/// A4 in points, and the margins around the text.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_SIDE: f32 = 62.0;
const MARGIN_TOP: f32 = 70.0;
const MARGIN_BOTTOM: f32 = 70.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN_SIDE;
/// Where the running header and footer sit.
const HEADER_BASELINE: f32 = 40.0;
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - 36.0;
/// A notice's text stands this far right of its bar.
const NOTICE_INDENT: f32 = 12.0;

const INK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const MUTED: (u8, u8, u8) = (0x55, 0x55, 0x55);
const RULE: (u8, u8, u8) = (0x9a, 0x9a, 0x9a);

/// What a line of markup is, by its first character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Title,
    Heading,
    Subheading,
    Meta,
    Notice,
    Body,
}

impl Kind {
    fn size(self) -> f32 {
        match self {
            Kind::Title => 17.0,
            Kind::Heading => 13.0,
            Kind::Subheading => 10.5,
            Kind::Meta => 8.5,
            Kind::Notice => 9.0,
            Kind::Body => 10.0,
        }
    }

    fn bold(self) -> bool {
        matches!(self, Kind::Title | Kind::Heading | Kind::Subheading)
    }

    fn color(self) -> (u8, u8, u8) {
        match self {
            Kind::Meta | Kind::Notice => MUTED,
            _ => INK,
        }
    }

    /// Space above a block of this kind, when it does not open a page.
    fn space_before(self) -> f32 {
        match self {
            Kind::Title => 0.0,
            Kind::Heading => 22.0,
            Kind::Subheading => 10.0,
            Kind::Meta => 2.0,
            Kind::Notice | Kind::Body => 6.0,
        }
    }

    fn leading(self) -> f32 {
        self.size() * 1.4
    }

    /// Lines of the next block that must fit below a heading, so that no
    /// heading ends a page alone.
    fn kept_with_next(self) -> f32 {
        match self {
            Kind::Title | Kind::Heading => 4.0,
            Kind::Subheading => 2.0,
            _ => 0.0,
        }
    }
}

/// A font krilla draws with, and its advance widths for line breaking
/// (krilla shapes with rustybuzz; plain advances differ from that only by
/// kerning, which the few points of slack at the line end absorb).
struct Face {
    font: Font,
    charmap: skrifa::charmap::Charmap<'static>,
    /// Advances at a size of one point.
    metrics: GlyphMetrics<'static>,
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        let font = Font::new(data.into(), 0).expect("the embedded Noto Sans is a valid font");
        let parsed = FontRef::new(data).expect("the embedded Noto Sans is a valid font");
        Face {
            font,
            charmap: parsed.charmap(),
            metrics: parsed.glyph_metrics(Size::new(1.0), LocationRef::default()),
        }
    }

    fn width(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                let glyph = self.charmap.map(c).unwrap_or_default();
                self.metrics.advance_width(glyph).unwrap_or(0.0)
            })
            .sum();
        units * size
    }
}

/// Something placed on the page being laid out.
enum Placed {
    Text {
        at: Point,
        kind: Kind,
        text: String,
    },
    /// The bar beside a notice.
    Bar {
        rect: Rect,
    },
}

/// Builds a PDF from markup, a line at a time. Each line begins with what
/// it is:
///
/// - `^ text`: the running header of every page from here on;
/// - `_ text`: the running footer, `{page}` standing for the page number;
/// - `= text`: the document's title (also its PDF title);
/// - `# text`: a heading, listed in the PDF's outline;
/// - `## text`: a subheading;
/// - `~ text`: a line of small print (dates, versions);
/// - `! text`: a notice; its lines make one paragraph, set off by a bar;
/// - `| text`: body text; its lines make one paragraph whose line breaks
///   stay, and a bare `|` starts the next paragraph.
///
/// Any other line (a template's blank lines) is ignored, and each call of
/// [`Typesetter::add`] ends its last paragraph.
pub struct Typesetter {
    document: Document,
    regular: Face,
    bold: Face,
    header: String,
    footer: String,
    title: Option<String>,
    outline: Outline,
    /// What the page being laid out holds, and where its next line goes.
    page: Vec<Placed>,
    y: f32,
    /// Pages drawn already.
    drawn: usize,
    /// The kind of the block the last line belonged to, if it is still
    /// open (a paragraph goes on with a line of its kind).
    open: Option<Kind>,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

impl Typesetter {
    pub fn new() -> Typesetter {
        Typesetter {
            document: Document::new(),
            regular: Face::new(ttf_noto_sans::REGULAR),
            bold: Face::new(ttf_noto_sans::BOLD),
            header: String::new(),
            footer: String::new(),
            title: None,
            outline: Outline::new(),
            page: Vec::new(),
            y: MARGIN_TOP,
            drawn: 0,
            open: None,
        }
    }

    /// Pages so far, the one being laid out included.
    pub fn pages(&self) -> usize {
        self.drawn + 1
    }

    /// Lays out `markup` (see [`Typesetter`]).
    pub fn add(&mut self, markup: &str) {
        for line in markup.lines() {
            let (kind, text) = match line.split_once(' ').unwrap_or((line, "")) {
                ("^", text) => {
                    self.header = text.trim().to_owned();
                    continue;
                }
                ("_", text) => {
                    self.footer = text.trim().to_owned();
                    continue;
                }
                ("=", text) => (Kind::Title, text),
                ("#", text) => (Kind::Heading, text),
                ("##", text) => (Kind::Subheading, text),
                ("~", text) => (Kind::Meta, text),
                ("!", text) => (Kind::Notice, text),
                ("|", text) if text.trim().is_empty() => {
                    self.open = None;
                    continue;
                }
                ("|", text) => (Kind::Body, text),
                _ => continue,
            };
            self.line(kind, text.trim_end());
        }
        self.open = None;
    }

    fn line(&mut self, kind: Kind, text: &str) {
        let continues = self.open == Some(kind) && matches!(kind, Kind::Body | Kind::Notice);
        if !continues {
            let on_fresh_page = self.page.is_empty();
            let space = if on_fresh_page {
                0.0
            } else {
                kind.space_before()
            };
            let needed = space + kind.leading() * (1.0 + kind.kept_with_next());
            if self.y + needed > PAGE_HEIGHT - MARGIN_BOTTOM && !on_fresh_page {
                self.next_page();
            } else {
                self.y += space;
            }
        }
        self.open = Some(kind);
        if kind == Kind::Title && self.title.is_none() {
            self.title = Some(text.to_owned());
        }
        if kind == Kind::Heading {
            let destination = XyzDestination::new(self.drawn, Point::from_xy(MARGIN_SIDE, self.y));
            self.outline
                .push_child(OutlineNode::new(text.to_owned(), destination));
        }
        let indent = if kind == Kind::Notice {
            NOTICE_INDENT
        } else {
            0.0
        };
        for broken in self.break_line(kind, text, TEXT_WIDTH - indent) {
            if self.y + kind.leading() > PAGE_HEIGHT - MARGIN_BOTTOM {
                self.next_page();
            }
            let top = self.y;
            self.y += kind.leading();
            if kind == Kind::Notice
                && let Some(rect) = Rect::from_xywh(MARGIN_SIDE, top, 2.0, kind.leading())
            {
                self.page.push(Placed::Bar { rect });
            }
            // The baseline, about where the leading puts it.
            let baseline = self.y - kind.leading() * 0.3;
            self.page.push(Placed::Text {
                at: Point::from_xy(MARGIN_SIDE + indent, baseline),
                kind,
                text: broken,
            });
        }
    }

    fn face(&self, kind: Kind) -> &Face {
        if kind.bold() {
            &self.bold
        } else {
            &self.regular
        }
    }

    /// `text` broken into lines no wider than `width`, between words; a
    /// word wider than a line (an address) is broken where it must.
    fn break_line(&self, kind: Kind, text: &str, width: f32) -> Vec<String> {
        let face = self.face(kind);
        let size = kind.size();
        let space = face.width(" ", size);
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in text.split_whitespace() {
            let word_width = face.width(word, size);
            let gap = if line.is_empty() { 0.0 } else { space };
            if line_width + gap + word_width <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            for c in word.chars() {
                let c_width = face.width(c.encode_utf8(&mut [0; 4]), size);
                if line_width + c_width > width && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += c_width;
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
        lines
    }

    /// Draws the page laid out, with its header and footer, and starts the
    /// next.
    fn next_page(&mut self) {
        let placed = std::mem::take(&mut self.page);
        let number = self.drawn + 1;
        let footer = self.footer.replace("{page}", &number.to_string());
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a page size");
        let mut page = self.document.start_page_with(settings);
        let mut surface = page.surface();
        let fill = |(r, g, b): (u8, u8, u8)| Fill {
            paint: rgb::Color::new(r, g, b).into(),
            opacity: NormalizedF32::ONE,
            rule: Default::default(),
        };
        let small = Kind::Meta;
        let text = |surface: &mut krilla::surface::Surface, at: Point, kind: Kind, words: &str| {
            surface.set_fill(Some(fill(kind.color())));
            let face = if kind.bold() {
                &self.bold
            } else {
                &self.regular
            };
            surface.draw_text(
                at,
                face.font.clone(),
                kind.size(),
                words,
                false,
                TextDirection::Auto,
            );
        };
        if !self.header.is_empty() {
            text(
                &mut surface,
                Point::from_xy(MARGIN_SIDE, HEADER_BASELINE),
                small,
                &self.header,
            );
        }
        if !footer.is_empty() {
            let width = self.regular.width(&footer, small.size());
            let x = (PAGE_WIDTH - width) / 2.0;
            text(
                &mut surface,
                Point::from_xy(x, FOOTER_BASELINE),
                small,
                &footer,
            );
        }
        for item in placed {
            match item {
                Placed::Text {
                    at,
                    kind,
                    text: words,
                } => text(&mut surface, at, kind, &words),
                Placed::Bar { rect } => {
                    let mut bar = PathBuilder::new();
                    bar.push_rect(rect);
                    if let Some(bar) = bar.finish() {
                        surface.set_fill(Some(fill(RULE)));
                        surface.draw_path(&bar);
                    }
                }
            }
        }
        surface.finish();
        page.finish();
        self.drawn += 1;
        self.y = MARGIN_TOP;
    }

    /// The PDF, its last page drawn.
    pub fn finish(mut self) -> Result<Vec<u8>, TypesetError> {
        self.next_page();
        let mut metadata = Metadata::new()
            .creator("Clarion".to_owned())
            .language("en".to_owned());
        if let Some(title) = self.title.take() {
            metadata = metadata.title(title);
        }
        if !self.header.is_empty() {
            metadata = metadata.authors(vec![self.header.clone()]);
        }
        self.document.set_metadata(metadata);
        self.document.set_outline(self.outline);
        self.document
            .finish()
            .map_err(|e| TypesetError(format!("{e:?}")))
    }
}
