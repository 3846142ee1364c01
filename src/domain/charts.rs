//! Charts drawn on the server as inline SVG, so that the statistics need no
//! JavaScript and fit the Content-Security-Policy: no `style` attribute, no
//! `<style>` element, no script. Colours come from classes that the
//! stylesheet themes for light and dark schemes; the presentation attributes
//! beside them are what a reader without the stylesheet sees.
//!
//! Templates insert these charts unescaped, so every text is escaped here.
//! A chart is an image to assistive technology (`role="img"` named by its
//! `<title>`); the page puts a table with the same numbers beside it.

use std::fmt::{self, Write};

use askama::filters::{Escaper, Html};
use chrono::{Datelike, NaiveDate, NaiveDateTime};

use crate::i18n::Lang;

/// Width of every chart in SVG units and in CSS pixels: text keeps the size
/// of the page's small print unless the stylesheet shrinks a chart to fit a
/// narrow screen.
const WIDTH: f64 = 480.0;
const FONT: f64 = 13.0;
/// Average advance of a character at `FONT`, to reserve room for labels.
const CHAR: f64 = 7.6;
/// Longer labels are cut with an ellipsis; the table beside has them whole.
const LABEL_CHARS: usize = 28;
const LEGEND: f64 = 30.0;
/// Fallback fills of the series, in order: the stylesheet's brand, success
/// and strong-border colours, each at least 3:1 against the page.
const FILLS: [&str; 3] = ["#0b5a78", "#1d6b3a", "#5c6873"];
const GRID: &str = "#cdd5db";
const AXIS: &str = "#5c6873";

/// A calendar month, the unit of the time axes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Month {
    year: i32,
    /// 1 to 12
    month: u32,
}

impl Month {
    pub fn of(at: NaiveDateTime) -> Month {
        Month {
            year: at.year(),
            month: at.month(),
        }
    }

    /// The `n` months up to and including the month of `now`, oldest first.
    pub fn last(n: usize, now: NaiveDateTime) -> Vec<Month> {
        let mut months: Vec<Month> =
            std::iter::successors(Some(Month::of(now)), |m| Some(m.previous()))
                .take(n)
                .collect();
        months.reverse();
        months
    }

    fn previous(self) -> Month {
        match self.month {
            1 => Month {
                year: self.year - 1,
                month: 12,
            },
            m => Month {
                year: self.year,
                month: m - 1,
            },
        }
    }

    /// Midnight (UTC) of its first day.
    pub fn start(self) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
            .and_then(|day| day.and_hms_opt(0, 0, 0))
            .expect("a month of a stored timestamp has a first day")
    }

    /// "March 2026", "mars 2026".
    pub fn long(self, lang: &Lang) -> String {
        lang.strftime(self.start(), "%B %Y")
    }

    /// "Mar 2026", "mars 2026": where a table has no room for the long name
    /// (French abbreviates fewer months).
    pub fn short(self, lang: &Lang) -> String {
        lang.strftime(self.start(), "%b %Y")
    }

    fn abbreviation(self, lang: &Lang) -> String {
        lang.strftime(self.start(), "%b")
    }
}

/// Horizontal bars, one row per label; the values of a row are stacked in
/// the order of `series` (named by a legend when there are several) and
/// their total is written at the end of the bar.
pub fn bars(
    lang: &Lang,
    id: &str,
    title: &str,
    series: &[&str],
    rows: &[(String, Vec<i64>)],
) -> String {
    const ROW: f64 = 30.0;
    const BAR: f64 = 18.0;
    let top = legend_height(series);
    let longest = rows
        .iter()
        .map(|(label, _)| label.chars().count().min(LABEL_CHARS))
        .max()
        .unwrap_or(0);
    let x0 = (longest as f64 * CHAR + 12.0).max(48.0);
    let x1 = WIDTH - 48.0;
    let height = top + ROW * rows.len().max(1) as f64 + 4.0;
    let mut svg = Svg::open(id, title, height);
    svg.legend(series);
    if rows.is_empty() {
        svg.no_data(lang, height);
        return svg.close();
    }
    let max = rows.iter().map(|(_, values)| total(values)).max();
    let scale = (x1 - x0) / max.unwrap_or(0).max(1) as f64;
    for (i, (label, values)) in rows.iter().enumerate() {
        let y = top + ROW * i as f64 + (ROW - BAR) / 2.0;
        let baseline = y + BAR / 2.0 + FONT * 0.35;
        svg.text(x0 - 8.0, baseline, "end", "", &shortened(label));
        let mut x = x0;
        for (s, value) in values.iter().enumerate().filter(|(_, v)| **v > 0) {
            let width = *value as f64 * scale;
            let tip = tip(lang, label, series, s, &lang.number(*value));
            svg.rect(x, y, width, BAR, s, &tip);
            x += width;
        }
        svg.text(x + 6.0, baseline, "start", "", &lang.number(total(values)));
    }
    svg.line(
        x0,
        top,
        x0,
        top + ROW * rows.len() as f64,
        "chart-axis",
        AXIS,
    );
    svg.close()
}

