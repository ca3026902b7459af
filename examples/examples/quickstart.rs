//! Quickstart: the whole order hub in one command, on the embedded default (the local SP-API simulator
//! and a SQLite file), with no credentials.
//!
//! 1. Opens (or creates) the SQLite database and its encryption key for buyers' personal data. The path
//!    is the first argument, or `ORDERHUB_QUICKSTART_DB`, or `./orderhub-quickstart.db`; the key is
//!    generated once and kept beside it in `<db>.key` (owner-only permissions; never printed). `--reset`
//!    deletes the database, its key and its credentials and starts over.
//! 2. Starts the simulator and connects two sellers, one in North America and one in Europe, through the
//!    website authorization workflow: the Seller Central consent URL, then the `spapi_oauth_code` the
//!    seller comes back with exchanged for a refresh token, which is stored sealed with the key in
//!    `<db>.credentials`. It asks Amazon where each seller sells.
//! 3. Backfills five days of orders in half-day windows, with a progress bar, through a country filter
//!    (`-MX,-IT`) and a rule file (TOML) whose first rule moves Amazon-fulfilled orders to Closed.
//! 4. Confirms a few shipments and cancels an order (each change and its outbox entry in one
//!    transaction), syncs stock, and runs the outbound pass: `confirmShipment` calls, then the
//!    acknowledgement and listings feeds, whose processing reports are collected as simulated time moves.
//! 5. Runs the hub on its schedule for fifteen simulated days (imports, outbound and feed results every
//!    six hours, retention daily, which redacts the personal data of unshipped orders 14 days after their
//!    import), and prints a summary per connection and the feed log.
//!
//! Run it again and it continues from the stored cursors: the simulator is restarted with the same seed
//! and its clock set twelve hours after the previous run ended, so the same sellers and orders exist, plus
//! those that arrived "while the hub was off"; only they are imported.
//!
//! With `SPAPI_CLIENT_ID` (and the other variables listed in `examples/src/lib.rs`) in the environment it
//! runs against Amazon instead: import, retention and the summary only — it never invents shipments,
//! cancellations or stock on a real account.
//!
//! Run: `cargo run -p examples --example quickstart` (`ORDERHUB_EXAMPLE_SMALL=1` for a smaller world).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use amazon_spapi::auth::SecretString;
use amazon_spapi::region::Region;
use amazon_spapi::sellers_v1::GetMarketplaceParticipations;
use amazon_spapi::sim::{Role, SellerSpec};
use anyhow::{anyhow, bail, Context};
use base64::Engine as _;
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use examples::{Harness, SimOptions};
use indicatif::{ProgressBar, ProgressStyle};
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::engine::{
    BackfillProgress, ConnectionRuntime, Engine, EngineConfig, ImportReport, BACKFILL_SCOPE, ORDERS_SCOPE,
};
use orderhub_core::ports::{ChangeSet, Cursor, FeedLogQuery, OrderQuery, OutboxQuery, OutboxState, Store};
use orderhub_core::store::SqliteStore;
use orderhub_core::{
    AmazonOrderStatus, CancelReason, Connection, ConnectionId, ConnectionSettings, FeedStatus,
    FulfillmentChannel, HubStatus, InventoryItem, Order, OrdersApiVersion, OutboxEntry, OutboxId,
    OutboxPayload, OutboxStatus, Shipment, ShipmentId,
};
use orderhub_feeds::{cancel_all_lines, FeedPlanner};
use orderhub_rules::{
    CountryFilter, FilterSettings, Mappings, RedactionSchedule, RuleSet, RulesPolicy, ScheduledRedaction,
};
use rand::RngCore;

/// The simulator's seed: the same seed gives the same sellers, products and orders.
const SEED: u64 = 7;
/// The simulated sellers: one in North America, one in Europe.
const NA_SELLER: &str = "A1SIMUSSELLER1";
const EU_SELLER: &str = "A2SIMEUSELLER1";
/// The application id the consent URL names.
const APP_ID: &str = "amzn1.sp.solution.orderhub-quickstart";
/// Where the database goes unless told otherwise.
const DEFAULT_DB: &str = "orderhub-quickstart.db";
/// The environment variable that names the database file.
const DB_ENV: &str = "ORDERHUB_QUICKSTART_DB";
/// The quickstart keeps its own state (where the simulator's clock stood) as a cursor under this id.
const STATE_CONNECTION: &str = "quickstart";
const SIM_SCOPE: &str = "simulator-clock";
/// How long "the hub was off" between two runs, in simulated time.
const OFFLINE_HOURS: i64 = 12;
/// Days of order history the first run backfills.
const HISTORY_DAYS: i64 = 5;
/// Simulated days the hub then runs on its schedule: long enough on the first run for the personal data
/// of unshipped orders to fall due (14 days after import).
const FIRST_RUN_DAYS: i64 = 15;
const LATER_RUN_DAYS: i64 = 2;
/// Hours between two scheduler ticks (small runs: a day).
const TICK_HOURS: i64 = 6;
const SMALL_TICK_HOURS: i64 = 24;
/// The country filter: everything except orders shipping to Mexico or Italy.
const COUNTRY_FILTER: &str = "-MX,-IT";
/// The rule file.
const RULES: &str = r#"
[[rules]]
name = "Amazon-fulfilled goes to Closed"
on = "order_imported"
when = { field = "metadata.amazon_fulfillment_channel", equals = "AFN" }
actions = [{ move_to_folder = "Closed" }, { set_hub_status = "Closed" }, "stop_processing"]

[[rules]]
name = "UK orders tagged"
on = "order_imported"
when = { field = "ship_country", in = ["GB"] }
actions = [{ tag = "uk" }]
"#;

/// What to run.
#[derive(Debug, Clone)]
pub struct Options {
    /// The SQLite file.
    pub db: PathBuf,
    /// Delete the database, its key and credentials first.
    pub reset: bool,
    /// Draw progress bars (off in tests).
    pub progress: bool,
    /// Small sizes (`ORDERHUB_EXAMPLE_SMALL=1`); a database remembers the size it was created with.
    pub small: bool,
    /// Use the simulator even when Amazon credentials are in the environment (tests).
    pub simulator_only: bool,
}

