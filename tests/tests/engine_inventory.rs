//! Inventory against the simulator: the hub's stock goes to Amazon as listings feeds (only what changed,
//! `amazon_skip` respected, handling time from `FulfillmentLatency` or the connection's default), FBA stock
//! comes into the hub, the tick runs every job on its cadence, and connection health follows the jobs.

mod engine_support;

use std::sync::Arc;

use chrono::Duration;
use engine_support::*;
use orderhub_core::engine::{ConnectionRuntime, Job, FBA_STOCK_KEYS};
use orderhub_core::policy::import::AdmitAll;
use orderhub_core::ports::{OutboxQuery, OutboxState, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    keys, Cadence, ConnectionHealth, FulfillmentChannel, InventoryItem, OrdersApiVersion, OutboxPayload,
};

fn merchant_skus(sim: &amazon_spapi::sim::SimHandle) -> Vec<String> {
    sim.skus(SELLER)
        .unwrap()
        .into_iter()
        .filter(|(_, fba)| !fba)
        .map(|(s, _)| s)
        .collect()
}

fn fba_skus(sim: &amazon_spapi::sim::SimHandle) -> Vec<String> {
    sim.skus(SELLER)
        .unwrap()
        .into_iter()
        .filter(|(_, fba)| *fba)
        .map(|(s, _)| s)
        .collect()
}

async fn pending_updates(store: &dyn Store) -> Vec<(String, u32, Option<u32>)> {
    let q = OutboxQuery {
        state: Some(OutboxState::Pending),
        ..OutboxQuery::default()
    };
    let mut v: Vec<_> = store
        .list_outbox(&q)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.payload {
            OutboxPayload::InventoryUpdate {
                sku,
                quantity,
                handling_time_days,
                ..
            } => Some((sku, quantity, handling_time_days)),
            _ => None,
        })
        .collect();
    v.sort();
    v
}

