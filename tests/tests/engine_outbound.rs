//! The sync engine's outbound path against the simulator: a shipment is confirmed once, also when the
//! worker crashed between Amazon's answer and the record of it, or between the record and the call.

mod engine_support;

use std::sync::Arc;

use amazon_spapi::sim::SimHandle;
use chrono::Duration;
use engine_support::*;
use orderhub_core::ports::{FeedLogQuery, OrderQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    AmazonOrderStatus, FeedRecord, FeedStatus, FulfillmentChannel, MarketplaceId, Order, OrdersApiVersion,
    OutboxEntry, OutboxId, OutboxPayload, OutboxStatus, SellerId, Shipment, ShipmentId,
};

fn confirmations(sim: &SimHandle, order_id: &str) -> usize {
    sim.recorded_requests()
        .iter()
        .filter(|r| r.operation.as_deref() == Some("orders-v0/confirmShipment") && r.path.contains(order_id))
        .count()
}

fn all_confirmations(sim: &SimHandle) -> usize {
    sim.recorded_requests()
        .iter()
        .filter(|r| r.operation.as_deref() == Some("orders-v0/confirmShipment"))
        .count()
}

fn shipment_entry(order: &Order, n: u32, now: chrono::DateTime<chrono::Utc>) -> OutboxEntry {
    OutboxEntry {
        id: OutboxId::new(format!("ship-entry-{n}")),
        connection_id: conn_id(),
        seller_id: SellerId::new(SELLER),
        payload: OutboxPayload::ShipmentConfirmation {
            marketplace_id: MarketplaceId::new(US),
            shipment: Shipment {
                id: ShipmentId::new(format!("pkg-{n}")),
                order_id: order.id.clone(),
                carrier: "UPS".to_owned(),
                service: Some("Ground".to_owned()),
                tracking_number: Some(format!("1Z999AA1012345678{n}")),
                ship_date: now - Duration::hours(1),
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
    }
}

async fn open_orders(store: &dyn Store) -> Vec<Order> {
    store
        .query_orders(&OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped))
        .await
        .unwrap()
        .into_iter()
        .filter(|o| {
            o.fulfillment_channel == FulfillmentChannel::Merchant
                && o.lines.iter().all(|l| l.quantity_shipped == 0)
        })
        .collect()
}

/// A pending stock update of `sku` in the US marketplace.
fn stock_entry(
    id: &str,
    sku: &str,
    quantity: u32,
    handling_time_days: Option<u32>,
    now: chrono::DateTime<chrono::Utc>,
) -> OutboxEntry {
    OutboxEntry {
        id: OutboxId::new(id),
        connection_id: conn_id(),
        seller_id: SellerId::new(SELLER),
        payload: OutboxPayload::InventoryUpdate {
            marketplace_id: MarketplaceId::new(US),
            sku: sku.to_owned(),
            quantity,
            handling_time_days,
        },
        created_at: now,
        not_before: now,
        attempts: 0,
        status: OutboxStatus::Pending,
    }
}

#[tokio::test]
async fn a_shipment_goes_out_once_even_across_crashes() {
    let sim = simulator(41, 80.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    engine.import_connection(&conn_id()).await.unwrap();
    let open = open_orders(&*store).await;
    assert!(open.len() >= 3, "open orders to ship");
    let now = sim.now();

    // 1. The ordinary path: one call, recorded in the feed log, the entry done.
    store.enqueue(&[shipment_entry(&open[0], 1, now)]).await.unwrap();
    let report = engine.run_outbound().await.unwrap();
    assert_eq!(
        (report.claimed, report.submissions, report.done),
        (1, 1, 1),
        "{report:?}"
    );
    assert_eq!(confirmations(&sim, open[0].id.as_str()), 1);
    let entry = store
        .get_outbox(&OutboxId::new("ship-entry-1"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.status, OutboxStatus::Done);
    let record = store.get_feed(&report.feed_records[0]).await.unwrap().unwrap();
    assert_eq!(record.status, FeedStatus::Done);
    assert_eq!(record.entries, vec![OutboxId::new("ship-entry-1")]);
    assert_eq!(record.summary.unwrap().successful, 1);
    // Amazon now shows the order shipped.
    let summary = sim.order(open[0].id.as_str()).unwrap();
    assert!(
        summary.items.iter().all(|i| i.3 == i.2),
        "every unit shipped at Amazon"
    );

    // A second pass sends nothing.
    let again = engine.run_outbound().await.unwrap();
    assert_eq!((again.claimed, again.submissions), (0, 0));
    assert_eq!(all_confirmations(&sim), 1);

    // 2. Crash after Amazon accepted, before the engine recorded it: the store still says "submitted".
    store.enqueue(&[shipment_entry(&open[1], 2, now)]).await.unwrap();
    let sent = engine.run_outbound().await.unwrap();
    assert_eq!(sent.done, 1);
    let record_id = sent.feed_records[0].clone();
    let ids = [OutboxId::new("ship-entry-2")];
    store.mark_submitted(&ids, &record_id).await.unwrap();
    let mut rec = store.get_feed(&record_id).await.unwrap().unwrap();
    rec.status = FeedStatus::Submitted;
    rec.summary = None;
    rec.finished_at = None;
    store.update_feed(&rec).await.unwrap();
    assert_eq!(confirmations(&sim, open[1].id.as_str()), 1);
    // The restarted worker settles it once the claim time has passed, asking Amazon instead of resending.
    sim.advance(Duration::minutes(11));
    let restarted = engine_support::engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let settled = restarted.run_outbound().await.unwrap();
    assert_eq!(settled.reconciled.confirmed_at_amazon, 1, "{settled:?}");
    assert_eq!(settled.reconciled.resubmitted, 0);
    assert_eq!(
        confirmations(&sim, open[1].id.as_str()),
        1,
        "never confirmed twice"
    );
    assert_eq!(
        store.get_outbox(&ids[0]).await.unwrap().unwrap().status,
        OutboxStatus::Done
    );
    assert_eq!(
        store.get_feed(&record_id).await.unwrap().unwrap().status,
        FeedStatus::Done
    );

    // 3. Crash after recording the intent, before calling Amazon: Amazon has no trace, so it is sent once.
    let now = sim.now();
    let entry3 = shipment_entry(&open[2], 3, now);
    store.enqueue(std::slice::from_ref(&entry3)).await.unwrap();
    let claimed = store
        .claim_due(now, 10, "crashed-worker", Duration::minutes(10))
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    let intent = FeedRecord {
        id: "intent-3".to_owned(),
        connection_id: conn_id(),
        seller_id: SellerId::new(SELLER),
        feed_type: orderhub_core::policy::outbound::CONFIRM_SHIPMENT_LOG_NAME.to_owned(),
        amazon_feed_id: None,
        submitted_at: now,
        entries: vec![entry3.id.clone()],
        status: FeedStatus::Submitted,
        summary: None,
        finished_at: None,
    };
    store.record_feed(&intent).await.unwrap();
    store
        .mark_submitted(std::slice::from_ref(&entry3.id), "intent-3")
        .await
        .unwrap();
    sim.advance(Duration::minutes(11));
    let resumed = restarted.run_outbound().await.unwrap();
    assert_eq!(resumed.reconciled.resubmitted, 1, "{resumed:?}");
    assert_eq!(resumed.done, 1, "{resumed:?}");
    assert_eq!(confirmations(&sim, open[2].id.as_str()), 1);
    assert_eq!(
        store.get_outbox(&entry3.id).await.unwrap().unwrap().status,
        OutboxStatus::Done
    );
    assert_eq!(all_confirmations(&sim), 3, "three packages, three calls");

    // Every submission is in the feed log, none left open.
    let open_records = store
        .list_feeds(&FeedLogQuery {
            connection_id: Some(conn_id()),
            status: Some(FeedStatus::Submitted),
            limit: None,
        })
        .await
        .unwrap();
    assert!(open_records.is_empty(), "{open_records:?}");
    sim.shutdown().await;
}

#[tokio::test]
async fn stock_goes_out_in_a_listings_feed_and_its_report_settles_the_entry() {
    let sim = simulator(43, 20.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let (sku, _) = sim
        .skus(SELLER)
        .unwrap()
        .into_iter()
        .find(|(_, fba)| !fba)
        .expect("a merchant-fulfilled SKU");
    let entry = stock_entry("stock-1", &sku, 37, Some(2), sim.now());
    store.enqueue(std::slice::from_ref(&entry)).await.unwrap();
    let report = engine.run_outbound().await.unwrap();
    assert_eq!((report.submissions, report.awaiting_report), (1, 1), "{report:?}");
    let record = store.get_feed(&report.feed_records[0]).await.unwrap().unwrap();
    assert_eq!(record.feed_type, "JSON_LISTINGS_FEED");
    assert!(record.amazon_feed_id.is_some(), "Amazon's feed id is recorded");
    assert!(matches!(
        store.get_outbox(&entry.id).await.unwrap().unwrap().status,
        OutboxStatus::Submitted { .. }
    ));

    // Amazon processes the feed; a later pass reads the processing report.
    let mut settled = None;
    for _ in 0..10 {
        sim.advance(Duration::minutes(5));
        let r = engine.collect_feed_results().await.unwrap();
        if r.finished > 0 {
            settled = Some(r);
            break;
        }
    }
    let settled = settled.expect("the feed finished within 50 simulated minutes");
    assert_eq!(settled.done, 1, "{settled:?}");
    assert_eq!(
        store.get_outbox(&entry.id).await.unwrap().unwrap().status,
        OutboxStatus::Done
    );
    let record = store.get_feed(&record.id).await.unwrap().unwrap();
    assert_eq!(record.status, FeedStatus::Done);
    assert_eq!(record.summary.unwrap().successful, 1);
    assert_eq!(
        sim.listing(SELLER, &sku).unwrap().unwrap().quantity,
        37,
        "Amazon has the new quantity"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn a_seller_cancellation_reaches_amazon_with_the_connections_marketplace() {
    let sim = simulator(44, 20.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    engine.import_connection(&conn_id()).await.unwrap();
    let order = open_orders(store.as_ref())
        .await
        .into_iter()
        .next()
        .expect("an open merchant-fulfilled order");
    let entry_id = engine
        .cancel(&conn_id(), &order.id, orderhub_core::CancelReason::NoInventory)
        .await
        .unwrap();

    // Cancellations wait five minutes for companions (the hubs' batching delay), then go out.
    let first = engine.run_outbound().await.unwrap();
    assert_eq!((first.submissions, first.deferred), (0, 1), "{first:?}");
    sim.advance(Duration::minutes(6));
    let report = engine.run_outbound().await.unwrap();
    assert_eq!(report.submissions, 1, "{report:?}");
    let record = store.get_feed(&report.feed_records[0]).await.unwrap().unwrap();
    assert_eq!(record.feed_type, "POST_ORDER_ACKNOWLEDGEMENT_DATA");
    assert!(
        record.amazon_feed_id.is_some(),
        "createFeed accepted the feed (it needs a marketplace): {record:?}"
    );
    let create_feed = sim
        .recorded_requests()
        .into_iter()
        .find(|r| r.operation.as_deref() == Some("feeds/createFeed"))
        .expect("a createFeed request");
    let body = String::from_utf8_lossy(&create_feed.body).into_owned();
    assert!(
        create_feed.status < 300,
        "createFeed answered {}: {body}",
        create_feed.status
    );
    assert!(body.contains(US), "the connection's marketplace is named: {body}");

    let mut finished = false;
    for _ in 0..10 {
        sim.advance(Duration::minutes(5));
        if engine.collect_feed_results().await.unwrap().finished > 0 {
            finished = true;
            break;
        }
    }
    assert!(finished, "the feed finished within 50 simulated minutes");
    assert_eq!(
        store.get_outbox(&entry_id).await.unwrap().unwrap().status,
        OutboxStatus::Done
    );
    assert_eq!(
        sim.order(order.id.as_str()).unwrap().status,
        "Canceled",
        "Amazon canceled it"
    );
    sim.shutdown().await;
}

/// A transport that, after the feed contents are uploaded, moves the simulator's clock forward: the worker
/// "paused" between the upload and `createFeed` (a stopped VM, a process held in a debugger).
#[derive(Debug)]
struct PausingTransport {
    inner: amazon_spapi::transport::ReqwestTransport,
    clock: amazon_spapi::sim::SimClock,
    pause: Duration,
}

#[async_trait::async_trait]
impl amazon_spapi::transport::Transport for PausingTransport {
    async fn send(
        &self,
        request: amazon_spapi::transport::HttpRequest,
    ) -> Result<amazon_spapi::transport::HttpResponse, amazon_spapi::error::TransportError> {
        let upload = request.method.as_str() == "PUT" && request.url.path().starts_with("/sim-storage/");
        let answer = self.inner.send(request).await;
        if upload {
            self.clock.advance(self.pause);
        }
        answer
    }
}

/// A worker paused between uploading a feed and calling `createFeed` for longer than the reconciliation
/// waits for it does not create the feed when it wakes: the reconciliation has taken the entries back by
/// then, and another worker sends them, once.
#[tokio::test]
async fn a_worker_paused_past_the_grace_does_not_create_its_feed() {
    use orderhub_core::engine::ConnectionRuntime;
    use orderhub_core::policy::import::AdmitAll;

    let sim = simulator(47, 20.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let (sku, _) = sim
        .skus(SELLER)
        .unwrap()
        .into_iter()
        .find(|(_, fba)| !fba)
        .expect("a merchant-fulfilled SKU");
    let entry = stock_entry("stock-paused", &sku, 11, None, sim.now());
    store.enqueue(std::slice::from_ref(&entry)).await.unwrap();
    let create_feeds = |sim: &SimHandle| {
        sim.recorded_requests()
            .iter()
            .filter(|r| r.operation.as_deref() == Some("feeds/createFeed"))
            .count()
    };

    let pausing = client_over(
        &sim,
        Arc::new(PausingTransport {
            inner: amazon_spapi::transport::ReqwestTransport::new().unwrap(),
            clock: sim.clock(),
            pause: Duration::hours(3),
        }),
    );
    let paused = bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(
        ConnectionRuntime::new(connection(OrdersApiVersion::V2026_01_01, from), pausing),
    );
    let report = paused.run_outbound().await.unwrap();
    assert_eq!((report.submissions, report.too_late), (1, 1), "{report:?}");
    assert_eq!(create_feeds(&sim), 0, "the paused worker created no feed");
    let record = store.get_feed(&report.feed_records[0]).await.unwrap().unwrap();
    assert!(record.amazon_feed_id.is_none());
    assert!(
        matches!(
            store.get_outbox(&entry.id).await.unwrap().unwrap().status,
            OutboxStatus::Submitted { .. }
        ),
        "left for the reconciliation"
    );

    // Another worker: the reconciliation finds no feed at Amazon for the record and sends the entry again.
    let healthy = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let report = healthy.run_outbound().await.unwrap();
    assert_eq!(report.reconciled.resubmitted, 1, "{report:?}");
    assert_eq!(report.submissions, 1, "{report:?}");
    assert_eq!(create_feeds(&sim), 1, "exactly one feed at Amazon");
    sim.shutdown().await;
}