impl Options {
    /// From the command line (`[--reset] [DB_PATH]`) and the environment.
    ///
    /// # Errors
    /// An unknown flag.
    pub fn from_args_and_env() -> anyhow::Result<Options> {
        let mut db = None;
        let mut reset = false;
        for arg in std::env::args().skip(1) {
            match arg.as_str() {
                "--reset" => reset = true,
                "-h" | "--help" => {
                    println!("usage: quickstart [--reset] [DB_PATH]   (default DB_PATH: ${DB_ENV} or ./{DEFAULT_DB})");
                    std::process::exit(0);
                }
                a if a.starts_with('-') => bail!("unknown option {a}: usage: quickstart [--reset] [DB_PATH]"),
                a => db = Some(PathBuf::from(a)),
            }
        }
        let db = db
            .or_else(|| std::env::var_os(DB_ENV).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DB));
        Ok(Options {
            db,
            reset,
            progress: true,
            small: examples::small(),
            simulator_only: false,
        })
    }
}

/// One simulated day's totals, for the tick loop's output.
#[derive(Debug, Default)]
struct DayLine {
    seen: u64,
    imported: u64,
    updated: u64,
    canceled: u64,
    submissions: usize,
    redacted: usize,
}

impl DayLine {
    fn add(&mut self, r: &ImportReport) {
        self.seen += r.seen;
        self.imported += r.imported;
        self.updated += r.updated;
        self.canceled += r.canceled;
    }
}

/// Totals of one connection in one run.
#[derive(Debug, Clone, Default)]
pub struct ConnectionRun {
    /// The import that brought the connection up to date at the start of the run: the backfill, or the
    /// incremental import from the stored cursor.
    pub catch_up: ImportReport,
    /// The seller.
    pub seller_id: String,
    /// Every import of this run: the catch-up and the scheduled ones.
    pub import: ImportReport,
    /// Where the order cursor stood when the run began (`None`: first run).
    pub continued_from: Option<DateTime<Utc>>,
    /// Where it stands at the end.
    pub cursor_at_end: Option<DateTime<Utc>>,
    /// Whether this run backfilled (first run, or resuming an interrupted backfill).
    pub backfilled: bool,
    /// Shipments, cancellations and stock updates queued in this run.
    pub shipments_queued: usize,
    /// Hub cancellations queued in this run.
    pub cancellations_queued: usize,
    /// Stock updates queued in this run.
    pub stock_updates_queued: usize,
}

/// What one run did.
#[derive(Debug, Clone, Default)]
pub struct RunSummary {
    /// Whether the database was new.
    pub first_run: bool,
    /// Per connection id.
    pub connections: BTreeMap<String, ConnectionRun>,
    /// `LastUpdatedAfter` of the first order-list request per seller, as the simulator recorded it.
    pub first_list_after: BTreeMap<String, String>,
    /// Orders in the database at the end.
    pub orders_in_store: u64,
    /// Orders redacted in this run.
    pub redacted: usize,
    /// When the next order's personal data falls due, if one is waiting.
    pub next_redaction_due: Option<DateTime<Utc>>,
    /// Simulated time at the end.
    pub ended_at: Option<DateTime<Utc>>,
}

/// Where the simulator's clock stood at the end of a run, and the world's parameters.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct SimState {
    seed: u64,
    small: bool,
    history_days: i64,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let options = Options::from_args_and_env()?;
    if std::env::var_os("RUST_LOG").is_some() {
        // The engine's own log (warnings, per-job lines), to stderr; never carries secrets or buyers' data.
        tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_writer(std::io::stderr)
            .init();
    }
    let started = Instant::now();
    run(options).await?;
    println!("\nDone in {:.1} s (wall time).", started.elapsed().as_secs_f64());
    Ok(())
}

