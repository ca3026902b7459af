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
//! - [`Engine::run_mcf`] ([`Engine::submit_mcf`], [`Engine::track_mcf`]): orders routed to Amazon
//!   Multi-Channel Fulfillment ([`MCF_ROUTE`]) are created there exactly once and followed until shipped;
//!   their tracking comes back as a shipment confirmation.
//! - [`Engine::buy_label`], [`Engine::void_label`], [`Engine::label_document`], [`Engine::run_labels`]:
//!   Amazon labels (Merchant Fulfillment) bought from order metadata, never twice for one order.
//! - [`Engine::sync_inventory`] and [`Engine::sync_fba_stock`]: the hub's stock out to Amazon (changed
//!   quantities only), and Amazon's FBA stock into the hub.
//! - [`Engine::test_credentials`]: connection health, persisted through the store's `ConnectionStore`.
//! - [`Engine::tick`]: runs what is due by each connection's schedule (call it from a timer loop).
//!
//! Every job takes the time from the clock once per step and hands it to the store and the policies.

mod error;
mod health;
mod import;
mod inventory;
mod labels;
mod mcf;
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
use crate::domain::{
    AmazonOrderId, CancelReason, Connection, ConnectionId, FulfillmentChannel, HubStatus, Order, OutboxEntry,
    OutboxId, OutboxPayload, OutboxStatus, Shipment,
};
use crate::fulfillment::McfFulfillmentService;
use crate::policy::import::ImportPolicy;
use crate::policy::outbound::OutboundPlanner;
use crate::policy::redaction::RedactionPolicy;
use crate::ports::{ChangeSet, FulfillmentService, Store, UpsertOutcome};

pub use error::EngineError;
pub use import::{
    decision_keys, BackfillProgress, BackfillReport, ImportReport, BACKFILL_SCOPE, ORDERS_SCOPE,
};
pub use inventory::{FbaStockReport, InventorySyncReport, FBA_STOCK_KEYS, INVENTORY_SYNC_SCOPE};
pub use labels::{
    label_keys, label_request, LabelDocument, LabelError, LabelOutcome, LabelOutcomeKind, LabelRequest,
    LabelsReport, LABELS_ROUTE,
};
pub use mcf::{mcf_keys, mcf_order_id, McfProblem, McfReport, MCF_ROUTE};
pub use outbound::{FeedResultsReport, OutboundReport, ReconcileReport};
pub use retention::{RedactedOrder, RetentionReport, LEGAL_HOLD_KEY, REDACTION_LOG_KEY};
pub use schedule::{
    Job, JobRun, TickReport, ENGINE_CONNECTION, FBA_STOCK_SCHEDULE_SCOPE, FEED_RESULTS_SCHEDULE_SCOPE,
    INVENTORY_SCHEDULE_SCOPE, MCF_TRACKING_SCHEDULE_SCOPE, ORDERS_SCHEDULE_SCOPE, RETENTION_SCHEDULE_SCOPE,
};

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
    /// The comment Amazon prints on the packing slip of Multi-Channel Fulfillment orders.
    pub mcf_packing_slip_comment: String,
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
            mcf_packing_slip_comment: "Thank you for your order.".to_owned(),
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
    /// The fulfillment service orders routed to [`MCF_ROUTE`] go to; `None` means Amazon MCF through
    /// [`ConnectionRuntime::client`] ([`McfFulfillmentService`]).
    pub fulfillment: Option<Arc<dyn FulfillmentService>>,
}

impl ConnectionRuntime {
    /// A new outbox entry of this connection, due now, not yet attempted.
    pub(crate) fn pending_entry(
        &self,
        id: OutboxId,
        payload: OutboxPayload,
        now: DateTime<Utc>,
    ) -> OutboxEntry {
        OutboxEntry {
            id,
            connection_id: self.connection.id.clone(),
            seller_id: self.connection.seller_id.clone(),
            payload,
            created_at: now,
            not_before: now,
            attempts: 0,
            status: OutboxStatus::Pending,
        }
    }

