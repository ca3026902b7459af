//! Benchmark `import` (issue 8): the sync engine imports 10,000 orders from the simulator under Amazon's
//! usage plans, on a time-scaled clock, and the wall time is compared with the lower bound the token
//! buckets allow.
//!
//! The simulator runs with usage plans on and simulated time `IMPORT_BENCH_SCALE` times faster than the
//! wall clock (default 600: ten simulated minutes per second). One US seller (every restricted role, so
//! the import asks for personal data and needs Restricted Data Tokens) has enough history that the
//! import window holds `IMPORT_BENCH_ORDERS` orders (default 10,000). The engine runs one incremental
//! import (`Engine::import_connection`) into the memory store (or SQLite with `IMPORT_BENCH_STORE=sqlite`),
//! with 100 orders per page, through Orders v0 (`getOrders` pages + one `getOrderItems` per order) and
//! through Orders 2026-01-01 (`searchOrders` pages, which carry the items: no per-order calls).
//!
//! The lower bound: every operation has its own bucket (rate r, burst b), refilled in simulated time, so
//! `n` calls of it need at least `max(0, n - b) / r` simulated seconds. Listing pages, per-order calls and
//! Restricted Data Tokens use different buckets and overlap, so the bound of the whole import is the
//! largest of the per-operation bounds, not their sum; it is turned into wall time by the scale. The
//! throttled share is the share of the SP-API requests the simulator answered 429 (from its recorded
//! requests). Target: wall time within 2% of the bound, at most 1% throttled.
//!
//! `cargo bench -p benches --bench import` (figures: BENCHMARKS.md). Environment: `IMPORT_BENCH_SCALE`,
//! `IMPORT_BENCH_ORDERS`, `IMPORT_BENCH_API` (`v0`, `2026` or `both`, the default), `IMPORT_BENCH_STORE`
//! (`memory`, the default, `sqlite` or `both`). Without `--bench` (as `cargo test --benches` runs it) it
//! does a small run (600 orders) and checks only that every order was imported once.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use amazon_spapi::auth::LwaCredentials;
use amazon_spapi::client::{SpApiClient, Url};
use amazon_spapi::sim::{usage_plan, Role, SellerSpec, SimConfig, SimHandle, Simulator};
use chrono::{DateTime, Duration, Utc};
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::engine::{ConnectionRuntime, Engine, EngineConfig};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::{MemoryStore, SqliteStore};
use orderhub_core::{
    AmazonRegion, Connection, ConnectionHealth, ConnectionId, ConnectionSettings, MarketplaceId,
    OrdersApiVersion, SellerId,
};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