/// The main job.
///
/// # Errors
/// Any step failing, with what to do next.
pub async fn run(options: Options) -> anyhow::Result<RunSummary> {
    println!("OrderHub quickstart: the main job on the embedded default (simulator + SQLite)\n");
    let paths = Paths::new(&options.db);
    if options.reset {
        paths.remove()?;
        println!("--reset: removed the database, its key and its credentials.");
    }

    // 1. The database and the key for personal data at rest.
    let (key, key_created) = load_or_create_key(&paths.key)?;
    let store = SqliteStore::open(&paths.db, Keyring::new(key))
        .await
        .with_context(|| format!("opening {}", paths.db.display()))?;
    let store: Arc<dyn Store> = Arc::new(store);
    let db_shown = std::path::absolute(&paths.db).unwrap_or_else(|_| paths.db.clone());
    println!("Database:       {}", db_shown.display());
    println!(
        "Encryption key: {} {} (AES-256-GCM for buyers' personal data; keep it safe, it is never printed)",
        if key_created {
            "generated and stored in"
        } else {
            "read from"
        },
        paths.key.display()
    );
    let saved_connections = store.list_connections().await?;
    let state_cursor = store
        .get_cursor(&ConnectionId::new(STATE_CONNECTION), SIM_SCOPE)
        .await?;
    let first_run = saved_connections.is_empty();
    if !first_run && key_created {
        bail!(
            "{} holds data but its key file {} was missing (a new key was written; the old personal data cannot be read with it): run with --reset to start over",
            paths.db.display(),
            paths.key.display()
        );
    }

    // 2. Amazon: the simulator unless credentials are in the environment.
    let state: Option<SimState> = state_cursor
        .as_ref()
        .and_then(|c| c.token.as_deref())
        .and_then(|t| serde_json::from_str(t).ok());
    let small = state.as_ref().map_or(options.small, |s| s.small);
    if small != options.small {
        println!(
            "(this database was created with ORDERHUB_EXAMPLE_SMALL={}; keeping that size)",
            u8::from(small)
        );
    }
    let history_days = state.as_ref().map_or(HISTORY_DAYS, |s| s.history_days);
    let mut sim_options = SimOptions::new(SEED, sellers(small)).history(Duration::days(history_days));
    let resume_at = state_cursor
        .as_ref()
        .and_then(|c| c.position)
        .map(|t| t + Duration::hours(OFFLINE_HOURS));
    if let Some(t) = resume_at {
        sim_options = sim_options.advance_to(t);
    }
    let harness = if options.simulator_only {
        Harness::simulator(sim_options).await?
    } else {
        Harness::from_env_or_simulator(sim_options).await?
    };
    match harness.sim() {
        Some(sim) => {
            println!(
                "Simulator:      {} (seed {SEED}), simulated time {}",
                sim.base_url(),
                ts(sim.now())
            );
            if resume_at.is_some() {
                println!(
                    "                restarted with the same seed, its clock {OFFLINE_HOURS} h after the last run ended: same sellers and orders, plus those that came meanwhile"
                );
            }
        }
        None => println!("Amazon:         credentials from the environment (SPAPI_CLIENT_ID ...)"),
    }

    let mut creds = Credentials::load(&paths.credentials, &store_keyring(&paths.key)?)?;
    let mut connections = if first_run {
        connect(&harness, &mut creds, history_days).await?
    } else {
        reconnect(&harness, &creds, saved_connections)?
    };
    connections.sort_by(|a, b| a.0.id.as_str().cmp(b.0.id.as_str()));
    creds.save(&paths.credentials)?;
    for (c, _) in &connections {
        store.save_connection(c).await?;
    }

    // 3. The engine: the rules policy (filters, mappings, rule file), the feeds planner, the redaction
    //    schedule, and one runtime per connection.
    let rules = RuleSet::from_toml(RULES).context("the rule file")?;
    let filters = FilterSettings {
        countries: CountryFilter::parse(COUNTRY_FILTER).context("the country filter")?,
        ..FilterSettings::default()
    };
    let policy = RulesPolicy::new(filters, Mappings::default(), rules)?;
    println!(
        "\nImport policy: country filter `{COUNTRY_FILTER}`, rules:{}",
        indent(RULES.trim())
    );
    let config = EngineConfig {
        worker_id: "quickstart".to_owned(),
        backfill_window: Duration::hours(12),
        ..EngineConfig::default()
    };
    let mut engine = Engine::new(
        store.clone(),
        harness.clock(),
        Arc::new(policy),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_config(config);
    for (c, client) in &connections {
        engine = engine.with_connection(ConnectionRuntime::new(c.clone(), client.clone()));
    }

    // Stock the hub holds for the sellers' merchant-fulfilled SKUs (first run, simulator only).
    if first_run && harness.is_simulated() {
        let items = initial_stock(&harness, &connections)?;
        store.put_items(&items).await?;
        println!(
            "Inventory: {} merchant-fulfilled SKUs stocked in the hub",
            items.len()
        );
    }

    // 4. Orders in: backfill on the first run, the incremental import from the cursor afterwards.
    let mut summary = RunSummary {
        first_run,
        ..RunSummary::default()
    };
    println!();
    for (c, _) in &connections {
        let mut run = import_orders(&engine, c, options.progress).await?;
        run.seller_id = c.seller_id.to_string();
        run.catch_up = run.import.clone();
        summary.connections.insert(c.id.to_string(), run);
    }

    // 5. Outbound: shipments, a cancellation, stock.
    if harness.writes_allowed() && harness.is_simulated() {
        println!();
        for (c, _) in &connections {
            let n = if small { 2 } else { 4 };
            let queued = confirm_shipments(&engine, c, n, harness.now()).await?;
            if let Some(run) = summary.connections.get_mut(c.id.as_str()) {
                run.shipments_queued = queued;
            }
        }
        if let Some((c, _)) = connections
            .iter()
            .find(|(c, _)| c.seller_id.as_str() == EU_SELLER)
        {
            let canceled = cancel_one(&engine, c, harness.now()).await?;
            if let Some(run) = summary.connections.get_mut(c.id.as_str()) {
                run.cancellations_queued = usize::from(canceled);
            }
        }
        for (c, _) in &connections {
            let queued = sync_stock(&harness, &engine, c).await?;
            if let Some(run) = summary.connections.get_mut(c.id.as_str()) {
                run.stock_updates_queued = queued;
            }
        }
        outbound(&harness, &engine).await?;
    } else {
        println!(
            "\nAgainst Amazon the quickstart does not confirm, cancel or change stock: it would have to invent tracking numbers and quantities for a real account. The scenario examples do it with ORDERHUB_LIVE_WRITES=1."
        );
    }

    // 6. The hub on its schedule, as a timer loop runs it: every few hours each connection's import, the
    //    outbound pass and the feed results; retention once a day. Against the simulator, days pass in
    //    seconds. (`Engine::tick` runs every job by each connection's cadences; the loop here runs only
    //    these, so the output stays readable.)
    let days = match (harness.is_simulated(), first_run) {
        (true, true) => FIRST_RUN_DAYS,
        (true, false) if small => 1,
        (true, false) => LATER_RUN_DAYS,
        (false, _) => 0,
    };
    let tick_hours = if small { SMALL_TICK_HOURS } else { TICK_HOURS };
    let mut retention = Vec::new();
    if days > 0 {
        println!(
            "\nThe hub runs on its schedule for {days} simulated days (a tick every {tick_hours} h: imports, outbound, feed results; retention daily):"
        );
    }
    let mut day = DayLine::default();
    let mut last_retention: Option<DateTime<Utc>> = None;
    for tick in 1..=days * 24 / tick_hours {
        harness.wait(Duration::hours(tick_hours)).await;
        for (c, _) in &connections {
            match engine.import_connection(&c.id).await {
                Ok(report) => {
                    day.add(&report);
                    if let Some(run) = summary.connections.get_mut(c.id.as_str()) {
                        add(&mut run.import, &report);
                    }
                }
                Err(e) if e.is_retryable() => {
                    println!("  import of {} failed (the next tick retries): {e}", c.id);
                }
                Err(e) => return Err(e.into()),
            }
        }
        day.submissions += engine.run_outbound().await?.submissions;
        engine.collect_feed_results().await?;
        let now = harness.now();
        if last_retention.is_none_or(|t| now - t >= Duration::days(1)) {
            let r = engine.run_retention().await?;
            day.redacted += r.redacted.len();
            retention.push(r);
            last_retention = Some(now);
        }
        if tick % (24 / tick_hours) == 0 {
            println!(
                "  {}  {:>4} orders seen, {:>3} new, {:>3} updated, {:>2} canceled by buyers; {:>2} submissions; {:>3} redacted",
                ts(now),
                day.seen,
                day.imported,
                day.updated,
                day.canceled,
                day.submissions,
                day.redacted
            );
            day = DayLine::default();
        }
    }
    if days == 0 {
        for (c, _) in &connections {
            let report = engine.import_connection(&c.id).await?;
            if let Some(run) = summary.connections.get_mut(c.id.as_str()) {
                add(&mut run.import, &report);
            }
        }
    }
    // Once more at the end, so the database is left with nothing overdue.
    retention.push(engine.run_retention().await?);
    for (c, _) in &connections {
        if let Some(run) = summary.connections.get_mut(c.id.as_str()) {
            run.cursor_at_end = store
                .get_cursor(&c.id, ORDERS_SCOPE)
                .await?
                .and_then(|x| x.position);
        }
    }
    summary.redacted = retention.iter().map(|r| r.redacted.len()).sum();
    summary.next_redaction_due = retention.last().and_then(|r| r.next_due);
    println!(
        "\nRetention: {} orders redacted in this run{}",
        summary.redacted,
        summary
            .next_redaction_due
            .map_or(String::new(), |t| format!("; the next falls due {}", ts(t)))
    );
    for r in retention.iter().flat_map(|r| r.redacted.iter()).take(2) {
        println!("  {} ({})", r.order_id, r.fields.join(", "));
    }

    // 7. The summary and the feed log.
    print_summary(&*store, &connections, &summary).await?;
    print_feed_log(&*store).await?;

    // Remember where simulated time stands, so the next run continues after it.
    let now = harness.now();
    summary.ended_at = Some(now);
    summary.orders_in_store = store.count_orders(&OrderQuery::all()).await?;
    if let Some(sim) = harness.sim() {
        let mut seen = BTreeSet::new();
        for r in sim.recorded_requests() {
            let (Some(op), Some(seller), Some(q)) = (&r.operation, &r.seller, &r.query) else {
                continue;
            };
            if !(op.ends_with("getOrders") || op.ends_with("searchOrders")) || !seen.insert(seller.clone()) {
                continue;
            }
            if let Some(after) = query_param(q, "lastupdatedafter") {
                summary.first_list_after.insert(seller.clone(), after);
            }
        }
        let token = serde_json::to_string(&SimState {
            seed: SEED,
            small,
            history_days,
        })?;
        let mut cursor = Cursor::new(STATE_CONNECTION, SIM_SCOPE, Some(now), now);
        cursor.token = Some(token);
        store.put_cursor(&cursor).await?;
        println!(
            "\nSimulated time is now {}. Run the quickstart again: it restarts the simulator {OFFLINE_HOURS} h later and continues from the cursors above.",
            ts(now)
        );
    }
    harness.shutdown().await;
    Ok(summary)
}

/// The simulated sellers (the same on every run: the world is a function of the seed and these).
fn sellers(small: bool) -> Vec<SellerSpec> {
    let (na, eu) = if small { (8.0, 6.0) } else { (60.0, 45.0) };
    vec![
        SellerSpec::new(NA_SELLER, &["US", "CA", "MX"])
            .store_name("Sim Outdoor US")
            .roles(&Role::ALL)
            .orders_per_day(na)
            .afn_share(0.3),
        SellerSpec::new(EU_SELLER, &["DE", "FR", "IT", "ES", "UK"])
            .store_name("Sim Haushalt EU")
            .roles(&Role::ALL)
            .orders_per_day(eu)
            .afn_share(0.25),
    ]
}

/// First run: the website authorization of each seller, their marketplaces, and a connection each.
async fn connect(
    harness: &Harness,
    creds: &mut Credentials,
    history_days: i64,
) -> anyhow::Result<Vec<(Connection, amazon_spapi::client::SpApiClient)>> {
    let mut out = Vec::new();
    let import_from = harness.now() - Duration::days(history_days);
    for seller in harness.sellers() {
        let client = if harness.is_simulated() {
            println!("\nConnecting {} ({}):", seller.seller_id, seller.region);
            let state = format!(
                "qs-{}-{}",
                seller.seller_id.to_lowercase(),
                harness.now().timestamp()
            );
            let grant = harness
                .authorize_website(&seller.seller_id, APP_ID, &state)
                .await?;
            println!("  1. the seller is sent to {}", grant.consent_url);
            println!(
                "  2. consents; the spapi_oauth_code is exchanged for a refresh token, stored sealed in the credentials file"
            );
            creds.put(&seller.seller_id, &grant.refresh_token);
            harness.client_for(&seller.seller_id, seller.region, grant.refresh_token)?
        } else {
            seller.client.clone()
        };
        let participations = GetMarketplaceParticipations::new(&client)
            .send()
            .await
            .context("getMarketplaceParticipations")?;
        let marketplaces: Vec<String> = participations
            .iter()
            .filter_map(|p| p.marketplace.as_ref().and_then(|m| m.id.as_ref()))
            .map(|id| id.as_str().to_owned())
            .filter(|id| seller.marketplace_ids.contains(id))
            .collect();
        println!("  3. sells in {}", marketplace_codes(&marketplaces));
        let id = match seller.region {
            Region::NorthAmerica => "na",
            Region::Europe => "eu",
            Region::FarEast => "fe",
        };
        let settings = ConnectionSettings {
            // Orders 2026-01-01 for one, v0 for the other: the API is chosen per connection.
            orders_api: if seller.region == Region::Europe {
                OrdersApiVersion::V0
            } else {
                OrdersApiVersion::V2026_01_01
            },
            import_amazon_fulfilled: true,
            import_from: Some(import_from),
            new_order_folder: Some("Inbox".to_owned()),
            order_number_prefix: Some(format!("{}-", id.to_uppercase())),
            default_handling_time_days: Some(2),
            ..ConnectionSettings::default()
        };
        let mut access = seller.clone();
        access.marketplace_ids = marketplaces;
        out.push((harness.connection(&access, id, settings), client));
    }
    Ok(out)
}

/// Later runs: the stored connections, with the refresh tokens from the credentials file.
fn reconnect(
    harness: &Harness,
    creds: &Credentials,
    saved: Vec<Connection>,
) -> anyhow::Result<Vec<(Connection, amazon_spapi::client::SpApiClient)>> {
    let mut out = Vec::new();
    for c in saved {
        let Some(seller) = harness.seller(c.seller_id.as_str()) else {
            println!(
                "(connection {} is for seller {}, who is not available now; skipped)",
                c.id, c.seller_id
            );
            continue;
        };
        let client = match (harness.sim(), creds.get(c.seller_id.as_str())?) {
            (Some(sim), Some(token)) => {
                // The restarted simulator has forgotten the tokens it issued; Amazon would not have.
                sim.register_refresh_token(c.seller_id.as_str(), token.expose())?;
                harness.client_for(c.seller_id.as_str(), seller.region, token)?
            }
            (Some(_), None) => bail!(
                "no refresh token for {} in the credentials file: run with --reset to authorize again",
                c.seller_id
            ),
            (None, _) => seller.client.clone(),
        };
        println!(
            "Connection {} ({}): refresh token from the credentials file",
            c.id, c.seller_id
        );
        out.push((c, client));
    }
    if out.is_empty() {
        bail!("none of the stored connections can be used here: run with --reset to start over");
    }
    Ok(out)
}

/// Backfill (first run, or an interrupted backfill) or the incremental import from the stored cursor.
async fn import_orders(engine: &Engine, c: &Connection, progress: bool) -> anyhow::Result<ConnectionRun> {
    let store = engine.store();
    let cursor = store
        .get_cursor(&c.id, ORDERS_SCOPE)
        .await?
        .and_then(|x| x.position);
    let backfill = store.get_cursor(&c.id, BACKFILL_SCOPE).await?;
    let mut run = ConnectionRun {
        continued_from: cursor,
        ..ConnectionRun::default()
    };
    if let Some(at) = cursor {
        println!("{}: continuing from cursor {} (LastUpdatedAfter)", c.id, ts(at));
        let report = engine.import_connection(&c.id).await?;
        println!(
            "  {} pages, {} orders seen, {} imported, {} updated, {} skipped; cursor now {}",
            report.pages,
            report.seen,
            report.imported,
            report.updated,
            report.skipped,
            report.cursor.map_or("-".to_owned(), ts)
        );
        run.import = report;
        return Ok(run);
    }
    let from = backfill
        .as_ref()
        .and_then(|b| b.token.as_deref())
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&Utc))
        .or(c.settings.import_from)
        .ok_or_else(|| anyhow!("connection {} has no import_from date", c.id))?;
    if backfill.is_some() {
        println!("{}: resuming the interrupted backfill from {}", c.id, ts(from));
    } else {
        println!("{}: backfilling from {}", c.id, ts(from));
    }
    let bar = if progress {
        ProgressBar::new(1000)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("  {prefix} [{bar:32}] {percent:>3}% {msg}")?.progress_chars("=> "),
    );
    bar.set_prefix(c.id.to_string());
    let mut on_progress = |p: &BackfillProgress| {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        bar.set_position((p.fraction(from) * 1000.0) as u64);
        bar.set_message(format!(
            "seen {} imported {} skipped {} | {} windows left",
            p.orders_seen, p.imported, p.skipped, p.windows_left
        ));
    };
    let report = engine.backfill(&c.id, from, &mut on_progress).await?;
    bar.finish_and_clear();
    let i = &report.import;
    println!(
        "  {} windows, {} pages: {} orders seen, {} imported, {} skipped by filters, {} updated; cursor {}",
        report.windows,
        i.pages,
        i.seen,
        i.imported,
        i.skipped,
        i.updated,
        report.ended_at.map_or("-".to_owned(), ts)
    );
    run.backfilled = true;
    run.import = report.import;
    Ok(run)
}

