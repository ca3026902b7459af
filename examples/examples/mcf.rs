//! Amazon Multi-Channel Fulfillment (MCF): send orders to Amazon to ship from FBA stock, and follow
//! their tracking.
//!
//! 1. Read the seller's FBA stock into the hub (`sync_fba_stock`) and file it under location `FBA`.
//! 2. Import orders with a rule that routes merchant-fulfilled orders whose every line is stocked at
//!    `FBA` to Amazon MCF (`route_to = "amazon-mcf"`, with the AFN safety filter).
//! 3. The MCF job creates each routed order at Amazon exactly once (the fulfillment order id is derived
//!    from the Amazon order id, so a crash never creates a second one), then follows it: as Amazon ships,
//!    the tracking number comes back to the order and a shipment confirmation is queued, which the
//!    outbound pass sends to the marketplace. Orders Amazon cannot fulfill are put on hold with the reason.
//!
//! Run: `cargo run -p examples --example mcf` (`ORDERHUB_EXAMPLE_SMALL=1` for a small run). Against
//! Amazon (see the README), orders are only sent with `ORDERHUB_LIVE_WRITES=1`.

use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::engine::{mcf_keys, Engine, MCF_ROUTE};
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{ConnectionId, ConnectionSettings, FulfillmentChannel};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{FilterSettings, Mappings, RedactionSchedule, RuleSet, RulesPolicy, ScheduledRedaction};

const RULES: &str = r#"
[[rules]]
name = "Stock at Amazon: ship with MCF"
on = "order_imported"
when = { all = [
  { field = "metadata.amazon_fulfillment_channel", not_equals = "AFN" },
  { all_lines = { field = "line.location", equals = "FBA" } },
] }
actions = [{ route_to = "amazon-mcf" }, { move_to_folder = "Amazon MCF" }]
"#;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let seller = SellerSpec::new("A1SIMUSSELLER1", &["US"])
        .roles(&Role::ALL)
        .orders_per_day(sized(300.0, 60.0))
        .afn_share(0.3);
    let harness = Harness::from_env_or_simulator(SimOptions::new(51, vec![seller])).await?;
    let access = harness.sellers()[0].clone();
    let conn = ConnectionId::new("us-store");
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(2)),
        ..ConnectionSettings::default()
    };
    let policy = RulesPolicy::new(
        FilterSettings::default(),
        Mappings::default(),
        RuleSet::from_toml(RULES)?,
    )?;
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = Engine::new(
        store.clone(),
        harness.clock(),
        Arc::new(policy),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_connection(harness.runtime(&access, conn.as_str(), settings));

    // 1. Amazon's FBA stock into the hub, filed under location FBA.
    let fba = engine.sync_fba_stock(&conn).await?;
    let mut items = store.list_items().await?;
    for item in items
        .iter_mut()
        .filter(|i| i.channel == FulfillmentChannel::Amazon)
    {
        item.location = Some("FBA".to_owned());
    }
    store.put_items(&items).await?;
    println!("1. FBA stock read: {} SKUs stocked at Amazon", fba.updated);

    // 2. Import; the rule routes what Amazon can ship.
    let imported = engine.import_connection(&conn).await?;
    let routed = store
        .query_orders(&OrderQuery::all())
        .await?
        .into_iter()
        .filter(|o| o.metadata.get("route_to") == Some(MCF_ROUTE))
        .count();
    println!(
        "2. Imported {} orders; {routed} routed to Amazon MCF",
        imported.imported
    );
    if !harness.writes_allowed() {
        println!("Not sending orders to Amazon (set ORDERHUB_LIVE_WRITES=1 to do so).");
        harness.shutdown().await;
        return Ok(());
    }

    // 3. Hand them to Amazon, then follow them as simulated hours pass.
    let first = engine.run_mcf(&conn).await?;
    println!(
        "3. Created {} fulfillment orders at Amazon ({} skipped: {:?})",
        first.submitted.len(),
        first.skipped.len(),
        first
            .skipped
            .iter()
            .map(|(_, why)| why.as_str())
            .collect::<Vec<_>>()
    );
    let again = engine.submit_mcf(&conn).await?;
    println!(
        "   A second submit creates nothing new: {} created",
        again.submitted.len()
    );
    anyhow::ensure!(again.submitted.is_empty(), "an order was sent to MCF twice");

    let mut shipped = 0;
    for hours in [2, 6, 12, 24] {
        harness.wait(Duration::hours(hours)).await;
        let run = engine.track_mcf(&conn).await?;
        shipped += run.shipped.len();
        println!(
            "   +{hours:>2}h: checked {}, in progress {}, shipped {}, problems {}",
            run.checked,
            run.in_progress,
            run.shipped.len(),
            run.problems.len()
        );
        for p in &run.problems {
            println!("        {} {}: {}", p.order_id, p.status, p.message);
        }
    }
    // The tracking numbers go to the marketplace as shipment confirmations.
    let outbound = engine.run_outbound().await?;
    println!(
        "4. {shipped} orders shipped by Amazon; {} shipment confirmations sent to the marketplace",
        outbound.done
    );
    for o in store
        .query_orders(&OrderQuery::all())
        .await?
        .iter()
        .filter(|o| o.metadata.get(mcf_keys::TRACKING).is_some())
        .take(5)
    {
        println!(
            "   {} -> {} {} via {} ({})",
            o.id,
            o.metadata.get(mcf_keys::ORDER_ID).unwrap_or("-"),
            o.metadata.get(mcf_keys::STATUS).unwrap_or("-"),
            o.metadata.get(mcf_keys::CARRIER).unwrap_or("-"),
            o.metadata.get(mcf_keys::TRACKING).unwrap_or("-"),
        );
    }
    if harness.is_simulated() {
        anyhow::ensure!(
            routed == 0 || shipped > 0,
            "no MCF order shipped in a simulated day"
        );
    }
    harness.shutdown().await;
    Ok(())
}
