//! Inventory sync with `amazon_skip`: the hub's stock goes out to Amazon, only what changed.
//!
//! The hub keeps the merchant-fulfilled stock (and reads Amazon's FBA stock in with `sync_fba_stock`).
//! `sync_inventory` queues one update per SKU and marketplace — leaving out items marked `amazon_skip` = 1
//! (how established hubs keep a catalogue under Amazon's 40,000-SKU limit) and Amazon-fulfilled items —
//! with the handling time from `FulfillmentLatency`, the item's own, or the connection's default. The
//! outbound pass sends them as one `JSON_LISTINGS_FEED` per marketplace, the feed log records it, and the
//! processing report settles each SKU. A second sync after one quantity changed sends one update.
//!
//! Run: `cargo run -p examples --example inventory_sync` (`ORDERHUB_EXAMPLE_SMALL=1` for a small run).
//! Against Amazon (see the README), stock is only sent with `ORDERHUB_LIVE_WRITES=1`.

use std::collections::BTreeSet;
use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::engine::Engine;
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{FeedLogQuery, OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{keys, ConnectionId, ConnectionSettings, FulfillmentChannel, InventoryItem};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let seller = SellerSpec::new("A1SIMUSSELLER1", &["US", "CA"])
        .roles(&Role::ALL)
        .orders_per_day(sized(100.0, 20.0))
        .afn_share(0.2);
    let harness = Harness::from_env_or_simulator(SimOptions::new(71, vec![seller])).await?;
    let access = harness.sellers()[0].clone();
    let conn = ConnectionId::new("us-store");
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(2)),
        default_handling_time_days: Some(2),
        ..ConnectionSettings::default()
    };
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = Engine::new(
        store.clone(),
        harness.clock(),
        Arc::new(AdmitAll),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_connection(harness.runtime(&access, conn.as_str(), settings));

    // Amazon's FBA stock comes in; the hub's own stock is the merchant-fulfilled SKUs.
    let fba = engine.sync_fba_stock(&conn).await?;
    let skus: Vec<String> = match harness.sim() {
        Some(sim) => sim
            .skus(&access.seller_id)?
            .into_iter()
            .filter(|(_, fba)| !fba)
            .map(|(sku, _)| sku)
            .collect(),
        None => {
            // Against Amazon: the SKUs of recent orders.
            engine.import_connection(&conn).await?;
            let orders = store.query_orders(&OrderQuery::all()).await?;
            let set: BTreeSet<String> = orders
                .iter()
                .filter(|o| o.fulfillment_channel == FulfillmentChannel::Merchant)
                .flat_map(|o| o.lines.iter().filter_map(|l| l.sku.clone()))
                .collect();
            set.into_iter().collect()
        }
    };
    let skus: Vec<String> = skus.into_iter().take(sized(200, 12)).collect();
    let mut items = Vec::new();
    for (i, sku) in skus.iter().enumerate() {
        let mut item = InventoryItem::new(sku.as_str(), 5 + i as i64);
        if i % 4 == 3 {
            // Discontinued here, still listed at Amazon: leave it alone.
            item.metadata.set(keys::AMAZON_SKIP, "1");
        }
        if i % 7 == 5 {
            // Sold only through another connection of the hub (another seller account): this one
            // leaves it out.
            item.metadata.set(keys::AMAZON_CONNECTIONS, "other-seller");
        }
        if i == 0 {
            item.metadata.set(keys::FULFILLMENT_LATENCY, "5");
        }
        items.push(item);
    }
    store.put_items(&items).await?;
    let skipped_by_flag = items.iter().filter(|i| i.skip_amazon()).count();
    println!(
        "Hub inventory: {} merchant-fulfilled SKUs ({skipped_by_flag} marked amazon_skip), {} FBA SKUs read from Amazon",
        items.len(),
        fba.updated
    );

    let first = engine.sync_inventory(&conn).await?;
    println!(
        "\n1. sync_inventory: {} items examined, {} updates queued ({} marketplaces), {} left out:",
        first.examined,
        first.queued,
        access.marketplace_ids.len(),
        first.skipped.len()
    );
    let mut reasons = std::collections::BTreeMap::<&str, usize>::new();
    for (_, why) in &first.skipped {
        *reasons.entry(why).or_default() += 1;
    }
    for (why, n) in &reasons {
        println!("     {n:>4} {why}");
    }
    if !harness.writes_allowed() {
        println!("Not sending stock to Amazon (set ORDERHUB_LIVE_WRITES=1 to do so).");
        harness.shutdown().await;
        return Ok(());
    }
    // One JSON_LISTINGS_FEED per marketplace, and at most one feed of a type per seller every 20 minutes
    // (Amazon's advice): the second marketplace's feed waits for its turn.
    let sent = engine.run_outbound().await?;
    println!(
        "2. Outbound: {} updates claimed, {} feed submitted, {} deferred",
        sent.claimed, sent.submissions, sent.deferred
    );
    harness.wait(Duration::minutes(21)).await;
    let later = engine.run_outbound().await?;
    println!("   21 minutes later: {} more feed submitted", later.submissions);
    harness.wait(Duration::minutes(15)).await;
    let results = engine.collect_feed_results().await?;
    println!(
        "3. Processing reports: {} feeds finished, {} updates done, {} failed",
        results.finished, results.done, results.failed
    );
    for f in store.list_feeds(&FeedLogQuery::default()).await? {
        println!(
            "   feed log: {:<20} {:<10} {:>3} messages  {}",
            f.feed_type,
            format!("{:?}", f.status),
            f.entries.len(),
            f.summary
                .map(|s| format!("{} ok, {} errors", s.successful, s.errors))
                .unwrap_or_default()
        );
    }

    if let Some(sim) = harness.sim() {
        let sent_item = &items[0];
        let skipped_item = items.iter().find(|i| i.skip_amazon());
        let at_amazon = sim.listing(&access.seller_id, &sent_item.sku)?;
        println!(
            "   Amazon now shows {}: quantity {:?}, handling {:?} days (hub: {}, FulfillmentLatency 5)",
            sent_item.sku,
            at_amazon.map(|s| s.quantity),
            at_amazon.map(|s| s.handling_days),
            sent_item.quantity
        );
        anyhow::ensure!(
            at_amazon.is_some_and(|s| s.quantity == sent_item.quantity && s.handling_days == 5),
            "Amazon does not show the hub's stock"
        );
        if let Some(skipped) = skipped_item {
            let there = sim.listing(&access.seller_id, &skipped.sku)?;
            println!(
                "   {} (amazon_skip) keeps Amazon's quantity {:?}, not the hub's {}",
                skipped.sku,
                there.map(|s| s.quantity),
                skipped.quantity
            );
        }
    }

    // One SKU sells out in the hub: the next sync sends only that.
    let mut changed = items[1].clone();
    changed.quantity = 0;
    store.put_items(std::slice::from_ref(&changed)).await?;
    let second = engine.sync_inventory(&conn).await?;
    println!(
        "\n4. {} sold out; sync again: {} queued, {} unchanged",
        changed.sku, second.queued, second.unchanged
    );
    anyhow::ensure!(
        second.queued == access.marketplace_ids.len(),
        "expected one update per marketplace for the changed SKU"
    );
    harness.wait(Duration::minutes(21)).await;
    let out = engine.run_outbound().await?;
    println!("   sent: {} feed now, {} deferred", out.submissions, out.deferred);
    harness.shutdown().await;
    Ok(())
}
