//! The scheduler tick: runs each connection's jobs when their cadence says they are due.

use chrono::{DateTime, Duration, Utc};

use super::{Engine, EngineError, FeedResultsReport, ImportReport, OutboundReport, RetentionReport};
use crate::domain::ConnectionId;
use crate::ports::Cursor;

/// Cursor scope recording when a connection's order import last ran on schedule.
pub const ORDERS_SCHEDULE_SCOPE: &str = "schedule:orders";

/// Cursor scope (under the connection id [`ENGINE_CONNECTION`]) recording when retention last ran.
pub const RETENTION_SCHEDULE_SCOPE: &str = "schedule:retention";

/// The connection id the engine's own (connection-independent) schedule cursors are stored under.
pub const ENGINE_CONNECTION: &str = "orderhub-engine";

/// What one [`Engine::tick`] did.
#[derive(Debug, Default)]
pub struct TickReport {
    /// Imports run, per connection; failures are kept here (the next tick retries) rather than stopping
    /// the other connections.
    pub imports: Vec<(ConnectionId, Result<ImportReport, EngineError>)>,
    /// The outbound pass (every tick: entries carry their own due times).
    pub outbound: Option<OutboundReport>,
    /// The feed-results pass (every tick: only submitted feeds are asked about).
    pub feed_results: Option<FeedResultsReport>,
    /// The retention pass, when it was due (daily).
    pub retention: Option<RetentionReport>,
}

impl Engine {
    /// Runs what is due now: each connection's order import per its `orders_schedule` (a connection that
    /// never ran is due), the outbound pass, the feed results, and retention once a day.
    ///
    /// # Errors
    /// [`EngineError::Store`] when the schedule itself cannot be read or written, and the errors of the
    /// outbound, feed-results and retention passes. Import errors are reported per connection in
    /// [`TickReport::imports`].
    pub async fn tick(&self) -> Result<TickReport, EngineError> {
        let mut report = TickReport::default();
        for rt in self.connections.values() {
            let id = rt.connection.id.clone();
            let Some(interval) = rt.connection.settings.orders_schedule.interval() else {
                continue;
            };
            let now = self.now();
            if !self.due(&id, ORDERS_SCHEDULE_SCOPE, interval, now).await? {
                continue;
            }
            let result = self.import_connection(&id).await;
            if let Err(EngineError::Busy { .. }) = &result {
                continue; // another worker runs it
            }
            self.store
                .put_cursor(&Cursor::new(id.clone(), ORDERS_SCHEDULE_SCOPE, Some(now), now))
                .await?;
            report.imports.push((id, result));
        }
        report.outbound = Some(self.run_outbound().await?);
        report.feed_results = Some(self.collect_feed_results().await?);
        let engine_id = ConnectionId::new(ENGINE_CONNECTION);
        let now = self.now();
        if self
            .due(&engine_id, RETENTION_SCHEDULE_SCOPE, Duration::days(1), now)
            .await?
        {
            report.retention = Some(self.run_retention().await?);
            self.store
                .put_cursor(&Cursor::new(engine_id, RETENTION_SCHEDULE_SCOPE, Some(now), now))
                .await?;
        }
        Ok(report)
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
