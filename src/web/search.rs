//! How a page runs a search (see [`crate::search`]) on the application's
//! connections: from the worker that serves the request when all it needs
//! is rows, else on the blocking pool.

use crate::db::{DatabaseUrl, DbConn, reads};
use crate::domain::search::Filters;
use crate::error::AppError;
use crate::models::register;
use crate::search::{Searched, knows_its_standard, search, search_held};
use crate::web::AppState;

impl AppState {
    /// Searches the register as of `version` (the one the page cache has
    /// just read, if any). Once the index and choices are held at that
    /// version, only the rows are read: on PostgreSQL from this worker,
    /// without a thread waiting for them (see [`reads`]); on SQLite as a
    /// short [`AppState::read`]. Otherwise the search runs on the blocking
    /// pool, where bringing the index up to date holds up no worker.
    pub async fn search(
        &self,
        version: Option<i64>,
        filters: Option<Filters>,
    ) -> Result<Searched, AppError> {
        if let (Some(version), DatabaseUrl::Postgres(url)) = (version, &self.settings.database_url)
            && let Some(searched) = self
                .search_from_worker(url, version, filters.as_ref())
                .await
        {
            return Ok(searched);
        }
        let index = self.search_index.clone();
        let work = move |conn: &mut DbConn| {
            let version = match version {
                Some(version) => version,
                None => register::version(conn)?,
            };
            let choices = index.choices(conn, version)?;
            let results = match filters {
                Some(filters) if knows_its_standard(&choices, &filters) => {
                    Some(search(conn, &index, Some(version), &filters)?)
                }
                _ => None,
            };
            Ok(Searched { choices, results })
        };
        self.read_at(version, work).await
    }

    /// Runs `work`, a page's reads as of `version` (the one the page cache
    /// has just read, if any): as a short [`AppState::read`] when the
    /// index and choices are held at that version, so that it reads only
    /// its rows; otherwise on the blocking pool, where bringing them up to
    /// date holds up no worker.
    pub async fn read_at<T, F>(&self, version: Option<i64>, work: F) -> Result<T, AppError>
    where
        F: FnOnce(&mut DbConn) -> Result<T, AppError> + Send + 'static,
        T: Send + 'static,
    {
        if version.is_some_and(|version| self.search_index.holds(version)) {
            self.read(work).await
        } else {
            self.db(work).await
        }
    }

    /// The search on PostgreSQL once the index and choices are held; none
    /// when it needs more (see [`search_held`]) or the read failed, to be
    /// run on the blocking pool instead: an error there is the request's
    /// answer, a broken connection here is not.
    async fn search_from_worker(
        &self,
        url: &str,
        version: i64,
        filters: Option<&Filters>,
    ) -> Option<Searched> {
        let words = self.search_index.held(version)?;
        let choices = self.search_index.held_choices(version)?;
        let Some(filters) = filters.filter(|filters| knows_its_standard(&choices, filters)) else {
            return Some(Searched {
                choices,
                results: None,
            });
        };
        let read = match reads::connection(url, self.settings.db_timeout()).await {
            Ok(conn) => search_held(&conn, &words, &choices, filters).await,
            Err(e) => {
                tracing::warn!(error = %e, "cannot connect for reads from the worker");
                return None;
            }
        };
        match read {
            Ok(results) => results.map(|results| Searched {
                choices,
                results: Some(results),
            }),
            Err(e) => {
                tracing::warn!(error = %e, "a search's read from the worker failed");
                reads::forget();
                None
            }
        }
    }
}
