//! Redaction: buyers' personal data is kept encrypted, and only as long as Amazon allows.
//!
//! Imports a seller's orders into SQLite (names, addresses and phones sealed with AES-256-GCM: the
//! example checks that a buyer's name does not appear in the database file), confirms a few shipments,
//! puts one order under a legal hold, then lets time pass on the retention job's clock:
//! after 14 days the personal data of orders that never shipped is due; 30 days after shipping, that of
//! shipped orders. Redaction replaces names, street lines, phones and e-mails with `REDACTED (Amazon)`,
//! keeps city, postal code and country (what reports need), and records what it removed on the order.
//! Nothing personal is printed: only field names and counts.
//!
//! Run: `cargo run -p examples --example redaction` (`ORDERHUB_EXAMPLE_SMALL=1` for a small run).
//! Against Amazon (see the README), shipments are only confirmed with `ORDERHUB_LIVE_WRITES=1`; the
//! retention passes run on the local copy only.

use std::sync::Arc;

use amazon_spapi::clock::ManualClock;
use amazon_spapi::sim::{Role, SellerSpec};
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::engine::{Engine, LEGAL_HOLD_KEY, REDACTION_LOG_KEY};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::SqliteStore;
use orderhub_core::{
    AmazonOrderStatus, ConnectionId, ConnectionSettings, MarketplaceId, Order, OutboxEntry, OutboxId,
    OutboxPayload, OutboxStatus, SellerId, Shipment, ShipmentId, REDACTED,
};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

