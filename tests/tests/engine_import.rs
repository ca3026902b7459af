//! The sync engine's import against the simulator: every order once, the cursor, status changes, buyer
//! cancellations with restock, and a backfill that resumes after a crash.

mod engine_support;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use engine_support::*;
use orderhub_core::engine::{decision_keys, BackfillProgress, ORDERS_SCOPE};
use orderhub_core::ports::{OrderQuery, OutboxQuery, Store};
use orderhub_core::store::MemoryStore;
use orderhub_core::{
    AmazonOrderId, AmazonOrderStatus, FulfillmentChannel, HubStatus, InventoryItem, Order, OrdersApiVersion,
    OutboxPayload,
};

async fn stored_ids(store: &dyn Store) -> BTreeSet<String> {
    store
        .query_orders(&OrderQuery::all())
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id.as_str().to_owned())
        .collect()
}

/// Sim orders of the US marketplace last updated in `[from, to]`.
fn sim_ids(sim: &amazon_spapi::sim::SimHandle, from: DateTime<Utc>, to: DateTime<Utc>) -> BTreeSet<String> {
    sim.orders(SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| o.marketplace_id == US && o.last_update >= from && o.last_update <= to)
        .map(|o| o.order_id)
        .collect()
}

/// Ids of the simulator's US orders purchased up to `to` (whatever their last update).
fn sim_purchased(sim: &amazon_spapi::sim::SimHandle, to: DateTime<Utc>) -> BTreeSet<String> {
    sim.orders(SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| o.marketplace_id == US && o.purchase_date <= to)
        .map(|o| o.order_id)
        .collect()
}

/// Checks one import run: the orders Amazon shows as changed in `[from, cursor]` are all stored, nothing
/// is stored that did not exist at the cursor, and `imported` counts exactly the new rows.
async fn check_run(
    sim: &amazon_spapi::sim::SimHandle,
    store: &dyn Store,
    before: &BTreeSet<String>,
    from: DateTime<Utc>,
    report: &orderhub_core::engine::ImportReport,
) -> BTreeSet<String> {
    let cursor = report.cursor.unwrap();
    let after = stored_ids(store).await;
    let must = sim_ids(sim, from, cursor);
    let missing: Vec<_> = must.difference(&after).collect();
    assert!(
        missing.is_empty(),
        "orders changed before the cursor are stored: missing {missing:?}"
    );
    let possible = sim_purchased(sim, cursor);
    assert!(
        after.is_subset(&possible),
        "nothing stored that did not exist at the cursor"
    );
    assert!(before.is_subset(&after));
    assert_eq!(
        report.imported,
        (after.len() - before.len()) as u64,
        "imported counts new rows: {report:?}"
    );
    after
}

async fn each_order_once(api: OrdersApiVersion, seed: u64) {
    let sim = simulator(seed, 120.0).await;
    let from = sim.now() - Duration::days(3);
    let start = sim.now();
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(&sim, store.clone(), connection(api, from));

    let first = engine.import_connection(&conn_id()).await.unwrap();
    let cursor1 = first.cursor.unwrap();
    assert!(first.pages > 2, "several pages: {first:?}");
    assert_eq!(first.skipped, 0);
    // The cursor ends at the answer's LastUpdatedBefore: two minutes before the first request.
    assert!(
        cursor1 <= start - Duration::minutes(2)
            && cursor1 > start - Duration::minutes(2) - Duration::seconds(2)
    );
    let after1 = check_run(&sim, &*store, &BTreeSet::new(), from, &first).await;
    assert!(
        after1.len() > 100,
        "the simulator generated {} orders",
        after1.len()
    );
    let saved = store.get_cursor(&conn_id(), ORDERS_SCOPE).await.unwrap().unwrap();
    assert_eq!(saved.position, Some(cursor1), "the cursor was committed");

    // A second run right away imports only what Amazon changed since the cursor (nothing at all when the
    // first run took no simulated time).
    let time_moved = sim.now() > start;
    let second = engine.import_connection(&conn_id()).await.unwrap();
    let after2 = check_run(&sim, &*store, &after1, from, &second).await;
    if !time_moved {
        assert_eq!((second.imported, second.updated), (0, 0), "{second:?}");
        assert_eq!(second.cursor, Some(cursor1));
    }
    let cursor2 = second.cursor.unwrap();
    assert!(cursor2 >= cursor1);

    // Time goes on: new orders and changes come in once, and the cursor moves.
    sim.advance(Duration::hours(3));
    let third = engine.import_connection(&conn_id()).await.unwrap();
    let after3 = check_run(&sim, &*store, &after2, from, &third).await;
    assert!(third.imported > 0, "three hours bring new orders: {third:?}");
    assert!(third.cursor.unwrap() > cursor2 + Duration::hours(2), "{third:?}");
    assert_eq!(
        first.imported + second.imported + third.imported,
        after3.len() as u64,
        "every order inserted exactly once"
    );
    sim.shutdown().await;
}

