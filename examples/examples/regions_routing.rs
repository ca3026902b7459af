//! Several Amazon regions, several fulfillment services.
//!
//! Three sellers — North America (US, CA), Europe (DE, FR, UK) and Japan — are three connections of one
//! hub, sharing one store and one set of rules (`examples/config/routing_rules.toml`). The rules route
//! each order to a fulfillment service by where it ships: a New Jersey warehouse, 3PLs in Leipzig and
//! Manchester, an Osaka warehouse — and orders whose every line is stocked at Amazon to Multi-Channel
//! Fulfillment, which the engine's MCF job sends to Amazon in the order's own region. Amazon-fulfilled
//! orders are kept as records only.
//!
//! Your own services read their orders by `route_to` (here: a pick list per service); `amazon-mcf`
//! orders go to Amazon with `Engine::run_mcf`.
//!
//! Run: `cargo run -p examples --example regions_routing` (`ORDERHUB_EXAMPLE_SMALL=1` for a small run).
//! Against Amazon (see the README) it runs for the one seller in the environment, and sends nothing to
//! MCF without `ORDERHUB_LIVE_WRITES=1`.

use std::collections::BTreeMap;
use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::engine::{decision_keys, Engine, MCF_ROUTE};
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{ConnectionId, ConnectionSettings, FulfillmentChannel, Order};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{FilterSettings, Mappings, RedactionSchedule, RuleSet, RulesPolicy, ScheduledRedaction};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config/routing_rules.toml");
    let rules = RuleSet::from_toml(&std::fs::read_to_string(path)?)?;
    let policy = RulesPolicy::new(FilterSettings::default(), Mappings::default(), rules)?;

    let per_day = sized(150.0, 25.0);
    let sellers = vec![
        SellerSpec::new("A1SIMUSSELLER1", &["US", "CA"])
            .roles(&Role::ALL)
            .orders_per_day(per_day)
            .afn_share(0.2),
        SellerSpec::new("A2SIMEUSELLER1", &["DE", "FR", "UK"])
            .roles(&Role::ALL)
            .orders_per_day(per_day)
            .afn_share(0.2),
        SellerSpec::new("A3SIMJPSELLER1", &["JP"])
            .roles(&Role::ALL)
            .orders_per_day(per_day)
            .afn_share(0.2),
    ];
    let harness = Harness::from_env_or_simulator(SimOptions::new(81, sellers)).await?;
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(2)),
        import_amazon_fulfilled: true,
        ..ConnectionSettings::default()
    };
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let mut engine = Engine::new(
        store.clone(),
        harness.clock(),
        Arc::new(policy),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    );
    let mut connections = Vec::new();
    for seller in harness.sellers() {
        let id = format!(
            "{}-{}",
            seller.region.code().to_ascii_lowercase(),
            seller.seller_id
        );
        engine = engine.with_connection(harness.runtime(seller, &id, settings.clone()));
        connections.push((ConnectionId::new(id), seller.region));
    }

    // Each region's FBA stock, filed under location FBA (what the MCF rule looks for).
    for (conn, _) in &connections {
        engine.sync_fba_stock(conn).await?;
    }
    let mut items = store.list_items().await?;
    for item in items
        .iter_mut()
        .filter(|i| i.channel == FulfillmentChannel::Amazon)
    {
        item.location = Some("FBA".to_owned());
    }
    store.put_items(&items).await?;

    for (conn, region) in &connections {
        let r = engine.import_connection(conn).await?;
        println!("{conn} ({region}): imported {} orders", r.imported);
    }

    let orders = store.query_orders(&OrderQuery::all()).await?;
    let mut table: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut by_route: BTreeMap<String, Vec<&Order>> = BTreeMap::new();
    for o in &orders {
        let route = o
            .metadata
            .get(decision_keys::ROUTE_TO)
            .unwrap_or(if o.fulfillment_channel == FulfillmentChannel::Amazon {
                "(AFN record)"
            } else {
                "(unrouted)"
            })
            .to_owned();
        *table
            .entry(route.clone())
            .or_default()
            .entry(o.seller_id.as_str().to_owned())
            .or_default() += 1;
        by_route.entry(route).or_default().push(o);
    }
    let sellers: Vec<String> = harness.sellers().iter().map(|s| s.seller_id.clone()).collect();
    print!("\n  {:<16}", "route");
    for s in &sellers {
        print!(" {s:>15}");
    }
    println!();
    for (route, counts) in &table {
        print!("  {route:<16}");
        for s in &sellers {
            print!(" {:>15}", counts.get(s).copied().unwrap_or(0));
        }
        println!();
    }

    // Your services pick up their orders by route.
    println!();
    for (route, list) in by_route
        .iter()
        .filter(|(r, _)| !r.starts_with('(') && r.as_str() != MCF_ROUTE)
    {
        let first = list
            .iter()
            .take(2)
            .map(|o| {
                let skus: Vec<&str> = o.lines.iter().filter_map(|l| l.sku.as_deref()).collect();
                format!("{} [{}]", o.id, skus.join(" "))
            })
            .collect::<Vec<_>>()
            .join(", ");
        println!("  pick list for {route}: {} orders, e.g. {first}", list.len());
    }

    // And Amazon MCF gets its orders, each in its own region.
    if harness.writes_allowed() {
        for (conn, region) in &connections {
            let r = engine.run_mcf(conn).await?;
            if !r.submitted.is_empty() || !r.skipped.is_empty() {
                println!(
                    "  Amazon MCF ({region}): {} created, {} skipped",
                    r.submitted.len(),
                    r.skipped.len()
                );
            }
        }
    }
    anyhow::ensure!(
        !table.contains_key("(unrouted)"),
        "an order matched no route: {:?}",
        table.get("(unrouted)")
    );
    harness.shutdown().await;
    Ok(())
}
