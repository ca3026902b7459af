//! The MCF job against the simulator: orders routed to Amazon Multi-Channel Fulfillment are created once
//! (also when the answer to the creation was lost), followed until shipped, and their tracking comes back
//! as a shipment confirmation that the outbound pass sends to the marketplace; cancelled fulfillment
//! orders are put on hold and reported.

mod engine_support;

use std::sync::Arc;

use amazon_spapi::sim::SimHandle;
use chrono::Duration;
use engine_support::*;
use orderhub_core::engine::{
    decision_keys, mcf_keys, mcf_order_id, ConnectionRuntime, EngineError, MCF_ROUTE,
};
use orderhub_core::fulfillment::McfFulfillmentService;
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{FulfillmentService, OutboxQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    AmazonOrderId, HubStatus, Order, OrdersApiVersion, OutboxId, OutboxPayload, OutboxStatus,
};

const CREATE: &str = "fulfillment-outbound/createFulfillmentOrder";

/// An FBA SKU with plenty of fulfillable stock.
fn stocked_fba_sku(sim: &SimHandle, at_least: i64) -> String {
    sim.skus(SELLER)
        .unwrap()
        .into_iter()
        .filter(|(_, fba)| *fba)
        .map(|(s, _)| s)
        .find(|s| sim.listing(SELLER, s).unwrap().unwrap().fba_fulfillable >= at_least)
        .expect("an FBA SKU with stock")
}

/// Routes an imported merchant-fulfilled order to MCF. The simulator's merchant SKUs have no FBA stock,
/// so the hub order's lines are pointed at an FBA SKU (as a seller shipping an MFN listing from its FBA
/// pool would map them).
async fn route(store: &dyn Store, order: &Order, fba_sku: &str) -> AmazonOrderId {
    let mut o = order.clone();
    for l in &mut o.lines {
        l.sku = Some(fba_sku.to_owned());
    }
    o.metadata.set(decision_keys::ROUTE_TO, MCF_ROUTE);
    store.save_order(&o).await.unwrap();
    o.id
}

async fn setup(seed: u64) -> (SimHandle, Arc<dyn Store>, Vec<Order>) {
    let sim = simulator(seed, 40.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let e = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    e.import_connection(&conn_id()).await.unwrap();
    let open = open_mfn_orders(store.as_ref()).await;
    assert!(open.len() >= 3, "the simulator made open merchant orders");
    (sim, store, open)
}

#[tokio::test]
async fn routed_orders_are_fulfilled_by_amazon_and_confirmed_with_its_tracking() {
    let (sim, store, open) = setup(301).await;
    let sku = stocked_fba_sku(&sim, 20);
    let a = route(store.as_ref(), &open[0], &sku).await;
    let b = route(store.as_ref(), &open[1], &sku).await;
    let untouched = open[2].id.clone();
    let from = sim.now() - Duration::days(3);
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );

    let first = engine.submit_mcf(&conn_id()).await.unwrap();
    assert_eq!(first.submitted.len(), 2, "{first:?}");
    assert!(first.skipped.is_empty() && first.problems.is_empty(), "{first:?}");
    assert_eq!(answered(&sim, CREATE, 200), 2);
    let stored_a = store.get_order(&a).await.unwrap().unwrap();
    assert_eq!(
        stored_a.metadata.get(mcf_keys::ORDER_ID),
        Some(mcf_order_id(&a).as_str())
    );
    assert_eq!(stored_a.hub_status, HubStatus::Processing);
    let plain = store.get_order(&untouched).await.unwrap().unwrap();
    assert!(
        plain.metadata.get(mcf_keys::ORDER_ID).is_none(),
        "unrouted orders stay"
    );

    // Running again creates nothing new.
    let again = engine.submit_mcf(&conn_id()).await.unwrap();
    assert!(
        again.submitted.is_empty() && again.recovered.is_empty(),
        "{again:?}"
    );
    assert_eq!(requests(&sim, CREATE), 2);

    // The seller cancels one at Amazon before it ships.
    McfFulfillmentService::new(client(&sim))
        .cancel(&mcf_order_id(&b))
        .await
        .unwrap();
    sim.advance(Duration::hours(20));
    let tracked = engine.track_mcf(&conn_id()).await.unwrap();
    assert_eq!(tracked.checked, 2, "{tracked:?}");
    assert_eq!(tracked.shipped.len(), 1, "{tracked:?}");
    assert_eq!(tracked.shipped[0].0, a);
    assert_eq!(tracked.problems.len(), 1, "{tracked:?}");
    assert_eq!(tracked.problems[0].order_id, b);
    assert_eq!(tracked.problems[0].status, "Cancelled");

    let stored_a = store.get_order(&a).await.unwrap().unwrap();
    assert_eq!(stored_a.hub_status, HubStatus::Shipped);
    assert_eq!(stored_a.metadata.get(mcf_keys::STATUS), Some("Complete"));
    let tracking = stored_a.metadata.get(mcf_keys::TRACKING).unwrap().to_owned();
    assert_eq!(tracking, tracked.shipped[0].1);
    let stored_b = store.get_order(&b).await.unwrap().unwrap();
    assert_eq!(stored_b.hub_status, HubStatus::OnHold);
    assert_eq!(stored_b.metadata.get(mcf_keys::STATUS), Some("Cancelled"));
    assert!(stored_b
        .metadata
        .get(mcf_keys::PROBLEM)
        .unwrap()
        .contains("Cancelled"));

    // The confirmation is queued with Amazon's carrier and tracking, for the ordered units.
    let entries: Vec<_> = store
        .list_outbox(&OutboxQuery::default())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.id.as_str().starts_with("mcf-confirm-"))
        .collect();
    assert_eq!(entries.len(), 1, "{entries:?}");
    let OutboxPayload::ShipmentConfirmation { shipment, .. } = &entries[0].payload else {
        panic!("a shipment confirmation");
    };
    assert_eq!(shipment.order_id, a);
    assert_eq!(shipment.tracking_number.as_deref(), Some(tracking.as_str()));
    let ordered: u32 = stored_a.lines.iter().map(|l| l.quantity_ordered).sum();
    assert_eq!(shipment.lines.iter().map(|l| l.quantity).sum::<u32>(), ordered);

    // Following again neither re-reads final orders nor queues a second confirmation.
    let quiet = engine.track_mcf(&conn_id()).await.unwrap();
    assert_eq!((quiet.checked, quiet.shipped.len()), (0, 0), "{quiet:?}");

    // The outbound pass confirms the marketplace order with Amazon's tracking.
    let out = engine.run_outbound().await.unwrap();
    assert_eq!(out.done, 1, "{out:?}");
    assert_eq!(
        store.get_outbox(&entries[0].id).await.unwrap().unwrap().status,
        OutboxStatus::Done
    );
    assert_eq!(sim.order(a.as_str()).unwrap().status, "Shipped");
    assert_eq!(sim.order(b.as_str()).unwrap().status, "Unshipped");
    sim.shutdown().await;
}