    /// A runtime for `connection` using `client`.
    pub fn new(connection: Connection, client: SpApiClient) -> Self {
        ConnectionRuntime {
            connection,
            client,
            missing_role: None,
            fulfillment: None,
        }
    }

    /// Sends this connection's MCF orders through `service` instead of Amazon MCF over the client.
    #[must_use]
    pub fn with_fulfillment(mut self, service: Arc<dyn FulfillmentService>) -> Self {
        self.fulfillment = Some(service);
        self
    }

    /// The fulfillment service of the connection.
    pub fn fulfillment_service(&self) -> Arc<dyn FulfillmentService> {
        match &self.fulfillment {
            Some(s) => s.clone(),
            None => Arc::new(McfFulfillmentService::new(self.client.clone())),
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

    /// Records a package the hub shipped and queues its confirmation for Amazon, in one transaction: the
    /// order's hub status becomes `Shipped` and a `ShipmentConfirmation` outbox entry with the id
    /// `ship-<shipment id>` is added (calling again with the same shipment id adds nothing). The outbound
    /// pass sends it. A shipment that lists no lines ships every unit still unshipped.
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::UnknownOrder`]; [`EngineError::Store`].
    pub async fn ship(
        &self,
        connection_id: &ConnectionId,
        shipment: Shipment,
    ) -> Result<OutboxId, EngineError> {
        let rt = self.runtime(connection_id)?;
        let order_id = shipment.order_id.clone();
        let Some(order) = self.store.get_order(&order_id).await? else {
            return Err(EngineError::UnknownOrder { order_id });
        };
        let now = self.now();
        let id = OutboxId::new(format!("ship-{}", shipment.id));
        let entry = rt.pending_entry(
            id.clone(),
            OutboxPayload::ShipmentConfirmation {
                marketplace_id: order.marketplace_id.clone(),
                shipment,
            },
            now,
        );
        self.update_order(&order_id, &[entry], &mut |o: &mut Order| {
            if !matches!(o.hub_status, HubStatus::Canceled) {
                o.hub_status = HubStatus::Shipped;
            }
        })
        .await?;
        Ok(id)
    }

    /// Cancels an order on the hub's side and queues the cancellation for Amazon, in one transaction: the
    /// hub status becomes `Canceled`, the unshipped units of a merchant-fulfilled order go back into the
    /// hub's stock (the next [`Engine::sync_inventory`] sends the new quantities), and a `Cancellation`
    /// outbox entry with the id `cancel-<order id>` is added for the whole order (calling again adds
    /// nothing and restocks nothing).
    ///
    /// # Errors
    /// [`EngineError::UnknownConnection`]; [`EngineError::UnknownOrder`]; [`EngineError::Store`].
    pub async fn cancel(
        &self,
        connection_id: &ConnectionId,
        order_id: &AmazonOrderId,
        reason: CancelReason,
    ) -> Result<OutboxId, EngineError> {
        let rt = self.runtime(connection_id)?;
        let id = OutboxId::new(format!("cancel-{order_id}"));
        let now = self.now();
        for _ in 0..5 {
            let Some(mut order) = self.store.get_order(order_id).await? else {
                return Err(EngineError::UnknownOrder {
                    order_id: order_id.clone(),
                });
            };
            let queued = self.store.get_outbox(&id).await?.is_some();
            if queued && order.hub_status == HubStatus::Canceled {
                return Ok(id);
            }
            let mut changes = ChangeSet::new();
            if !queued {
                if order.fulfillment_channel == FulfillmentChannel::Merchant
                    && !matches!(
                        order.hub_status,
                        HubStatus::Shipped | HubStatus::Closed | HubStatus::Canceled
                    )
                {
                    for line in &order.lines {
                        let Some(sku) = &line.sku else { continue };
                        if let Some(mut item) = self.store.get_item(sku).await? {
                            item.quantity += i64::from(line.quantity_unshipped());
                            changes = changes.inventory(item);
                        }
                    }
                    order.metadata.set(decision_keys::RESTOCKED, "1");
                }
                changes = changes.enqueue(rt.pending_entry(
                    id.clone(),
                    OutboxPayload::Cancellation {
                        order_id: order_id.clone(),
                        lines: Vec::new(),
                        reason,
                    },
                    now,
                ));
            }
            order.hub_status = HubStatus::Canceled;
            changes = changes.save(order);
            let report = self.store.commit(changes).await?;
            if report.orders.iter().any(|(_, o)| *o == UpsertOutcome::Stale) {
                // An import wrote a newer version meanwhile: the entry and the restock are in; the next
                // round sets the status on the newer version.
                continue;
            }
            return Ok(id);
        }
        Err(EngineError::Busy {
            lease: format!("order {order_id} (it kept changing while being saved; run the job again)"),
        })
    }

    /// Takes the lease `name` for this worker, or [`EngineError::Busy`].
    pub(crate) async fn take_lease(&self, name: &str) -> Result<(), EngineError> {
        let now = self.now();
        match self
            .store
            .acquire_lease(name, &self.config.worker_id, now, self.config.lease_ttl)
            .await?
        {
            Some(_) => Ok(()),
            None => Err(EngineError::Busy {
                lease: name.to_owned(),
            }),
        }
    }

    /// Gives the lease `name` back; a failure only delays the next worker until the lease expires.
    pub(crate) async fn give_lease(&self, name: &str) {
        if let Err(e) = self.store.release_lease(name, &self.config.worker_id).await {
            tracing::warn!(lease = name, error = %e, "could not release a lease");
        }
    }

    /// Loads an order, changes it with `change` and saves it together with `outbox` (entries whose id
    /// already exists are left out, so deterministic ids make the write idempotent), in one transaction.
    /// When an import wrote a newer version meanwhile the change is applied again to that one.
    /// `Ok(None)` when the order does not exist.
    pub(crate) async fn update_order(
        &self,
        order_id: &AmazonOrderId,
        outbox: &[OutboxEntry],
        change: &mut (dyn FnMut(&mut Order) + Send),
    ) -> Result<Option<Order>, EngineError> {
        for _ in 0..5 {
            let Some(mut order) = self.store.get_order(order_id).await? else {
                return Ok(None);
            };
            change(&mut order);
            let mut changes = ChangeSet::new().save(order.clone());
            for e in outbox {
                if self.store.get_outbox(&e.id).await?.is_none() {
                    changes = changes.enqueue(e.clone());
                }
            }
            let report = self.store.commit(changes).await?;
            if report.orders.iter().any(|(_, o)| *o == UpsertOutcome::Stale) {
                continue;
            }
            return Ok(Some(order));
        }
        Err(EngineError::Busy {
            lease: format!("order {order_id} (it kept changing while being saved; run the job again)"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Integrators run the jobs from spawned timer tasks: every job's future must be `Send + 'static`
    /// when it owns an `Arc<Engine>`. This fails to compile, not to run, when one is not (a generic
    /// closure held across an await once made `tick` not `Send`).
    #[test]
    fn every_job_can_be_spawned() {
        fn spawnable<F: std::future::Future + Send + 'static>(_: &F) {}
        fn check(e: Arc<Engine>, c: ConnectionId, o: AmazonOrderId) {
            spawnable(&{
                let (e, c, o) = (e.clone(), c.clone(), o.clone());
                async move {
                    let _ = e.tick().await;
                    let _ = e.import_connection(&c).await;
                    let _ = e
                        .backfill(&c, DateTime::<Utc>::MIN_UTC, &mut |_: &BackfillProgress| {})
                        .await;
                    let _ = e.test_credentials(&c).await;
                    let _ = e.sync_inventory(&c).await;
                    let _ = e.sync_fba_stock(&c).await;
                    let _ = e.run_labels(&c).await;
                    let _ = e.buy_label(&c, &o).await;
                    let _ = e.void_label(&c, &o).await;
                    let _ = e.run_mcf(&c).await;
                    let _ = e.run_outbound().await;
                    let _ = e.reconcile_submissions().await;
                    let _ = e.collect_feed_results().await;
                    let _ = e.run_retention().await;
                }
            });
            drop((e, c, o));
        }
        let _ = check;
    }

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
