//! Amazon labels (Merchant Fulfillment) against the simulator: bought from order metadata, recorded with
//! their shipment, voided, never bought twice for one order — also when the worker crashed between
//! buying and recording — and refused with a typed error naming the order and the key when the
//! metadata is bad.

mod engine_support;

use std::sync::Arc;

use amazon_spapi::sim::SimHandle;
use chrono::Duration;
use engine_support::*;
use orderhub_core::engine::{
    decision_keys, label_keys, ConnectionRuntime, EngineError, LabelError, LabelOutcomeKind, LABELS_ROUTE,
};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::Store;
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    keys, AmazonOrderId, HubStatus, Order, OrdersApiVersion, OutboxId, OutboxPayload, OutboxStatus,
};

const CREATE: &str = "merchant-fulfillment/createShipment";
const ELIGIBLE: &str = "merchant-fulfillment/getEligibleShipmentServices";

/// Sets the label metadata the product docs list on an order.
async fn with_label_metadata(store: &dyn Store, order: &Order, service: &str) -> AmazonOrderId {
    let mut o = order.clone();
    for (k, v) in [
        (keys::SHIPPING_SERVICE_ID, service),
        (keys::PACKAGE_LENGTH, "10"),
        (keys::PACKAGE_WIDTH, "8"),
        (keys::PACKAGE_HEIGHT, "4"),
        (keys::PACKAGE_WEIGHT, "14"),
        (keys::LABEL_FORMAT, "PDF"),
        (keys::DELIVERY_EXPERIENCE, "DeliveryConfirmationWithoutSignature"),
        (label_keys::CARRIER_PICKUP, "0"),
        (keys::DECLARED_VALUE, "25.00"),
        (keys::HAZMAT_TYPE, "None"),
        (keys::SHIP_FROM_NAME, "Sim Warehouse"),
        (keys::SHIP_FROM_ADDRESS, "1 Dock Road"),
        (keys::SHIP_FROM_CITY, "Seattle"),
        (keys::SHIP_FROM_STATE, "WA"),
        (keys::SHIP_FROM_ZIP, "98101"),
        (keys::SHIP_FROM_COUNTRY, "US"),
        (label_keys::SHIP_FROM_PHONE, "2065550100"),
        (label_keys::SHIP_FROM_EMAIL, "dock@example.com"),
    ] {
        o.metadata.set(k, v);
    }
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
async fn a_label_is_bought_from_metadata_recorded_once_and_voided() {
    let (sim, store, open) = setup(401).await;
    let a = with_label_metadata(store.as_ref(), &open[0], "UPS_PTP_GND").await;
    let from = sim.now() - Duration::days(3);
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );

    let bought = engine.buy_label(&conn_id(), &a).await.unwrap();
    assert_eq!(bought.kind, LabelOutcomeKind::Bought);
    assert_eq!(bought.carrier.as_deref(), Some("UPS"));
    let tracking = bought.tracking_number.clone().unwrap();
    assert!(tracking.starts_with("1Z"), "{tracking}");
    let label = bought
        .label
        .clone()
        .expect("the label file comes with the purchase");
    assert_eq!(&label.gzipped[..2], &[0x1f, 0x8b], "gzip, as Amazon sends it");
    assert_eq!(answered(&sim, CREATE, 200), 1);

    let stored = store.get_order(&a).await.unwrap().unwrap();
    assert_eq!(stored.metadata.get(label_keys::STATUS), Some("purchased"));
    assert_eq!(stored.metadata.get(label_keys::TRACKING), Some(tracking.as_str()));
    assert_eq!(
        stored.metadata.get(label_keys::SHIPMENT_ID),
        bought.shipment_id.as_deref()
    );
    assert!(stored.metadata.get(label_keys::INTENT_AT).is_none());
    assert_eq!(stored.hub_status, HubStatus::Shipped);
    // The label file (it shows the buyer's address) is not copied into the order.
    assert!(stored.metadata.iter().all(|(_, v)| v.len() < 200));

    // The shipment is recorded with the label, already confirmed at Amazon by the purchase.
    let entry_id = OutboxId::new(format!("label-confirm-{}", bought.shipment_id.clone().unwrap()));
    let entry = store.get_outbox(&entry_id).await.unwrap().unwrap();
    assert_eq!(entry.status, OutboxStatus::Done);
    let OutboxPayload::ShipmentConfirmation { shipment, .. } = &entry.payload else {
        panic!("a shipment confirmation");
    };
    assert_eq!(shipment.tracking_number.as_deref(), Some(tracking.as_str()));
    assert!(shipment.label_created_at.is_some());
    assert_eq!(sim.order(a.as_str()).unwrap().status, "Shipped");

    // Asking again buys nothing.
    let again = engine.buy_label(&conn_id(), &a).await.unwrap();
    assert_eq!(again.kind, LabelOutcomeKind::AlreadyBought);
    assert_eq!(again.tracking_number.as_deref(), Some(tracking.as_str()));
    assert_eq!(requests(&sim, CREATE), 1);

    // The label can be fetched again from Amazon.
    let doc = engine.label_document(&conn_id(), &a).await.unwrap();
    assert_eq!(doc.gzipped, label.gzipped);

    // Voiding it.
    let voided = engine.void_label(&conn_id(), &a).await.unwrap();
    assert_eq!(voided.kind, LabelOutcomeKind::Voided);
    let stored = store.get_order(&a).await.unwrap().unwrap();
    assert_eq!(stored.metadata.get(label_keys::STATUS), Some("cancelled"));
    assert!(stored.metadata.get(label_keys::CANCELLED_AT).is_some());
    let twice = engine.void_label(&conn_id(), &a).await.unwrap_err();
    assert!(
        matches!(twice, EngineError::Label(LabelError::NoLabel { .. })),
        "{twice}"
    );
    assert_eq!(requests(&sim, "merchant-fulfillment/cancelShipment"), 1);
    sim.shutdown().await;
}