#[tokio::test]
async fn a_lost_creation_answer_never_makes_a_second_fulfillment_order() {
    let (sim, store, open) = setup(302).await;
    let sku = stocked_fba_sku(&sim, 20);
    let a = route(store.as_ref(), &open[0], &sku).await;
    let from = sim.now() - Duration::days(3);

    // Amazon creates the order, the answer never arrives: the worker dies before recording it.
    let crashing =
        bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(ConnectionRuntime::new(
            connection(OrdersApiVersion::V2026_01_01, from),
            losing_client(
                &sim,
                "POST",
                "/fba/outbound/2020-07-01/fulfillmentOrders",
                Lose::Answer,
            ),
        ));
    let err = crashing.submit_mcf(&conn_id()).await.unwrap_err();
    assert!(matches!(err, EngineError::Fulfillment { .. }), "{err}");
    assert_eq!(answered(&sim, CREATE, 200), 1, "Amazon has it");
    let stored = store.get_order(&a).await.unwrap().unwrap();
    assert!(
        stored.metadata.get(mcf_keys::ORDER_ID).is_none(),
        "the hub has no record of it"
    );

    // The restarted worker sends the same id, hears "duplicate", and records the existing order.
    let restarted = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let report = restarted.submit_mcf(&conn_id()).await.unwrap();
    assert_eq!(report.recovered, vec![a.clone()], "{report:?}");
    assert!(report.submitted.is_empty(), "{report:?}");
    assert_eq!(
        answered(&sim, CREATE, 200),
        1,
        "still exactly one fulfillment order at Amazon"
    );
    let stored = store.get_order(&a).await.unwrap().unwrap();
    assert_eq!(
        stored.metadata.get(mcf_keys::ORDER_ID),
        Some(mcf_order_id(&a).as_str())
    );

    // It is followed to the end like any other, with one confirmation.
    sim.advance(Duration::hours(20));
    let tracked = restarted.track_mcf(&conn_id()).await.unwrap();
    assert_eq!(tracked.shipped.len(), 1, "{tracked:?}");
    let confirmations = store
        .list_outbox(&OutboxQuery::default())
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.id.as_str().starts_with(&format!("mcf-confirm-{a}")))
        .count();
    assert_eq!(confirmations, 1);
    assert!(store
        .get_outbox(&OutboxId::new(format!("mcf-confirm-{a}-none")))
        .await
        .unwrap()
        .is_none());
    sim.shutdown().await;
}

#[tokio::test]
async fn routed_orders_without_an_address_are_reported_not_sent() {
    let (sim, store, open) = setup(303).await;
    let sku = stocked_fba_sku(&sim, 5);
    let a = route(store.as_ref(), &open[0], &sku).await;
    let mut o = store.get_order(&a).await.unwrap().unwrap();
    o.shipping_address = orderhub_core::Pii::Absent(orderhub_core::AbsentReason::Redacted { at: sim.now() });
    store.save_order(&o).await.unwrap();
    let from = sim.now() - Duration::days(3);
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let report = engine.run_mcf(&conn_id()).await.unwrap();
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert_eq!(report.skipped[0].0, a);
    assert!(report.skipped[0].1.contains("shipping address"), "{report:?}");
    assert_eq!(requests(&sim, CREATE), 0);
    sim.shutdown().await;
}
