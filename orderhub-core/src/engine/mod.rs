//! The sync engine: moves orders in from Amazon, outbound changes out to Amazon, and redacts personal data
//! when it is due, through the ports (storage), the policy traits (decisions) and `amazon-spapi`.
//!
//! An [`Engine`] is built from an `Arc<dyn Store>`, a [`Clock`], the three policies
//! ([`ImportPolicy`], [`OutboundPlanner`], [`RedactionPolicy`]) and one [`SpApiClient`] per connection
//! ([`ConnectionRuntime`]). Its jobs:
//!
//! - [`Engine::import_connection`]: the incremental import of one connection. The cursor (scope
//!   [`ORDERS_SCOPE`]) is `LastUpdatedAfter`; each page of `getOrders` (Orders v0) or `searchOrders`
//!   (Orders 2026-01-01, chosen per connection) is mapped by the Amazon adapter, judged by the import
//!   policy and committed in one transaction together with its outbox entries, inventory changes and the
//!   cursor, which moves to the newest committed `LastUpdateDate` (never past the answer's
//!   `LastUpdatedBefore`) and, at the end of the walk, to `LastUpdatedBefore`.
//! - [`Engine::backfill`]: the same walk from a date to the present in windows, resumable after a crash
//!   (cursor scope [`BACKFILL_SCOPE`]), with a progress callback.
//! - [`Engine::run_outbound`] and [`Engine::collect_feed_results`]: claim due outbox entries, ask the
//!   planner for batches, record the submission in the feed log *before* calling Amazon, submit, and read
//!   the results later. [`Engine::reconcile_submissions`] settles submissions a crash left open without
//!   ever confirming a package twice.
//! - [`Engine::run_retention`]: redact the personal data the redaction policy says is due.
//! - [`Engine::tick`]: runs what is due by each connection's schedule (call it from a timer loop).
//!
//! Every job takes the time from the clock once per step and hands it to the store and the policies.

mod error;
mod health;
mod import;
mod outbound;
mod retention;
mod schedule;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use amazon_spapi::client::SpApiClient;
use amazon_spapi::clock::Clock;
use chrono::{DateTime, Duration, Utc};

use crate::adapter::AdapterContext;
use crate::domain::{Connection, ConnectionId};
use crate::policy::import::ImportPolicy;
use crate::policy::outbound::OutboundPlanner;
use crate::policy::redaction::RedactionPolicy;
use crate::ports::Store;

pub use error::EngineError;
pub use import::{
    decision_keys, BackfillProgress, BackfillReport, ImportReport, BACKFILL_SCOPE, ORDERS_SCOPE,
};
pub use outbound::{FeedResultsReport, OutboundReport, ReconcileReport};
pub use retention::{RedactedOrder, RetentionReport, LEGAL_HOLD_KEY, REDACTION_LOG_KEY};
pub use schedule::{TickReport, ENGINE_CONNECTION, ORDERS_SCHEDULE_SCOPE, RETENTION_SCHEDULE_SCOPE};

/// Tunables of the engine. The defaults suit one worker importing every 10 minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EngineConfig {
    /// This worker's name: lease holder and outbox claimer.
    pub worker_id: String,
    /// Orders per page asked of Amazon (1 to 100).
    pub page_size: u32,
    /// How long the import lease of a connection lasts without being renewed.
    pub lease_ttl: Duration,
    /// How long claimed outbox entries stay reserved for this worker.
    pub claim_ttl: Duration,
    /// Most outbox entries claimed per outbound run.
    pub claim_limit: u32,
    /// First retry delay of a failed outbox entry; doubled per attempt.
    pub retry_base: Duration,
    /// Longest retry delay.
    pub retry_max: Duration,
    /// Attempts after which a failing entry is marked failed for good.
    pub max_attempts: u32,
    /// Width of one backfill window.
    pub backfill_window: Duration,
    /// Ask Amazon for buyers' personal data (needs the restricted roles).
    pub personal_data: bool,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            worker_id: "orderhub-engine".to_owned(),
            page_size: 100,
            lease_ttl: Duration::minutes(10),
            claim_ttl: Duration::minutes(10),
            claim_limit: 500,
            retry_base: Duration::minutes(1),
            retry_max: Duration::hours(6),
            max_attempts: 8,
            backfill_window: Duration::days(1),
            personal_data: true,
        }
    }
}

