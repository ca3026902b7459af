//! The conformance suite every store backend runs: the same assertions against memory, SQLite and
//! PostgreSQL. Backends call [`conformance_tests!`](crate::conformance_tests) with an expression that
//! makes a fresh, empty store; each check is also callable on its own.
//!
//! Test support, not API: hidden from the docs and free to change.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::needless_pass_by_value,
    missing_docs
)]

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, TimeZone, Utc};
use rust_decimal::Decimal;

use crate::domain::*;
use crate::ports::{
    ChangeSet, Cursor, FeedLogQuery, OrderQuery, OutboxQuery, OutboxState, Store, StoreError, UpsertOutcome,
};

/// 2026-03-01T00:00:00Z plus `minutes`.
pub fn t(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 0, 0, 0).single().unwrap() + Duration::minutes(minutes)
}

/// The buyer name of [`sample_order`] number `n` (what the at-rest scan looks for).
pub fn buyer_name(n: u64) -> String {
    format!("Zebulon Quixley-{n:07}")
}

/// The street of [`sample_order`] number `n`.
pub fn street(n: u64) -> String {
    format!("{n} Marigold Esplanade")
}

/// The gift message of [`sample_order`] number `n`.
pub fn gift_message(n: u64) -> String {
    format!("Happy birthday Wilhelmina #{n}")
}

/// The order id of [`sample_order`] number `n`.
pub fn order_id(n: u64) -> AmazonOrderId {
    AmazonOrderId(format!(
        "{:03}-{:07}-{:07}",
        100 + n % 900,
        n / 10_000_000,
        n % 10_000_000
    ))
}

/// A merchant-fulfilled order with `lines` lines and personal data (buyer, address, a gift message).
pub fn sample_order(n: u64, lines: usize, purchased: DateTime<Utc>, updated: DateTime<Utc>) -> Order {
    let eur = Currency::EUR;
    let money = |cents: i64| Some(Money::new(Decimal::new(cents, 2), eur));
    let lines = (0..lines)
        .map(|i| {
            let mut l = OrderLine::new(
                format!("{:014}", n * 10 + i as u64),
                format!("SKU-{}", i + 1),
                1 + i as u32,
            );
            l.asin = Some(format!("B0{:08}", i + 1));
            l.title = Some(format!("Widget model {i}"));
            l.item_price = money(1999 * (1 + i as i64));
            l.item_tax = money(319);
            l.shipping_price = money(499);
            l.condition.id = Some("New".into());
            if i == 0 {
                l.gift = Some(Gift {
                    wrap_level: Some("Classic".into()),
                    wrap_price: money(299),
                    wrap_tax: None,
                    message: Pii::Present(gift_message(n)),
                });
            }
            l
        })
        .collect();
    Order {
        id: order_id(n),
        seller_id: SellerId::new("A2SELLER000001"),
        marketplace_id: MarketplaceId::new("A1PA6795UKMFR9"),
        fulfillment_channel: FulfillmentChannel::Merchant,
        amazon_status: AmazonOrderStatus::Unshipped,
        hub_status: HubStatus::New,
        folder: None,
        dates: OrderDates {
            purchased,
            last_updated: updated,
            earliest_ship: Some(purchased + Duration::days(1)),
            latest_ship: Some(purchased + Duration::days(2)),
            earliest_delivery: None,
            latest_delivery: None,
        },
        flags: OrderFlags {
            prime: n % 2 == 0,
            ..OrderFlags::default()
        },
        sales_channel: SalesChannel::Amazon,
        sales_channel_name: Some("Amazon.de".into()),
        order_type: Some("StandardOrder".into()),
        order_total: money(5999),
        prices_include_vat: true,
        vat_tax: money(958),
        ioss_number: None,
        shipping_service_level: Some("Std DE Dom".into()),
        shipment_service_level_category: Some("Standard".into()),
        payment_method: Some("Other".into()),
        buyer: Pii::Present(Buyer {
            name: Some(buyer_name(n)),
            email: Some(format!("q{n}@marketplace.amazon.de")),
            ..Buyer::default()
        }),
        shipping_address: Pii::Present(Address {
            name: Some(buyer_name(n)),
            line1: Some(street(n)),
            city: Some("Berlin".into()),
            postal_code: Some("10115".into()),
            country_code: Some("DE".into()),
            phone: Some("+49 30 1234567".into()),
            ..Address::default()
        }),
        lines,
        tags: BTreeSet::from(["imported".to_owned()]),
        metadata: Metadata::from_iter([("amazon_fulfillment_channel", "MFN")]),
        redacted_at: None,
    }
}