/// One column per month, its values stacked in the order of `series`.
pub fn columns(
    lang: &Lang,
    id: &str,
    title: &str,
    series: &[&str],
    months: &[(Month, Vec<i64>)],
) -> String {
    let top = legend_height(series);
    let max = months.iter().map(|(_, values)| total(values)).max();
    let mut svg = Svg::open(id, title, top + TimeAxis::HEIGHT);
    svg.legend(series);
    let axis = TimeAxis::draw(
        lang,
        &mut svg,
        top,
        months.iter().map(|(m, _)| *m),
        max.unwrap_or(0) as f64,
    );
    for (i, (month, values)) in months.iter().enumerate() {
        let (start, slot) = axis.slot(i);
        let width = slot * 0.6;
        let x = start + (slot - width) / 2.0;
        let mut stacked = 0;
        for (s, value) in values.iter().enumerate().filter(|(_, v)| **v > 0) {
            let (low, high) = (axis.y(stacked as f64), axis.y((stacked + value) as f64));
            let tip = tip(lang, &month.long(lang), series, s, &lang.number(*value));
            svg.rect(x, high, width, low - high, s, &tip);
            stacked += value;
        }
    }
    svg.close()
}

/// A line through one value per month, each point labelled with its value
/// and `unit` ("days", in the language of `lang`); a month without a value
/// leaves a gap in the line.
pub fn line(
    lang: &Lang,
    id: &str,
    title: &str,
    unit: &str,
    months: &[(Month, Option<f64>)],
) -> String {
    let top = 8.0;
    let max = months
        .iter()
        .filter_map(|(_, value)| *value)
        .fold(0.0, f64::max);
    let mut svg = Svg::open(id, title, top + TimeAxis::HEIGHT);
    let axis = TimeAxis::draw(lang, &mut svg, top, months.iter().map(|(m, _)| *m), max);
    let points: Vec<Option<(f64, f64)>> = months
        .iter()
        .enumerate()
        .map(|(i, (_, value))| {
            let (start, slot) = axis.slot(i);
            value.map(|v| (start + slot / 2.0, axis.y(v)))
        })
        .collect();
    if points.iter().all(Option::is_none) {
        svg.no_data(lang, top + TimeAxis::HEIGHT - 24.0);
        return svg.close();
    }
    for run in points.split(Option::is_none).filter(|run| run.len() > 1) {
        let coordinates: Vec<String> = run
            .iter()
            .flatten()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        svg.raw(format_args!(
            r#"<polyline class="chart-line" fill="none" stroke="{}" stroke-width="2.5" points="{}"/>"#,
            FILLS[0],
            coordinates.join(" ")
        ));
    }
    let mut placed: Vec<LabelBox> = Vec::new();
    for (i, ((month, value), point)) in months.iter().zip(&points).enumerate() {
        if let (Some(value), Some((x, y))) = (value, point) {
            let shown = lang.one_decimal(*value);
            // Under a point lower than its neighbours, above any other: off the line.
            let neighbours = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter_map(|j| months.get(j).and_then(|(_, v)| *v));
            let mut neighbours = neighbours.peekable();
            let valley = neighbours.peek().is_some() && neighbours.all(|v| v > *value);
            let (above, below) = (y - 9.0, y + 20.0);
            let sides = if valley {
                [below, above]
            } else {
                [above, below]
            };
            let tip = tip(lang, &month.long(lang), &[], 0, &format!("{shown} {unit}"));
            svg.raw(format_args!(
                r#"<circle class="chart-series-0" fill="{}" cx="{x:.1}" cy="{y:.1}" r="4"><title>{}</title></circle>"#,
                FILLS[0],
                Escaped(&tip),
            ));
            // A label that would cover one already written takes the other
            // side, or is left out: the point's tooltip and the table beside
            // still give the value.
            let free = sides
                .into_iter()
                .map(|baseline| LabelBox::new(*x, baseline, &shown))
                .find(|candidate| placed.iter().all(|other| !candidate.overlaps(other)));
            if let Some(label) = free {
                svg.text(*x, label.baseline, "middle", "chart-label", &shown);
                placed.push(label);
            }
        }
    }
    svg.close()
}

