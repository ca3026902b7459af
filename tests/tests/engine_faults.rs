//! Seeded fault runs of the sync engine against the simulator: 5xx answers, connection resets,
//! truncated bodies, timeouts, an access token that expires mid-run, throttling storms, repeated and
//! reordered pages, and a worker stopped dead at a seeded store call and restarted. After every run:
//! zero orders lost, zero duplicated, zero shipments confirmed twice (or never).
//!
//! 200 runs by default (a few orders each, memory store); `ORDERHUB_FAULT_RUNS=N` for more, and
//! `ORDERHUB_FAULT_SEED=S` to replay one run. A summary line is printed (`--nocapture` to see it).
//!
//! A worker's step is the engine's three exactly-once jobs (`import_connection`, `run_outbound`,
//! `collect_feed_results`). Shipments go out as `confirmShipment` calls in some runs and as
//! `POST_ORDER_FULFILLMENT_DATA` feeds in others; some orders ship in two packages.

mod engine_support;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration as StdDuration;

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::sim::{FaultConfig, RateLimitHeader, Role, SellerSpec, SimConfig, SimHandle, Simulator};
use chrono::{DateTime, Duration, Utc};
use engine_support::{conn_id, connection, ObservedStore, SELLER, US};
use orderhub_core::engine::{ConnectionRuntime, Engine, EngineConfig, ORDERS_SCOPE};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{FeedLogQuery, OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    AmazonOrderStatus, FeedStatus, FulfillmentChannel, MarketplaceId, OrdersApiVersion, OutboxEntry,
    OutboxId, OutboxPayload, OutboxStatus, SellerId, Shipment, ShipmentId, ShipmentLine,
};
use orderhub_feeds::{ConfirmationMode, FeedPlanner, PlannerConfig};
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

/// A small deterministic generator (splitmix64), so a run is a function of its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// One shipment the test asked the hub to confirm.
struct Expected {
    entry: OutboxId,
    order: String,
    tracking: String,
}

/// What one run saw.
#[derive(Default, Debug)]
struct RunStats {
    orders: usize,
    shipments: usize,
    multi_package_orders: usize,
    feed_mode: bool,
    crashes: usize,
    requests: usize,
    http_5xx: usize,
    throttled: usize,
    expired_token: usize,
    recovery: Recovery,
    duplicated_orders: usize,
    lost_orders: usize,
    double_confirmations: usize,
    lost_confirmations: usize,
    failures: Vec<String>,
}

fn client(sim: &SimHandle, timeout: Option<StdDuration>) -> SpApiClient {
    let mut b = SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            sim.seller(SELLER).unwrap().refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url()).unwrap())
        .lwa_endpoint(Url::parse(&sim.lwa_url()).unwrap())
        .selling_partner_id(SELLER)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()));
    if let Some(t) = timeout {
        b = b.request_timeout(t);
    }
    b.build().unwrap()
}