#[tokio::test]
async fn changed_stock_goes_out_as_a_listings_feed() {
    let sim = simulator(501, 5.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let mut conn = connection(OrdersApiVersion::V2026_01_01, from);
    conn.settings.default_handling_time_days = Some(2);
    let engine = engine(&sim, store.clone(), conn);
    let skus = merchant_skus(&sim);
    let (a, b, c) = (skus[0].clone(), skus[1].clone(), skus[2].clone());
    let mut skip = InventoryItem::new(b.clone(), 3);
    skip.metadata.set(keys::AMAZON_SKIP, "1");
    let mut slow = InventoryItem::new(c.clone(), 5);
    slow.metadata.set(keys::FULFILLMENT_LATENCY, "4");
    let mut fba = InventoryItem::new(fba_skus(&sim)[0].clone(), 40);
    fba.channel = FulfillmentChannel::Amazon;
    store
        .put_items(&[InventoryItem::new(a.clone(), 7), skip, slow, fba])
        .await
        .unwrap();

    let first = engine.sync_inventory(&conn_id()).await.unwrap();
    assert_eq!(
        (first.examined, first.queued, first.unchanged),
        (4, 2, 0),
        "{first:?}"
    );
    assert_eq!(first.skipped.len(), 2, "{first:?}");
    assert!(first
        .skipped
        .iter()
        .any(|(s, why)| s == &b && *why == "amazon_skip"));
    let mut want = vec![(a.clone(), 7, Some(2)), (c.clone(), 5, Some(4))];
    want.sort();
    assert_eq!(pending_updates(store.as_ref()).await, want);

    // Nothing changed: nothing queued.
    let second = engine.sync_inventory(&conn_id()).await.unwrap();
    assert_eq!((second.queued, second.unchanged), (0, 2), "{second:?}");

    // The outbound pass sends the queue as one listings feed; Amazon applies it.
    let out = engine.run_outbound().await.unwrap();
    assert_eq!(out.submissions, 1, "{out:?}");
    let record = store.get_feed(&out.feed_records[0]).await.unwrap().unwrap();
    assert_eq!(record.feed_type, "JSON_LISTINGS_FEED");
    let mut settled = false;
    for _ in 0..10 {
        sim.advance(Duration::minutes(5));
        if engine.collect_feed_results().await.unwrap().finished > 0 {
            settled = true;
            break;
        }
    }
    assert!(settled, "the feed finished within 50 simulated minutes");
    let listing_a = sim.listing(SELLER, &a).unwrap().unwrap();
    assert_eq!((listing_a.quantity, listing_a.handling_days), (7, 2));
    let listing_c = sim.listing(SELLER, &c).unwrap().unwrap();
    assert_eq!((listing_c.quantity, listing_c.handling_days), (5, 4));

    // Only the SKU whose quantity changed goes again; negative stock goes as zero.
    store
        .put_items(&[InventoryItem::new(a.clone(), -2)])
        .await
        .unwrap();
    let third = engine.sync_inventory(&conn_id()).await.unwrap();
    assert_eq!((third.queued, third.unchanged), (1, 1), "{third:?}");
    assert_eq!(
        pending_updates(store.as_ref()).await,
        vec![(a.clone(), 0, Some(2))]
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn stock_goes_only_to_the_connections_an_item_names() {
    let sim = simulator(502, 5.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let skus = merchant_skus(&sim);
    let (ours, both, theirs) = (skus[0].clone(), skus[1].clone(), skus[2].clone());
    let mut scoped_here = InventoryItem::new(ours.clone(), 4);
    scoped_here.metadata.set(keys::AMAZON_CONNECTIONS, CONNECTION);
    let mut scoped_both = InventoryItem::new(both.clone(), 5);
    scoped_both
        .metadata
        .set(keys::AMAZON_CONNECTIONS, format!("conn-eu, {CONNECTION}"));
    let mut scoped_elsewhere = InventoryItem::new(theirs.clone(), 6);
    scoped_elsewhere.metadata.set(keys::AMAZON_CONNECTIONS, "conn-eu");
    store
        .put_items(&[scoped_here, scoped_both, scoped_elsewhere])
        .await
        .unwrap();

    let report = engine.sync_inventory(&conn_id()).await.unwrap();
    assert_eq!((report.examined, report.queued), (3, 2), "{report:?}");
    assert_eq!(
        report.skipped,
        vec![(theirs.clone(), "not listed on this connection")],
        "{report:?}"
    );
    let mut want = vec![(ours, 4, None), (both, 5, None)];
    want.sort();
    assert_eq!(pending_updates(store.as_ref()).await, want);
    sim.shutdown().await;
}

#[tokio::test]
async fn fba_stock_comes_into_the_hub_as_amazon_fulfilled_items() {
    let sim = simulator(502, 5.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let fba = fba_skus(&sim);
    assert!(fba.len() >= 2);
    // The hub keeps one of them as its own merchant stock: left alone and reported.
    store
        .put_items(&[InventoryItem::new(fba[0].clone(), 11)])
        .await
        .unwrap();

    let first = engine.sync_fba_stock(&conn_id()).await.unwrap();
    assert_eq!(first.conflicts, vec![fba[0].clone()], "{first:?}");
    assert_eq!(first.updated, fba.len() - 1, "{first:?}");
    for sku in &fba[1..] {
        let item = store.get_item(sku).await.unwrap().unwrap();
        assert_eq!(item.channel, FulfillmentChannel::Amazon);
        let at_amazon = sim.listing(SELLER, sku).unwrap().unwrap().fba_fulfillable;
        assert_eq!(item.quantity, at_amazon, "{sku}");
        assert_eq!(
            item.metadata.get(FBA_STOCK_KEYS[0]),
            Some(at_amazon.to_string().as_str())
        );
    }
    let kept = store.get_item(&fba[0]).await.unwrap().unwrap();
    assert_eq!((kept.quantity, kept.channel), (11, FulfillmentChannel::Merchant));

    let second = engine.sync_fba_stock(&conn_id()).await.unwrap();
    assert_eq!(
        (second.updated, second.unchanged),
        (0, fba.len() - 1),
        "{second:?}"
    );
    // Amazon-fulfilled stock is never pushed back to Amazon.
    let sync = engine.sync_inventory(&conn_id()).await.unwrap();
    assert_eq!(sync.skipped.len(), fba.len() - 1, "{sync:?}");
    sim.shutdown().await;
}

#[tokio::test]
async fn the_tick_runs_every_job_on_its_cadence() {
    let sim = simulator(503, 5.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let mut conn = connection(OrdersApiVersion::V2026_01_01, from);
    conn.settings.inventory_schedule = Cadence::Hourly;
    conn.settings.fba_stock_schedule = Cadence::Every6Hours;
    conn.settings.mcf_tracking_schedule = Cadence::Every6Hours;
    conn.settings.feed_results_schedule = Cadence::Minutes(15);
    conn.settings.orders_schedule = Cadence::Never;
    let engine = engine(&sim, store.clone(), conn);
    let jobs = |r: &orderhub_core::engine::TickReport| -> Vec<Job> { r.ran.iter().map(|j| j.job).collect() };

    let first = engine.tick().await.unwrap();
    assert!(first.ran.iter().all(|j| j.ok), "{:?}", first.ran);
    assert_eq!(
        jobs(&first),
        vec![
            Job::FbaStock,
            Job::Inventory,
            Job::McfTracking,
            Job::McfSubmit,
            Job::Labels,
            Job::Outbound,
            Job::FeedResults,
            Job::Retention
        ],
        "everything that never ran is due; orders are switched off; the hand-off of routed orders runs \
         with the MCF tracking"
    );
    assert!(first.fba_stock[0].1.as_ref().unwrap().updated > 0);
    assert!(first.imports.is_empty());

    let second = engine.tick().await.unwrap();
    assert_eq!(jobs(&second), vec![Job::Outbound], "nothing else is due yet");

    sim.advance(Duration::minutes(61));
    let third = engine.tick().await.unwrap();
    assert_eq!(
        jobs(&third),
        vec![Job::Inventory, Job::Outbound, Job::FeedResults]
    );

    sim.advance(Duration::hours(5));
    let fourth = engine.tick().await.unwrap();
    assert_eq!(
        jobs(&fourth),
        vec![
            Job::FbaStock,
            Job::Inventory,
            Job::McfTracking,
            Job::McfSubmit,
            Job::Labels,
            Job::Outbound,
            Job::FeedResults
        ]
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn the_hand_off_of_routed_orders_runs_only_when_the_import_changed_orders() {
    let sim = simulator(505, 20.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let mut conn = connection(OrdersApiVersion::V2026_01_01, from);
    conn.settings.orders_schedule = Cadence::Minutes(10);
    conn.settings.inventory_schedule = Cadence::Never;
    conn.settings.fba_stock_schedule = Cadence::Never;
    conn.settings.mcf_tracking_schedule = Cadence::Never;
    conn.settings.feed_results_schedule = Cadence::Never;
    let engine = engine(&sim, store.clone(), conn);
    let jobs = |r: &orderhub_core::engine::TickReport| -> Vec<Job> { r.ran.iter().map(|j| j.job).collect() };
    let changed = |r: &orderhub_core::engine::TickReport| {
        r.imports
            .iter()
            .any(|(_, i)| matches!(i, Ok(i) if i.imported + i.updated > 0))
    };

    let first = engine.tick().await.unwrap();
    assert!(
        changed(&first),
        "a day of history brings orders: {:?}",
        first.imports
    );
    assert_eq!(
        jobs(&first)[..3],
        [Job::Orders, Job::McfSubmit, Job::Labels],
        "{:?}",
        first.ran
    );
    let mut quiet = 0;
    for _ in 0..12 {
        sim.advance(Duration::minutes(11));
        let tick = engine.tick().await.unwrap();
        let ran = jobs(&tick);
        assert_eq!(ran[0], Job::Orders, "{ran:?}");
        let handed_off = ran.contains(&Job::McfSubmit) && ran.contains(&Job::Labels);
        assert_eq!(handed_off, changed(&tick), "{:?} {:?}", ran, tick.imports);
        quiet += usize::from(!changed(&tick));
    }
    assert!(
        quiet > 0,
        "some ten-minute windows bring nothing at 20 orders a day"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn connection_health_is_saved_from_jobs_and_test_credentials() {
    let sim = simulator(504, 5.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let mut conn = connection(OrdersApiVersion::V2026_01_01, from);
    conn.health = ConnectionHealth::Incomplete;
    store.save_connection(&conn).await.unwrap();
    let live = engine(&sim, store.clone(), conn.clone());
    assert_eq!(
        live.test_credentials(&conn_id()).await.unwrap(),
        ConnectionHealth::Live
    );
    assert_eq!(
        store.get_connection(&conn_id()).await.unwrap().unwrap().health,
        ConnectionHealth::Live
    );

    // The seller revokes the app; a restarted worker's jobs hit invalid_grant.
    let token = sim.seller(SELLER).unwrap().refresh_token;
    sim.revoke_seller(SELLER).unwrap();
    let revoked = bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(
        ConnectionRuntime::new(conn.clone(), client_with_token(&sim, token)),
    );
    let report = revoked.tick().await.unwrap();
    assert!(report.fba_stock[0].1.is_err(), "{:?}", report.ran);
    match store.get_connection(&conn_id()).await.unwrap().unwrap().health {
        ConnectionHealth::NeedsReauthorization { since } => assert_eq!(since, sim.now()),
        other => panic!("expected re-authorization, got {other:?}"),
    }

    // A job that does not reach Amazon (nothing routed to MCF) leaves the health alone.
    let quiet = revoked.submit_mcf(&conn_id()).await.unwrap();
    assert!(quiet.submitted.is_empty());
    assert!(matches!(
        store.get_connection(&conn_id()).await.unwrap().unwrap().health,
        ConnectionHealth::NeedsReauthorization { .. }
    ));

    // The seller authorizes again: the next job that reaches Amazon makes it live.
    sim.register_refresh_token(SELLER, "Atzr|reauthorized-token")
        .unwrap();
    let again = bare_engine(&sim, store.clone(), Arc::new(AdmitAll)).with_connection(ConnectionRuntime::new(
        conn,
        client_with_token(&sim, "Atzr|reauthorized-token".to_owned().into()),
    ));
    again.sync_fba_stock(&conn_id()).await.unwrap();
    assert_eq!(
        store.get_connection(&conn_id()).await.unwrap().unwrap().health,
        ConnectionHealth::Live
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn hub_cancellations_restock_and_hub_shipments_are_confirmed() {
    let sim = simulator(505, 40.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    engine.import_connection(&conn_id()).await.unwrap();
    let open = open_mfn_orders(store.as_ref()).await;
    assert!(open.len() >= 2);
    let (cancel, ship) = (open[0].clone(), open[1].clone());
    let line = &cancel.lines[0];
    let sku = line.sku.clone().unwrap();
    store
        .put_items(&[InventoryItem::new(sku.clone(), 10)])
        .await
        .unwrap();
    engine.sync_inventory(&conn_id()).await.unwrap();

    // Cancel: status, restock and the outbox entry together; a second call changes nothing.
    let id = engine
        .cancel(&conn_id(), &cancel.id, orderhub_core::CancelReason::NoInventory)
        .await
        .unwrap();
    let again = engine
        .cancel(&conn_id(), &cancel.id, orderhub_core::CancelReason::NoInventory)
        .await
        .unwrap();
    assert_eq!(id, again);
    let stored = store.get_order(&cancel.id).await.unwrap().unwrap();
    assert_eq!(stored.hub_status, orderhub_core::HubStatus::Canceled);
    let restocked = 10
        + i64::from(
            cancel
                .lines
                .iter()
                .filter(|l| l.sku.as_deref() == Some(sku.as_str()))
                .map(|l| l.quantity_unshipped())
                .sum::<u32>(),
        );
    assert_eq!(store.get_item(&sku).await.unwrap().unwrap().quantity, restocked);
    let entry = store.get_outbox(&id).await.unwrap().unwrap();
    assert!(matches!(entry.payload, OutboxPayload::Cancellation { .. }));
    // The next inventory sync sends the restocked quantity.
    let sync = engine.sync_inventory(&conn_id()).await.unwrap();
    assert_eq!(sync.queued, 1, "{sync:?}");

    // Ship: the confirmation goes out and Amazon shows the order shipped.
    let shipment = orderhub_core::Shipment {
        id: orderhub_core::ShipmentId::new("pkg-hub-1"),
        order_id: ship.id.clone(),
        carrier: "UPS".to_owned(),
        service: Some("Ground".to_owned()),
        tracking_number: Some("1Z999AA10123456784".to_owned()),
        ship_date: sim.now() - Duration::hours(1),
        lines: Vec::new(),
        tracked: true,
        label_created_at: None,
        delivered_at: None,
    };
    let ship_id = engine.ship(&conn_id(), shipment.clone()).await.unwrap();
    assert_eq!(engine.ship(&conn_id(), shipment).await.unwrap(), ship_id);
    assert_eq!(
        store.get_order(&ship.id).await.unwrap().unwrap().hub_status,
        orderhub_core::HubStatus::Shipped
    );
    engine.run_outbound().await.unwrap();
    assert_eq!(
        store.get_outbox(&ship_id).await.unwrap().unwrap().status,
        orderhub_core::OutboxStatus::Done
    );
    assert_eq!(sim.order(ship.id.as_str()).unwrap().status, "Shipped");
    sim.shutdown().await;
}
