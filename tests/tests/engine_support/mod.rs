//! Shared set-up of the engine tests: a frozen simulator with one US seller, a connection and an engine.
#![allow(dead_code)]

use std::sync::Arc;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::sim::{Role, SellerSpec, SimConfig, SimHandle, Simulator};
use orderhub_core::engine::{ConnectionRuntime, Engine, EngineConfig};
use orderhub_core::policy::import::{AdmitAll, ImportPolicy};
use orderhub_core::ports::Store;
use orderhub_core::{
    AmazonRegion, Connection, ConnectionHealth, ConnectionId, ConnectionSettings, MarketplaceId,
    OrdersApiVersion, SellerId,
};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

pub const US: &str = "ATVPDKIKX0DER";
pub const SELLER: &str = "A1SIMUSSELLER1";
pub const CONNECTION: &str = "conn-us";

/// A frozen simulator (time moves only through `advance`) without usage plans, one US seller with every
/// role and `orders_per_day` orders a day over two days of history.
pub async fn simulator(seed: u64, orders_per_day: f64) -> SimHandle {
    let seller = SellerSpec::new(SELLER, &["US"])
        .roles(&Role::ALL)
        .orders_per_day(orders_per_day)
        .afn_share(0.2);
    Simulator::start(
        SimConfig::new(seed)
            .frozen()
            .without_limits()
            .sellers(vec![seller]),
    )
    .await
    .unwrap()
}

pub fn client(sim: &SimHandle) -> SpApiClient {
    client_with_token(sim, sim.seller(SELLER).unwrap().refresh_token)
}

pub fn client_with_token(sim: &SimHandle, refresh_token: amazon_spapi::auth::SecretString) -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url()).unwrap())
        .lwa_endpoint(Url::parse(&sim.lwa_url()).unwrap())
        .selling_partner_id(SELLER)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()
        .unwrap()
}

pub fn connection(api: OrdersApiVersion, import_from: chrono::DateTime<chrono::Utc>) -> Connection {
    let settings = ConnectionSettings {
        orders_api: api,
        import_from: Some(import_from),
        ..ConnectionSettings::default()
    };
    Connection {
        id: ConnectionId::new(CONNECTION),
        seller_id: SellerId::new(SELLER),
        region: AmazonRegion::Na,
        marketplaces: vec![MarketplaceId::new(US)],
        alias: Some("US store".to_owned()),
        settings,
        health: ConnectionHealth::Live,
    }
}