const US: &str = "ATVPDKIKX0DER";
const SELLER: &str = "A1SIMUSSELLER1";
const CONNECTION: &str = "conn-bench";
/// Amazon refuses `LastUpdatedBefore` less than two minutes in the past; the window ends there.
const MARGIN: i64 = 120;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Api {
    V0,
    V2026,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum StoreKind {
    Memory,
    Sqlite,
}

struct Setup {
    scale: f64,
    orders: usize,
    seed: u64,
}

/// One operation's share of a run.
#[derive(Default, Clone)]
struct OpCount {
    ok: u64,
    throttled: u64,
    other: u64,
}

struct Figures {
    api: Api,
    store: StoreKind,
    scale: f64,
    window_orders: usize,
    seen: u64,
    imported: u64,
    stored: usize,
    pages: u32,
    ops: BTreeMap<String, OpCount>,
    /// Per operation: (calls, rate, burst, bound in simulated seconds).
    bounds: Vec<(String, u64, f64, u32, f64)>,
    bound_sim: f64,
    wall: StdDuration,
    sim_elapsed: f64,
}

impl Figures {
    fn bound_wall(&self) -> f64 {
        self.bound_sim / self.scale
    }

    fn ratio(&self) -> f64 {
        self.wall.as_secs_f64() / self.bound_wall()
    }

    fn requests(&self) -> u64 {
        self.ops
            .iter()
            .filter(|(k, _)| !k.starts_with("lwa/"))
            .map(|(_, c)| c.ok + c.throttled + c.other)
            .sum()
    }

    fn throttled(&self) -> u64 {
        self.ops.values().map(|c| c.throttled).sum()
    }

    fn print(&self) {
        println!(
            "import bench: Orders {} into {:?}, time scale x{}, {} orders in the window",
            match self.api {
                Api::V0 => "v0",
                Api::V2026 => "2026-01-01",
            },
            self.store,
            self.scale,
            self.window_orders
        );
        println!(
            "  orders seen {}, imported {}, stored {}, pages {}",
            self.seen, self.imported, self.stored, self.pages
        );
        for (op, c) in &self.ops {
            println!(
                "  {op:<45} ok {:>6}  429 {:>5}  other {:>4}",
                c.ok, c.throttled, c.other
            );
        }
        for (op, calls, rate, burst, b) in &self.bounds {
            println!("  bound {op:<39} {calls:>6} calls, rate {rate}/s, burst {burst}: {b:>9.1} s simulated");
        }
        println!(
            "  lower bound {:.1} s simulated = {:.3} s wall; measured {:.3} s wall ({:.1} s simulated)",
            self.bound_sim,
            self.bound_wall(),
            self.wall.as_secs_f64(),
            self.sim_elapsed
        );
        #[allow(clippy::cast_precision_loss)]
        let share = self.throttled() as f64 / self.requests().max(1) as f64;
        println!(
            "  wall / bound = {:.4}   throttled {} of {} SP-API requests = {:.3}%",
            self.ratio(),
            self.throttled(),
            self.requests(),
            share * 100.0
        );
    }
}

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

fn keyring() -> Keyring {
    Keyring::new(EncryptionKey::new("bench", [7u8; 32]).expect("key"))
}

async fn simulator(setup: &Setup) -> SimHandle {
    // Two days of history hold about 1.3 times the orders the window needs.
    #[allow(clippy::cast_precision_loss)]
    let per_day = setup.orders as f64 * 0.65 + 50.0;
    let seller = SellerSpec::new(SELLER, &["US"])
        .roles(&Role::ALL)
        .orders_per_day(per_day)
        .afn_share(0.2);
    // Frozen until the import starts, so the window can be chosen first.
    Simulator::start(SimConfig::new(setup.seed).frozen().sellers(vec![seller]))
        .await
        .expect("simulator")
}

/// The `LastUpdatedAfter` that puts `n` orders in the window ending two minutes before now.
fn window_start(sim: &SimHandle, n: usize) -> (DateTime<Utc>, usize) {
    let upper = sim.now() - Duration::seconds(MARGIN);
    let mut updates: Vec<DateTime<Utc>> = sim
        .orders(SELLER)
        .expect("seller")
        .into_iter()
        .filter(|o| o.marketplace_id == US && o.last_update <= upper)
        .map(|o| o.last_update)
        .collect();
    updates.sort_unstable();
    assert!(
        updates.len() >= n,
        "the simulator holds only {} orders; raise the order rate",
        updates.len()
    );
    let from = updates[updates.len() - n];
    let in_window = updates.iter().filter(|t| **t >= from).count();
    (from, in_window)
}

fn client(sim: &SimHandle) -> SpApiClient {
    SpApiClient::builder()
        .credentials(LwaCredentials::new(
            sim.client_id(),
            sim.client_secret(),
            sim.seller(SELLER).expect("seller").refresh_token,
        ))
        .endpoint(Url::parse(sim.base_url()).expect("url"))
        .lwa_endpoint(Url::parse(&sim.lwa_url()).expect("url"))
        .selling_partner_id(SELLER)
        .clock(Arc::new(sim.clock()))
        .sleeper(Arc::new(sim.clock()))
        .build()
        .expect("client")
}

fn connection(api: Api, from: DateTime<Utc>) -> Connection {
    let settings = ConnectionSettings {
        orders_api: match api {
            Api::V0 => OrdersApiVersion::V0,
            Api::V2026 => OrdersApiVersion::V2026_01_01,
        },
        import_from: Some(from),
        ..ConnectionSettings::default()
    };
    Connection {
        id: ConnectionId::new(CONNECTION),
        seller_id: SellerId::new(SELLER),
        region: AmazonRegion::Na,
        marketplaces: vec![MarketplaceId::new(US)],
        alias: Some("bench".to_owned()),
        settings,
        health: ConnectionHealth::Live,
    }
}

async fn store(kind: StoreKind, dir: &std::path::Path) -> Arc<dyn Store> {
    match kind {
        StoreKind::Memory => Arc::new(MemoryStore::new()),
        StoreKind::Sqlite => {
            std::fs::create_dir_all(dir).expect("temp dir");
            Arc::new(
                SqliteStore::open(dir.join("hub.db"), keyring())
                    .await
                    .expect("sqlite"),
            )
        }
    }
}

async fn run(setup: &Setup, api: Api, kind: StoreKind) -> Figures {
    let sim = simulator(setup).await;
    let (from, window_orders) = window_start(&sim, setup.orders);
    let dir = std::env::temp_dir().join(format!("orderhub-import-bench-{}", std::process::id()));
    let store = store(kind, &dir).await;
    let config = EngineConfig {
        page_size: 100,
        personal_data: true,
        ..EngineConfig::default()
    };
    let engine = Engine::new(
        store.clone(),
        Arc::new(sim.clock()),
        Arc::new(AdmitAll),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_config(config)
    .with_connection(ConnectionRuntime::new(connection(api, from), client(&sim)));

    sim.clear_recorded_requests();
    let sim_start = sim.now();
    sim.set_time_scale(setup.scale);
    let began = Instant::now();
    let report = engine
        .import_connection(&ConnectionId::new(CONNECTION))
        .await
        .expect("import");
    let wall = began.elapsed();
    let sim_elapsed = (sim.now() - sim_start).num_milliseconds() as f64 / 1000.0;
    sim.set_time_scale(0.0);

    let mut ops: BTreeMap<String, OpCount> = BTreeMap::new();
    for r in sim.recorded_requests() {
        let op = r.operation.clone().unwrap_or_else(|| r.path.clone());
        let c = ops.entry(op).or_default();
        match r.status {
            429 => c.throttled += 1,
            200..=299 => c.ok += 1,
            _ => c.other += 1,
        }
    }
    // The bound counts the calls the import needed (each answered call once; throttled retries are the
    // client's loss, not work the buckets had to allow).
    let mut bounds = Vec::new();
    for (op, c) in &ops {
        let Some((rate, burst)) = usage_plan(op) else {
            continue;
        };
        let calls = c.ok + c.other;
        #[allow(clippy::cast_precision_loss)]
        let b = (calls.saturating_sub(u64::from(burst))) as f64 / rate;
        bounds.push((op.clone(), calls, rate, burst, b));
    }
    let bound_sim = bounds.iter().map(|b| b.4).fold(0.0, f64::max);
    let stored = store.query_orders(&OrderQuery::all()).await.expect("query").len();
    drop(engine);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
    sim.shutdown().await;
    Figures {
        api,
        store: kind,
        scale: setup.scale,
        window_orders,
        seen: report.seen,
        imported: report.imported,
        stored,
        pages: report.pages,
        ops,
        bounds,
        bound_sim,
        wall,
        sim_elapsed,
    }
}

fn main() {
    let bench_mode = std::env::args().any(|a| a == "--bench");
    let setup = if bench_mode {
        Setup {
            scale: env("IMPORT_BENCH_SCALE", 600.0),
            orders: env("IMPORT_BENCH_ORDERS", 10_000usize),
            seed: env("IMPORT_BENCH_SEED", 8u64),
        }
    } else {
        Setup {
            scale: 3000.0,
            orders: 600,
            seed: 8,
        }
    };
    let apis = match std::env::var("IMPORT_BENCH_API").as_deref() {
        Ok("v0") => vec![Api::V0],
        Ok("2026") => vec![Api::V2026],
        _ => vec![Api::V0, Api::V2026],
    };
    let stores = match std::env::var("IMPORT_BENCH_STORE").as_deref() {
        Ok("sqlite") => vec![StoreKind::Sqlite],
        Ok("both") => vec![StoreKind::Memory, StoreKind::Sqlite],
        _ => vec![StoreKind::Memory],
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    for api in &apis {
        for kind in &stores {
            let f = rt.block_on(run(&setup, *api, *kind));
            f.print();
            assert_eq!(f.stored as u64, f.imported, "every imported order is stored once");
            if f.seen as usize != f.window_orders {
                println!(
                    "  note: {} orders were in the window when it was chosen, {} when the import asked",
                    f.window_orders, f.seen
                );
            }
        }
    }
}
