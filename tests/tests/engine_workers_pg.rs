//! Four engine instances (four workers, each with its own SP-API client) share one PostgreSQL database and
//! one simulator. They tick concurrently over simulated time while the simulator produces orders and the
//! test marks shipments. Every order is imported once, every shipment confirmed once, each outbox entry
//! submitted by one worker, and the import lease is never held by two workers at once.
//!
//! Needs `DATABASE_URL`; skipped with a notice without it, unless `ORDERHUB_REQUIRE_DATABASE` is set (CI),
//! which makes a missing database a failure. Works in a fresh schema with a random name, dropped at the end.

mod engine_support;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use amazon_spapi::sim::SimHandle;
use chrono::Duration;
use engine_support::*;
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::engine::{ConnectionRuntime, Engine, EngineError, ORDERS_SCOPE};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{FeedLogQuery, OrderQuery, Store};
use orderhub_core::store::PostgresStore;
use orderhub_core::{
    AmazonOrderStatus, FulfillmentChannel, MarketplaceId, OrdersApiVersion, OutboxEntry, OutboxId,
    OutboxPayload, OutboxStatus, SellerId, Shipment, ShipmentId, ShipmentLine,
};

const WORKERS: usize = 4;

/// `DATABASE_URL`, or `None` with a notice; panics when `ORDERHUB_REQUIRE_DATABASE` is set and it is missing.
fn database_url() -> Option<String> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ if std::env::var_os("ORDERHUB_REQUIRE_DATABASE").is_some() => {
            panic!("ORDERHUB_REQUIRE_DATABASE is set but DATABASE_URL is not: the many-worker test cannot be skipped")
        }
        _ => {
            eprintln!("NOTICE: DATABASE_URL is not set; skipping the many-worker PostgreSQL test");
            None
        }
    }
}

/// Drops the schema when dropped (also when the test panics).
struct SchemaGuard {
    url: String,
    schema: String,
}

impl Drop for SchemaGuard {
    fn drop(&mut self) {
        let (url, schema) = (self.url.clone(), self.schema.clone());
        // Drop may run inside a runtime: do the async work on a thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            let _ = rt.block_on(PostgresStore::drop_schema(&url, &schema));
        })
        .join();
    }
}

fn keyring() -> Keyring {
    Keyring::new(EncryptionKey::new("k-workers", [7u8; 32]).unwrap())
}

/// Shipments for imported, still unshipped merchant orders: about half of them each round, some in two
/// packages. Returns (entry, tracking number) per package.
async fn mark_shipments(
    sim: &SimHandle,
    store: &dyn Store,
    round: usize,
    shipped: &mut BTreeSet<String>,
) -> Vec<(OutboxId, String)> {
    let now = sim.now();
    let orders = store
        .query_orders(&OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped))
        .await
        .unwrap();
    let mut entries = Vec::new();
    let mut out = Vec::new();
    for (i, o) in orders.into_iter().enumerate() {
        let id = o.id.as_str().to_owned();
        if o.fulfillment_channel != FulfillmentChannel::Merchant
            || o.lines.is_empty()
            || o.lines.iter().any(|l| l.quantity_shipped > 0)
            || shipped.contains(&id)
            || (i + round) % 2 == 1
            || sim.order(&id).map(|s| s.status != "Unshipped").unwrap_or(true)
        {
            continue;
        }
        shipped.insert(id.clone());
        let packages: Vec<Vec<ShipmentLine>> = if o.lines.len() >= 2 && i % 3 == 0 {
            o.lines
                .iter()
                .map(|l| {
                    vec![ShipmentLine {
                        order_item_id: l.order_item_id.clone(),
                        quantity: l.quantity_ordered,
                    }]
                })
                .collect()
        } else {
            vec![Vec::new()]
        };
        for lines in packages {
            let n = shipped.len() * 10 + entries.len();
            let tracking = format!("1ZW{round:03}{n:06}");
            let entry = OutboxEntry {
                id: OutboxId::new(format!("ship-{round}-{n}")),
                connection_id: conn_id(),
                seller_id: SellerId::new(SELLER),
                payload: OutboxPayload::ShipmentConfirmation {
                    marketplace_id: MarketplaceId::new(US),
                    shipment: Shipment {
                        id: ShipmentId::new(format!("pkg-{round}-{n}")),
                        order_id: o.id.clone(),
                        carrier: "UPS".to_owned(),
                        service: Some("Ground".to_owned()),
                        tracking_number: Some(tracking.clone()),
                        ship_date: now - Duration::minutes(30),
                        lines,
                        tracked: true,
                        label_created_at: None,
                        delivered_at: None,
                    },
                },
                created_at: now,
                not_before: now,
                attempts: 0,
                status: OutboxStatus::Pending,
            };
            out.push((entry.id.clone(), tracking));
            entries.push(entry);
        }
    }
    if !entries.is_empty() {
        store.enqueue(&entries).await.unwrap();
    }
    out
}