/// An engine with the default policies and no connection yet.
pub fn bare_engine(sim: &SimHandle, store: Arc<dyn Store>, policy: Arc<dyn ImportPolicy>) -> Engine {
    let config = EngineConfig {
        page_size: 50,
        backfill_window: chrono::Duration::hours(6),
        ..EngineConfig::default()
    };
    Engine::new(
        store,
        Arc::new(sim.clock()),
        policy,
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_config(config)
}

pub fn engine_with(
    sim: &SimHandle,
    store: Arc<dyn Store>,
    connection: Connection,
    policy: Arc<dyn ImportPolicy>,
) -> Engine {
    bare_engine(sim, store, policy).with_connection(ConnectionRuntime::new(connection, client(sim)))
}

pub fn engine(sim: &SimHandle, store: Arc<dyn Store>, connection: Connection) -> Engine {
    engine_with(sim, store, connection, Arc::new(AdmitAll))
}

pub fn conn_id() -> ConnectionId {
    ConnectionId::new(CONNECTION)
}

// ---------------------------------------------------------------------------------------------------
// Appended by helper "workers": a store wrapper that watches leases and can stop a worker dead at a
// chosen store call (the crash model of the fault and many-worker tests).
// ---------------------------------------------------------------------------------------------------

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use orderhub_core::ports::{
    ChangeSet, CommitReport, ConnectionStore, Cursor, FeedLogQuery, FeedLogStore, InventoryStore, Lease,
    OrderQuery, OrderStore, OutboxQuery, OutboxStore, StoreError, SyncStateStore, UnitOfWork, UpsertOutcome,
};
use orderhub_core::{AmazonOrderId, FeedRecord, InventoryItem, Order, OutboxEntry, OutboxId};

/// A store that forwards every call to `inner`, counts the calls, checks that a lease is never held by
/// two workers at once, and, when armed, never returns from call number `crash_at` (the worker is then
/// dropped by the test: a crash at a precise point, with everything before it committed).
pub struct ObservedStore {
    inner: Arc<dyn Store>,
    calls: AtomicU64,
    crash_at: AtomicU64,
    crashed: tokio::sync::Notify,
    leases: Mutex<HashMap<String, (String, chrono::DateTime<chrono::Utc>)>>,
    violations: Mutex<Vec<String>>,
    refusals: AtomicU64,
    acquired: Mutex<HashMap<String, u64>>,
}

impl ObservedStore {
    /// Wraps `inner`, unarmed.
    pub fn new(inner: Arc<dyn Store>) -> Arc<Self> {
        Arc::new(ObservedStore {
            inner,
            calls: AtomicU64::new(0),
            crash_at: AtomicU64::new(u64::MAX),
            crashed: tokio::sync::Notify::new(),
            leases: Mutex::new(HashMap::new()),
            violations: Mutex::new(Vec::new()),
            refusals: AtomicU64::new(0),
            acquired: Mutex::new(HashMap::new()),
        })
    }

    /// Store calls so far.
    pub fn calls(&self) -> u64 {
        self.calls.load(Ordering::SeqCst)
    }

    /// Makes the `n`-th call from now hang forever (and wakes [`ObservedStore::crashed`]).
    pub fn crash_after(&self, n: u64) {
        self.crash_at.store(self.calls() + n.max(1), Ordering::SeqCst);
    }

    /// Disarms the crash.
    pub fn disarm(&self) {
        self.crash_at.store(u64::MAX, Ordering::SeqCst);
    }

    /// Resolves once the armed call was reached.
    pub async fn crashed(&self) {
        self.crashed.notified().await;
    }

    /// Two holders of one unexpired lease, as seen at acquisition time.
    pub fn violations(&self) -> Vec<String> {
        self.violations.lock().unwrap().clone()
    }

    /// Lease requests refused because another worker held the lease.
    pub fn refusals(&self) -> u64 {
        self.refusals.load(Ordering::SeqCst)
    }

    /// Successful lease acquisitions per holder (renewals included).
    pub fn acquisitions(&self) -> HashMap<String, u64> {
        self.acquired.lock().unwrap().clone()
    }

    async fn step(&self) {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if n == self.crash_at.load(Ordering::SeqCst) {
            self.crashed.notify_one();
            std::future::pending::<()>().await;
        }
    }
}

#[async_trait::async_trait]
impl UnitOfWork for ObservedStore {
    async fn commit(&self, changes: ChangeSet) -> Result<CommitReport, StoreError> {
        self.step().await;
        self.inner.commit(changes).await
    }
}

#[async_trait::async_trait]
impl OrderStore for ObservedStore {
    async fn upsert_orders(&self, orders: &[Order]) -> Result<Vec<UpsertOutcome>, StoreError> {
        self.step().await;
        self.inner.upsert_orders(orders).await
    }
    async fn save_order(&self, order: &Order) -> Result<UpsertOutcome, StoreError> {
        self.step().await;
        self.inner.save_order(order).await
    }
    async fn get_order(&self, id: &AmazonOrderId) -> Result<Option<Order>, StoreError> {
        self.step().await;
        self.inner.get_order(id).await
    }
    async fn query_orders(&self, query: &OrderQuery) -> Result<Vec<Order>, StoreError> {
        self.step().await;
        self.inner.query_orders(query).await
    }
    async fn count_orders(&self, query: &OrderQuery) -> Result<u64, StoreError> {
        self.step().await;
        self.inner.count_orders(query).await
    }
}

#[async_trait::async_trait]
impl InventoryStore for ObservedStore {
    async fn put_items(&self, items: &[InventoryItem]) -> Result<(), StoreError> {
        self.step().await;
        self.inner.put_items(items).await
    }
    async fn get_item(&self, sku: &str) -> Result<Option<InventoryItem>, StoreError> {
        self.step().await;
        self.inner.get_item(sku).await
    }
    async fn list_items(&self) -> Result<Vec<InventoryItem>, StoreError> {
        self.step().await;
        self.inner.list_items().await
    }
}

#[async_trait::async_trait]
impl SyncStateStore for ObservedStore {
    async fn get_cursor(
        &self,
        connection_id: &ConnectionId,
        scope: &str,
    ) -> Result<Option<Cursor>, StoreError> {
        self.step().await;
        self.inner.get_cursor(connection_id, scope).await
    }
    async fn put_cursor(&self, cursor: &Cursor) -> Result<(), StoreError> {
        self.step().await;
        self.inner.put_cursor(cursor).await
    }
    async fn acquire_lease(
        &self,
        name: &str,
        holder: &str,
        now: chrono::DateTime<chrono::Utc>,
        ttl: chrono::Duration,
    ) -> Result<Option<Lease>, StoreError> {
        self.step().await;
        let got = self.inner.acquire_lease(name, holder, now, ttl).await?;
        match &got {
            Some(lease) => {
                let mut leases = self.leases.lock().unwrap();
                if let Some((other, until)) = leases.get(name) {
                    if other != holder && *until > now {
                        self.violations.lock().unwrap().push(format!(
                            "{holder} took lease {name} at {now} while {other} held it until {until}"
                        ));
                    }
                }
                leases.insert(name.to_owned(), (holder.to_owned(), lease.expires_at));
                *self
                    .acquired
                    .lock()
                    .unwrap()
                    .entry(holder.to_owned())
                    .or_default() += 1;
            }
            None => {
                self.refusals.fetch_add(1, Ordering::SeqCst);
            }
        }
        Ok(got)
    }
    async fn release_lease(&self, name: &str, holder: &str) -> Result<bool, StoreError> {
        self.step().await;
        {
            // Forget the holder before the lease is free, so a successor is never mistaken for an overlap.
            let mut leases = self.leases.lock().unwrap();
            if leases.get(name).is_some_and(|(h, _)| h == holder) {
                leases.remove(name);
            }
        }
        self.inner.release_lease(name, holder).await
    }
    async fn get_lease(&self, name: &str) -> Result<Option<Lease>, StoreError> {
        self.step().await;
        self.inner.get_lease(name).await
    }
}

#[async_trait::async_trait]
impl OutboxStore for ObservedStore {
    async fn enqueue(&self, entries: &[OutboxEntry]) -> Result<(), StoreError> {
        self.step().await;
        self.inner.enqueue(entries).await
    }
    async fn claim_due(
        &self,
        now: chrono::DateTime<chrono::Utc>,
        limit: u32,
        claimer: &str,
        claim_ttl: chrono::Duration,
    ) -> Result<Vec<OutboxEntry>, StoreError> {
        self.step().await;
        self.inner.claim_due(now, limit, claimer, claim_ttl).await
    }
    async fn mark_submitted(&self, ids: &[OutboxId], feed_record_id: &str) -> Result<(), StoreError> {
        self.step().await;
        self.inner.mark_submitted(ids, feed_record_id).await
    }
    async fn mark_done(&self, ids: &[OutboxId]) -> Result<(), StoreError> {
        self.step().await;
        self.inner.mark_done(ids).await
    }
    async fn mark_failed(&self, id: &OutboxId, message: &str, retryable: bool) -> Result<(), StoreError> {
        self.step().await;
        self.inner.mark_failed(id, message, retryable).await
    }
    async fn retry_at(
        &self,
        id: &OutboxId,
        not_before: chrono::DateTime<chrono::Utc>,
    ) -> Result<(), StoreError> {
        self.step().await;
        self.inner.retry_at(id, not_before).await
    }
    async fn get_outbox(&self, id: &OutboxId) -> Result<Option<OutboxEntry>, StoreError> {
        self.step().await;
        self.inner.get_outbox(id).await
    }
    async fn list_outbox(&self, query: &OutboxQuery) -> Result<Vec<OutboxEntry>, StoreError> {
        self.step().await;
        self.inner.list_outbox(query).await
    }
}

#[async_trait::async_trait]
impl FeedLogStore for ObservedStore {
    async fn record_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        self.step().await;
        self.inner.record_feed(record).await
    }
    async fn update_feed(&self, record: &FeedRecord) -> Result<(), StoreError> {
        self.step().await;
        self.inner.update_feed(record).await
    }
    async fn get_feed(&self, id: &str) -> Result<Option<FeedRecord>, StoreError> {
        self.step().await;
        self.inner.get_feed(id).await
    }
    async fn list_feeds(&self, query: &FeedLogQuery) -> Result<Vec<FeedRecord>, StoreError> {
        self.step().await;
        self.inner.list_feeds(query).await
    }
}

