//! Cancellations, both ways.
//!
//! - The seller cancels in the hub: each cancellation goes to the outbox with Amazon's reason per line.
//!   As established hubs do, cancellations wait five minutes so that those made close together share one
//!   `POST_ORDER_ACKNOWLEDGEMENT_DATA` feed; the feed log records the submission, and the processing
//!   report later marks each cancellation done (or failed, with Amazon's message).
//! - The buyer cancels at Amazon: the next import sees it, marks the order canceled in the hub and puts
//!   its units back into the hub's stock.
//!
//! Run: `cargo run -p examples --example cancellations` (`ORDERHUB_EXAMPLE_SMALL=1` for a small run).
//! Against Amazon (see the README) the seller-side cancellations are only sent with
//! `ORDERHUB_LIVE_WRITES=1`, and the buyer-side part needs a real buyer.

use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::engine::Engine;
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{FeedLogQuery, OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    AmazonOrderStatus, CancelReason, ConnectionId, ConnectionSettings, FulfillmentChannel, Order,
    OutboxEntry, OutboxId, OutboxPayload, OutboxStatus, SellerId,
};
use orderhub_feeds::{cancel_all_lines, FeedPlanner};
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let seller = SellerSpec::new("A2SIMEUSELLER1", &["DE", "FR"])
        .roles(&Role::ALL)
        .orders_per_day(sized(200.0, 40.0))
        .afn_share(0.0);
    let harness = Harness::from_env_or_simulator(SimOptions::new(41, vec![seller])).await?;
    let access = harness.sellers()[0].clone();
    let conn = ConnectionId::new("eu-store");
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(2)),
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

    let imported = engine.import_connection(&conn).await?;
    let open: Vec<Order> = store
        .query_orders(&OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped))
        .await?
        .into_iter()
        .filter(|o| o.fulfillment_channel == FulfillmentChannel::Merchant)
        .collect();
    println!("Imported {} orders; {} open.", imported.imported, open.len());
    anyhow::ensure!(open.len() >= 3, "too few open orders to cancel");

    if harness.writes_allowed() {
        // 1. The seller cancels two orders, a minute apart.
        let reasons = [
            CancelReason::NoInventory,
            CancelReason::ShippingAddressUndeliverable,
        ];
        for (i, (order, reason)) in open.iter().zip(reasons).enumerate() {
            let now = harness.now();
            store
                .enqueue(&[OutboxEntry {
                    id: OutboxId::new(format!("cancel-{}", order.id)),
                    connection_id: conn.clone(),
                    seller_id: SellerId::new(access.seller_id.as_str()),
                    payload: OutboxPayload::Cancellation {
                        order_id: order.id.clone(),
                        lines: cancel_all_lines(&order.lines, reason),
                        reason,
                    },
                    created_at: now,
                    not_before: now,
                    attempts: 0,
                    status: OutboxStatus::Pending,
                }])
                .await?;
            println!("{}. Cancel {} ({})", i + 1, order.id, reason.as_str());
            harness.wait(Duration::minutes(1)).await;
        }
        let early = engine.run_outbound().await?;
        println!(
            "   Right away: {} submissions (cancellations wait five minutes to share a feed)",
            early.submissions
        );
        harness.wait(Duration::minutes(5)).await;
        let sent = engine.run_outbound().await?;
        println!(
            "   Five minutes later: {} cancellations in {} feed",
            sent.claimed, sent.submissions
        );
        // Amazon processes the feed; the processing report settles each cancellation.
        harness.wait(Duration::minutes(10)).await;
        let results = engine.collect_feed_results().await?;
        println!("   Feed results read: {results:?}");
        for f in store.list_feeds(&FeedLogQuery::default()).await? {
            println!(
                "   feed log: {} {} {:?} ({} entries) {:?}",
                f.id,
                f.feed_type,
                f.status,
                f.entries.len(),
                f.summary
            );
        }
        for order in open.iter().take(2) {
            let entry = store
                .get_outbox(&OutboxId::new(format!("cancel-{}", order.id)))
                .await?;
            let status = entry.map(|e| e.status);
            println!("   {}: {:?}", order.id, status);
            anyhow::ensure!(
                status == Some(OutboxStatus::Done),
                "the cancellation of {} did not go through",
                order.id
            );
        }
    } else {
        println!("Skipping seller cancellations (set ORDERHUB_LIVE_WRITES=1 to send them to Amazon).");
    }

    // 2. A buyer cancels at Amazon; the next import notices.
    if let Some(sim) = harness.sim() {
        let order = &open[2];
        sim.cancel_order(order.id.as_str(), "BuyerCanceled")?;
        harness.wait(Duration::minutes(5)).await;
        let report = engine.import_connection(&conn).await?;
        let now = store.get_order(&order.id).await?;
        println!(
            "\nThe buyer canceled {} at Amazon. Next import: {} canceled, {} restocked; the hub shows {:?} / {:?}",
            order.id,
            report.canceled,
            report.restocked,
            now.as_ref().map(|o| o.amazon_status.as_str().to_owned()),
            now.as_ref().map(|o| o.hub_status.as_str().to_owned()),
        );
        anyhow::ensure!(report.canceled >= 1, "the import missed the cancellation");
    }
    harness.shutdown().await;
    Ok(())
}