/// What one worker did in one round.
#[derive(Default)]
struct WorkerRound {
    imported: u64,
    imports: usize,
    busy: usize,
    claimed: usize,
    errors: Vec<String>,
}

async fn work(engine: Arc<Engine>) -> WorkerRound {
    let mut r = WorkerRound::default();
    match engine.tick().await {
        Ok(t) => {
            for (_, result) in &t.imports {
                match result {
                    Ok(rep) => {
                        r.imports += 1;
                        r.imported += rep.imported;
                    }
                    Err(e) => r.errors.push(format!("tick import: {e}")),
                }
            }
            r.claimed += t.outbound.as_ref().map_or(0, |o| o.claimed);
        }
        Err(e) => r.errors.push(format!("tick: {e}")),
    }
    // Besides the schedule, every worker tries the import at once: the lease lets one through.
    match engine.import_connection(&conn_id()).await {
        Ok(rep) => {
            r.imports += 1;
            r.imported += rep.imported;
        }
        Err(EngineError::Busy { .. }) => r.busy += 1,
        Err(e) => r.errors.push(format!("import: {e}")),
    }
    r
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_workers_share_one_database_and_do_everything_once() {
    let Some(url) = database_url() else {
        return;
    };
    let schema = format!("oh_workers_{}", uuid::Uuid::new_v4().simple());
    let _guard = SchemaGuard {
        url: url.clone(),
        schema: schema.clone(),
    };
    let pg: Arc<dyn Store> = Arc::new(
        PostgresStore::connect_in_schema(&url, &schema, keyring())
            .await
            .unwrap(),
    );
    let observed = ObservedStore::new(pg.clone());
    let store: Arc<dyn Store> = observed.clone();

    let sim = simulator(77, 150.0).await;
    let import_from = sim.now() - Duration::days(1);
    let engines: Vec<Arc<Engine>> = (0..WORKERS)
        .map(|i| {
            let mut engine =
                bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(ConnectionRuntime::new(
                    connection(OrdersApiVersion::V2026_01_01, import_from),
                    client(&sim),
                ));
            let mut config = engine.config().clone();
            config.worker_id = format!("worker-{i}");
            config.claim_limit = 7;
            engine = engine.with_config(config);
            Arc::new(engine)
        })
        .collect();

    let mut shipped = BTreeSet::new();
    let mut packages: Vec<(OutboxId, String)> = Vec::new();
    let (mut imported, mut imports, mut busy, mut claimed) = (0u64, 0usize, 0usize, 0usize);
    let mut per_worker_imports = vec![0usize; WORKERS];
    let active = 8;
    for round in 0..active + 6 {
        sim.advance(Duration::minutes(7));
        if round < active {
            packages.extend(mark_shipments(&sim, &*pg, round, &mut shipped).await);
        }
        // `Engine::tick`'s future cannot be proven `Send` for every lifetime (so it cannot go to
        // `tokio::spawn`); the four workers' ticks run concurrently as futures polled together, and their
        // extra outbound passes in tokio tasks.
        let extra: Vec<_> = engines
            .iter()
            .map(|e| {
                let e = e.clone();
                tokio::spawn(async move { e.run_outbound().await.map(|r| r.claimed) })
            })
            .collect();
        let results = futures::future::join_all(engines.iter().map(|e| work(e.clone()))).await;
        for t in extra {
            claimed += t.await.unwrap().expect("outbound pass");
        }
        for (i, r) in results.into_iter().enumerate() {
            assert!(r.errors.is_empty(), "worker {i}, round {round}: {:?}", r.errors);
            imported += r.imported;
            imports += r.imports;
            per_worker_imports[i] += r.imports;
            busy += r.busy;
            claimed += r.claimed;
        }
    }

    // Every order once.
    let stored = pg.query_orders(&OrderQuery::all()).await.unwrap();
    let ids: BTreeSet<String> = stored.iter().map(|o| o.id.as_str().to_owned()).collect();
    assert_eq!(stored.len(), ids.len(), "no order stored twice");
    assert_eq!(
        pg.count_orders(&OrderQuery::all()).await.unwrap(),
        ids.len() as u64
    );
    assert_eq!(
        imported,
        ids.len() as u64,
        "the workers' reports count each order inserted exactly once"
    );
    let cursor = pg
        .get_cursor(&conn_id(), ORDERS_SCOPE)
        .await
        .unwrap()
        .and_then(|c| c.position)
        .expect("the import committed a cursor");
    let amazon = sim.orders(SELLER).unwrap();
    let missing: Vec<&str> = amazon
        .iter()
        .filter(|o| o.marketplace_id == US && o.last_update >= import_from && o.last_update <= cursor)
        .map(|o| o.order_id.as_str())
        .filter(|id| !ids.contains(*id))
        .collect();
    assert!(missing.is_empty(), "orders missing: {missing:?}");
    let existed: BTreeSet<&str> = amazon
        .iter()
        .filter(|o| o.purchase_date <= cursor)
        .map(|o| o.order_id.as_str())
        .collect();
    assert!(ids.iter().all(|id| existed.contains(id.as_str())));
    assert!(ids.len() > 100, "{} orders", ids.len());

    // One importer at a time: concurrent attempts were refused, never let in next to the holder.
    assert!(observed.violations().is_empty(), "{:?}", observed.violations());
    assert!(busy > 0, "the workers' concurrent imports met the lease");
    assert!(observed.refusals() > 0);

    // Every package confirmed once, each entry submitted by exactly one worker.
    let mut confirmed: BTreeMap<String, usize> = BTreeMap::new();
    for r in sim.recorded_requests() {
        if r.operation.as_deref() == Some("orders-v0/confirmShipment") {
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            let t = body["packageDetail"]["trackingNumber"]
                .as_str()
                .unwrap()
                .to_owned();
            assert_eq!(r.status, 204, "confirmation of {t} refused");
            *confirmed.entry(t).or_default() += 1;
        }
    }
    let records = pg
        .list_feeds(&FeedLogQuery {
            connection_id: Some(conn_id()),
            status: None,
            limit: None,
        })
        .await
        .unwrap();
    let mut submissions: BTreeMap<&OutboxId, usize> = BTreeMap::new();
    for r in &records {
        for e in &r.entries {
            *submissions.entry(e).or_default() += 1;
        }
    }
    assert!(packages.len() > 30, "{} packages", packages.len());
    for (entry, tracking) in &packages {
        assert_eq!(
            confirmed.get(tracking).copied(),
            Some(1),
            "package {entry} ({tracking}) confirmed once"
        );
        assert_eq!(
            submissions.get(entry).copied(),
            Some(1),
            "entry {entry} submitted once"
        );
        assert_eq!(
            pg.get_outbox(entry).await.unwrap().unwrap().status,
            OutboxStatus::Done
        );
    }
    assert_eq!(confirmed.len(), packages.len(), "nothing else was confirmed");
    assert_eq!(claimed, packages.len(), "each entry claimed once");
    let busy_workers = per_worker_imports.iter().filter(|n| **n > 0).count();
    println!(
        "many workers: {WORKERS} workers, {} orders, {imports} imports (per worker {per_worker_imports:?}), {busy} \
         refused by the lease, {} packages confirmed once, {} submissions",
        ids.len(),
        packages.len(),
        records.len()
    );
    assert!(busy_workers >= 1);
    sim.shutdown().await;
}
