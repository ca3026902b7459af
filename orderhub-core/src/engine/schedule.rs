//! The scheduler tick: runs each connection's jobs when their cadence says they are due.

use chrono::{DateTime, Duration, Utc};

use super::{
    Engine, EngineError, FbaStockReport, FeedResultsReport, ImportReport, InventorySyncReport, LabelsReport,
    McfReport, OutboundReport, RetentionReport,
};
use crate::domain::{Cadence, ConnectionId};
use crate::ports::Cursor;

/// Cursor scope recording when a connection's order import last ran on schedule.
pub const ORDERS_SCHEDULE_SCOPE: &str = "schedule:orders";

/// Cursor scope recording when a connection's inventory sync last ran on schedule.
pub const INVENTORY_SCHEDULE_SCOPE: &str = "schedule:inventory";

/// Cursor scope recording when a connection's FBA stock was last read on schedule.
pub const FBA_STOCK_SCHEDULE_SCOPE: &str = "schedule:fba_stock";

/// Cursor scope recording when a connection's MCF orders were last followed on schedule.
pub const MCF_TRACKING_SCHEDULE_SCOPE: &str = "schedule:mcf_tracking";

/// Cursor scope recording when feed results were last collected for a connection on schedule.
pub const FEED_RESULTS_SCHEDULE_SCOPE: &str = "schedule:feed_results";

/// Cursor scope (under the connection id [`ENGINE_CONNECTION`]) recording when retention last ran.
pub const RETENTION_SCHEDULE_SCOPE: &str = "schedule:retention";

/// The connection id the engine's own (connection-independent) schedule cursors are stored under.
pub const ENGINE_CONNECTION: &str = "orderhub-engine";

/// A job the tick runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Job {
    /// The order import (`orders_schedule`).
    Orders,
    /// Handing routed orders to Amazon MCF (after an import that brought new or changed orders, and on the
    /// MCF tracking cadence).
    McfSubmit,
    /// Buying Amazon labels for routed orders (when the MCF hand-off runs).
    Labels,
    /// Reading FBA stock (`fba_stock_schedule`).
    FbaStock,
    /// Queuing the hub's stock for Amazon (`inventory_schedule`).
    Inventory,
    /// Following MCF orders (`mcf_tracking_schedule`).
    McfTracking,
    /// Submitting the outbox (every tick).
    Outbound,
    /// Reading feed processing reports (`feed_results_schedule` of any connection).
    FeedResults,
    /// Redacting personal data (daily).
    Retention,
}

impl Job {
    /// A short name for logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Job::Orders => "orders",
            Job::McfSubmit => "mcf_submit",
            Job::Labels => "labels",
            Job::FbaStock => "fba_stock",
            Job::Inventory => "inventory",
            Job::McfTracking => "mcf_tracking",
            Job::Outbound => "outbound",
            Job::FeedResults => "feed_results",
            Job::Retention => "retention",
        }
    }
}

/// One job a tick ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobRun {
    /// The connection, for per-connection jobs.
    pub connection_id: Option<ConnectionId>,
    /// The job.
    pub job: Job,
    /// Whether it succeeded.
    pub ok: bool,
    /// A one-line summary (counts, or the error).
    pub summary: String,
}

/// What one [`Engine::tick`] did.
#[derive(Debug, Default)]
pub struct TickReport {
    /// Imports run, per connection; failures are kept here (the next tick retries) rather than stopping
    /// the other connections.
    pub imports: Vec<(ConnectionId, Result<ImportReport, EngineError>)>,
    /// MCF runs, per connection: tracking when `mcf_tracking_schedule` was due, and the submission of
    /// routed orders after an import that brought new or changed orders and on the tracking cadence (one
    /// entry each).
    pub mcf: Vec<(ConnectionId, Result<McfReport, EngineError>)>,
    /// Label runs, per connection (with the MCF submission).
    pub labels: Vec<(ConnectionId, Result<LabelsReport, EngineError>)>,
    /// Inventory syncs, per connection.
    pub inventory: Vec<(ConnectionId, Result<InventorySyncReport, EngineError>)>,
    /// FBA stock reads, per connection.
    pub fba_stock: Vec<(ConnectionId, Result<FbaStockReport, EngineError>)>,
    /// The outbound pass (every tick: entries carry their own due times).
    pub outbound: Option<OutboundReport>,
    /// The feed-results pass, when some connection's `feed_results_schedule` was due.
    pub feed_results: Option<FeedResultsReport>,
    /// The retention pass, when it was due (daily).
    pub retention: Option<RetentionReport>,
    /// Every job that ran, in order, with a one-line summary.
    pub ran: Vec<JobRun>,
}

impl TickReport {
    fn note<T: std::fmt::Debug>(
        &mut self,
        connection_id: Option<&ConnectionId>,
        job: Job,
        result: &Result<T, EngineError>,
    ) {
        let (ok, summary) = match result {
            Ok(r) => (true, format!("{r:?}")),
            Err(e) => (false, e.to_string()),
        };
        self.ran.push(JobRun {
            connection_id: connection_id.cloned(),
            job,
            ok,
            summary,
        });
    }
}