/// An outbox entry cancelling order `n`, due at `not_before`.
pub fn sample_entry(id: &str, created: DateTime<Utc>, not_before: DateTime<Utc>) -> OutboxEntry {
    OutboxEntry {
        id: OutboxId::new(id),
        connection_id: ConnectionId::new("conn-1"),
        seller_id: SellerId::new("A2SELLER000001"),
        payload: OutboxPayload::Cancellation {
            order_id: order_id(1),
            lines: vec![],
            reason: CancelReason::NoInventory,
        },
        created_at: created,
        not_before,
        attempts: 0,
        status: OutboxStatus::Pending,
    }
}

fn ids(orders: &[Order]) -> Vec<String> {
    orders.iter().map(|o| o.id.0.clone()).collect()
}

/// Upserting the same orders again changes nothing and duplicates nothing; orders load back equal.
pub async fn idempotent_upsert(store: Arc<dyn Store>) {
    let orders: Vec<Order> = (1..=3).map(|n| sample_order(n, 3, t(n as i64), t(100))).collect();
    let first = store.upsert_orders(&orders).await.unwrap();
    assert_eq!(first, vec![UpsertOutcome::Inserted; 3]);
    let second = store.upsert_orders(&orders).await.unwrap();
    assert_eq!(second, vec![UpsertOutcome::Unchanged; 3]);
    assert_eq!(store.count_orders(&OrderQuery::all()).await.unwrap(), 3);
    for o in &orders {
        assert_eq!(
            store.get_order(&o.id).await.unwrap().as_ref(),
            Some(o),
            "order {} round trip",
            o.id
        );
    }
    assert_eq!(store.get_order(&order_id(99)).await.unwrap(), None);
}

/// An older `LastUpdateDate` never overwrites a newer one, in separate calls or within one batch.
pub async fn older_never_overwrites_newer(store: Arc<dyn Store>) {
    let newer = sample_order(1, 3, t(0), t(200));
    let mut older = sample_order(1, 3, t(0), t(100));
    older.amazon_status = AmazonOrderStatus::Canceled;
    assert_eq!(
        store.upsert_orders(std::slice::from_ref(&newer)).await.unwrap(),
        vec![UpsertOutcome::Inserted]
    );
    assert_eq!(
        store.upsert_orders(std::slice::from_ref(&older)).await.unwrap(),
        vec![UpsertOutcome::Stale]
    );
    assert_eq!(store.get_order(&newer.id).await.unwrap().unwrap(), newer);
    // A hub-side save of an outdated copy is refused too.
    assert_eq!(store.save_order(&older).await.unwrap(), UpsertOutcome::Stale);
    // A hub-side save of the current copy is written.
    let mut edited = newer.clone();
    edited.folder = Some("Priority".into());
    edited.hub_status = HubStatus::Processing;
    assert_eq!(store.save_order(&edited).await.unwrap(), UpsertOutcome::Updated);
    assert_eq!(store.get_order(&newer.id).await.unwrap().unwrap(), edited);
    // Within one batch: newest wins whatever the order of arrival.
    let mut t300 = sample_order(1, 3, t(0), t(300));
    t300.amazon_status = AmazonOrderStatus::Shipped;
    let t250 = sample_order(1, 3, t(0), t(250));
    let outcomes = store.upsert_orders(&[t300.clone(), t250]).await.unwrap();
    assert_eq!(outcomes, vec![UpsertOutcome::Updated, UpsertOutcome::Stale]);
    assert_eq!(store.get_order(&t300.id).await.unwrap().unwrap(), t300);
    assert_eq!(store.count_orders(&OrderQuery::all()).await.unwrap(), 1);
}

