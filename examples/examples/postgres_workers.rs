//! PostgreSQL with two workers: a hub that outgrew one machine.
//!
//! Two workers (two engines, each with its own connection pool, as two processes would have) share one
//! PostgreSQL database and run the same scheduler tick at the same time, over two sellers. Leases on
//! each connection's jobs and claims on outbox entries split the work: no order is imported twice, and
//! each shipment is confirmed at Amazon exactly once, whichever worker gets there first. Personal data is
//! encrypted with a key both workers hold.
//!
//! Needs `DATABASE_URL` (for example `postgres://postgres@127.0.0.1:5432/test`); without it the example
//! says so and exits successfully. It works in its own schema and drops it at the end.
//!
//! Run: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo run -p examples --example postgres_workers`
//! (`ORDERHUB_EXAMPLE_SMALL=1` for a small run; against Amazon with the README's variables, shipments are
//! only confirmed with `ORDERHUB_LIVE_WRITES=1`).

use std::sync::Arc;

use amazon_spapi::sim::{Role, SellerSpec};
use chrono::Duration;
use examples::{sized, Harness, SimOptions};
use orderhub_core::crypto::{EncryptionKey, Keyring};
use orderhub_core::engine::{Engine, EngineConfig, TickReport};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::PostgresStore;
use orderhub_core::{
    AmazonOrderStatus, ConnectionId, ConnectionSettings, FulfillmentChannel, MarketplaceId, OutboxEntry,
    OutboxId, OutboxPayload, OutboxStatus, Shipment, ShipmentId,
};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let Some(url) = std::env::var("DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    else {
        // CI sets this so that a missing database fails instead of skipping.
        anyhow::ensure!(
            std::env::var("ORDERHUB_REQUIRE_DATABASE").as_deref() != Ok("1"),
            "DATABASE_URL is not set but ORDERHUB_REQUIRE_DATABASE=1"
        );
        println!("postgres_workers needs PostgreSQL: set DATABASE_URL, for example");
        println!("  DATABASE_URL=postgres://postgres@127.0.0.1:5432/test cargo run -p examples --example postgres_workers");
        println!("Nothing was run.");
        return Ok(());
    };
    let schema = format!("orderhub_example_{}", std::process::id());
    let result = Box::pin(run(&url, &schema)).await;
    PostgresStore::drop_schema(&url, &schema).await?;
    result
}

async fn run(url: &str, schema: &str) -> anyhow::Result<()> {
    let per_day = sized(300.0, 40.0);
    let sellers = vec![
        SellerSpec::new("A1SIMUSSELLER1", &["US"])
            .roles(&Role::ALL)
            .orders_per_day(per_day)
            .afn_share(0.0),
        SellerSpec::new("A2SIMEUSELLER1", &["DE", "FR"])
            .roles(&Role::ALL)
            .orders_per_day(per_day)
            .afn_share(0.0),
    ];
    let harness = Harness::from_env_or_simulator(SimOptions::new(91, sellers)).await?;
    let settings = ConnectionSettings {
        import_from: Some(harness.now() - Duration::days(1)),
        ..ConnectionSettings::default()
    };
    // Both workers must hold the key the personal data is sealed with.
    let keyring = Keyring::new(EncryptionKey::generate("hub-key-1")?);

    let mut workers = Vec::new();
    for name in ["worker-a", "worker-b"] {
        let store: Arc<dyn Store> =
            Arc::new(PostgresStore::connect_in_schema(url, schema, keyring.clone()).await?);
        let mut engine = Engine::new(
            store,
            harness.clock(),
            Arc::new(AdmitAll),
            Arc::new(FeedPlanner::default()),
            Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
        )
        .with_config(EngineConfig {
            worker_id: name.to_owned(),
            ..EngineConfig::default()
        });
        for seller in harness.sellers() {
            engine = engine.with_connection(harness.runtime(
                seller,
                &format!("conn-{}", seller.seller_id),
                settings.clone(),
            ));
        }
        workers.push(engine);
    }
    println!(
        "Two workers on PostgreSQL (schema {schema}), {} connections each.",
        harness.sellers().len()
    );

    // Both tick at the same moments, as two processes on one timer would.
    let mut imported = [0u64; 2];
    let rounds = sized(6, 3);
    for round in 1..=rounds {
        let (a, b) = tokio::join!(workers[0].tick(), workers[1].tick());
        let (a, b): (TickReport, TickReport) = (a?, b?);
        for (i, r) in [&a, &b].into_iter().enumerate() {
            for (conn, result) in &r.imports {
                if let Ok(rep) = result {
                    imported[i] += rep.imported;
                    println!(
                        "  round {round}: worker-{} imported {:>4} orders of {conn}",
                        ["a", "b"][i],
                        rep.imported
                    );
                }
            }
        }
        harness.wait(Duration::minutes(11)).await;
    }
    let store = workers[0].store().clone();
    let total = store.count_orders(&OrderQuery::all()).await?;
    println!(
        "Imported by worker-a: {}, by worker-b: {}; orders in the database: {total}",
        imported[0], imported[1]
    );
    anyhow::ensure!(imported[0] + imported[1] == total, "an order was imported twice");

    if !harness.writes_allowed() {
        println!("Not confirming shipments (set ORDERHUB_LIVE_WRITES=1 to send them to Amazon).");
        harness.shutdown().await;
        return Ok(());
    }
    // Ship some orders; both workers race to send the confirmations.
    let open: Vec<_> = store
        .query_orders(&OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped))
        .await?
        .into_iter()
        .filter(|o| o.fulfillment_channel == FulfillmentChannel::Merchant)
        .take(sized(20, 6))
        .collect();
    let now = harness.now();
    let entries: Vec<OutboxEntry> = open
        .iter()
        .enumerate()
        .map(|(i, o)| OutboxEntry {
            id: OutboxId::new(format!("ship-{}", o.id)),
            connection_id: ConnectionId::new(format!("conn-{}", o.seller_id)),
            seller_id: o.seller_id.clone(),
            payload: OutboxPayload::ShipmentConfirmation {
                marketplace_id: MarketplaceId::new(o.marketplace_id.as_str()),
                shipment: Shipment {
                    id: ShipmentId::new(format!("pkg-{i}")),
                    order_id: o.id.clone(),
                    carrier: "DHL".to_owned(),
                    service: Some("Paket".to_owned()),
                    tracking_number: Some(format!("00340434161094{i:06}")),
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
    let (a, b) = tokio::join!(workers[0].run_outbound(), workers[1].run_outbound());
    let (a, b) = (a?, b?);
    println!(
        "Shipments: worker-a confirmed {}, worker-b confirmed {} (of {})",
        a.done,
        b.done,
        entries.len()
    );
    if let Some(sim) = harness.sim() {
        let calls = sim
            .recorded_requests()
            .iter()
            .filter(|r| r.operation.as_deref() == Some("orders-v0/confirmShipment"))
            .count();
        println!("confirmShipment calls Amazon received: {calls}");
        anyhow::ensure!(
            calls == entries.len(),
            "a shipment was confirmed twice or not at all"
        );
    }
    harness.shutdown().await;
    Ok(())
}