impl Engine {
    /// Runs what is due now, connection by connection: the order import per `orders_schedule`, the FBA
    /// stock read per `fba_stock_schedule`, the inventory sync per `inventory_schedule`, the MCF tracking
    /// per `mcf_tracking_schedule`, and the hand-off of routed orders (MCF submission and label run) when
    /// the import brought new or changed orders or the tracking ran; then the outbound pass (every tick), the feed results when any
    /// connection's `feed_results_schedule` is due, and retention once a day. A job that never ran is due;
    /// [`Cadence::Never`] switches a job off. Each job's outcome also updates the connection's health
    /// (`invalid_grant` → needs re-authorization, a success that talked to Amazon → live) when the store
    /// has the connection.
    ///
    /// # Errors
    /// [`EngineError::Store`] when the schedule itself cannot be read or written, and the errors of the
    /// outbound, feed-results and retention passes. Per-connection job errors are reported in the
    /// report's per-job lists (a job another worker runs is left out).
    pub async fn tick(&self) -> Result<TickReport, EngineError> {
        let mut report = TickReport::default();
        for rt in self.connections.values() {
            let id = rt.connection.id.clone();
            let s = &rt.connection.settings;
            let mut handoff_due = false;
            if self
                .claim_slot(&id, ORDERS_SCHEDULE_SCOPE, s.orders_schedule)
                .await?
            {
                let result = self.import_connection(&id).await;
                if !matches!(result, Err(EngineError::Busy { .. })) {
                    let health = self.health_after(&id, &result, |_| true);
                    self.observe_health(&id, health).await;
                    report.note(Some(&id), Job::Orders, &result);
                    // The hand-off passes read every open order of the connection: run them when the
                    // import brought new or changed orders, not on every quiet tick (they also run on
                    // the MCF tracking cadence below, which retries hand-offs that failed).
                    handoff_due |= matches!(&result, Ok(r) if r.imported + r.updated > 0);
                    report.imports.push((id.clone(), result));
                }
            }
            if self
                .claim_slot(&id, FBA_STOCK_SCHEDULE_SCOPE, s.fba_stock_schedule)
                .await?
            {
                let result = self.sync_fba_stock(&id).await;
                if !matches!(result, Err(EngineError::Busy { .. })) {
                    report.note(Some(&id), Job::FbaStock, &result);
                    report.fba_stock.push((id.clone(), result));
                }
            }
            if self
                .claim_slot(&id, INVENTORY_SCHEDULE_SCOPE, s.inventory_schedule)
                .await?
            {
                let result = self.sync_inventory(&id).await;
                if !matches!(result, Err(EngineError::Busy { .. })) {
                    report.note(Some(&id), Job::Inventory, &result);
                    report.inventory.push((id.clone(), result));
                }
            }
            if self
                .claim_slot(&id, MCF_TRACKING_SCHEDULE_SCOPE, s.mcf_tracking_schedule)
                .await?
            {
                handoff_due = true;
                let result = self.track_mcf(&id).await;
                if !matches!(result, Err(EngineError::Busy { .. })) {
                    report.note(Some(&id), Job::McfTracking, &result);
                    report.mcf.push((id.clone(), result));
                }
            }
            if handoff_due {
                let mcf = self.submit_mcf(&id).await;
                if !matches!(mcf, Err(EngineError::Busy { .. })) {
                    report.note(Some(&id), Job::McfSubmit, &mcf);
                    report.mcf.push((id.clone(), mcf));
                }
                let labels = self.run_labels(&id).await;
                report.note(Some(&id), Job::Labels, &labels);
                report.labels.push((id.clone(), labels));
            }
        }
        let outbound = self.run_outbound().await;
        report.note(None, Job::Outbound, &outbound);
        report.outbound = Some(outbound?);
        let mut feed_results_due = false;
        for rt in self.connections.values() {
            let s = rt.connection.settings.feed_results_schedule;
            feed_results_due |= self
                .claim_slot(&rt.connection.id, FEED_RESULTS_SCHEDULE_SCOPE, s)
                .await?;
        }
        if feed_results_due {
            let results = self.collect_feed_results().await;
            report.note(None, Job::FeedResults, &results);
            report.feed_results = Some(results?);
        }
        let engine_id = ConnectionId::new(ENGINE_CONNECTION);
        if self
            .claim_slot(&engine_id, RETENTION_SCHEDULE_SCOPE, Cadence::Daily)
            .await?
        {
            let retention = self.run_retention().await;
            report.note(None, Job::Retention, &retention);
            report.retention = Some(retention?);
        }
        Ok(report)
    }

    /// Whether the job of `scope` is due by `cadence`; when it is, records now as its last run (before
    /// running it, so a job that fails is retried at the next slot rather than on every tick).
    async fn claim_slot(
        &self,
        id: &ConnectionId,
        scope: &str,
        cadence: Cadence,
    ) -> Result<bool, EngineError> {
        let Some(interval) = cadence.interval() else {
            return Ok(false);
        };
        let now = self.now();
        if !self.due(id, scope, interval, now).await? {
            return Ok(false);
        }
        self.store
            .put_cursor(&Cursor::new(id.clone(), scope, Some(now), now))
            .await?;
        Ok(true)
    }

    async fn due(
        &self,
        id: &ConnectionId,
        scope: &str,
        interval: Duration,
        now: DateTime<Utc>,
    ) -> Result<bool, EngineError> {
        let last = self.store.get_cursor(id, scope).await?.and_then(|c| c.position);
        Ok(last.is_none_or(|t| now >= t + interval))
    }
}