/// Queries by status, folder, marketplace and dates, with paging and counts.
pub async fn queries(store: Arc<dyn Store>) {
    let mut orders = Vec::new();
    for n in 1..=8u64 {
        let mut o = sample_order(n, 1, t(n as i64 * 60), t(n as i64 * 60 + 5));
        if n % 2 == 0 {
            o.marketplace_id = MarketplaceId::new("ATVPDKIKX0DER");
        }
        if n >= 6 {
            o.amazon_status = AmazonOrderStatus::Shipped;
            o.hub_status = HubStatus::Shipped;
        }
        if n == 3 || n == 4 {
            o.folder = Some("Rush".into());
        }
        if n == 8 {
            o.amazon_status = AmazonOrderStatus::Other("OnTheMoon".into());
            o.fulfillment_channel = FulfillmentChannel::Amazon;
            o.buyer = Pii::Absent(AbsentReason::NotSupplied);
            o.shipping_address = Pii::Absent(AbsentReason::NotSupplied);
            o.lines[0].gift = None;
        }
        orders.push(o);
    }
    // Insert out of purchase order; results come back by purchase date.
    let mut shuffled = orders.clone();
    shuffled.reverse();
    store.upsert_orders(&shuffled).await.unwrap();
    let all_ids = ids(&orders);
    let q = |query: OrderQuery| {
        let store = store.clone();
        async move { ids(&store.query_orders(&query).await.unwrap()) }
    };
    assert_eq!(q(OrderQuery::all()).await, all_ids);
    assert_eq!(
        q(OrderQuery::all().marketplace("ATVPDKIKX0DER")).await,
        ids(&[2, 4, 6, 8].map(|n| orders[n - 1].clone()))
    );
    assert_eq!(
        q(OrderQuery::all()
            .marketplace("ATVPDKIKX0DER")
            .marketplace("A1PA6795UKMFR9"))
        .await,
        all_ids
    );
    assert_eq!(
        q(OrderQuery::all().amazon_status(AmazonOrderStatus::Unshipped)).await,
        all_ids[0..5].to_vec()
    );
    assert_eq!(
        q(OrderQuery::all().amazon_status(AmazonOrderStatus::Shipped)).await,
        all_ids[5..7].to_vec()
    );
    assert_eq!(
        q(OrderQuery::all().amazon_status(AmazonOrderStatus::parse("OnTheMoon"))).await,
        all_ids[7..8].to_vec()
    );
    assert_eq!(
        q(OrderQuery::all().hub_status(HubStatus::New)).await,
        all_ids[0..5].to_vec()
    );
    assert_eq!(q(OrderQuery::all().folder("Rush")).await, all_ids[2..4].to_vec());
    assert_eq!(q(OrderQuery::all().folder("Nope")).await, Vec::<String>::new());
    assert_eq!(
        q(OrderQuery::all().purchased_between(t(120), t(300))).await,
        all_ids[1..4].to_vec()
    );
    assert_eq!(
        q(OrderQuery::all().updated_between(t(125), t(126))).await,
        all_ids[1..2].to_vec()
    );
    assert_eq!(
        q(OrderQuery {
            fulfillment_channel: Some(FulfillmentChannel::Amazon),
            ..OrderQuery::all()
        })
        .await,
        all_ids[7..8].to_vec()
    );
    assert_eq!(q(OrderQuery::all().seller("nobody")).await, Vec::<String>::new());
    let combined = OrderQuery::all()
        .marketplace("ATVPDKIKX0DER")
        .hub_status(HubStatus::New)
        .folder("Rush");
    assert_eq!(q(combined.clone()).await, all_ids[3..4].to_vec());
    assert_eq!(store.count_orders(&combined).await.unwrap(), 1);
    assert_eq!(q(OrderQuery::all().page(3, 2)).await, all_ids[2..5].to_vec());
    assert_eq!(q(OrderQuery::all().page(3, 7)).await, all_ids[7..8].to_vec());
    assert_eq!(
        store.count_orders(&OrderQuery::all().page(1, 0)).await.unwrap(),
        8
    );
    // The memory backend's matcher agrees with every backend's answer.
    let expected: Vec<String> = orders
        .iter()
        .filter(|o| combined.matches(o))
        .map(|o| o.id.0.clone())
        .collect();
    assert_eq!(q(combined).await, expected);
}