#[async_trait::async_trait]
impl ConnectionStore for ObservedStore {
    async fn save_connection(&self, connection: &Connection) -> Result<(), StoreError> {
        self.step().await;
        self.inner.save_connection(connection).await
    }
    async fn get_connection(&self, id: &ConnectionId) -> Result<Option<Connection>, StoreError> {
        self.step().await;
        self.inner.get_connection(id).await
    }
    async fn list_connections(&self) -> Result<Vec<Connection>, StoreError> {
        self.step().await;
        self.inner.list_connections().await
    }
    async fn set_connection_health(
        &self,
        id: &ConnectionId,
        health: &ConnectionHealth,
    ) -> Result<(), StoreError> {
        self.step().await;
        self.inner.set_connection_health(id, health).await
    }
}

// ---- added by "jobs": lost answers (crash between Amazon's work and the hub's record) ----
#[allow(unused_imports)]
pub use jobs_support::*;

mod jobs_support {
    use std::sync::Arc;

    use amazon_spapi::auth::LwaCredentials;
    use amazon_spapi::client::{SpApiClient, Url};
    use amazon_spapi::sim::SimHandle;
    use orderhub_core::ports::{OrderQuery, Store};
    use orderhub_core::{AmazonOrderStatus, FulfillmentChannel, Order};