/// The room a label of the line chart takes, centred on `x` above
/// `baseline`, with a little air around it.
struct LabelBox {
    baseline: f64,
    left: f64,
    right: f64,
}

impl LabelBox {
    fn new(x: f64, baseline: f64, text: &str) -> LabelBox {
        let half = text.chars().count() as f64 * CHAR / 2.0 + 2.0;
        LabelBox {
            baseline,
            left: x - half,
            right: x + half,
        }
    }

    fn overlaps(&self, other: &LabelBox) -> bool {
        self.left < other.right
            && other.left < self.right
            && (self.baseline - other.baseline).abs() < FONT + 2.0
    }
}

fn total(values: &[i64]) -> i64 {
    values.iter().filter(|v| **v > 0).sum()
}

fn legend_height(series: &[&str]) -> f64 {
    if series.len() > 1 { LEGEND } else { 0.0 }
}

/// The tooltip of a mark: "ISO/IEC 17025:2017, Published: 12".
fn tip(lang: &Lang, label: &str, series: &[&str], index: usize, value: &str) -> String {
    match series.get(index).filter(|_| series.len() > 1) {
        Some(name) => lang.t_with(
            "admin-chart-tip-series",
            &[
                ("label", label.into()),
                ("series", (*name).into()),
                ("value", value.into()),
            ],
        ),
        None => lang.t_with(
            "admin-chart-tip",
            &[("label", label.into()), ("value", value.into())],
        ),
    }
}

fn shortened(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", kept.trim_end())
    }
}

/// A text escaped for XML content and attribute values.
struct Escaped<'a>(&'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Html.write_escaped_str(f, self.0)
    }
}

/// The markup of one chart being drawn.
struct Svg(String);

impl Svg {
    fn open(id: &str, title: &str, height: f64) -> Svg {
        let mut svg = Svg(String::with_capacity(4096));
        svg.raw(format_args!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{WIDTH}" height="{height:.0}" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-labelledby="{id}-title" font-size="{FONT}" fill="currentColor"><title id="{id}-title">{title}</title>"#,
            id = Escaped(id),
            title = Escaped(title),
        ));
        svg
    }

    fn close(mut self) -> String {
        self.0.push_str("</svg>");
        self.0
    }

    fn raw(&mut self, markup: fmt::Arguments<'_>) {
        self.0
            .write_fmt(markup)
            .expect("a String takes whatever is written to it");
    }

    fn text(&mut self, x: f64, y: f64, anchor: &str, class: &str, content: &str) {
        let class = if class.is_empty() {
            String::new()
        } else {
            format!(r#" class="{class}""#)
        };
        self.raw(format_args!(
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}"{class}>{}</text>"#,
            Escaped(content)
        ));
    }

    fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, series: usize, tip: &str) {
        let series = series % FILLS.len();
        self.raw(format_args!(
            r#"<rect class="chart-series-{series}" fill="{}" x="{x:.1}" y="{y:.1}" width="{width:.1}" height="{height:.1}"><title>{}</title></rect>"#,
            FILLS[series],
            Escaped(tip)
        ));
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str, stroke: &str) {
        self.raw(format_args!(
            r#"<line class="{class}" stroke="{stroke}" x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}"/>"#
        ));
    }

    /// Swatches and names of the series along the top, when there are several.
    fn legend(&mut self, series: &[&str]) {
        if series.len() < 2 {
            return;
        }
        let mut x = 0.0;
        for (s, name) in series.iter().enumerate() {
            let fill = s % FILLS.len();
            self.raw(format_args!(
                r#"<rect class="chart-series-{fill}" fill="{}" x="{x:.1}" y="6" width="12" height="12"/>"#,
                FILLS[fill]
            ));
            self.text(x + 18.0, 16.5, "start", "", name);
            x += 18.0 + name.chars().count() as f64 * CHAR + 20.0;
        }
    }

    fn no_data(&mut self, lang: &Lang, height: f64) {
        self.text(
            WIDTH / 2.0,
            height / 2.0,
            "middle",
            "chart-muted",
            &lang.t("admin-chart-no-data"),
        );
    }
}