/// An order, its outbox entries and the cursor commit together; a failure midway commits nothing.
pub async fn transaction_all_or_nothing(store: Arc<dyn Store>) {
    let conn = ConnectionId::new("conn-1");
    let scope = "orders:A1PA6795UKMFR9";
    let order = sample_order(1, 3, t(0), t(10));
    let changes = ChangeSet::new()
        .import(order.clone())
        .enqueue(sample_entry("ob-1", t(10), t(10)))
        .enqueue(sample_entry("ob-2", t(10), t(10)))
        .inventory(InventoryItem::new("SKU-1", 7))
        .cursor(Cursor::new(conn.clone(), scope, Some(t(10)), t(11)));
    let report = store.commit(changes).await.unwrap();
    assert_eq!(report.orders, vec![(order.id.clone(), UpsertOutcome::Inserted)]);
    assert_eq!(report.count(UpsertOutcome::Inserted), 1);
    assert_eq!(store.get_order(&order.id).await.unwrap().unwrap(), order);
    assert_eq!(store.list_outbox(&OutboxQuery::default()).await.unwrap().len(), 2);
    assert_eq!(store.get_item("SKU-1").await.unwrap().unwrap().quantity, 7);
    let cursor = store.get_cursor(&conn, scope).await.unwrap().unwrap();
    assert_eq!(cursor.position, Some(t(10)));

    // Fails midway: the second outbox id exists already. Nothing of it may be visible.
    let second = sample_order(2, 3, t(1), t(20));
    let mut changed = order.clone();
    changed.dates.last_updated = t(20);
    changed.amazon_status = AmazonOrderStatus::Shipped;
    let failing = ChangeSet::new()
        .import(second.clone())
        .import(changed)
        .enqueue(sample_entry("ob-3", t(20), t(20)))
        .enqueue(sample_entry("ob-1", t(20), t(20)))
        .inventory(InventoryItem::new("SKU-1", 0))
        .cursor(Cursor::new(conn.clone(), scope, Some(t(20)), t(21)));
    let err = store.commit(failing).await.unwrap_err();
    assert!(
        matches!(&err, StoreError::Duplicate { id, .. } if id == "ob-1"),
        "{err:?}"
    );
    assert_eq!(store.get_order(&second.id).await.unwrap(), None);
    assert_eq!(store.get_order(&order.id).await.unwrap().unwrap(), order);
    assert_eq!(store.get_outbox(&OutboxId::new("ob-3")).await.unwrap(), None);
    assert_eq!(store.get_item("SKU-1").await.unwrap().unwrap().quantity, 7);
    assert_eq!(
        store.get_cursor(&conn, scope).await.unwrap().unwrap().position,
        Some(t(10))
    );

    // Duplicate ids within one change set are refused too.
    let dup = ChangeSet::new()
        .import(second.clone())
        .enqueue(sample_entry("ob-9", t(20), t(20)))
        .enqueue(sample_entry("ob-9", t(20), t(20)));
    assert!(matches!(
        store.commit(dup).await,
        Err(StoreError::Duplicate { .. })
    ));
    assert_eq!(store.get_order(&second.id).await.unwrap(), None);

    // A change set that requires a lease its committer does not hold writes nothing.
    let leased = ChangeSet::new()
        .import(second.clone())
        .cursor(Cursor::new(conn.clone(), scope, Some(t(30)), t(31)))
        .require_lease("import:conn-1", "worker-a", t(30));
    assert!(matches!(
        store.commit(leased.clone()).await,
        Err(StoreError::LeaseLost { .. })
    ));
    assert_eq!(store.get_order(&second.id).await.unwrap(), None);
    store
        .acquire_lease("import:conn-1", "worker-a", t(29), Duration::minutes(5))
        .await
        .unwrap()
        .unwrap();
    store.commit(leased).await.unwrap();
    assert!(store.get_order(&second.id).await.unwrap().is_some());
    assert_eq!(
        store.get_cursor(&conn, scope).await.unwrap().unwrap().position,
        Some(t(30))
    );
    // After the lease expired (virtual time), the same worker can no longer commit.
    let late = ChangeSet::new()
        .cursor(Cursor::new(conn.clone(), scope, Some(t(40)), t(40)))
        .require_lease("import:conn-1", "worker-a", t(40));
    assert!(matches!(
        store.commit(late).await,
        Err(StoreError::LeaseLost { .. })
    ));
    assert_eq!(
        store.get_cursor(&conn, scope).await.unwrap().unwrap().position,
        Some(t(30))
    );
}