    use super::SELLER;

    /// How [`LosingTransport`] fails the requests it picks.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Lose {
        /// The request reaches Amazon, the answer is lost (the worker "crashed" after Amazon did the work).
        Answer,
        /// The request never leaves (the worker "crashed" after recording its intent, before calling).
        Request,
    }

    /// A transport that fails every `method` request whose path ends with `path_suffix`, as `lose` says;
    /// everything else goes through.
    #[derive(Debug)]
    pub struct LosingTransport {
        inner: amazon_spapi::transport::ReqwestTransport,
        method: &'static str,
        path_suffix: &'static str,
        lose: Lose,
    }

    #[async_trait::async_trait]
    impl amazon_spapi::transport::Transport for LosingTransport {
        async fn send(
            &self,
            request: amazon_spapi::transport::HttpRequest,
        ) -> Result<amazon_spapi::transport::HttpResponse, amazon_spapi::error::TransportError> {
            let picked =
                request.method.as_str() == self.method && request.url.path().ends_with(self.path_suffix);
            if !picked {
                return self.inner.send(request).await;
            }
            if self.lose == Lose::Answer {
                let _ = self.inner.send(request).await;
            }
            Err(amazon_spapi::error::TransportError::new(
                amazon_spapi::error::TransportErrorKind::Reset,
                "connection reset (simulated crash)",
            ))
        }
    }

    /// The seller's client over a [`LosingTransport`].
    pub fn losing_client(
        sim: &SimHandle,
        method: &'static str,
        path_suffix: &'static str,
        lose: Lose,
    ) -> SpApiClient {
        let transport = LosingTransport {
            inner: amazon_spapi::transport::ReqwestTransport::new().unwrap(),
            method,
            path_suffix,
            lose,
        };
        client_over(sim, Arc::new(transport))
    }

    /// The seller's client over `transport` (which wraps the real one to inject a failure or a pause).
    pub fn client_over(
        sim: &SimHandle,
        transport: Arc<dyn amazon_spapi::transport::Transport>,
    ) -> SpApiClient {
        SpApiClient::builder()
            .credentials(LwaCredentials::new(
                sim.client_id(),
                sim.client_secret(),
                sim.seller(SELLER).unwrap().refresh_token,
            ))
            .endpoint(Url::parse(sim.base_url()).unwrap())
            .lwa_endpoint(Url::parse(&sim.lwa_url()).unwrap())
            .selling_partner_id(SELLER)
            .clock(Arc::new(sim.clock()))
            .sleeper(Arc::new(sim.clock()))
            .transport(transport)
            .build()
            .unwrap()
    }

    /// How many requests of `operation` (for example `merchant-fulfillment/createShipment`) Amazon answered
    /// with `status`.
    pub fn answered(sim: &SimHandle, operation: &str, status: u16) -> usize {
        sim.recorded_requests()
            .iter()
            .filter(|r| r.operation.as_deref() == Some(operation) && r.status == status)
            .count()
    }

    /// How many requests of `operation` reached Amazon.
    pub fn requests(sim: &SimHandle, operation: &str) -> usize {
        sim.recorded_requests()
            .iter()
            .filter(|r| r.operation.as_deref() == Some(operation))
            .count()
    }

    /// The store's open merchant-fulfilled orders (Unshipped, nothing shipped), by purchase date.
    pub async fn open_mfn_orders(store: &dyn Store) -> Vec<Order> {
        store
            .query_orders(&OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped))
            .await
            .unwrap()
            .into_iter()
            .filter(|o| {
                o.fulfillment_channel == FulfillmentChannel::Merchant
                    && o.lines.iter().all(|l| l.quantity_shipped == 0)
                    && o.shipping_address.is_present()
            })
            .collect()
    }
}
