//! Amazon labels (Merchant Fulfillment): buy a shipping label from the order's metadata, and void it.
//!
//! The rules in `examples/config/label_rules.toml` route US merchant-fulfilled orders to Amazon labels and
//! set the metadata the label needs (`ShippingServiceID`, package size and weight, `LabelFormat`,
//! `ShipFrom...`), as established hubs let integrators do. The labels job then buys one label per order:
//! it checks the service is offered for the package, buys it, records tracking number, carrier and cost
//! on the order (buying a label also confirms the package at Amazon), and never buys a second one, even
//! after a crash. A missing field is an error naming the order and the key to set. Finally one label is
//! voided (`cancelShipment`).
//!
//! The label file shows the buyer's address, so it is not stored in the hub: the example reads it back
//! from Amazon and only prints its format and size.
//!
//! Run: `cargo run -p examples --example amazon_labels` (`ORDERHUB_EXAMPLE_SMALL=1` for a small run).
//! Against Amazon (see the README), labels are only bought with `ORDERHUB_LIVE_WRITES=1` — and cost money.

use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use anyhow::Context as _;
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::engine::{label_keys, Engine, EngineError, LabelOutcomeKind};
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{keys, ConnectionId, ConnectionSettings};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{FilterSettings, Mappings, RedactionSchedule, RuleSet, RulesPolicy, ScheduledRedaction};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config/label_rules.toml");
    let rules = RuleSet::from_toml(&std::fs::read_to_string(path)?)
        .with_context(|| format!("{path}: a rule is wrong"))?;
    let policy = RulesPolicy::new(FilterSettings::default(), Mappings::default(), rules)?;

    let seller = SellerSpec::new("A1SIMUSSELLER1", &["US"])
        .roles(&Role::ALL)
        .orders_per_day(sized(100.0, 12.0))
        .afn_share(0.0);
    let harness = Harness::from_env_or_simulator(SimOptions::new(61, vec![seller])).await?;
    let access = harness.sellers()[0].clone();
    let conn = ConnectionId::new("us-store");
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(2)),
        // The ship-from contact Amazon requires, unless an order sets ShipFromPhone / ShipFromEmail.
        phone_prefill: Some("+1 206 555 0100".to_owned()),
        email_prefill: Some("warehouse@example.com".to_owned()),
        ..ConnectionSettings::default()
    };
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = Engine::new(
        store.clone(),
        harness.clock(),
        Arc::new(policy),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_connection(harness.runtime(&access, conn.as_str(), settings));

    let imported = engine.import_connection(&conn).await?;
    let mut routed = store.query_orders(&OrderQuery::all()).await?;
    routed.retain(|o| o.metadata.get("route_to") == Some("amazon-labels"));
    println!(
        "Imported {} orders; {} routed to Amazon labels.",
        imported.imported,
        routed.len()
    );
    anyhow::ensure!(routed.len() >= 2, "too few orders to label");
    if !harness.writes_allowed() {
        println!("Not buying labels (set ORDERHUB_LIVE_WRITES=1 to buy them; they cost money).");
        harness.shutdown().await;
        return Ok(());
    }

    // One order lacks its weight: the job names the order and the key instead of guessing.
    let mut broken = routed[0].clone();
    broken.metadata.remove(keys::PACKAGE_WEIGHT);
    store.save_order(&broken).await?;

    let report = engine.run_labels(&conn).await?;
    println!("\nLabels job: {} orders examined", report.examined);
    println!(
        "  {:<20} {:<10} {:<8} {:<22} cost",
        "order", "outcome", "carrier", "tracking"
    );
    for outcome in &report.outcomes {
        let order = store.get_order(&outcome.order_id).await?;
        println!(
            "  {:<20} {:<10} {:<8} {:<22} {}",
            outcome.order_id.as_str(),
            format!("{:?}", outcome.kind),
            outcome.carrier.as_deref().unwrap_or("-"),
            outcome.tracking_number.as_deref().unwrap_or("-"),
            order
                .as_ref()
                .and_then(|o| o.metadata.get(label_keys::RATE))
                .unwrap_or("-"),
        );
    }
    for (order, why) in &report.failed {
        println!("  {order} not labelled: {why}");
    }
    anyhow::ensure!(
        report.failed.iter().any(|(o, _)| *o == broken.id),
        "the order without PackageWeight got a label"
    );

    // Asking again buys nothing.
    let bought = report
        .outcomes
        .iter()
        .find(|o| o.kind == LabelOutcomeKind::Bought)
        .context("no label was bought")?;
    let again = engine.buy_label(&conn, &bought.order_id).await?;
    println!(
        "\nBuying again for {}: {:?} (no second label)",
        bought.order_id, again.kind
    );

    // The label file, read back from Amazon (it shows the buyer's address: print it, do not keep it).
    let doc = engine.label_document(&conn, &bought.order_id).await?;
    println!(
        "Label of {}: {} {}, {} bytes gzipped",
        bought.order_id,
        doc.format.as_deref().unwrap_or("?"),
        doc.file_type.as_deref().unwrap_or("?"),
        doc.gzipped.len()
    );

    // Void it.
    let voided = engine.void_label(&conn, &bought.order_id).await?;
    let order = store.get_order(&bought.order_id).await?;
    println!(
        "Voided the label of {}: {:?}, label status now {}",
        bought.order_id,
        voided.kind,
        order
            .as_ref()
            .and_then(|o| o.metadata.get(label_keys::STATUS))
            .unwrap_or("-")
    );
    // Voiding twice is refused with a reason.
    match engine.void_label(&conn, &bought.order_id).await {
        Err(EngineError::Label(e)) => println!("Voiding again is refused: {e}"),
        Err(e) => println!("Voiding again is refused: {e}"),
        Ok(o) => println!("Voiding again: {:?}", o.kind),
    }
    harness.shutdown().await;
    Ok(())
}