/// Leases expire, renew for their holder and change hands with a growing generation. Time is injected.
pub async fn leases_expire(store: Arc<dyn Store>) {
    let ttl = Duration::seconds(30);
    let s = |secs: i64| t(0) + Duration::seconds(secs);
    let a = store
        .acquire_lease("job", "w1", s(0), ttl)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((a.holder.as_str(), a.expires_at, a.generation), ("w1", s(30), 1));
    assert_eq!(store.acquire_lease("job", "w2", s(10), ttl).await.unwrap(), None);
    let renewed = store
        .acquire_lease("job", "w1", s(20), ttl)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((renewed.expires_at, renewed.generation), (s(50), 1));
    assert_eq!(store.acquire_lease("job", "w2", s(49), ttl).await.unwrap(), None);
    let b = store
        .acquire_lease("job", "w2", s(50), ttl)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((b.holder.as_str(), b.generation), ("w2", 2));
    assert_eq!(store.get_lease("job").await.unwrap(), Some(b));
    assert_eq!(store.acquire_lease("job", "w1", s(51), ttl).await.unwrap(), None);
    assert!(!store.release_lease("job", "w1").await.unwrap());
    assert!(store.release_lease("job", "w2").await.unwrap());
    assert_eq!(store.get_lease("job").await.unwrap(), None);
    let c = store
        .acquire_lease("job", "w1", s(52), ttl)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.generation, 3);
    // Leases are independent by name.
    assert!(store
        .acquire_lease("other", "w2", s(52), ttl)
        .await
        .unwrap()
        .is_some());
}

