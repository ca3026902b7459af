//! The sync engine's retention job: personal data due for redaction is redacted in place and recorded,
//! legal holds are kept, and a second pass finds nothing more to do.

mod engine_support;

use std::sync::Arc;

use amazon_spapi::clock::ManualClock;
use chrono::Duration;
use engine_support::*;
use orderhub_core::engine::{Engine, REDACTION_LOG_KEY};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{OrdersApiVersion, Pii};
use orderhub_feeds::FeedPlanner;
use orderhub_rules::{RedactionSchedule, ScheduledRedaction};

fn engine_at(
    sim: &amazon_spapi::sim::SimHandle,
    store: Arc<dyn Store>,
    at: chrono::DateTime<chrono::Utc>,
) -> Engine {
    let from = sim.now() - Duration::days(3);
    Engine::new(
        store,
        Arc::new(ManualClock::new(at)),
        Arc::new(AdmitAll),
        Arc::new(FeedPlanner::default()),
        Arc::new(ScheduledRedaction::new(RedactionSchedule::default())),
    )
    .with_connection(orderhub_core::engine::ConnectionRuntime::new(
        connection(OrdersApiVersion::V2026_01_01, from),
        client(sim),
    ))
}

#[tokio::test]
async fn retention_redacts_what_is_due_and_records_it() {
    let sim = simulator(51, 60.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    )
    .import_connection(&conn_id())
    .await
    .unwrap();
    let orders = store.query_orders(&OrderQuery::all()).await.unwrap();
    let with_pii: Vec<_> = orders
        .iter()
        .filter(|o| {
            matches!(&o.buyer, Pii::Present(b) if b.name.is_some())
                || o.shipping_address.as_present().is_some_and(|a| a.name.is_some())
        })
        .cloned()
        .collect();
    assert!(with_pii.len() > 5, "imported orders carry personal data");
    // One order is under a legal hold.
    let mut held = with_pii[0].clone();
    held.metadata.set("legal_hold", "1");
    store.save_order(&held).await.unwrap();

    // Tomorrow nothing is due yet.
    let soon = engine_at(&sim, store.clone(), sim.now() + Duration::days(1))
        .run_retention()
        .await
        .unwrap();
    assert!(soon.redacted.is_empty(), "{soon:?}");
    assert!(soon.next_due.is_some_and(|t| t > sim.now() + Duration::days(1)));

    // Forty days on, everything but the held order is redacted.
    let later = engine_at(&sim, store.clone(), sim.now() + Duration::days(40));
    let report = later.run_retention().await.unwrap();
    assert_eq!(
        report.redacted.len(),
        with_pii.len() - 1,
        "{} redacted",
        report.redacted.len()
    );
    assert!(report
        .redacted
        .iter()
        .all(|r| !r.fields.is_empty() && r.order_id != held.id));
    for original in with_pii.iter().skip(1) {
        let now = store.get_order(&original.id).await.unwrap().unwrap();
        assert!(now.redacted_at.is_some());
        let log = now
            .metadata
            .get(REDACTION_LOG_KEY)
            .expect("the redaction is recorded on the order");
        assert!(!log.is_empty());
        if let Pii::Present(b) = &original.buyer {
            if let Some(name) = &b.name {
                let json = serde_json::to_string(&now).unwrap();
                assert!(!json.contains(name.as_str()), "the buyer's name is gone");
            }
        }
    }
    let kept = store.get_order(&held.id).await.unwrap().unwrap();
    assert!(kept.redacted_at.is_none(), "a legal hold keeps the data");

    let again = later.run_retention().await.unwrap();
    assert!(again.redacted.is_empty(), "nothing more to do: {again:?}");
    sim.shutdown().await;
}
