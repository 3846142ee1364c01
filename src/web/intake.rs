//! Submissions of the request form, committed in groups.
//!
//! Each transaction costs a commit (a flush of the write-ahead log on
//! SQLite, a flush to disk on PostgreSQL) and, on SQLite, a cold page cache
//! when another connection wrote last. Under a crowd of submitters that
//! cost, not the rows, is what limits how many are stored per second. So
//! handlers hand their checked submission to one writer thread, which
//! stores everything waiting in one transaction and answers each handler
//! only once it has committed: a success answer always means the
//! submission is stored. (Not a savepoint per submission: SQLite keeps each
//! savepoint's undo pages in a temporary file, which cost more than the
//! grouping saved.)

use std::panic::{AssertUnwindSafe, catch_unwind};

use tokio::sync::{mpsc, oneshot};

use crate::db::{self, Pool};
use crate::domain::submission::Submission;
use crate::error::AppError;
use crate::workflow::submitter::{NewSubmissions, Submitted};
use crate::workflow::{Ctx, WorkflowError};

/// The most submissions one transaction stores: enough to take a crowd's
/// worth at once, few enough that the write lock is held only briefly.
const MOST_AT_ONCE: usize = 64;

struct Job {
    ctx: Ctx,
    submission: Submission,
    submitted_from: String,
    per_hour: u32,
    answer: oneshot::Sender<Result<Submitted, AppError>>,
}

pub struct Intake {
    jobs: mpsc::Sender<Job>,
}

impl Intake {
    /// Starts the writer thread; it ends when the intake is dropped.
    pub fn start(pool: Pool) -> std::io::Result<Self> {
        let (jobs, waiting) = mpsc::channel(MOST_AT_ONCE * 4);
        std::thread::Builder::new()
            .name("clarion-intake".into())
            .spawn(move || write_in_groups(&pool, waiting))?;
        Ok(Self { jobs })
    }

    /// Stores a checked submission (see `NewSubmissions::take`) and answers
    /// once it is committed.
    pub async fn submit(
        &self,
        ctx: Ctx,
        submission: Submission,
        submitted_from: String,
        per_hour: u32,
    ) -> Result<Submitted, AppError> {
        let (answer, answered) = oneshot::channel();
        self.jobs
            .send(Job {
                ctx,
                submission,
                submitted_from,
                per_hour,
                answer,
            })
            .await
            .map_err(|_| AppError::Unavailable("the intake has stopped".into()))?;
        // A dropped answer means the writer panicked on this group; nothing
        // of it was committed.
        answered
            .await
            .map_err(|_| AppError::Internal("the intake failed on this submission".into()))?
    }
}

fn write_in_groups(pool: &Pool, mut waiting: mpsc::Receiver<Job>) {
    while let Some(first) = waiting.blocking_recv() {
        let mut group = vec![first];
        while group.len() < MOST_AT_ONCE
            && let Ok(job) = waiting.try_recv()
        {
            group.push(job);
        }
        // A panic drops the group's answers (each handler hears of it) and
        // leaves the thread serving the next group.
        let _ = catch_unwind(AssertUnwindSafe(|| write_group(pool, group)));
    }
}

fn write_group(pool: &Pool, group: Vec<Job>) {
    let mut conn = match pool.get() {
        Ok(conn) => conn,
        Err(e) => {
            tracing::error!(error = %e, submissions = group.len(), "no database connection for a group of submissions");
            for job in group {
                let _ = job.answer.send(Err(AppError::Unavailable(e.to_string())));
            }
            return;
        }
    };
    let stored = db::write_transaction(&mut conn, |conn| {
        let mut taken = NewSubmissions::default();
        let outcomes = group
            .iter()
            .map(|job| {
                taken.take(
                    conn,
                    &job.ctx,
                    &job.submission,
                    &job.submitted_from,
                    job.per_hour,
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        taken.store(conn)?;
        Ok::<_, WorkflowError>(outcomes)
    });
    drop(conn);
    match stored {
        Ok(outcomes) => {
            for (job, outcome) in group.into_iter().zip(outcomes) {
                // A handler that stopped waiting (its client left) needs no
                // answer; the submission is stored all the same.
                let _ = job.answer.send(Ok(outcome));
            }
        }
        // The database cannot serve: every submission hears so now, rather
        // than each waiting for its own try to fail the same way.
        Err(WorkflowError::Database(e)) if db::is_unavailable(&e) => {
            tracing::warn!(error = %e, submissions = group.len(), "a group of submissions could not be stored");
            let why = e.to_string();
            for job in group {
                let _ = job.answer.send(Err(AppError::Unavailable(why.clone())));
            }
        }
        // One failing submission undid the whole group: each is stored
        // again on its own, so that only the failing one hears of it.
        Err(_) if group.len() > 1 => {
            for job in group {
                write_group(pool, vec![job]);
            }
        }
        Err(e) => {
            if let Some(job) = group.into_iter().next() {
                let _ = job.answer.send(Err(AppError::from(e)));
            }
        }
    }
}