/// The frame of a chart over months: horizontal grid lines with their
/// values on the left, one slot per month along the bottom, named by its
/// month and, under the first month and each January, its year.
struct TimeAxis {
    left: f64,
    slot: f64,
    top: f64,
    bottom: f64,
    ceiling: f64,
}

impl TimeAxis {
    /// Height of the frame: the plot and two lines of labels under it.
    const HEIGHT: f64 = 236.0;
    const PLOT: f64 = 190.0;

    fn draw(
        lang: &Lang,
        svg: &mut Svg,
        top: f64,
        months: impl ExactSizeIterator<Item = Month>,
        max: f64,
    ) -> TimeAxis {
        let (ceiling, step) = nice_scale(max);
        let left = 44.0;
        let axis = TimeAxis {
            left,
            slot: (WIDTH - left - 4.0) / months.len().max(1) as f64,
            top: top + 8.0,
            bottom: top + 8.0 + Self::PLOT,
            ceiling,
        };
        let ticks = (ceiling / step).round() as usize;
        for tick in 0..=ticks {
            let value = step * tick as f64;
            let y = axis.y(value);
            let (class, stroke) = if tick == 0 {
                ("chart-axis", AXIS)
            } else {
                ("chart-grid", GRID)
            };
            svg.line(left, y, WIDTH - 4.0, y, class, stroke);
            svg.text(
                left - 8.0,
                y + FONT * 0.35,
                "end",
                "chart-muted",
                &lang.one_decimal(value),
            );
        }
        for (i, month) in months.enumerate() {
            let (start, slot) = axis.slot(i);
            let centre = start + slot / 2.0;
            svg.text(
                centre,
                axis.bottom + 18.0,
                "middle",
                "",
                &month.abbreviation(lang),
            );
            if i == 0 || month.month == 1 {
                let year = month.year.to_string();
                svg.text(centre, axis.bottom + 34.0, "middle", "chart-muted", &year);
            }
        }
        axis
    }

    /// Where the slot of the `i`-th month starts, and its width.
    fn slot(&self, i: usize) -> (f64, f64) {
        (self.left + self.slot * i as f64, self.slot)
    }

    fn y(&self, value: f64) -> f64 {
        self.bottom - (self.bottom - self.top) * value / self.ceiling
    }
}