#[tokio::test]
async fn import_2026_imports_each_order_once_and_moves_the_cursor() {
    each_order_once(OrdersApiVersion::V2026_01_01, 11).await;
}

#[tokio::test]
async fn import_v0_imports_each_order_once_and_moves_the_cursor() {
    each_order_once(OrdersApiVersion::V0, 12).await;
}

#[tokio::test]
async fn import_into_sqlite_with_encrypted_personal_data() {
    use orderhub_core::crypto::{EncryptionKey, Keyring};
    let sim = simulator(13, 60.0).await;
    let from = sim.now() - Duration::days(3);
    let key = EncryptionKey::generate("engine-test").unwrap();
    let store: Arc<dyn Store> = Arc::new(
        orderhub_core::store::SqliteStore::in_memory(Keyring::new(key))
            .await
            .unwrap(),
    );
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let report = engine.import_connection(&conn_id()).await.unwrap();
    let expected = sim_ids(&sim, from, sim.now() - Duration::minutes(2));
    assert_eq!(report.imported, expected.len() as u64);
    assert_eq!(stored_ids(&*store).await, expected);
    let with_address = store
        .query_orders(&OrderQuery::all())
        .await
        .unwrap()
        .into_iter()
        .filter(|o| o.fulfillment_channel == FulfillmentChannel::Merchant && o.shipping_address.is_present())
        .count();
    assert!(with_address > 0, "personal data was imported and reads back");
    let again = engine.import_connection(&conn_id()).await.unwrap();
    assert_eq!(again.imported + again.updated, 0, "{again:?}");
    sim.shutdown().await;
}

fn units_of(order: &Order, sku: &str) -> i64 {
    order
        .lines
        .iter()
        .filter(|l| l.sku.as_deref() == Some(sku))
        .map(|l| i64::from(l.quantity_unshipped()))
        .sum()
}

fn holds_stock(o: &Order) -> bool {
    o.fulfillment_channel == FulfillmentChannel::Merchant
        && matches!(
            o.amazon_status,
            AmazonOrderStatus::Unshipped | AmazonOrderStatus::PartiallyShipped
        )
        && o.lines.iter().all(|l| l.quantity_shipped == 0)
}