/// The stock the hub starts with: every merchant-fulfilled SKU of the simulated sellers.
fn initial_stock(
    harness: &Harness,
    connections: &[(Connection, amazon_spapi::client::SpApiClient)],
) -> anyhow::Result<Vec<InventoryItem>> {
    let Some(sim) = harness.sim() else {
        return Ok(Vec::new());
    };
    let mut items = Vec::new();
    for (c, _) in connections {
        for (i, (sku, fba)) in sim.skus(c.seller_id.as_str())?.into_iter().enumerate() {
            if fba {
                continue;
            }
            let mut item = InventoryItem::new(sku, 20 + (i as i64 % 7) * 5);
            item.location = Some("Main warehouse".to_owned());
            item.handling_time_days = Some(2);
            items.push(item);
        }
    }
    Ok(items)
}

/// Ships the newest open merchant-fulfilled orders: each order's new hub status and its shipment
/// confirmation commit in one transaction, so the confirmation is sent exactly when the change is kept.
async fn confirm_shipments(
    engine: &Engine,
    c: &Connection,
    n: usize,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let store = engine.store();
    let mut open = open_orders(&**store, c).await?;
    open.reverse(); // newest first
    let carrier = if c.seller_id.as_str() == EU_SELLER {
        "DHL"
    } else {
        "UPS"
    };
    let mut queued = Vec::new();
    for mut order in open.into_iter().take(n) {
        let tracking = tracking_number(carrier, order.id.as_str());
        let shipment = Shipment {
            id: ShipmentId::new(format!("qs-{}-1", order.id)),
            order_id: order.id.clone(),
            carrier: carrier.to_owned(),
            service: Some("Standard".to_owned()),
            tracking_number: Some(tracking),
            ship_date: now,
            lines: Vec::new(), // everything still unshipped
            tracked: true,
            label_created_at: None,
            delivered_at: None,
        };
        let entry = OutboxEntry {
            id: OutboxId::new(format!("qs-ship-{}", order.id)),
            connection_id: c.id.clone(),
            seller_id: c.seller_id.clone(),
            payload: OutboxPayload::ShipmentConfirmation {
                marketplace_id: order.marketplace_id.clone(),
                shipment,
            },
            created_at: now,
            not_before: now,
            attempts: 0,
            status: OutboxStatus::Pending,
        };
        order.hub_status = HubStatus::Shipped;
        queued.push(order.id.to_string());
        store.commit(ChangeSet::new().save(order).enqueue(entry)).await?;
    }
    println!(
        "{}: shipped {} orders ({carrier}): {}",
        c.id,
        queued.len(),
        queued.join(", ")
    );
    Ok(queued.len())
}