/// A ceiling at or above `max` and a step of 1, 2 or 5 times a power of ten
/// that divides it into about four; never below 1, as most values are counts.
fn nice_scale(max: f64) -> (f64, f64) {
    let rough = (max / 4.0).max(1.0);
    let magnitude = 10_f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude);
    ((max / step).ceil().max(1.0) * step, step)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn en() -> Lang {
        Lang::english()
    }

    fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(year, month, day)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    #[test]
    fn the_last_twelve_months_cross_the_new_year() {
        let months = Month::last(12, at(2026, 2, 17));
        assert_eq!(months.len(), 12);
        assert_eq!(months[0].long(&en()), "March 2025");
        assert_eq!(months[10].long(&en()), "January 2026");
        assert_eq!(months[11], Month::of(at(2026, 2, 1)));
        let midnight = NaiveDate::from_ymd_opt(2025, 3, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0);
        assert_eq!(Some(months[0].start()), midnight);
    }

    #[test]
    fn values_keep_one_decimal_at_most() {
        assert_eq!(en().one_decimal(20.0), "20");
        assert_eq!(en().one_decimal(34.46), "34.5");
        assert_eq!(en().one_decimal(0.04), "0");
    }

    #[test]
    fn scales_end_on_a_round_number() {
        assert_eq!(nice_scale(0.0), (1.0, 1.0));
        assert_eq!(nice_scale(3.0), (3.0, 1.0));
        assert_eq!(nice_scale(17.0), (20.0, 5.0));
        assert_eq!(nice_scale(1234.0), (1500.0, 500.0));
    }

    #[test]
    fn a_bar_chart_is_an_image_named_by_its_title_with_a_bar_per_value() {
        let svg = bars(
            &en(),
            "by-standard",
            "Requests by standard",
            &["Open", "Published", "Closed"],
            &[
                ("ISO/IEC 17025:2017".to_owned(), vec![2, 5, 1]),
                ("ISO/IEC 17065:2012".to_owned(), vec![0, 3, 0]),
            ],
        );
        assert!(svg.starts_with("<svg "), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img" aria-labelledby="by-standard-title""#));
        assert!(svg.contains(r#"<title id="by-standard-title">Requests by standard</title>"#));
        // three segments, one, and three legend swatches
        assert_eq!(count(&svg, "<rect "), 4 + 3);
        assert!(svg.contains("<title>ISO/IEC 17025:2017, Published: 5</title>"));
        assert!(
            svg.contains(">8</text>") && svg.contains(">3</text>"),
            "totals: {svg}"
        );
        assert!(!svg.contains("style"), "the CSP forbids inline styles");
    }

    #[test]
    fn the_longest_bar_spans_the_plot_and_the_others_are_in_proportion() {
        let svg = bars(
            &en(),
            "s",
            "States",
            &["Requests"],
            &[
                ("Screening".to_owned(), vec![10]),
                ("Closed".to_owned(), vec![5]),
            ],
        );
        let widths: Vec<f64> = svg
            .split("<rect ")
            .skip(1)
            .map(|rect| {
                let (_, width) = rect.split_once(r#" width=""#).unwrap();
                width.split('"').next().unwrap().parse().unwrap()
            })
            .collect();
        assert_eq!(widths.len(), 2, "{svg}");
        assert!((widths[0] - 2.0 * widths[1]).abs() < 0.2, "{widths:?}");
    }

    #[test]
    fn text_is_escaped() {
        let svg = bars(
            &en(),
            "x\"",
            "<b>Tom & Jerry</b>",
            &["a<", "b"],
            &[("<script>alert(1)</script>".to_owned(), vec![1, 1])],
        );
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(
            svg.contains("&#60;b&#62;Tom &#38; Jerry&#60;/b&#62;"),
            "{svg}"
        );
        assert!(svg.contains(r#"aria-labelledby="x&#34;-title""#), "{svg}");
        let svg = line(
            &en(),
            "l",
            "t",
            "<days>",
            &[(Month::of(at(2026, 1, 1)), Some(2.0))],
        );
        assert!(svg.contains("2 &#60;days&#62;"), "{svg}");
    }

    #[test]
    fn long_labels_are_shortened() {
        let svg = bars(
            &en(),
            "x",
            "t",
            &["n"],
            &[(
                "A very long designation of some standard 2024".to_owned(),
                vec![1],
            )],
        );
        assert!(svg.contains(">A very long designation of…</text>"), "{svg}");
    }

    #[test]
    fn nothing_to_draw_says_so_without_dividing_by_zero() {
        let empty = bars(&en(), "x", "Nothing", &["n"], &[]);
        assert!(
            empty.contains("No data") && !empty.contains("NaN"),
            "{empty}"
        );
        let zeros = bars(
            &en(),
            "x",
            "Zeros",
            &["n"],
            &[("Screening".to_owned(), vec![0])],
        );
        assert!(!zeros.contains("NaN") && !zeros.contains("inf"), "{zeros}");
        assert!(zeros.contains(">0</text>"));
        let months = Month::last(3, at(2026, 3, 3));
        let columns_svg = columns(
            &en(),
            "c",
            "Per month",
            &["a", "b"],
            &months.iter().map(|m| (*m, vec![0, 0])).collect::<Vec<_>>(),
        );
        assert!(!columns_svg.contains("NaN"), "{columns_svg}");
        let line_svg = line(
            &en(),
            "l",
            "Median",
            "days",
            &months.iter().map(|m| (*m, None)).collect::<Vec<_>>(),
        );
        assert!(
            line_svg.contains("No data") && !line_svg.contains("<polyline"),
            "{line_svg}"
        );
    }

    #[test]
    fn columns_stack_per_month_under_month_and_year_labels() {
        let months = Month::last(3, at(2026, 2, 10));
        let svg = columns(
            &en(),
            "per-month",
            "Requests per month",
            &["Open", "Published", "Closed"],
            &[
                (months[0], vec![1, 2, 0]),
                (months[1], vec![0, 0, 0]),
                (months[2], vec![4, 0, 0]),
            ],
        );
        assert_eq!(count(&svg, "<rect "), 3 + 3, "{svg}");
        assert!(
            svg.contains("<title>December 2025, Published: 2</title>"),
            "{svg}"
        );
        assert!(
            svg.contains(">Dec</text>")
                && svg.contains(">Jan</text>")
                && svg.contains(">Feb</text>")
        );
        assert!(
            svg.contains(">2025</text>") && svg.contains(">2026</text>"),
            "{svg}"
        );
        // the grid reaches the largest column: 4
        assert!(svg.contains(">4</text>"), "{svg}");
    }

    #[test]
    fn a_line_breaks_where_a_month_has_no_value() {
        let months = Month::last(5, at(2026, 5, 10));
        let svg = line(
            &en(),
            "median",
            "Median days",
            "days",
            &[
                (months[0], Some(10.0)),
                (months[1], Some(20.5)),
                (months[2], None),
                (months[3], Some(15.0)),
                (months[4], Some(30.0)),
            ],
        );
        assert_eq!(count(&svg, "<polyline"), 2, "{svg}");
        assert_eq!(count(&svg, "<circle"), 4);
        assert!(
            svg.contains("<title>February 2026: 20.5 days</title>"),
            "{svg}"
        );
        // 15 lies below its neighbour: its label goes under the point.
        let attribute = |element: &str, name: &str| -> f64 {
            let (_, rest) = element.split_once(&format!(r#" {name}=""#)).unwrap();
            rest.split('"').next().unwrap().parse().unwrap()
        };
        let circle = svg.split("<circle").nth(3).unwrap();
        let label = svg
            .split("<text")
            .find(|t| t.contains(">15</text>"))
            .unwrap();
        assert!(attribute(label, "y") > attribute(circle, "cy"), "{svg}");
    }

    #[test]
    fn labels_of_close_values_never_cover_each_other() {
        let months = Month::last(12, at(2026, 12, 10));
        let values: Vec<(Month, Option<f64>)> = months
            .iter()
            .enumerate()
            .map(|(i, m)| (*m, Some(100.0 + (i % 3) as f64 * 0.4)))
            .collect();
        let svg = line(&en(), "median", "Median days", "days", &values);
        let labels: Vec<(f64, f64, usize)> = svg
            .split("<text")
            .filter(|t| t.contains(r#"class="chart-label""#))
            .map(|t| {
                let number = |name: &str| -> f64 {
                    let (_, rest) = t.split_once(&format!(r#" {name}=""#)).unwrap();
                    rest.split('"').next().unwrap().parse().unwrap()
                };
                let text = t.split('>').nth(1).unwrap().split('<').next().unwrap();
                (number("x"), number("y"), text.chars().count())
            })
            .collect();
        assert!(labels.len() >= 6, "most points keep their label: {svg}");
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                let apart_across = (a.0 - b.0).abs() >= (a.2 + b.2) as f64 * CHAR / 2.0;
                let apart_down = (a.1 - b.1).abs() >= FONT;
                assert!(apart_across || apart_down, "{a:?} and {b:?} overlap: {svg}");
            }
        }
        assert_eq!(count(&svg, "<circle"), 12, "every value keeps its point");
    }
}