/// Claims respect `not_before`, expire, count attempts, and move through submitted / done / failed / retry.
pub async fn outbox_lifecycle(store: Arc<dyn Store>) {
    let entries = vec![
        sample_entry("e1", t(0), t(0)),
        sample_entry("e2", t(1), t(0)),
        sample_entry("e3", t(2), t(5)),
        sample_entry("e4", t(3), t(60)),
    ];
    store.enqueue(&entries).await.unwrap();
    assert!(matches!(
        store.enqueue(&entries[..1]).await,
        Err(StoreError::Duplicate { .. })
    ));
    let ttl = Duration::minutes(10);
    let got = store.claim_due(t(5), 2, "c1", ttl).await.unwrap();
    assert_eq!(
        got.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["e1", "e2"]
    );
    assert!(got.iter().all(|e| e.attempts == 1));
    let got = store.claim_due(t(5), 10, "c2", ttl).await.unwrap();
    assert_eq!(got.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e3"]);
    assert!(store.claim_due(t(6), 10, "c3", ttl).await.unwrap().is_empty());
    store
        .mark_submitted(&[OutboxId::new("e1")], "feed-1")
        .await
        .unwrap();
    // Claims of c1 expire at t(15): e2 comes back with a second attempt; e1 is submitted and does not.
    let got = store.claim_due(t(15), 10, "c3", ttl).await.unwrap();
    assert_eq!(
        got.iter()
            .map(|e| (e.id.as_str(), e.attempts))
            .collect::<Vec<_>>(),
        [("e2", 2), ("e3", 2)]
    );
    store.mark_done(&[OutboxId::new("e1")]).await.unwrap();
    store
        .mark_failed(&OutboxId::new("e2"), "Amazon: invalid SKU", false)
        .await
        .unwrap();
    store.retry_at(&OutboxId::new("e3"), t(100)).await.unwrap();
    let e1 = store.get_outbox(&OutboxId::new("e1")).await.unwrap().unwrap();
    assert_eq!(e1.status, OutboxStatus::Done);
    let e2 = store.get_outbox(&OutboxId::new("e2")).await.unwrap().unwrap();
    assert_eq!(
        e2.status,
        OutboxStatus::Failed {
            message: "Amazon: invalid SKU".into(),
            retryable: false
        }
    );
    let e3 = store.get_outbox(&OutboxId::new("e3")).await.unwrap().unwrap();
    assert_eq!(
        (e3.status.clone(), e3.not_before, e3.attempts),
        (OutboxStatus::Pending, t(100), 2)
    );
    assert_eq!(e3.payload, entries[2].payload);
    let got = store.claim_due(t(99), 10, "c4", ttl).await.unwrap();
    assert_eq!(got.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e4"]);
    let got = store.claim_due(t(100), 10, "c4", ttl).await.unwrap();
    assert_eq!(got.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["e3"]);
    let pending = store
        .list_outbox(&OutboxQuery {
            state: Some(OutboxState::Pending),
            ..Default::default()
        })
        .await;
    assert_eq!(pending.unwrap().len(), 2);
    let failed = store
        .list_outbox(&OutboxQuery {
            state: Some(OutboxState::Failed),
            ..Default::default()
        })
        .await;
    assert_eq!(
        failed.unwrap().iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["e2"]
    );
    let other = OutboxQuery {
        connection_id: Some(ConnectionId::new("conn-2")),
        ..Default::default()
    };
    assert!(store.list_outbox(&other).await.unwrap().is_empty());
    assert!(matches!(
        store.mark_done(&[OutboxId::new("nope")]).await,
        Err(StoreError::NotFound { .. })
    ));
    assert!(matches!(
        store.retry_at(&OutboxId::new("nope"), t(0)).await,
        Err(StoreError::NotFound { .. })
    ));
}

/// Claimers racing on the same due entries never get the same entry.
pub async fn outbox_claims_are_exclusive(store: Arc<dyn Store>) {
    let entries: Vec<OutboxEntry> = (0..60)
        .map(|i| sample_entry(&format!("race-{i:03}"), t(i), t(0)))
        .collect();
    store.enqueue(&entries).await.unwrap();
    let mut tasks = Vec::new();
    for w in 0..4 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let got = store
                    .claim_due(t(100), 4, &format!("w{w}"), Duration::minutes(10))
                    .await
                    .unwrap();
                if got.is_empty() {
                    break;
                }
                mine.extend(got.into_iter().map(|e| e.id.0));
                tokio::task::yield_now().await;
            }
            mine
        }));
    }
    let mut seen = HashSet::new();
    let mut total = 0;
    for task in tasks {
        for id in task.await.unwrap() {
            total += 1;
            assert!(seen.insert(id.clone()), "{id} was handed to two claimers");
        }
    }
    assert_eq!(total, 60);
    assert_eq!(seen.len(), 60);
}

/// Workers racing for one lease at the same instant: exactly one gets it.
pub async fn lease_race(store: Arc<dyn Store>) {
    let mut tasks = Vec::new();
    for w in 0..8 {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            store
                .acquire_lease("import:race", &format!("w{w}"), t(0), Duration::minutes(1))
                .await
                .unwrap()
        }));
    }
    let mut winners = Vec::new();
    for task in tasks {
        if let Some(lease) = task.await.unwrap() {
            winners.push(lease);
        }
    }
    assert_eq!(winners.len(), 1, "{winners:?}");
    assert_eq!(
        store.get_lease("import:race").await.unwrap().as_ref(),
        winners.first()
    );
}