fn worker(
    sim: &SimHandle,
    store: Arc<dyn Store>,
    planner: Arc<FeedPlanner>,
    conn: orderhub_core::Connection,
    worker_id: String,
    timeout: Option<StdDuration>,
) -> Engine {
    let config = EngineConfig {
        worker_id,
        page_size: 20,
        ..EngineConfig::default()
    };
    Engine::new(
        store,
        Arc::new(sim.clock()),
        Arc::new(AdmitAll),
        planner,
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_config(config)
    .with_connection(ConnectionRuntime::new(conn, client(sim, timeout)))
}

/// What the engine reported doing about lost answers and crashes.
#[derive(Default, Debug, Clone, Copy)]
struct Recovery {
    job_errors: usize,
    unknown_outcome: usize,
    adopted: usize,
    resubmitted: usize,
    confirmed_at_amazon: usize,
    held: usize,
}

impl Recovery {
    fn add(&mut self, o: Recovery) {
        self.job_errors += o.job_errors;
        self.unknown_outcome += o.unknown_outcome;
        self.adopted += o.adopted;
        self.resubmitted += o.resubmitted;
        self.confirmed_at_amazon += o.confirmed_at_amazon;
        self.held += o.held;
    }
}

/// One worker step.
async fn step(engine: &Engine) -> Recovery {
    let mut r = Recovery::default();
    let verbose = std::env::var_os("ORDERHUB_FAULT_VERBOSE").is_some();
    match engine.import_connection(&conn_id()).await {
        Ok(_) | Err(orderhub_core::engine::EngineError::Busy { .. }) => {}
        Err(e) => {
            if verbose {
                eprintln!("import: {e}");
            }
            r.job_errors += 1;
        }
    }
    match engine.run_outbound().await {
        Ok(o) => {
            r.unknown_outcome += o.unknown_outcome;
            r.adopted += o.reconciled.adopted;
            r.resubmitted += o.reconciled.resubmitted;
            r.confirmed_at_amazon += o.reconciled.confirmed_at_amazon;
            r.held += o.reconciled.held;
        }
        Err(_) => r.job_errors += 1,
    }
    if engine.collect_feed_results().await.is_err() {
        r.job_errors += 1;
    }
    r
}

/// Enqueues shipments for imported, still unshipped merchant orders (some in two packages).
async fn mark_shipments(
    sim: &SimHandle,
    store: &dyn Store,
    rng: &mut Rng,
    seed: u64,
    shipped: &mut BTreeSet<String>,
    expected: &mut Vec<Expected>,
    stats: &mut RunStats,
) {
    let now = sim.now();
    let orders = store
        .query_orders(&OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped))
        .await
        .unwrap();
    let mut entries = Vec::new();
    for o in orders {
        let id = o.id.as_str().to_owned();
        if o.fulfillment_channel != FulfillmentChannel::Merchant
            || o.lines.iter().any(|l| l.quantity_shipped > 0)
            || o.lines.is_empty()
            || shipped.contains(&id)
            || !rng.chance(0.6)
        {
            continue;
        }
        if sim.order(&id).map(|s| s.status != "Unshipped").unwrap_or(true) {
            continue;
        }
        shipped.insert(id.clone());
        let packages: Vec<Vec<ShipmentLine>> = if o.lines.len() >= 2 && rng.chance(0.5) {
            stats.multi_package_orders += 1;
            let cut = 1 + (rng.next() as usize % (o.lines.len() - 1));
            let line = |l: &orderhub_core::OrderLine| ShipmentLine {
                order_item_id: l.order_item_id.clone(),
                quantity: l.quantity_ordered,
            };
            vec![
                o.lines[..cut].iter().map(line).collect(),
                o.lines[cut..].iter().map(line).collect(),
            ]
        } else {
            // "Everything still unshipped": the engine fills the lines from the order.
            vec![Vec::new()]
        };
        for lines in packages {
            let n = expected.len();
            let tracking = format!("1ZF{seed:08X}{n:04}");
            let entry = OutboxEntry {
                id: OutboxId::new(format!("ship-{seed}-{n}")),
                connection_id: conn_id(),
                seller_id: SellerId::new(SELLER),
                payload: OutboxPayload::ShipmentConfirmation {
                    marketplace_id: MarketplaceId::new(US),
                    shipment: Shipment {
                        id: ShipmentId::new(format!("pkg-{seed}-{n}")),
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
            expected.push(Expected {
                entry: entry.id.clone(),
                order: id.clone(),
                tracking,
            });
            entries.push(entry);
        }
    }
    if !entries.is_empty() {
        store.enqueue(&entries).await.unwrap();
    }
}

/// Whether every shipment is settled and no submission is open.
async fn settled(store: &dyn Store, expected: &[Expected]) -> bool {
    for e in expected {
        match store.get_outbox(&e.entry).await.unwrap().map(|x| x.status) {
            Some(OutboxStatus::Done) | Some(OutboxStatus::Failed { .. }) => {}
            _ => return false,
        }
    }
    store
        .list_feeds(&FeedLogQuery {
            connection_id: Some(conn_id()),
            status: Some(FeedStatus::Submitted),
            limit: None,
        })
        .await
        .unwrap()
        .is_empty()
}

/// How many confirmations Amazon accepted per tracking number: `confirmShipment` calls it answered 204,
/// and `POST_ORDER_FULFILLMENT_DATA` feeds it created, by the messages of their uploaded documents.
fn accepted_confirmations(sim: &SimHandle) -> BTreeMap<String, usize> {
    let records = sim.recorded_requests();
    let mut uploads: BTreeMap<String, String> = BTreeMap::new();
    for r in &records {
        if r.operation.as_deref() == Some("storage/document") && r.method == "PUT" && r.status == 200 {
            let id = r.path.trim_start_matches("/sim-storage/").to_owned();
            uploads.insert(id, String::from_utf8_lossy(&r.body).into_owned());
        }
    }
    let mut out: BTreeMap<String, usize> = BTreeMap::new();
    for r in &records {
        let op = r.operation.as_deref().unwrap_or("");
        if op == "orders-v0/confirmShipment" && r.status == 204 {
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            if let Some(t) = body["packageDetail"]["trackingNumber"].as_str() {
                *out.entry(t.to_owned()).or_default() += 1;
            }
        } else if op.ends_with("createFeed") && r.status == 202 {
            let body: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
            if body["feedType"] != "POST_ORDER_FULFILLMENT_DATA" {
                continue;
            }
            let doc = body["inputFeedDocumentId"].as_str().unwrap_or("");
            let text = uploads.get(doc).cloned().unwrap_or_default();
            for part in text.split("<ShipperTrackingNumber>").skip(1) {
                if let Some(t) = part.split('<').next() {
                    *out.entry(t.trim().to_owned()).or_default() += 1;
                }
            }
        }
    }
    out
}

async fn one_run(seed: u64) -> RunStats {
    let mut rng = Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5EED);
    let mut stats = RunStats {
        feed_mode: rng.chance(0.35),
        ..RunStats::default()
    };
    let api = if rng.chance(0.3) {
        OrdersApiVersion::V0
    } else {
        OrdersApiVersion::V2026_01_01
    };
    let storm = rng.chance(0.25);
    let slow = rng.chance(0.1);
    let faults = FaultConfig {
        internal_error_share: 0.02 + 0.05 * rng.unit(),
        unavailable_share: 0.02 + 0.05 * rng.unit(),
        connection_reset_share: 0.02 + 0.04 * rng.unit(),
        truncated_body_share: 0.02 + 0.04 * rng.unit(),
        latency_share: if slow { 0.05 } else { 0.0 },
        max_latency: StdDuration::from_millis(100),
        repeated_page_share: 0.1 * rng.unit(),
        reordered_page_share: 0.2 * rng.unit(),
        expire_tokens_after_requests: Some(rng.range(3, 60)),
        include_lwa: rng.chance(0.5),
        gzip_content_encoding_header: rng.chance(0.5),
    };
    let seller = SellerSpec::new(SELLER, &["US"])
        .roles(&Role::ALL)
        .orders_per_day(8.0 + rng.unit() * 8.0)
        .afn_share(0.15);
    let mut cfg = SimConfig::new(seed).frozen().sellers(vec![seller]).faults(faults);
    cfg.history = Duration::hours(12);
    if storm {
        // The client is told a rate far above the usage plan: storms of 429s (and 403s after several).
        cfg.limits.header = RateLimitHeader::Wrong(25.0);
        cfg.limits.factor = 0.3 + 0.5 * rng.unit();
        if let Some(f) = std::env::var("ORDERHUB_FAULT_STORM_FACTOR")
            .ok()
            .and_then(|v| v.parse().ok())
        {
            cfg.limits.factor = f;
        }
        cfg.limits.forbid_after_throttles = Some(4);
    } else {
        cfg.limits.enabled = false;
    }
    let sim = Simulator::start(cfg).await.unwrap();
    let import_from = sim.now() - Duration::hours(12);
    let conn = connection(api, import_from);
    let planner = Arc::new(FeedPlanner::new(PlannerConfig {
        confirmation_mode: if stats.feed_mode {
            ConfirmationMode::Feed
        } else {
            ConfirmationMode::Api
        },
        ..PlannerConfig::default()
    }));
    let timeout = slow.then(|| StdDuration::from_millis(50));
    let memory: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let observed = ObservedStore::new(memory.clone());
    let store: Arc<dyn Store> = observed.clone();
    let mut generation = 0u32;
    let mut engine = worker(
        &sim,
        store.clone(),
        planner.clone(),
        conn.clone(),
        format!("w{seed}-{generation}"),
        timeout,
    );
    let mut shipped = BTreeSet::new();
    let mut expected = Vec::new();
    let crash_round = rng.range(0, 5);
    let mut crash_armed = false;

    let active_rounds = 6;
    let settle_rounds = 60;
    for round in 0..active_rounds + settle_rounds {
        sim.advance(Duration::minutes(if round < active_rounds { 10 } else { 15 }));
        if round < active_rounds {
            mark_shipments(
                &sim,
                &*memory,
                &mut rng,
                seed,
                &mut shipped,
                &mut expected,
                &mut stats,
            )
            .await;
        } else if settled(&*memory, &expected).await && round > active_rounds + 1 {
            break;
        }
        if round as u64 >= crash_round && stats.crashes == 0 && !crash_armed {
            observed.crash_after(rng.range(1, 40));
            crash_armed = true;
        }
        let crashed = {
            let work = step(&engine);
            tokio::pin!(work);
            tokio::select! {
                biased;
                () = observed.crashed() => true,
                r = &mut work => {
                    stats.recovery.add(r);
                    false
                }
            }
        };
        if crashed {
            // The worker died at a store call: drop it (its in-flight calls with it) and start another.
            stats.crashes += 1;
            observed.disarm();
            drop(engine);
            generation += 1;
            engine = worker(
                &sim,
                store.clone(),
                planner.clone(),
                conn.clone(),
                format!("w{seed}-{generation}"),
                timeout,
            );
        } else if crash_armed && stats.crashes == 0 {
            // The step ended before the armed call: arm again in the next round.
            observed.disarm();
            crash_armed = false;
        }
    }
    observed.disarm();
    // A last import, so the cursor covers what the checks below expect.
    let _ = engine.import_connection(&conn_id()).await;
    check(&sim, &*memory, &expected, import_from, &mut stats).await;
    let records = sim.recorded_requests();
    if std::env::var_os("ORDERHUB_FAULT_VERBOSE").is_some() {
        for r in &records {
            let body = if r
                .operation
                .as_deref()
                .is_some_and(|o| o.contains("Feed") || o.contains("storage"))
            {
                String::from_utf8_lossy(&r.body)
                    .chars()
                    .take(160)
                    .collect::<String>()
            } else {
                String::new()
            };
            eprintln!(
                "{} {} {} {:?} {} {}",
                r.seq, r.sim_time, r.method, r.operation, r.status, body
            );
        }
    }
    stats.requests = records.len();
    stats.http_5xx = records.iter().filter(|r| r.status >= 500).count();
    stats.throttled = records.iter().filter(|r| r.status == 429).count();
    stats.expired_token = records.iter().filter(|r| r.status == 403).count();
    sim.shutdown().await;
    stats
}

async fn check(
    sim: &SimHandle,
    store: &dyn Store,
    expected: &[Expected],
    import_from: DateTime<Utc>,
    stats: &mut RunStats,
) {
    // Orders: every order Amazon changed between the import date and the cursor is stored, nothing that
    // did not exist, each once.
    let stored = store.query_orders(&OrderQuery::all()).await.unwrap();
    let ids: BTreeSet<String> = stored.iter().map(|o| o.id.as_str().to_owned()).collect();
    stats.orders = ids.len();
    let counted = store.count_orders(&OrderQuery::all()).await.unwrap() as usize;
    stats.duplicated_orders += stored.len() - ids.len() + counted.abs_diff(ids.len());
    for o in &stored {
        let lines: BTreeSet<&str> = o.lines.iter().map(|l| l.order_item_id.as_str()).collect();
        if lines.len() != o.lines.len() {
            stats.duplicated_orders += 1;
            stats.failures.push(format!("order {} has a line twice", o.id));
        }
    }
    let cursor = store
        .get_cursor(&conn_id(), ORDERS_SCOPE)
        .await
        .unwrap()
        .and_then(|c| c.position);
    let Some(cursor) = cursor else {
        stats
            .failures
            .push("the import never committed a cursor".to_owned());
        stats.lost_orders += 1;
        return;
    };
    let amazon = sim.orders(SELLER).unwrap();
    for o in &amazon {
        if o.marketplace_id == US
            && o.last_update >= import_from
            && o.last_update <= cursor
            && !ids.contains(&o.order_id)
        {
            stats.lost_orders += 1;
            stats.failures.push(format!(
                "order {} (updated {}) is missing",
                o.order_id, o.last_update
            ));
        }
    }
    let possible: BTreeSet<&str> = amazon
        .iter()
        .filter(|o| o.purchase_date <= cursor)
        .map(|o| o.order_id.as_str())
        .collect();
    for id in &ids {
        if !possible.contains(id.as_str()) {
            stats.duplicated_orders += 1;
            stats
                .failures
                .push(format!("order {id} is stored but did not exist at the cursor"));
        }
    }

    // Shipments: each confirmed at Amazon exactly once.
    stats.shipments = expected.len();
    let accepted = accepted_confirmations(sim);
    for e in expected {
        let n = accepted.get(&e.tracking).copied().unwrap_or(0);
        let status = store.get_outbox(&e.entry).await.unwrap().map(|x| x.status);
        if n > 1 {
            stats.double_confirmations += 1;
            stats.failures.push(format!(
                "shipment {} of order {} confirmed {n} times",
                e.entry, e.order
            ));
        } else if n == 0 {
            let cancelled = sim
                .order(&e.order)
                .map(|o| o.status == "Canceled")
                .unwrap_or(false);
            if !cancelled {
                stats.lost_confirmations += 1;
                stats.failures.push(format!(
                    "shipment {} of order {} never reached Amazon (entry {status:?})",
                    e.entry, e.order
                ));
            }
        } else if !matches!(status, Some(OutboxStatus::Done)) {
            stats.failures.push(format!(
                "shipment {} is at Amazon but its entry is {status:?}",
                e.entry
            ));
        }
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeded_fault_runs_lose_and_duplicate_nothing() {
    let seeds: Vec<u64> = match env_u64("ORDERHUB_FAULT_SEED") {
        Some(s) => vec![s],
        None => (1..=env_u64("ORDERHUB_FAULT_RUNS").unwrap_or(200)).collect(),
    };
    let mut total = RunStats::default();
    let (mut feed_runs, mut failing) = (0usize, Vec::new());
    for &seed in &seeds {
        let s = one_run(seed).await;
        total.orders += s.orders;
        total.shipments += s.shipments;
        total.multi_package_orders += s.multi_package_orders;
        total.crashes += s.crashes;
        total.requests += s.requests;
        total.http_5xx += s.http_5xx;
        total.throttled += s.throttled;
        total.expired_token += s.expired_token;
        total.recovery.add(s.recovery);
        total.duplicated_orders += s.duplicated_orders;
        total.lost_orders += s.lost_orders;
        total.double_confirmations += s.double_confirmations;
        total.lost_confirmations += s.lost_confirmations;
        feed_runs += usize::from(s.feed_mode);
        if !s.failures.is_empty() {
            failing.push((seed, s.failures));
        }
    }
    println!(
        "fault runs: {} runs ({} with feeds), {} orders, {} shipments ({} orders in two packages), {} worker \
         crashes, {} requests, faults seen: {} 5xx, {} 429, {} 403, {} failed worker jobs; recovery: {} entries in \
         feeds with a lost createFeed answer, {} such feeds adopted, {} entries held, {} resubmitted after a \
         check, {} found confirmed at Amazon; duplicated orders {}, lost orders {}, double confirmations {}, \
         lost confirmations {}",
        seeds.len(),
        feed_runs,
        total.orders,
        total.shipments,
        total.multi_package_orders,
        total.crashes,
        total.requests,
        total.http_5xx,
        total.throttled,
        total.expired_token,
        total.recovery.job_errors,
        total.recovery.unknown_outcome,
        total.recovery.adopted,
        total.recovery.held,
        total.recovery.resubmitted,
        total.recovery.confirmed_at_amazon,
        total.duplicated_orders,
        total.lost_orders,
        total.double_confirmations,
        total.lost_confirmations,
    );
    for (seed, f) in failing.iter().take(20) {
        eprintln!("seed {seed} (replay with ORDERHUB_FAULT_SEED={seed}):");
        for line in f.iter().take(3) {
            eprintln!("  {line}");
        }
    }
    assert!(total.orders > seeds.len(), "the runs imported orders");
    assert!(total.shipments > seeds.len() / 2, "the runs confirmed shipments");
    assert!(
        seeds.len() < 20 || total.crashes * 2 > seeds.len(),
        "most runs crashed a worker"
    );
    assert!(
        failing.is_empty(),
        "{} of {} runs failed",
        failing.len(),
        seeds.len()
    );
}

/// A deferral (here: the 20-minute spacing of same-type feeds) is not an attempt: an entry deferred more
/// times than the attempt limit still gets its retries when its first real submission fails.
#[tokio::test]
async fn deferrals_do_not_use_up_attempts() {
    let seller = SellerSpec::new(SELLER, &["US"])
        .roles(&Role::ALL)
        .orders_per_day(20.0)
        .afn_share(0.0);
    let faults = FaultConfig {
        internal_error_share: 1.0,
        ..FaultConfig::default()
    };
    let sim = Simulator::start(
        SimConfig::new(5)
            .frozen()
            .without_limits()
            .sellers(vec![seller])
            .faults(faults),
    )
    .await
    .unwrap();
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let planner = Arc::new(FeedPlanner::new(PlannerConfig {
        confirmation_mode: ConfirmationMode::Feed,
        ..PlannerConfig::default()
    }));
    let conn = connection(OrdersApiVersion::V2026_01_01, sim.now() - Duration::days(1));
    let engine = worker(&sim, store.clone(), planner, conn, "w-defer".to_owned(), None);
    let now = sim.now();
    // Another feed of the same type goes out just before each pass: the next may go 20 minutes later.
    let other_feed = |n: u32, at: DateTime<Utc>| orderhub_core::FeedRecord {
        id: format!("earlier-{n}"),
        connection_id: conn_id(),
        seller_id: SellerId::new(SELLER),
        feed_type: "POST_ORDER_FULFILLMENT_DATA".to_owned(),
        amazon_feed_id: Some(format!("5000000000{n}")),
        submitted_at: at,
        entries: Vec::new(),
        status: FeedStatus::Done,
        summary: None,
        finished_at: Some(at),
    };
    let entry = OutboxEntry {
        id: OutboxId::new("deferred-1"),
        connection_id: conn_id(),
        seller_id: SellerId::new(SELLER),
        payload: OutboxPayload::ShipmentConfirmation {
            marketplace_id: MarketplaceId::new(US),
            shipment: Shipment {
                id: ShipmentId::new("pkg-deferred-1"),
                order_id: orderhub_core::AmazonOrderId::new("111-0000000-0000001"),
                carrier: "UPS".to_owned(),
                service: None,
                tracking_number: Some("1ZDEFER0001".to_owned()),
                ship_date: now,
                lines: vec![ShipmentLine {
                    order_item_id: orderhub_core::OrderItemId::new("10000000000001"),
                    quantity: 1,
                }],
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
    store.enqueue(std::slice::from_ref(&entry)).await.unwrap();
    let max = EngineConfig::default().max_attempts;
    let mut deferred = 0;
    for n in 0..max + 2 {
        store.record_feed(&other_feed(n, sim.now())).await.unwrap();
        let r = engine.run_outbound().await.unwrap();
        deferred += r.deferred;
        assert_eq!(r.submissions, 0, "{r:?}");
        let due = store.get_outbox(&entry.id).await.unwrap().unwrap().not_before;
        sim.advance(due - sim.now());
    }
    assert!(deferred > max as usize, "deferred {deferred} times");
    sim.advance(Duration::minutes(20));
    // Amazon answers 500 to everything: the submission fails before a feed exists, and is retried later.
    let r = engine.run_outbound().await.unwrap();
    assert_eq!((r.submissions, r.retrying, r.failed), (1, 1, 0), "{r:?}");
    let stored = store.get_outbox(&entry.id).await.unwrap().unwrap();
    assert_eq!(
        stored.status,
        OutboxStatus::Pending,
        "back for a retry, not failed"
    );
    assert!(stored.not_before > sim.now(), "with backoff");
    sim.shutdown().await;
}