/// Whether the order still holds a buyer's name or street line (redacted ones hold `REDACTED (Amazon)`).
fn has_personal_data(o: &Order) -> bool {
    let real = |v: &Option<String>| v.as_deref().is_some_and(|s| s != REDACTED);
    o.shipping_address
        .as_present()
        .is_some_and(|a| real(&a.name) || real(&a.line1))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let seller = SellerSpec::new("A1SIMUSSELLER1", &["US"])
        .roles(&Role::ALL)
        .orders_per_day(sized(200.0, 30.0))
        .afn_share(0.0);
    let harness = Harness::from_env_or_simulator(SimOptions::new(31, vec![seller])).await?;
    let access = harness.sellers()[0].clone();
    let conn = ConnectionId::new("us-store");
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(2)),
        ..ConnectionSettings::default()
    };

    let dir = std::env::temp_dir().join(format!("orderhub-redaction-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let db = dir.join("hub.db");
    let keyring = Keyring::new(EncryptionKey::generate("pii-key-2026")?);
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&db, keyring).await?);
    let engine_at = |clock: Arc<dyn amazon_spapi::clock::Clock>| {
        Engine::new(
            store.clone(),
            clock,
            Arc::new(AdmitAll),
            Arc::new(FeedPlanner::default()),
            Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
        )
        .with_connection(harness.runtime(&access, conn.as_str(), settings.clone()))
    };
    let engine = engine_at(harness.clock());
    let report = engine.import_connection(&conn).await?;
    let orders = store.query_orders(&OrderQuery::all()).await?;
    let with_pii: Vec<&Order> = orders.iter().filter(|o| has_personal_data(o)).collect();
    println!(
        "Imported {} orders; {} carry a buyer's name or address.",
        report.imported,
        with_pii.len()
    );

    // Encrypted at rest: the buyer's name is nowhere in the database file.
    if let Some(name) = with_pii
        .iter()
        .find_map(|o| o.shipping_address.as_present().and_then(|a| a.name.clone()))
    {
        let mut bytes = std::fs::read(&db)?;
        bytes.extend(std::fs::read(dir.join("hub.db-wal")).unwrap_or_default());
        let found = bytes.windows(name.len()).any(|w| w == name.as_bytes());
        anyhow::ensure!(!found, "a buyer's name is stored in clear text");
        println!("A buyer's name does not appear in the SQLite file: personal data is sealed (AES-256-GCM).");
    }

    // Ship a few orders (confirmed at Amazon through the outbox), hold one for a legal case.
    let now = harness.now();
    let to_ship: Vec<&Order> = with_pii
        .iter()
        .copied()
        .filter(|o| o.amazon_status == AmazonOrderStatus::Unshipped)
        .take(3)
        .collect();
    if harness.writes_allowed() {
        let entries: Vec<OutboxEntry> = to_ship
            .iter()
            .enumerate()
            .map(|(i, o)| OutboxEntry {
                id: OutboxId::new(format!("ship-{}", o.id)),
                connection_id: conn.clone(),
                seller_id: SellerId::new(access.seller_id.as_str()),
                payload: OutboxPayload::ShipmentConfirmation {
                    marketplace_id: MarketplaceId::new(o.marketplace_id.as_str()),
                    shipment: Shipment {
                        id: ShipmentId::new(format!("pkg-{i}")),
                        order_id: o.id.clone(),
                        carrier: "UPS".to_owned(),
                        service: Some("Ground".to_owned()),
                        tracking_number: Some(format!("1Z999AA10123456{i:03}")),
                        ship_date: now,
                        lines: Vec::new(),
                        tracked: true,
                        label_created_at: None,
                        delivered_at: None,
                    },
                },
                created_at: now,
                not_before: now,
                attempts: 0,
                status: OutboxStatus::Pending,
            })
            .collect();
        store.enqueue(&entries).await?;
        let sent = engine.run_outbound().await?;
        println!("Confirmed {} shipments at Amazon.", sent.done);
    } else {
        println!("Skipping shipment confirmations (set ORDERHUB_LIVE_WRITES=1 to send them to Amazon).");
    }
    let held = with_pii
        .iter()
        .find(|o| !to_ship.iter().any(|s| s.id == o.id))
        .map(|o| (*o).clone());
    if let Some(mut held) = held.clone() {
        held.metadata.set(LEGAL_HOLD_KEY, "1");
        store.save_order(&held).await?;
        println!("Order {} is under a legal hold.", held.id);
    }

    // Let time pass on the retention job's clock (it only touches the local copy).
    let clock = Arc::new(ManualClock::new(now));
    let retention = engine_at(clock.clone());
    println!(
        "\n  {:>5}  {:>9}  {:>14}  next due",
        "day", "redacted", "still holding"
    );
    for day in [1, 15, 31, 45] {
        clock.advance((now + Duration::days(day) - clock_now(&clock)).to_std()?);
        let pass = retention.run_retention().await?;
        let remaining = store
            .query_orders(&OrderQuery::all())
            .await?
            .iter()
            .filter(|o| has_personal_data(o))
            .count();
        println!(
            "  {day:>5}  {:>9}  {remaining:>14}  {}",
            pass.redacted.len(),
            pass.next_due
                .map_or("-".to_owned(), |t| t.format("%Y-%m-%d").to_string())
        );
    }

    // What a redacted order looks like (field names only; no personal data is printed).
    let after = store.query_orders(&OrderQuery::all()).await?;
    if let Some(o) = after.iter().find(|o| o.redacted_at.is_some()) {
        let a = o.shipping_address.as_present();
        println!(
            "\nOrder {} after redaction: name = {:?}, city kept = {}, postal code kept = {}, log: {}",
            o.id,
            a.and_then(|a| a.name.as_deref()).unwrap_or("(none)"),
            a.is_some_and(|a| a.city.is_some()),
            a.is_some_and(|a| a.postal_code.is_some()),
            o.metadata.get(REDACTION_LOG_KEY).unwrap_or("-")
        );
        anyhow::ensure!(
            a.and_then(|a| a.name.as_deref()).is_none_or(|n| n == REDACTED),
            "a redacted order still has a name"
        );
    }
    if let Some(held) = held {
        let kept = store.get_order(&held.id).await?;
        anyhow::ensure!(
            kept.is_some_and(|o| o.redacted_at.is_none()),
            "the order under legal hold was redacted"
        );
        println!("Order {} kept its data: legal hold.", held.id);
    }

    harness.shutdown().await;
    std::fs::remove_dir_all(&dir).ok();
    Ok(())
}

fn clock_now(clock: &ManualClock) -> chrono::DateTime<chrono::Utc> {
    amazon_spapi::clock::Clock::now(clock)
}