#[tokio::test]
async fn status_changes_and_buyer_cancellations_are_picked_up() {
    let sim = simulator(21, 120.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    // Two open merchant-fulfilled orders: A will be canceled by the buyer, B shipped in Seller Central.
    let open: Vec<_> = sim
        .orders(SELLER)
        .unwrap()
        .into_iter()
        .filter(|o| {
            o.status == "Unshipped" && o.fulfillment_channel == "MFN" && o.items.iter().all(|i| i.3 == 0)
        })
        .collect();
    assert!(open.len() >= 2, "the simulator has open orders");
    let (a, b) = (&open[0], &open[1]);
    let sku_a = a.items[0].1.clone();
    store
        .put_items(&[InventoryItem::new(sku_a.clone(), 500)])
        .await
        .unwrap();

    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    engine.import_connection(&conn_id()).await.unwrap();
    let stored_a = store
        .get_order(&AmazonOrderId::new(&a.order_id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored_a.hub_status, HubStatus::New);
    let held: i64 = store
        .query_orders(&OrderQuery::all())
        .await
        .unwrap()
        .iter()
        .filter(|o| holds_stock(o))
        .map(|o| units_of(o, &sku_a))
        .sum();
    let q1 = store.get_item(&sku_a).await.unwrap().unwrap().quantity;
    assert_eq!(
        q1,
        500 - held,
        "importing open orders takes their units out of the hub's stock"
    );

    let known = stored_ids(&*store).await;
    sim.cancel_order(&a.order_id, "BuyerCanceled").unwrap();
    sim.mark_shipped(&b.order_id, "UPS", "1Z999AA10123456784")
        .unwrap();
    sim.advance(Duration::minutes(5));
    let report = engine.import_connection(&conn_id()).await.unwrap();
    assert!(report.updated >= 2, "{report:?}");
    assert!(report.canceled >= 1 && report.restocked >= 1, "{report:?}");

    let a2 = store
        .get_order(&AmazonOrderId::new(&a.order_id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a2.amazon_status, AmazonOrderStatus::Canceled);
    assert_eq!(a2.hub_status, HubStatus::Canceled);
    assert_eq!(a2.metadata.get(decision_keys::RESTOCKED), Some("1"));
    let b2 = store
        .get_order(&AmazonOrderId::new(&b.order_id))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(b2.amazon_status, AmazonOrderStatus::Shipped);
    assert_eq!(b2.hub_status, HubStatus::Shipped);
    assert_eq!(
        b2.metadata.get(decision_keys::RESTOCKED),
        None,
        "a shipped order is never restocked"
    );

    // Stock: A's units are back; orders newly imported in the second run took theirs.
    let newly_held: i64 = store
        .query_orders(&OrderQuery::all())
        .await
        .unwrap()
        .iter()
        .filter(|o| !known.contains(o.id.as_str()) && holds_stock(o))
        .map(|o| units_of(o, &sku_a))
        .sum();
    let q2 = store.get_item(&sku_a).await.unwrap().unwrap().quantity;
    assert_eq!(q2, q1 + units_of(&stored_a, &sku_a) - newly_held);
    // ... and Amazon is told the new quantity through the outbox, written with the cancellation.
    let updates: Vec<_> = store
        .list_outbox(&OutboxQuery::default())
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.payload {
            OutboxPayload::InventoryUpdate { sku, quantity, .. } if sku == sku_a => Some(quantity),
            _ => None,
        })
        .collect();
    assert!(!updates.is_empty(), "an inventory update is queued");
    sim.shutdown().await;
}

#[tokio::test]
async fn backfill_resumes_after_a_crash_and_reports_progress() {
    let sim = simulator(31, 150.0).await;
    let from = sim.now() - Duration::days(2);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let conn = connection(OrdersApiVersion::V2026_01_01, from);

    // The first worker is stopped (its task aborted) after its third committed page.
    let crashing = Arc::new(engine(&sim, store.clone(), conn.clone()));
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<BackfillProgress>();
    let task = {
        let engine = crashing.clone();
        tokio::spawn(async move {
            let mut progress = move |p: &BackfillProgress| {
                let _ = tx.send(p.clone());
            };
            engine.backfill(&conn_id(), from, &mut progress).await
        })
    };
    let mut seen = Vec::new();
    while seen.len() < 3 {
        seen.push(rx.recv().await.expect("the backfill reports progress"));
    }
    task.abort();
    let _ = task.await;
    let crashed_at = store
        .get_cursor(&conn_id(), orderhub_core::engine::BACKFILL_SCOPE)
        .await
        .unwrap()
        .unwrap();
    let position = crashed_at.position.unwrap();
    assert!(position > from, "the crashed backfill committed progress");
    let imported_before = stored_ids(&*store).await.len() as u64;
    assert!(imported_before > 0);

    // A restarted worker resumes where the first one committed.
    let restarted = engine(&sim, store.clone(), conn);
    let mut events: Vec<BackfillProgress> = Vec::new();
    let mut record = |p: &BackfillProgress| events.push(p.clone());
    let report = restarted.backfill(&conn_id(), from, &mut record).await.unwrap();
    assert!(report.resumed);
    assert_eq!(report.started_at, Some(position));
    let end = sim.now() - Duration::minutes(2);
    let expected = sim_ids(&sim, from, end);
    let stored = stored_ids(&*store).await;
    assert_eq!(stored, expected, "every order of the range, once");
    assert_eq!(
        imported_before + report.import.imported,
        expected.len() as u64,
        "nothing inserted twice"
    );
    assert!(
        report.import.unchanged < 60,
        "at most the page at the cursor is read again: {report:?}"
    );

    // Progress: from the resume point to the end, windows counting down.
    let first = events.first().unwrap();
    assert_eq!(first.window_start, position);
    let last = events.last().unwrap();
    assert_eq!(last.windows_left, 1);
    assert!(last.position >= end - Duration::seconds(10), "{last:?}");
    assert!((last.fraction(from) - 1.0).abs() < 0.01);
    assert!(events
        .windows(2)
        .all(|w| w[0].position <= w[1].position && w[0].orders_seen <= w[1].orders_seen));
    assert_eq!(last.imported, report.import.imported);

    // The incremental import takes over from the end of the backfill.
    let main = store.get_cursor(&conn_id(), ORDERS_SCOPE).await.unwrap().unwrap();
    assert!(main.position.unwrap() >= end - Duration::seconds(10));
    let next = restarted.import_connection(&conn_id()).await.unwrap();
    assert_eq!(next.imported, 0, "{next:?}");
    sim.shutdown().await;
}

#[tokio::test]
async fn the_rules_policy_decides_what_comes_in() {
    use orderhub_rules::{FilterSettings, Mappings, RuleSet, RulesPolicy};
    let sim = simulator(61, 120.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let policy =
        RulesPolicy::new(FilterSettings::default(), Mappings::default(), RuleSet::default()).unwrap();
    let engine = engine_with(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
        Arc::new(policy),
    );
    let report = engine.import_connection(&conn_id()).await.unwrap();
    assert!(
        report.skipped > 0,
        "pending, shipped and Amazon-fulfilled orders are skipped: {report:?}"
    );
    assert!(report.imported > 0, "{report:?}");
    assert_eq!(
        report.imported + report.skipped,
        report.seen,
        "each order judged once: {report:?}"
    );
    let stored = store.query_orders(&OrderQuery::all()).await.unwrap();
    assert_eq!(stored.len() as u64, report.imported);
    assert!(stored
        .iter()
        .all(|o| o.fulfillment_channel == FulfillmentChannel::Merchant
            && matches!(
                o.amazon_status,
                AmazonOrderStatus::Unshipped | AmazonOrderStatus::PartiallyShipped
            )));
    // Skipped orders are judged again only when Amazon changes them; a rerun skips nothing new.
    let again = engine.import_connection(&conn_id()).await.unwrap();
    assert_eq!(again.imported, 0, "{again:?}");
    sim.shutdown().await;
}

#[tokio::test]
async fn the_tick_runs_imports_by_their_schedule() {
    let sim = simulator(71, 60.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let engine = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    let first = engine.tick().await.unwrap();
    assert_eq!(first.imports.len(), 1, "a connection that never ran is due");
    assert!(first.imports[0].1.as_ref().unwrap().imported > 0);
    assert!(first.retention.is_some() && first.outbound.is_some());
    let second = engine.tick().await.unwrap();
    assert!(second.imports.is_empty(), "not due again within ten minutes");
    assert!(second.retention.is_none(), "retention runs once a day");
    sim.advance(Duration::minutes(11));
    let third = engine.tick().await.unwrap();
    assert_eq!(third.imports.len(), 1, "due again after the ten-minute cadence");
    sim.shutdown().await;
}

#[tokio::test]
async fn test_credentials_tells_live_from_revoked() {
    let sim = simulator(81, 10.0).await;
    let from = sim.now() - Duration::days(1);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    let live = engine(
        &sim,
        store.clone(),
        connection(OrdersApiVersion::V2026_01_01, from),
    );
    assert_eq!(
        live.test_credentials(&conn_id()).await.unwrap(),
        orderhub_core::ConnectionHealth::Live
    );
    let token = sim.seller(SELLER).unwrap().refresh_token;
    sim.revoke_seller(SELLER).unwrap();
    // A restarted worker (no cached access token) with the refresh token the seller revoked.
    let fresh = bare_engine(&sim, store, Arc::new(orderhub_core::policy::import::AdmitAll)).with_connection(
        orderhub_core::engine::ConnectionRuntime::new(
            connection(OrdersApiVersion::V2026_01_01, from),
            client_with_token(&sim, token),
        ),
    );
    match fresh.test_credentials(&conn_id()).await.unwrap() {
        orderhub_core::ConnectionHealth::NeedsReauthorization { since } => assert_eq!(since, sim.now()),
        other => panic!("expected re-authorization, got {other:?}"),
    }
    let err = fresh.import_connection(&conn_id()).await.unwrap_err();
    assert!(!err.is_retryable(), "{err}");
    sim.shutdown().await;
}

/// A per-order call that keeps failing (a throttling storm, a reset) cuts the page short: the orders
/// listed before it are committed, the cursor stays at or before the order that failed, the run reports
/// the error, and the next run imports the rest, every order once.
#[tokio::test]
async fn a_failed_per_order_call_commits_the_orders_listed_before_it() {
    use amazon_spapi::orders_v0::GetOrders;
    use orderhub_core::engine::EngineError;

    let sim = simulator(611, 120.0).await;
    let from = sim.now() - Duration::days(3);
    let store: Arc<dyn Store> = Arc::new(MemoryStore::new());
    // The engine lists 50 orders a page; the 20th of the first page is the one whose items cannot be read.
    let listed = GetOrders::new(&client(&sim))
        .marketplace_ids([US])
        .last_updated_after(from)
        .max_results_per_page(50)
        .send()
        .await
        .unwrap();
    assert_eq!(listed.orders.len(), 50, "a full first page");
    let victim = listed.orders[19].clone();
    let victim_id = victim.amazon_order_id.as_ref().unwrap().as_str().to_owned();
    let before_victim: BTreeSet<String> = listed.orders[..19]
        .iter()
        .map(|o| o.amazon_order_id.as_ref().unwrap().as_str().to_owned())
        .collect();
    let suffix: &'static str = Box::leak(format!("/orders/{victim_id}/orderItems").into_boxed_str());

    let failing = bare_engine(
        &sim,
        store.clone(),
        Arc::new(orderhub_core::policy::import::AdmitAll),
    )
    .with_connection(orderhub_core::engine::ConnectionRuntime::new(
        connection(OrdersApiVersion::V0, from),
        losing_client(&sim, "GET", suffix, Lose::Request),
    ));
    let err = failing.import_connection(&conn_id()).await.unwrap_err();
    assert!(
        matches!(
            &err,
            EngineError::Amazon {
                during: "getOrderItems",
                ..
            }
        ),
        "{err}"
    );
    let stored = stored_ids(store.as_ref()).await;
    assert_eq!(
        stored, before_victim,
        "the orders listed before the failure are kept"
    );
    let cursor = store
        .get_cursor(&conn_id(), ORDERS_SCOPE)
        .await
        .unwrap()
        .unwrap()
        .position
        .unwrap();
    assert!(
        cursor <= victim.last_update_date.unwrap(),
        "the cursor {cursor} does not pass the order that failed"
    );

    // The call works again: the next run picks up from the cursor and imports the rest once.
    let healthy = engine(&sim, store.clone(), connection(OrdersApiVersion::V0, from));
    let report = healthy.import_connection(&conn_id()).await.unwrap();
    let after = stored_ids(store.as_ref()).await;
    assert!(after.contains(&victim_id));
    assert_eq!(
        report.imported,
        (after.len() - before_victim.len()) as u64,
        "nothing imported twice: {report:?}"
    );
    let must = sim_ids(&sim, from, report.cursor.unwrap());
    let missing: Vec<_> = must.difference(&after).collect();
    assert!(missing.is_empty(), "missing {missing:?}");
    sim.shutdown().await;
}