#[tokio::test]
async fn bad_metadata_is_a_typed_error_naming_the_order_and_the_key() {
    let (sim, store, open) = setup(402).await;
    let from = sim.now() - Duration::days(3);
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );

    // Missing: nothing reaches Amazon.
    let a = with_label_metadata(store.as_ref(), &open[0], "UPS_PTP_GND").await;
    let mut o = store.get_order(&a).await.unwrap().unwrap();
    o.metadata.remove(keys::SHIPPING_SERVICE_ID);
    store.save_order(&o).await.unwrap();
    let err = engine.buy_label(&conn_id(), &a).await.unwrap_err();
    match &err {
        EngineError::Label(LabelError::MissingMetadata { order_id, key, .. }) => {
            assert_eq!(order_id, &a);
            assert_eq!(*key, keys::SHIPPING_SERVICE_ID);
        }
        other => panic!("expected missing metadata, got {other}"),
    }
    assert!(err.to_string().contains(a.as_str()) && err.to_string().contains("ShippingServiceID"));

    // Invalid.
    o.metadata.set(keys::SHIPPING_SERVICE_ID, "UPS_PTP_GND");
    o.metadata.set(keys::PACKAGE_WEIGHT, "-3");
    store.save_order(&o).await.unwrap();
    let err = engine.buy_label(&conn_id(), &a).await.unwrap_err();
    assert!(
        matches!(&err, EngineError::Label(LabelError::InvalidMetadata { key, .. }) if *key == keys::PACKAGE_WEIGHT),
        "{err}"
    );
    assert_eq!(requests(&sim, ELIGIBLE) + requests(&sim, CREATE), 0);

    // A service Amazon does not offer for this package: named, with what is offered; nothing bought.
    let b = with_label_metadata(store.as_ref(), &open[1], "DHL_PAKET_STANDARD").await;
    let err = engine.buy_label(&conn_id(), &b).await.unwrap_err();
    match &err {
        EngineError::Label(LabelError::ServiceNotOffered { offered, .. }) => {
            assert!(offered.iter().any(|s| s == "UPS_PTP_GND"), "{offered:?}");
        }
        other => panic!("expected a service not offered, got {other}"),
    }
    let stored = store.get_order(&b).await.unwrap().unwrap();
    assert_eq!(stored.metadata.get(label_keys::STATUS), Some("failed"));
    assert!(stored.metadata.get(label_keys::INTENT_AT).is_none());
    assert_eq!(requests(&sim, CREATE), 0);

    // The labels job reports per order and goes on with the others.
    let c = with_label_metadata(store.as_ref(), &open[2], "USPS_PTP_PRI").await;
    for id in [&a, &c] {
        let mut o = store.get_order(id).await.unwrap().unwrap();
        o.metadata.set(decision_keys::ROUTE_TO, LABELS_ROUTE);
        store.save_order(&o).await.unwrap();
    }
    let report = engine.run_labels(&conn_id()).await.unwrap();
    assert_eq!(report.examined, 2, "{report:?}");
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert_eq!(report.failed[0].0, a);
    assert_eq!(report.outcomes.len(), 1, "{report:?}");
    assert_eq!(report.outcomes[0].order_id, c);
    assert_eq!(report.outcomes[0].carrier.as_deref(), Some("USPS"));
    sim.shutdown().await;
}