/// Cancels the oldest open merchant-fulfilled order (out of stock): hub status, stock back, and the
/// cancellation for Amazon in one transaction.
async fn cancel_one(engine: &Engine, c: &Connection, now: DateTime<Utc>) -> anyhow::Result<bool> {
    let store = engine.store();
    let Some(mut order) = open_orders(&**store, c).await?.into_iter().next() else {
        println!("{}: no open order to cancel", c.id);
        return Ok(false);
    };
    let mut changes = ChangeSet::new();
    for line in &order.lines {
        if let Some(sku) = &line.sku {
            if let Some(mut item) = store.get_item(sku).await? {
                item.quantity += i64::from(line.quantity_unshipped());
                changes = changes.inventory(item);
            }
        }
    }
    let entry = OutboxEntry {
        id: OutboxId::new(format!("qs-cancel-{}", order.id)),
        connection_id: c.id.clone(),
        seller_id: c.seller_id.clone(),
        payload: OutboxPayload::Cancellation {
            order_id: order.id.clone(),
            lines: cancel_all_lines(&order.lines, CancelReason::NoInventory),
            reason: CancelReason::NoInventory,
        },
        created_at: now,
        not_before: now,
        attempts: 0,
        status: OutboxStatus::Pending,
    };
    order.hub_status = HubStatus::Canceled;
    println!(
        "{}: canceled {} (NoInventory), its units back in stock",
        c.id, order.id
    );
    store.commit(changes.save(order).enqueue(entry)).await?;
    Ok(true)
}