/// The feed log records, updates and lists submissions.
pub async fn feed_log(store: Arc<dyn Store>) {
    let record = |id: &str, at: i64, conn: &str| FeedRecord {
        id: id.into(),
        connection_id: ConnectionId::new(conn),
        seller_id: SellerId::new("A2SELLER000001"),
        feed_type: "POST_ORDER_FULFILLMENT_DATA".into(),
        amazon_feed_id: None,
        submitted_at: t(at),
        entries: vec![OutboxId::new("e1")],
        status: FeedStatus::Submitted,
        summary: None,
        finished_at: None,
    };
    store.record_feed(&record("f1", 1, "conn-1")).await.unwrap();
    store.record_feed(&record("f2", 2, "conn-1")).await.unwrap();
    store.record_feed(&record("f3", 3, "conn-2")).await.unwrap();
    assert!(matches!(
        store.record_feed(&record("f1", 9, "conn-1")).await,
        Err(StoreError::Duplicate { .. })
    ));
    let mut done = record("f1", 1, "conn-1");
    done.status = FeedStatus::Done;
    done.amazon_feed_id = Some("50001".into());
    done.summary = Some(FeedResultSummary {
        processed: 1,
        successful: 1,
        errors: 0,
        warnings: 0,
    });
    done.finished_at = Some(t(30));
    store.update_feed(&done).await.unwrap();
    assert_eq!(store.get_feed("f1").await.unwrap(), Some(done));
    assert!(matches!(
        store.update_feed(&record("f9", 1, "c")).await,
        Err(StoreError::NotFound { .. })
    ));
    let list = store.list_feeds(&FeedLogQuery::default()).await.unwrap();
    assert_eq!(
        list.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ["f3", "f2", "f1"]
    );
    let conn1 = FeedLogQuery {
        connection_id: Some(ConnectionId::new("conn-1")),
        ..Default::default()
    };
    assert_eq!(store.list_feeds(&conn1).await.unwrap().len(), 2);
    let submitted = FeedLogQuery {
        status: Some(FeedStatus::Submitted),
        limit: Some(1),
        ..Default::default()
    };
    assert_eq!(
        store
            .list_feeds(&submitted)
            .await
            .unwrap()
            .iter()
            .map(|r| r.id.as_str())
            .collect::<Vec<_>>(),
        ["f3"]
    );
    assert_eq!(store.get_feed("f9").await.unwrap(), None);
}

/// Inventory items and cursors round-trip and replace.
pub async fn inventory_and_cursors(store: Arc<dyn Store>) {
    let mut item = InventoryItem::new("SKU-B", 3);
    item.metadata.set(keys::AMAZON_SKIP, "1");
    item.price = Some(Money::new(Decimal::new(1250, 2), Currency::GBP));
    store
        .put_items(&[item.clone(), InventoryItem::new("SKU-A", 1)])
        .await
        .unwrap();
    assert_eq!(store.get_item("SKU-B").await.unwrap(), Some(item.clone()));
    item.quantity = 0;
    store.put_items(std::slice::from_ref(&item)).await.unwrap();
    let all = store.list_items().await.unwrap();
    assert_eq!(
        all.iter()
            .map(|i| (i.sku.as_str(), i.quantity))
            .collect::<Vec<_>>(),
        [("SKU-A", 1), ("SKU-B", 0)]
    );
    assert_eq!(store.get_item("SKU-Z").await.unwrap(), None);

    let conn = ConnectionId::new("conn-1");
    assert_eq!(store.get_cursor(&conn, "fba_stock").await.unwrap(), None);
    let mut c = Cursor::new(conn.clone(), "fba_stock", None, t(1));
    c.token = Some("next-page-token".into());
    store.put_cursor(&c).await.unwrap();
    assert_eq!(
        store.get_cursor(&conn, "fba_stock").await.unwrap(),
        Some(c.clone())
    );
    c.position = Some(t(2));
    c.token = None;
    store.put_cursor(&c).await.unwrap();
    assert_eq!(store.get_cursor(&conn, "fba_stock").await.unwrap(), Some(c));
    assert_eq!(
        store
            .get_cursor(&ConnectionId::new("conn-2"), "fba_stock")
            .await
            .unwrap(),
        None
    );
}

