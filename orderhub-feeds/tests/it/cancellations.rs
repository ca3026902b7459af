//! Cancellations: debounce window, one feed, reasons, refusals.

use chrono::Duration;
use orderhub_core::policy::outbound::{
    BatchKind, DeferReason, OutboundFeedType, OutboundInput, OutboundPlanner, RefusalReason,
};
use orderhub_core::CancelReason;
use orderhub_feeds::FeedPlanner;

use crate::support::*;

#[test]
fn close_cancellations_wait_for_the_window_then_share_one_feed() {
    let first = t0();
    let pending = [
        cancel(
            "x1",
            "111-1111111-1111111",
            &[("10000000000001", CancelReason::NoInventory)],
            first,
        ),
        cancel(
            "x2",
            "111-2222222-2222222",
            &[("10000000000002", CancelReason::ShippingAddressUndeliverable)],
            first + Duration::minutes(3),
        ),
    ];
    let planner = FeedPlanner::default();
    // Four minutes after the first: both wait until five minutes after the first.
    let plan = planner.plan(&OutboundInput::new(&pending[..1], first + Duration::minutes(4)));
    assert!(plan.batches.is_empty());
    assert_eq!(plan.deferred[0].reason, DeferReason::Debounce);
    assert_eq!(plan.next_check_at, Some(first + Duration::minutes(5)));
    let plan = planner.plan(&OutboundInput::new(&pending, first + Duration::minutes(4)));
    assert!(plan.batches.is_empty());
    assert_eq!(plan.deferred.len(), 2);
    assert_eq!(plan.next_check_at, Some(first + Duration::minutes(5)));

    // At five minutes both go in one feed, even though the second is only two minutes old.
    let plan = planner.plan(&OutboundInput::new(&pending, first + Duration::minutes(5)));
    assert_eq!(plan.batches.len(), 1, "{plan:#?}");
    let batch = &plan.batches[0];
    assert_eq!(
        batch.kind,
        BatchKind::Feed(OutboundFeedType::OrderAcknowledgement)
    );
    assert_eq!(ids(&batch.entries), ["x1", "x2"]);
    let doc = body(batch);
    assert!(doc.contains("<StatusCode>Failure</StatusCode>"));
    assert!(doc.contains("<CancelReason>ShippingAddressUndeliverable</CancelReason>"));
    insta::assert_snapshot!("order_acknowledgement_feed", doc);
}

#[test]
fn the_window_is_configurable() {
    let pending = [cancel("x1", "111-1111111-1111111", &[], t0())];
    let planner = FeedPlanner::new(orderhub_feeds::PlannerConfig {
        cancel_debounce: Duration::zero(),
        ..Default::default()
    });
    let plan = planner.plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches.len(), 1);
    // A whole-order cancel has no items.
    assert!(!body(&plan.batches[0]).contains("<Item>"));
}

#[test]
fn shipped_orders_are_not_canceled_and_duplicates_collapse() {
    let shipped = sent(confirm(
        "c1",
        shipment("s1", "111-1111111-1111111", Some("T"), &[("A", 1)]),
    ));
    let pending = [
        cancel("x1", "111-1111111-1111111", &[], t0() - Duration::minutes(10)),
        cancel(
            "x2",
            "111-2222222-2222222",
            &[("B", CancelReason::BuyerCanceled)],
            t0() - Duration::minutes(9),
        ),
        cancel(
            "x3",
            "111-2222222-2222222",
            &[("B", CancelReason::BuyerCanceled)],
            t0() - Duration::minutes(8),
        ),
        cancel(
            "x4",
            "111-2222222-2222222",
            &[("C", CancelReason::BuyerCanceled)],
            t0() - Duration::minutes(7),
        ),
        cancel("x5", "bad id", &[], t0() - Duration::minutes(7)),
    ];
    let history = [shipped];
    let plan = FeedPlanner::default().plan(&OutboundInput::new(&pending, t0()).sent(&history));
    assert!(matches!(
        refused(&plan, "x1"),
        RefusalReason::CancelAfterShipment { .. }
    ));
    assert!(matches!(refused(&plan, "x3"), RefusalReason::Superseded { by } if by.as_str() == "x2"));
    assert!(matches!(
        refused(&plan, "x5"),
        RefusalReason::InvalidCancellation { .. }
    ));
    assert_eq!(ids(&plan.batches[0].entries), ["x2"]);
    let d = plan.deferred.iter().find(|d| d.entry.as_str() == "x4").unwrap();
    assert_eq!(d.reason, DeferReason::SameOrderInFeed);
}