#[tokio::test]
async fn a_crash_between_buying_and_recording_never_buys_a_second_label() {
    let (sim, store, open) = setup(403).await;
    let a = with_label_metadata(store.as_ref(), &open[0], "UPS_PTP_GND").await;
    let from = sim.now() - Duration::days(3);

    // Amazon sells the label; the answer is lost and the worker dies.
    let crashing =
        bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(ConnectionRuntime::new(
            connection(OrdersApiVersion::V2026_01_01, from),
            losing_client(&sim, "POST", "/mfn/v0/shipments", Lose::Answer),
        ));
    let err = crashing.buy_label(&conn_id(), &a).await.unwrap_err();
    assert!(matches!(err, EngineError::Amazon { .. }), "{err}");
    assert_eq!(answered(&sim, CREATE, 200), 1, "Amazon sold one label");
    let stored = store.get_order(&a).await.unwrap().unwrap();
    assert!(
        stored.metadata.get(label_keys::INTENT_AT).is_some(),
        "the intent stays"
    );
    assert!(stored.metadata.get(label_keys::TRACKING).is_none());

    // The restarted worker checks Amazon before buying, finds the package and records it.
    sim.advance(Duration::minutes(3));
    let restarted = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let outcome = restarted.buy_label(&conn_id(), &a).await.unwrap();
    assert_eq!(outcome.kind, LabelOutcomeKind::Recovered);
    assert_eq!(requests(&sim, CREATE), 1, "no second label");
    let tracking = outcome.tracking_number.clone().unwrap();
    assert!(tracking.starts_with("1Z"), "{tracking}");
    let stored = store.get_order(&a).await.unwrap().unwrap();
    assert_eq!(stored.metadata.get(label_keys::STATUS), Some("recovered"));
    assert_eq!(stored.metadata.get(label_keys::TRACKING), Some(tracking.as_str()));
    assert!(stored.metadata.get(label_keys::INTENT_AT).is_none());
    // And a further attempt (another tick) does nothing.
    let again = restarted.buy_label(&conn_id(), &a).await.unwrap();
    assert_eq!(again.kind, LabelOutcomeKind::AlreadyBought);
    assert_eq!(requests(&sim, CREATE), 1);

    // A crash after recording the intent but before the call reached Amazon: the next attempt buys once.
    let b = with_label_metadata(store.as_ref(), &open[1], "UPS_PTP_GND").await;
    let dying = bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(ConnectionRuntime::new(
        connection(OrdersApiVersion::V2026_01_01, from),
        losing_client(&sim, "POST", "/mfn/v0/shipments", Lose::Request),
    ));
    assert!(dying.buy_label(&conn_id(), &b).await.is_err());
    assert_eq!(requests(&sim, CREATE), 1, "that call never arrived");
    let bought = restarted.buy_label(&conn_id(), &b).await.unwrap();
    assert_eq!(bought.kind, LabelOutcomeKind::Bought);
    assert_eq!(requests(&sim, CREATE), 2, "one label per order");
    sim.shutdown().await;
}
