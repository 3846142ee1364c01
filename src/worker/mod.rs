//! The background worker: runs the timed jobs ([`jobs`]), delivers due
//! mail and due webhooks ([`webhooks`]), then sleeps until woken by a new
//! message or the poll interval.

pub mod jobs;
pub mod webhooks;

use std::sync::Arc;
use std::time::Duration;

use lettre::message::Mailbox;
use tokio::sync::Notify;

use crate::clock::Clock;
use crate::config::Settings;
use crate::db::{self, Pool};
use crate::mail::Transport;
use crate::mail::outbox::{self, OutboxMessage};

const BATCH: i64 = 20;

pub struct MailWorker {
    pub pool: Pool,
    pub transport: Transport,
    pub from: Mailbox,
    pub clock: Clock,
    pub wake: Arc<Notify>,
    pub poll: Duration,
    /// What jobs need to write mail: site name, base URL.
    pub settings: Settings,
    pub webhooks: webhooks::Sender,
}

impl MailWorker {
    /// The worker of these settings: it sends over SMTP when they name a
    /// server, and writes files under the data directory otherwise.
    pub fn new(
        pool: Pool,
        settings: &Settings,
        clock: Clock,
        wake: Arc<Notify>,
    ) -> Result<MailWorker, String> {
        let transport = match &settings.smtp_url {
            Some(url) => Transport::smtp(url.expose())?,
            None => Transport::directory(&settings.data_dir.join("mail"))?,
        };
        Ok(MailWorker {
            pool,
            transport,
            from: settings.mail_from.clone(),
            clock,
            wake,
            poll: Duration::from_millis(settings.mail_poll_ms),
            settings: settings.clone(),
            webhooks: webhooks::Sender::new(settings.webhook_private_targets)?,
        })
    }

    /// Runs until the task is dropped.
    pub async fn run(self) {
        let mut jobs_due = tokio::time::Instant::now();
        loop {
            // Jobs act on time passing (deadlines, retention), not on new
            // mail: once per poll interval is enough, however often a crowd
            // of submissions wakes the worker for their mail.
            if tokio::time::Instant::now() >= jobs_due {
                if let Err(e) = self.run_jobs().await {
                    tracing::warn!(error = %e, "background jobs failed");
                }
                jobs_due = tokio::time::Instant::now() + self.poll;
            }
            match self.deliver_due().await {
                // A full batch means more may be waiting.
                Ok(n) if n as i64 == BATCH => continue,
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "mail worker could not read the outbox"),
            }
            match self.deliver_webhooks().await {
                Ok(n) if n as i64 == BATCH => continue,
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "the worker could not read the webhook deliveries")
                }
            }
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(self.poll) => {}
            }
        }
    }

    /// One pass of [`MailWorker::run`] to its end, without waiting: the
    /// jobs due now, then every message due, batch after batch. Whoever
    /// must know the outbox has been worked through now (a test that checks
    /// nothing was sent) runs it beside the running worker: claims keep the
    /// two from sending a message twice.
    pub async fn run_once(&self) -> Result<(), String> {
        self.run_jobs().await?;
        while self.deliver_due().await? as i64 == BATCH {}
        while self.deliver_webhooks().await? as i64 == BATCH {}
        Ok(())
    }

    async fn run_jobs(&self) -> Result<(), String> {
        let pool = self.pool.clone();
        let ctx = crate::workflow::Ctx::new(&self.settings, self.clock.now());
        let retention_days = self.settings.retention_days;
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            jobs::run_due(&mut conn, &ctx, retention_days)
        })
        .await
        .map_err(|e| e.to_string())?
    }

    /// Delivers what is due now; returns how many messages were tried.
    pub async fn deliver_due(&self) -> Result<usize, String> {
        let pool = self.pool.clone();
        let now = self.clock.now();
        let due = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            outbox::claim_due(&mut conn, now, BATCH).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??;
        let count = due.len();
        let mut outcomes = Vec::with_capacity(count);
        for message in due {
            let outcome = self.transport.send(&self.from, &message).await;
            outcomes.push((message, outcome));
        }
        self.record(outcomes).await?;
        Ok(count)
    }

    /// Sends the webhook deliveries due now, a batch at once, and records
    /// what each gave; returns how many were tried.
    pub async fn deliver_webhooks(&self) -> Result<usize, String> {
        let pool = self.pool.clone();
        let now = self.clock.now();
        let due = tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            crate::models::webhooks::claim_due(&mut conn, now, BATCH).map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??;
        let count = due.len();
        if count == 0 {
            return Ok(0);
        }
        let mut sending = tokio::task::JoinSet::new();
        for delivery in due {
            let sender = self.webhooks.clone();
            sending.spawn(async move {
                let outcome = sender.send(&delivery, now).await;
                (delivery, outcome)
            });
        }
        let mut outcomes = Vec::with_capacity(count);
        while let Some(done) = sending.join_next().await {
            outcomes.push(done.map_err(|e| e.to_string())?);
        }
        let pool = self.pool.clone();
        let ctx = crate::workflow::Ctx::new(&self.settings, self.clock.now());
        let disable_after = chrono::TimeDelta::days(i64::from(self.settings.webhook_disable_days));
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            crate::workflow::webhooks::record(&mut conn, &ctx, &outcomes, disable_after)
                .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())??;
        Ok(count)
    }

    /// Records a batch's outcomes in one transaction: one commit per batch
    /// instead of per message, which under a crowd of submissions left the
    /// writer waiting. A crash before it re-sends at most this batch when
    /// the lease ends, under the same Message-IDs.
    async fn record(
        &self,
        outcomes: Vec<(OutboxMessage, Result<(), crate::mail::transport::SendError>)>,
    ) -> Result<(), String> {
        let pool = self.pool.clone();
        let now = self.clock.now();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(|e| e.to_string())?;
            db::write_transaction(&mut conn, |conn| {
                let mut sent = Vec::with_capacity(outcomes.len());
                for (message, outcome) in &outcomes {
                    match outcome {
                        Ok(()) => {
                            tracing::info!(message_id = %message.message_id, "mail delivered");
                            sent.push(message.id.as_str());
                        }
                        Err(e) => {
                            tracing::warn!(
                                message_id = %message.message_id,
                                attempt = message.attempts + 1,
                                permanent = e.permanent,
                                error = %e.message,
                                "mail not delivered"
                            );
                            outbox::mark_failed_attempt(
                                conn,
                                message,
                                &e.message,
                                e.permanent,
                                now,
                            )?;
                        }
                    }
                }
                outbox::mark_sent(conn, &sent, now)
            })
            .map_err(|e| e.to_string())
        })
        .await
        .map_err(|e| e.to_string())?
    }
}