/// Queues the hub's stock of the connection's merchant-fulfilled SKUs for each of its marketplaces.
async fn sync_stock(harness: &Harness, engine: &Engine, c: &Connection) -> anyhow::Result<usize> {
    let Some(sim) = harness.sim() else {
        return Ok(0);
    };
    let store = engine.store();
    let now = harness.now();
    let skus: BTreeSet<String> = sim
        .skus(c.seller_id.as_str())?
        .into_iter()
        .filter(|(_, fba)| !fba)
        .map(|(s, _)| s)
        .collect();
    let mut changes = ChangeSet::new();
    let mut n = 0usize;
    for item in store.list_items().await? {
        if !skus.contains(&item.sku) || item.channel != FulfillmentChannel::Merchant {
            continue;
        }
        for m in &c.marketplaces {
            n += 1;
            changes = changes.enqueue(OutboxEntry {
                id: OutboxId::new(format!(
                    "qs-stock-{}-{}-{}-{}",
                    c.id,
                    m,
                    item.sku,
                    now.timestamp()
                )),
                connection_id: c.id.clone(),
                seller_id: c.seller_id.clone(),
                payload: OutboxPayload::InventoryUpdate {
                    marketplace_id: m.clone(),
                    sku: item.sku.clone(),
                    quantity: u32::try_from(item.quantity.max(0)).unwrap_or(u32::MAX),
                    handling_time_days: item.handling_time_days,
                },
                created_at: now,
                not_before: now,
                attempts: 0,
                status: OutboxStatus::Pending,
            });
        }
    }
    store.commit(changes).await?;
    println!(
        "{}: stock of {} SKUs queued for {} marketplaces ({n} updates)",
        c.id,
        skus.len(),
        c.marketplaces.len()
    );
    Ok(n)
}

/// The outbound passes and the feed results, as a timer loop would run them every few minutes.
async fn outbound(harness: &Harness, engine: &Engine) -> anyhow::Result<()> {
    println!("\nOutbound (every 5 simulated minutes until Amazon has answered everything):");
    for round in 0..40 {
        let out = engine.run_outbound().await?;
        let results = engine.collect_feed_results().await?;
        if out.claimed + out.submissions + results.finished > 0 {
            println!(
                "  {}  claimed {:>3}, submissions {}, confirmed now {}, waiting for a report {}, deferred {}; reports read {} ({} entries done, {} failed)",
                ts(harness.now()),
                out.claimed,
                out.submissions,
                out.done,
                out.awaiting_report,
                out.deferred,
                results.finished,
                results.done,
                results.failed
            );
        }
        let store = engine.store();
        let pending = store
            .list_outbox(&OutboxQuery {
                state: Some(OutboxState::Pending),
                ..OutboxQuery::default()
            })
            .await?
            .len();
        let submitted = store
            .list_feeds(&FeedLogQuery {
                status: Some(FeedStatus::Submitted),
                ..FeedLogQuery::default()
            })
            .await?
            .len();
        if pending == 0 && submitted == 0 {
            return Ok(());
        }
        if round == 39 {
            println!(
                "  (still {pending} entries pending and {submitted} feeds open; the next run picks them up)"
            );
        }
        harness.wait(Duration::minutes(5)).await;
    }
    Ok(())
}

