//! `/admin/stats`: where requests stand, which standards they concern, how
//! long answers take and how many pass screening; each chart beside a table
//! with its numbers. The figures are the worker's last snapshot, read in
//! one query, with when they were computed.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;

use super::admin_page;
use crate::domain::charts;
use crate::domain::lifecycle::State;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::stats::{self, Figures, Progress, Screening};
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/stats", web::get().to(show));
}

/// Where requests stand, as the charts name the parts of a bar.
const PROGRESS: [&str; 3] = [
    "admin-stats-open",
    "admin-stats-published",
    "admin-stats-closed",
];

#[derive(Template, WebTemplate)]
#[template(path = "admin/stats.html")]
pub struct StatsPage {
    page: Page,
    /// None until the worker first computed the figures.
    computed: Option<Computed>,
}

struct Computed {
    figures: Figures,
    charts: Charts,
    at: NaiveDateTime,
}

/// The SVG of each chart, escaped by `domain::charts`.
struct Charts {
    by_state: String,
    by_standard: String,
    per_month: String,
    median_days: String,
    screening: String,
}

impl StatsPage {
    fn days(&self, days: &Option<f64>) -> String {
        days.map_or_else(|| "—".to_owned(), |d| self.page.lang.one_decimal(d))
    }

    fn share(&self, screening: &Screening) -> String {
        screening.accepted_percent().map_or_else(
            || "—".to_owned(),
            |p| {
                let percent = self.page.lang.number(p.round() as i64);
                self.page
                    .t_with("admin-stats-percent", &[("percent", percent.into())])
            },
        )
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
) -> Result<StatsPage, AppError> {
    let snapshot = state.read(|conn| Ok(stats::snapshot(conn)?)).await?;
    let page = admin_page(&state, &admin, &csrf);
    Ok(StatsPage {
        computed: snapshot.map(|s| Computed {
            charts: draw(&page.lang, &s.figures),
            figures: s.figures,
            at: s.computed_at,
        }),
        page,
    })
}

/// The charts, their words in `lang`.
fn draw(lang: &Lang, figures: &Figures) -> Charts {
    let progress_names = PROGRESS.map(|id| lang.t(id));
    let progress_names = progress_names.each_ref().map(String::as_str);
    let requests = lang.t("admin-stats-requests");
    let progress = |p: &Progress| vec![p.open, p.published, p.closed];
    let by_state: Vec<(String, Vec<i64>)> = figures
        .by_state
        .iter()
        .map(|(state, n)| (lang.t(&state.key()), vec![*n]))
        .collect();
    let by_standard: Vec<(String, Vec<i64>)> = figures
        .by_standard
        .iter()
        .map(|s| (s.label.clone(), progress(&s.requests)))
        .collect();
    let per_month: Vec<_> = figures
        .cohorts
        .iter()
        .map(|c| (c.month, progress(&c.requests)))
        .collect();
    let median_days: Vec<_> = figures
        .publications
        .iter()
        .map(|p| (p.month, p.median_days))
        .collect();
    let s = &figures.screening;
    let screening = [
        ("admin-stats-accepted", s.accepted),
        ("admin-stats-not-admissible", s.not_admissible),
        ("admin-stats-referred", s.referred),
        ("admin-stats-duplicate", s.duplicate),
    ]
    .map(|(id, n)| (lang.t(id), vec![n]));
    Charts {
        by_state: charts::bars(
            lang,
            "by-state",
            &lang.t("admin-stats-by-state"),
            &[&requests],
            &by_state,
        ),
        by_standard: charts::bars(
            lang,
            "by-standard",
            &lang.t("admin-stats-by-standard"),
            &progress_names,
            &by_standard,
        ),
        per_month: charts::columns(
            lang,
            "per-month",
            &lang.t("admin-stats-per-month-chart"),
            &progress_names,
            &per_month,
        ),
        median_days: charts::line(
            lang,
            "median-days",
            &lang.t("admin-stats-median-days-chart"),
            &lang.t("admin-stats-days-unit"),
            &median_days,
        ),
        screening: charts::bars(
            lang,
            "screening",
            &lang.t("admin-stats-screening-decisions"),
            &[&requests],
            &screening,
        ),
    }
}