impl EngineConfig {
    /// The delay before attempt `attempts + 1` of a failed entry: `retry_base * 2^(attempts - 1)`, at most
    /// `retry_max`.
    pub fn backoff(&self, attempts: u32) -> Duration {
        let shift = attempts.saturating_sub(1).min(20);
        let factor = 1i32 << shift;
        let delay = self.retry_base.checked_mul(factor).unwrap_or(self.retry_max);
        delay.min(self.retry_max)
    }
}

/// One connection as the engine runs it: its settings and the client that talks to Amazon for it.
#[derive(Clone)]
pub struct ConnectionRuntime {
    /// The connection and its settings.
    pub connection: Connection,
    /// The SP-API client of the seller (its clock should be the engine's).
    pub client: SpApiClient,
    /// When the app lacks the restricted role for personal data, its name (the adapter marks missing
    /// personal data with it).
    pub missing_role: Option<String>,
}

impl ConnectionRuntime {
    /// A runtime for `connection` using `client`.
    pub fn new(connection: Connection, client: SpApiClient) -> Self {
        ConnectionRuntime {
            connection,
            client,
            missing_role: None,
        }
    }

    pub(crate) fn adapter_context(&self) -> AdapterContext {
        AdapterContext {
            seller_id: self.connection.seller_id.clone(),
            missing_role: self.missing_role.clone(),
        }
    }
}

impl fmt::Debug for ConnectionRuntime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionRuntime")
            .field("connection", &self.connection.id)
            .field("seller", &self.connection.seller_id)
            .finish_non_exhaustive()
    }
}

/// The sync engine. Cheap to share behind an `Arc`; every job takes `&self`.
pub struct Engine {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    import_policy: Arc<dyn ImportPolicy>,
    planner: Arc<dyn OutboundPlanner>,
    redaction: Arc<dyn RedactionPolicy>,
    connections: BTreeMap<ConnectionId, ConnectionRuntime>,
    config: EngineConfig,
}

impl fmt::Debug for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Engine")
            .field("connections", &self.connections.keys().collect::<Vec<_>>())
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// An engine over `store`, reading time from `clock`, asking the three policies. Add connections
    /// with [`Engine::with_connection`].
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        import_policy: Arc<dyn ImportPolicy>,
        planner: Arc<dyn OutboundPlanner>,
        redaction: Arc<dyn RedactionPolicy>,
    ) -> Self {
        Engine {
            store,
            clock,
            import_policy,
            planner,
            redaction,
            connections: BTreeMap::new(),
            config: EngineConfig::default(),
        }
    }

    /// Adds (or replaces) a connection.
    #[must_use]
    pub fn with_connection(mut self, runtime: ConnectionRuntime) -> Self {
        self.connections.insert(runtime.connection.id.clone(), runtime);
        self
    }

    /// Sets the configuration.
    #[must_use]
    pub fn with_config(mut self, config: EngineConfig) -> Self {
        self.config = config;
        self
    }

    /// The configuration.
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    /// The store.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The connections, by id.
    pub fn connections(&self) -> impl Iterator<Item = &ConnectionRuntime> {
        self.connections.values()
    }

    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub(crate) fn runtime(&self, id: &ConnectionId) -> Result<&ConnectionRuntime, EngineError> {
        self.connections
            .get(id)
            .ok_or_else(|| EngineError::UnknownConnection {
                connection_id: id.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_and_caps() {
        let c = EngineConfig::default();
        assert_eq!(c.backoff(1), Duration::minutes(1));
        assert_eq!(c.backoff(2), Duration::minutes(2));
        assert_eq!(c.backoff(4), Duration::minutes(8));
        assert_eq!(c.backoff(30), Duration::hours(6));
        assert_eq!(c.backoff(0), Duration::minutes(1));
    }
}