async fn print_summary(
    store: &dyn Store,
    connections: &[(Connection, amazon_spapi::client::SpApiClient)],
    summary: &RunSummary,
) -> anyhow::Result<()> {
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut push = |label: &str, values: Vec<String>| rows.push((label.to_owned(), values));
    let runs: Vec<ConnectionRun> = connections
        .iter()
        .map(|(c, _)| {
            summary
                .connections
                .get(c.id.as_str())
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    push(
        "this run: orders seen",
        runs.iter().map(|r| r.import.seen.to_string()).collect(),
    );
    push(
        "this run: imported",
        runs.iter().map(|r| r.import.imported.to_string()).collect(),
    );
    push(
        "this run: skipped",
        runs.iter().map(|r| r.import.skipped.to_string()).collect(),
    );
    push(
        "this run: updated",
        runs.iter().map(|r| r.import.updated.to_string()).collect(),
    );
    let mut by_status: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut by_folder: Vec<BTreeMap<String, usize>> = Vec::new();
    let mut totals = Vec::new();
    let mut redacted = Vec::new();
    for (c, _) in connections {
        let orders = store
            .query_orders(&OrderQuery::all().seller(c.seller_id.clone()))
            .await?;
        let mut s = BTreeMap::new();
        let mut f = BTreeMap::new();
        for o in &orders {
            *s.entry(o.hub_status.to_string()).or_insert(0) += 1;
            *f.entry(o.folder.clone().unwrap_or_else(|| "(none)".to_owned()))
                .or_insert(0) += 1;
        }
        totals.push(orders.len().to_string());
        redacted.push(
            orders
                .iter()
                .filter(|o| o.redacted_at.is_some())
                .count()
                .to_string(),
        );
        by_status.push(s);
        by_folder.push(f);
    }
    push("in store: orders", totals);
    let statuses: BTreeSet<String> = by_status.iter().flat_map(|m| m.keys().cloned()).collect();
    for s in statuses {
        push(
            &format!("  hub status {s}"),
            by_status
                .iter()
                .map(|m| m.get(&s).copied().unwrap_or(0).to_string())
                .collect(),
        );
    }
    let folders: BTreeSet<String> = by_folder.iter().flat_map(|m| m.keys().cloned()).collect();
    for f in folders {
        push(
            &format!("  folder {f}"),
            by_folder
                .iter()
                .map(|m| m.get(&f).copied().unwrap_or(0).to_string())
                .collect(),
        );
    }
    let mut done: Vec<BTreeMap<&'static str, usize>> = Vec::new();
    let mut failed = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    for (c, _) in connections {
        let entries = store
            .list_outbox(&OutboxQuery {
                connection_id: Some(c.id.clone()),
                ..OutboxQuery::default()
            })
            .await?;
        let mut m = BTreeMap::new();
        let mut bad = 0;
        for e in &entries {
            match e.status {
                OutboxStatus::Done => *m.entry(e.payload.kind()).or_insert(0) += 1,
                OutboxStatus::Failed { ref message, .. } => {
                    bad += 1;
                    failures.push(format!("{} {} {}: {message}", c.id, e.payload.kind(), e.id));
                }
                _ => {}
            }
        }
        done.push(m);
        failed.push(bad.to_string());
    }
    let kind = |k: &str| -> Vec<String> {
        done.iter()
            .map(|m| m.get(k).copied().unwrap_or(0).to_string())
            .collect()
    };
    push("shipments confirmed", kind("shipment_confirmation"));
    push("cancellations sent", kind("cancellation"));
    push(
        "buyer cancellations seen",
        runs.iter().map(|r| r.import.canceled.to_string()).collect(),
    );
    push("inventory updates", kind("inventory_update"));
    push("outbox entries failed", failed);
    push("redacted", redacted);
    push(
        "order cursor",
        runs.iter()
            .map(|r| r.cursor_at_end.map_or("-".to_owned(), ts))
            .collect(),
    );

    println!("\nSummary (\"this run\" rows count this run; the others what the database holds):");
    let label_w = rows.iter().map(|(l, _)| l.len()).max().unwrap_or(10);
    let col_w = 22;
    let mut header = format!("  {:<label_w$}", "");
    for (c, _) in connections {
        let _ = write!(header, " {:>col_w$}", format!("{} {}", c.id, c.seller_id));
    }
    println!("{header}");
    for (label, values) in rows {
        let mut line = format!("  {label:<label_w$}");
        for v in values {
            let _ = write!(line, " {v:>col_w$}");
        }
        println!("{line}");
    }
    if !failures.is_empty() {
        println!("\nFailed outbox entries (Amazon's or the hub's reason):");
        for f in failures.iter().take(5) {
            println!("  {f}");
        }
    }
    Ok(())
}

async fn print_feed_log(store: &dyn Store) -> anyhow::Result<()> {
    let feeds = store.list_feeds(&FeedLogQuery::default()).await?;
    println!("\nFeed log ({} submissions, newest first):", feeds.len());
    println!(
        "  {:<8} {:<4} {:<31} {:<20} {:>7} {:<9} {:<12} result",
        "id", "conn", "type", "submitted", "entries", "status", "amazon id"
    );
    for f in feeds.iter().take(20) {
        let result = f.summary.map_or("-".to_owned(), |s| {
            format!(
                "{} processed, {} ok, {} errors, {} warnings",
                s.processed, s.successful, s.errors, s.warnings
            )
        });
        println!(
            "  {:<8} {:<4} {:<31} {:<20} {:>7} {:<9} {:<12} {result}",
            f.id.chars().take(8).collect::<String>(),
            f.connection_id,
            f.feed_type,
            ts(f.submitted_at),
            f.entries.len(),
            format!("{:?}", f.status),
            f.amazon_feed_id.as_deref().unwrap_or("-"),
        );
    }
    if feeds.len() > 20 {
        println!("  ... and {} older", feeds.len() - 20);
    }
    Ok(())
}

/// Open merchant-fulfilled orders of the connection, oldest first.
async fn open_orders(store: &dyn Store, c: &Connection) -> anyhow::Result<Vec<Order>> {
    Ok(store
        .query_orders(
            &OrderQuery::all()
                .seller(c.seller_id.clone())
                .amazon_status(AmazonOrderStatus::Unshipped)
                .hub_status(HubStatus::New),
        )
        .await?
        .into_iter()
        .filter(|o| {
            o.fulfillment_channel == FulfillmentChannel::Merchant
                && !o.lines.is_empty()
                && o.lines.iter().all(|l| l.quantity_shipped == 0)
        })
        .collect())
}

fn add(total: &mut ImportReport, r: &ImportReport) {
    total.pages += r.pages;
    total.seen += r.seen;
    total.imported += r.imported;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
    total.skipped += r.skipped;
    total.unmappable += r.unmappable;
    total.canceled += r.canceled;
    total.restocked += r.restocked;
    if r.cursor.is_some() {
        total.cursor = r.cursor;
    }
}

/// A tracking number that looks like the carrier's, derived from the order id.
fn tracking_number(carrier: &str, order_id: &str) -> String {
    let digits: String = order_id.chars().filter(char::is_ascii_digit).collect();
    match carrier {
        "UPS" => format!("1Z999AA1{}", &digits[digits.len().saturating_sub(10)..]),
        _ => format!("00340434{}", &digits[digits.len().saturating_sub(12)..]),
    }
}

fn marketplace_codes(ids: &[String]) -> String {
    ids.iter()
        .map(|id| amazon_spapi::marketplace::Marketplace::by_id(id).map_or(id.clone(), |m| m.code.to_owned()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One parameter of a query string, percent-decoded.
fn query_param(query: &str, name: &str) -> Option<String> {
    let raw = query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        k.eq_ignore_ascii_case(name).then_some(v)
    })?;
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn indent(text: &str) -> String {
    text.lines().fold(String::new(), |mut s, l| {
        let _ = write!(s, "\n    {l}");
        s
    })
}

/// The files of one quickstart database.
struct Paths {
    db: PathBuf,
    key: PathBuf,
    credentials: PathBuf,
}

impl Paths {
    fn new(db: &Path) -> Self {
        let with = |suffix: &str| {
            let mut s = db.as_os_str().to_owned();
            s.push(suffix);
            PathBuf::from(s)
        };
        Paths {
            db: db.to_owned(),
            key: with(".key"),
            credentials: with(".credentials"),
        }
    }

    fn remove(&self) -> anyhow::Result<()> {
        for p in [&self.db, &self.key, &self.credentials] {
            remove_if_exists(p)?;
        }
        for suffix in ["-wal", "-shm"] {
            let mut s = self.db.as_os_str().to_owned();
            s.push(suffix);
            remove_if_exists(Path::new(&s))?;
        }
        Ok(())
    }
}

fn remove_if_exists(p: &Path) -> anyhow::Result<()> {
    match std::fs::remove_file(p) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e).with_context(|| format!("removing {}", p.display())),
    }
}

const KEY_ID: &str = "quickstart-1";

/// Reads the key file (`key_id base64`), or creates one with a fresh random key, readable by the owner
/// only. Returns whether it was created.
fn load_or_create_key(path: &Path) -> anyhow::Result<(EncryptionKey, bool)> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let (id, b64) = text.trim().split_once(' ').ok_or_else(|| {
                anyhow!("{} is not a quickstart key file (`<id> <base64>`): restore it, or run with --reset to start over", path.display())
            })?;
            let key = EncryptionKey::from_base64(id, b64)
                .with_context(|| format!("the key in {}", path.display()))?;
            Ok((key, false))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut bytes = [0u8; 32];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let text = format!(
                "{KEY_ID} {}\n",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            );
            write_private(path, text.as_bytes())?;
            Ok((EncryptionKey::new(KEY_ID, bytes)?, true))
        }
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

/// The keyring the credentials file is sealed with (the same key as the database's).
fn store_keyring(key_path: &Path) -> anyhow::Result<Keyring> {
    Ok(Keyring::new(load_or_create_key(key_path)?.0))
}

fn write_private(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts
        .open(path)
        .with_context(|| format!("writing {}", path.display()))?;
    f.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}

/// Refresh tokens per seller, sealed with the key (AES-256-GCM, the seller id as associated data).
struct Credentials {
    keyring: Keyring,
    sealed: BTreeMap<String, (String, String)>,
}

impl Credentials {
    fn load(path: &Path, keyring: &Keyring) -> anyhow::Result<Credentials> {
        let sealed = match std::fs::read_to_string(path) {
            Ok(text) => serde_json::from_str(&text).with_context(|| {
                format!(
                    "{} is not a quickstart credentials file: run with --reset to authorize again",
                    path.display()
                )
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        Ok(Credentials {
            keyring: keyring.clone(),
            sealed,
        })
    }

    fn aad(seller: &str) -> Vec<u8> {
        format!("orderhub-quickstart refresh token {seller}").into_bytes()
    }

    fn put(&mut self, seller: &str, token: &SecretString) {
        if let Ok(Some((key_id, bytes))) = self.keyring.seal(&Self::aad(seller), token.expose().as_bytes()) {
            self.sealed.insert(
                seller.to_owned(),
                (key_id, base64::engine::general_purpose::STANDARD.encode(bytes)),
            );
        }
    }

    fn get(&self, seller: &str) -> anyhow::Result<Option<SecretString>> {
        let Some((key_id, b64)) = self.sealed.get(seller) else {
            return Ok(None);
        };
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|_| anyhow!("the credentials of {seller} are damaged: run with --reset"))?;
        let plain = self
            .keyring
            .open(key_id, &Self::aad(seller), &bytes)?
            .ok_or_else(|| {
                anyhow!("the credentials of {seller} are sealed with another key: run with --reset")
            })?;
        let token = String::from_utf8(plain)
            .map_err(|_| anyhow!("the credentials of {seller} are damaged: run with --reset"))?;
        Ok(Some(SecretString::new(token)))
    }

    fn save(&self, path: &Path) -> anyhow::Result<()> {
        write_private(path, serde_json::to_string_pretty(&self.sealed)?.as_bytes())
    }
}
