//! Import with filters and rules loaded from a TOML file.
//!
//! `examples/config/import_rules.toml` holds what established hubs put on their settings page: import
//! toggles (Amazon-fulfilled orders for the records, not already-shipped ones), a country filter
//! (`US,CA`), mappings (shipping method, invoice prefix) and rules ("AFN goes to Closed", fast shipping to
//! a Rush folder, Canadian orders routed to a warehouse, big orders held for review). The example loads
//! it (an unknown key or a misspelled field is an error naming it), imports a US/CA/MX seller's orders
//! through the sync engine into SQLite, and prints where the orders landed and which rules fired.
//!
//! Run: `cargo run -p examples --example import_with_rules [-- path/to/rules.toml]`
//! (against Amazon with the variables in the README; `ORDERHUB_EXAMPLE_SMALL=1` for a small run).

use std::collections::BTreeMap;
use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use anyhow::Context as _;
use examples::{sized, Harness, SimOptions};
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::engine::{decision_keys, Engine};
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::SqliteStore;
use orderhub_core::ConnectionSettings;
use orderhub_feeds::FeedPlanner;
use orderhub_rules::rules::{RuleFile, RuleSpec};
use orderhub_rules::{FilterSettings, Mappings, RedactionSchedule, RuleSet, RulesPolicy, ScheduledRedaction};
use serde::Deserialize;

/// The file's layout: every section optional, unknown keys refused.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct HubConfig {
    import: ImportSection,
    filters: FilterSettings,
    mappings: Mappings,
    rules: Vec<RuleSpec>,
}

/// The connection settings the file may set.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct ImportSection {
    import_amazon_fulfilled: bool,
    import_shipped: bool,
    new_order_folder: Option<String>,
    order_number_prefix: Option<String>,
}

fn load(path: &str) -> anyhow::Result<(ConnectionSettings, RulesPolicy)> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let config: HubConfig =
        toml::from_str(&text).with_context(|| format!("{path} is not a valid hub config"))?;
    let rules = RuleSet::compile(&RuleFile { rules: config.rules })
        .with_context(|| format!("{path}: a rule is wrong"))?;
    let policy = RulesPolicy::new(config.filters, config.mappings, rules)
        .with_context(|| format!("{path}: the mappings are wrong"))?;
    let settings = ConnectionSettings {
        import_amazon_fulfilled: config.import.import_amazon_fulfilled,
        import_shipped: config.import.import_shipped,
        new_order_folder: config.import.new_order_folder,
        order_number_prefix: config.import.order_number_prefix,
        ..ConnectionSettings::default()
    };
    Ok((settings, policy))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/config/import_rules.toml").to_owned());
    let (mut settings, policy) = load(&path)?;
    println!(
        "Loaded {path}: {} rules ({})",
        policy.rules().len(),
        policy
            .rules()
            .names()
            .map(|n| &**n)
            .collect::<Vec<_>>()
            .join(", ")
    );

    let seller = SellerSpec::new("A1SIMUSSELLER1", &["US", "CA", "MX"])
        .roles(&Role::ALL)
        .orders_per_day(sized(300.0, 40.0))
        .afn_share(0.3);
    let harness = Harness::from_env_or_simulator(SimOptions::new(21, vec![seller])).await?;
    let access = harness.sellers()[0].clone();
    settings.import_from = Some(harness.now() - chrono::Duration::days(2));

    let dir = std::env::temp_dir().join(format!("orderhub-import-with-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("hub.db");
    let store: Arc<dyn Store> =
        Arc::new(SqliteStore::open(&db, Keyring::new(EncryptionKey::generate("example-key")?)).await?);
    let engine = Engine::new(
        store.clone(),
        harness.clock(),
        Arc::new(policy),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_connection(harness.runtime(&access, "us-store", settings));

    let conn = orderhub_core::ConnectionId::new("us-store");
    let report = engine.import_connection(&conn).await?;
    println!(
        "\nImported {} orders of {} Amazon returned; {} skipped by the filters and rules (SQLite: {})",
        report.imported,
        report.seen,
        report.skipped,
        db.display()
    );

    let orders = store.query_orders(&OrderQuery::all()).await?;
    let mut by_folder: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut by_country: BTreeMap<String, usize> = BTreeMap::new();
    let mut routed = 0;
    let mut tagged: BTreeMap<String, usize> = BTreeMap::new();
    for o in &orders {
        let folder = o.folder.clone().unwrap_or_else(|| "(none)".to_owned());
        *by_folder
            .entry((folder, o.hub_status.as_str().to_owned()))
            .or_default() += 1;
        *by_country
            .entry(o.ship_country().unwrap_or("(unknown)").to_owned())
            .or_default() += 1;
        routed += usize::from(o.metadata.get(decision_keys::ROUTE_TO) == Some("warehouse-toronto"));
        for t in &o.tags {
            *tagged.entry(t.clone()).or_default() += 1;
        }
    }
    println!("\n  {:<10} {:<12} {:>6}", "folder", "hub status", "orders");
    for ((folder, status), n) in &by_folder {
        println!("  {folder:<10} {status:<12} {n:>6}");
    }
    println!("\nBy ship-to country (the filter admits US and CA only): {by_country:?}");
    println!("Tags: {tagged:?}; routed to warehouse-toronto: {routed}");
    if let Some(o) = orders
        .iter()
        .find(|o| o.metadata.get(decision_keys::INVOICE_NUMBER).is_some())
    {
        println!(
            "Order {}: invoice {}, shipping method {}",
            o.id,
            o.metadata.get(decision_keys::INVOICE_NUMBER).unwrap_or("-"),
            o.metadata.get(decision_keys::SHIPPING_METHOD).unwrap_or("-")
        );
    }
    anyhow::ensure!(
        by_country.keys().all(|c| c == "US" || c == "CA"),
        "the country filter let another country through: {by_country:?}"
    );

    // A typo in a rule file is an error that names the rule and the field, not a rule that never fires.
    let broken = r#"
        [[rules]]
        name = "AFN to Closed"
        on = "order_imported"
        when = { field = "ship_contry", equals = "US" }
        actions = [{ move_to_folder = "Closed" }]
    "#;
    match RuleSet::from_toml(broken) {
        Err(e) => println!("\nA rule file with a typo is refused: {e}"),
        Ok(_) => anyhow::bail!("a rule with an unknown field was accepted"),
    }

    harness.shutdown().await;
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}
