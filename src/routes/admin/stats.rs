//! `/admin/stats`: where requests stand, which standards they concern, how
//! long answers take and how many pass screening; each chart beside a table
//! with its numbers. The figures are the worker's last snapshot, read in
//! one query, with when they were computed.

use actix_web::web;
use askama::Template;
use askama_web::WebTemplate;
use chrono::NaiveDateTime;

use super::admin_page;
use crate::domain::charts::{self, one_decimal};
use crate::domain::lifecycle::State;
use crate::error::AppError;
use crate::models::stats::{self, Figures, Progress, Screening};
use crate::web::{AppState, Csrf, Page};
use crate::workflow::registry::Secretariat;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/stats", web::get().to(show));
}

/// Where requests stand, as the charts name the parts of a bar.
const PROGRESS: [&str; 3] = ["Open", "Published", "Closed"];

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
        days.map_or_else(|| "—".to_owned(), one_decimal)
    }

    fn share(&self, screening: &Screening) -> String {
        screening
            .accepted_percent()
            .map_or_else(|| "—".to_owned(), |p| format!("{p:.0}%"))
    }
}

pub async fn show(
    state: web::Data<AppState>,
    admin: Secretariat,
    csrf: Csrf,
) -> Result<StatsPage, AppError> {
    let snapshot = state.read(|conn| Ok(stats::snapshot(conn)?)).await?;
    Ok(StatsPage {
        page: admin_page(&state, &admin, &csrf),
        computed: snapshot.map(|s| Computed {
            charts: draw(&s.figures),
            figures: s.figures,
            at: s.computed_at,
        }),
    })
}

fn draw(figures: &Figures) -> Charts {
    let progress = |p: &Progress| vec![p.open, p.published, p.closed];
    let by_state: Vec<(String, Vec<i64>)> = figures
        .by_state
        .iter()
        .map(|(state, n)| (state.label().to_owned(), vec![*n]))
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
        ("Accepted", s.accepted),
        ("Not admissible", s.not_admissible),
        ("Referred", s.referred),
        ("Duplicate", s.duplicate),
    ]
    .map(|(label, n)| (label.to_owned(), vec![n]));
    Charts {
        by_state: charts::bars("by-state", "Requests by state", &["Requests"], &by_state),
        by_standard: charts::bars(
            "by-standard",
            "Requests by standard",
            &PROGRESS,
            &by_standard,
        ),
        per_month: charts::columns(
            "per-month",
            "Requests confirmed per month, by where they stand now",
            &PROGRESS,
            &per_month,
        ),
        median_days: charts::line(
            "median-days",
            "Median days from confirmation to publication, per month of publication",
            "days",
            &median_days,
        ),
        screening: charts::bars(
            "screening",
            "Screening decisions",
            &["Requests"],
            &screening,
        ),
    }
}