/// Connections round-trip with their settings; saving replaces; the health changes alone.
pub async fn connections(store: Arc<dyn Store>) {
    let conn = |id: &str, seller: &str| Connection {
        id: ConnectionId::new(id),
        seller_id: SellerId::new(seller),
        region: AmazonRegion::Eu,
        marketplaces: vec![
            MarketplaceId::new("A1PA6795UKMFR9"),
            MarketplaceId::new("A13V1IB3VIYZZH"),
        ],
        alias: Some(format!("shop {id}")),
        settings: ConnectionSettings::default(),
        health: ConnectionHealth::Incomplete,
    };
    let a_id = ConnectionId::new("conn-a");
    assert_eq!(store.get_connection(&a_id).await.unwrap(), None);
    assert!(store.list_connections().await.unwrap().is_empty());
    assert!(matches!(
        store.set_connection_health(&a_id, &ConnectionHealth::Live).await,
        Err(StoreError::NotFound { .. })
    ));

    let mut b = conn("conn-b", "A2SELLER000002");
    b.region = AmazonRegion::Na;
    b.marketplaces = vec![MarketplaceId::new("ATVPDKIKX0DER")];
    b.alias = None;
    b.settings.orders_api = OrdersApiVersion::V0;
    b.settings.orders_schedule = Cadence::Every2Hours;
    b.settings.import_amazon_fulfilled = true;
    b.settings.statuses = vec![AmazonOrderStatus::Shipped];
    b.settings.import_from = Some(t(-600));
    b.settings.history_days = 7;
    b.settings.order_number_prefix = Some("AMZ-".into());
    b.settings.product_identifier = ProductIdentifier::Asin;
    b.health = ConnectionHealth::Live;
    let mut a = conn("conn-a", "A2SELLER000001");
    store.save_connection(&b).await.unwrap();
    store.save_connection(&a).await.unwrap();
    assert_eq!(store.get_connection(&a_id).await.unwrap(), Some(a.clone()));
    assert_eq!(store.get_connection(&b.id).await.unwrap(), Some(b.clone()));
    assert_eq!(store.list_connections().await.unwrap(), [a.clone(), b.clone()]);

    // The health changes alone.
    let reauth = ConnectionHealth::NeedsReauthorization { since: t(5) };
    store.set_connection_health(&a_id, &reauth).await.unwrap();
    let loaded = store.get_connection(&a_id).await.unwrap().unwrap();
    assert_eq!(loaded.health, reauth);
    assert_eq!(loaded.settings, a.settings);
    assert_eq!(store.get_connection(&b.id).await.unwrap(), Some(b.clone()));

    // Saving replaces everything, health included.
    a.alias = Some("renamed".into());
    a.settings.history_days = 90;
    a.health = ConnectionHealth::Live;
    store.save_connection(&a).await.unwrap();
    assert_eq!(store.get_connection(&a_id).await.unwrap(), Some(a.clone()));
    assert_eq!(store.list_connections().await.unwrap(), [a, b]);
}

/// Generates one `#[tokio::test]` per conformance check. `$make` is an async expression (evaluated once
/// per test) that yields `Option<(Arc<dyn Store>, G)>`, where `G` is anything to keep alive until the test
/// ends (a guard that drops a temporary schema, or `()`); `None` skips the test (for example when no
/// database is configured).
#[macro_export]
#[doc(hidden)]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!(@one $make; idempotent_upsert, older_never_overwrites_newer, queries,
            transaction_all_or_nothing, leases_expire, lease_race, outbox_lifecycle, outbox_claims_are_exclusive, feed_log,
            inventory_and_cursors, connections);
    };
    (@one $make:expr; $($name:ident),*) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() {
                if let Some((store, guard)) = $make {
                    $crate::store::conformance::$name(store).await;
                    drop(guard);
                }
            }
        )*
    };
}
