//! Shipment confirmations: API bodies and XML feed, refusals, combined shipments.

use std::sync::Arc;

use chrono::Duration;
use orderhub_core::policy::outbound::{
    BatchKind, BatchPayload, DeferReason, OutboundFeedType, OutboundInput, OutboundPlanner, PlanWarning,
    RefusalReason,
};
use orderhub_core::{MarketplaceId, OutboxStatus};
use orderhub_feeds::{Carrier, ConfirmationMode, FeedPlanner, PlannerConfig};

use crate::support::*;

fn api() -> FeedPlanner {
    FeedPlanner::default()
}

fn feed() -> FeedPlanner {
    FeedPlanner::new(PlannerConfig {
        confirmation_mode: ConfirmationMode::Feed,
        ..PlannerConfig::default()
    })
}

#[test]
fn api_bodies_match_confirm_shipment_request() {
    let pending = [
        confirm(
            "c1",
            shipment(
                "s1",
                "111-1111111-1111111",
                Some("1Z999"),
                &[("10000000000001", 2)],
            ),
        ),
        confirm(
            "c2",
            shipment(
                "s2",
                "111-2222222-2222222",
                Some("1Z998"),
                &[("10000000000002", 1)],
            ),
        ),
    ];
    let plan = api().plan(&OutboundInput::new(&pending, t0()));
    assert!(plan.refusals.is_empty() && plan.deferred.is_empty(), "{plan:#?}");
    assert_eq!(plan.batches.len(), 1);
    let batch = &plan.batches[0];
    assert_eq!(batch.kind, BatchKind::ConfirmShipmentCalls);
    assert_eq!(batch.kind.log_name(), "API:confirmShipment");
    assert_eq!(ids(&batch.entries), ["c1", "c2"]);
    let BatchPayload::ConfirmShipments(calls) = &batch.payload else {
        panic!("not calls")
    };
    assert_eq!(calls[0].order_id.as_str(), "111-1111111-1111111");
    let v: serde_json::Value = serde_json::from_str(&calls[0].body).unwrap();
    assert_eq!(
        v,
        serde_json::json!({
            "marketplaceId": "ATVPDKIKX0DER",
            "packageDetail": {
                "packageReferenceId": "1",
                "carrierCode": "UPS",
                "shippingMethod": "Ground",
                "trackingNumber": "1Z999",
                "shipDate": "2026-11-27T09:30:00.000Z",
                "orderItems": [{"orderItemId": "10000000000001", "quantity": 2}]
            }
        })
    );
    insta::assert_snapshot!("confirm_shipment_body", calls[0].body);
}

#[test]
fn packages_of_one_order_go_together_with_reference_ids() {
    let pending = [
        confirm(
            "c1",
            shipment("s1", "111-1111111-1111111", Some("T1"), &[("A", 1)]),
        ),
        confirm(
            "c2",
            shipment("s2", "111-1111111-1111111", Some("T2"), &[("B", 1)]),
        ),
    ];
    let cfg = PlannerConfig {
        limits: orderhub_feeds::FeedLimits {
            max_calls: 2,
            ..Default::default()
        },
        ..PlannerConfig::default()
    };
    let plan = FeedPlanner::new(cfg).plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches.len(), 1);
    let BatchPayload::ConfirmShipments(calls) = &plan.batches[0].payload else {
        panic!()
    };
    let refs: Vec<String> = calls
        .iter()
        .map(|c| {
            serde_json::from_str::<serde_json::Value>(&c.body).unwrap()["packageDetail"]["packageReferenceId"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(refs, ["1", "2"]);
}

#[test]
fn a_second_confirmation_is_never_sent() {
    let first = confirm(
        "c1",
        shipment("s1", "111-1111111-1111111", Some("T1"), &[("A", 1)]),
    );
    let history = [sent(first)];
    // The same shipment again, and another package of the same order.
    let pending = [
        confirm(
            "c2",
            shipment("s1", "111-1111111-1111111", Some("T1"), &[("A", 1)]),
        ),
        confirm(
            "c3",
            shipment("s9", "111-1111111-1111111", Some("T9"), &[("B", 1)]),
        ),
    ];
    let plan = api().plan(&OutboundInput::new(&pending, t0()).sent(&history));
    assert!(plan.batches.is_empty());
    assert!(
        matches!(refused(&plan, "c2"), RefusalReason::ShipmentAlreadyConfirmed { previous, .. } if previous.as_str() == "c1")
    );
    let reason = refused(&plan, "c3");
    assert!(
        matches!(reason, RefusalReason::OrderAlreadyConfirmed { previous, .. } if previous.as_str() == "c1")
    );
    assert!(
        reason
            .to_string()
            .contains("accepts one shipment update per order"),
        "{reason}"
    );
    assert!(matches!(
        reason.status(),
        OutboxStatus::Failed { retryable: false, .. }
    ));
}

#[test]
fn duplicates_within_one_plan() {
    let s = shipment("s1", "111-1111111-1111111", Some("T1"), &[("A", 1)]);
    let mut changed = s.clone();
    changed.tracking_number = Some("OTHER".into());
    let pending = [confirm("c1", s.clone()), confirm("c2", s), confirm("c3", changed)];
    let plan = api().plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(ids(&plan.batches[0].entries), ["c1"]);
    assert!(matches!(refused(&plan, "c2"), RefusalReason::Superseded { by } if by.as_str() == "c1"));
    assert!(matches!(
        refused(&plan, "c3"),
        RefusalReason::InvalidShipment { .. }
    ));
}

#[test]
fn a_line_split_over_packages_is_refused() {
    let pending = [
        confirm(
            "c1",
            shipment("s1", "111-1111111-1111111", Some("T1"), &[("A", 1), ("B", 1)]),
        ),
        confirm(
            "c2",
            shipment("s2", "111-1111111-1111111", Some("T2"), &[("A", 1)]),
        ),
        confirm(
            "c3",
            shipment("s3", "111-3333333-3333333", Some("T3"), &[("C", 1)]),
        ),
    ];
    let plan = api().plan(&OutboundInput::new(&pending, t0()));
    for id in ["c1", "c2"] {
        let reason = refused(&plan, id);
        assert!(
            matches!(reason, RefusalReason::LineSplitTooFar { packages: 2, max: 1, order_item_id, .. } if order_item_id.as_str() == "A"),
            "{reason:?}"
        );
    }
    assert_eq!(ids(&plan.batches[0].entries), ["c3"]);
    // Raising the limit lets the split go, both packages in one batch.
    let cfg = PlannerConfig {
        max_packages_per_line: 2,
        ..PlannerConfig::default()
    };
    let plan = FeedPlanner::new(cfg).plan(&OutboundInput::new(&pending, t0()));
    assert!(plan.refusals.is_empty());
    assert_eq!(ids(&plan.batches[0].entries), ["c1", "c2", "c3"]);
}

#[test]
fn combined_shipments_are_sent_but_flagged() {
    let pending = [
        confirm(
            "c1",
            shipment("s1", "111-1111111-1111111", Some("1z-same"), &[("A", 1)]),
        ),
        confirm(
            "c2",
            shipment("s2", "111-2222222-2222222", Some("1Z-SAME"), &[("B", 1)]),
        ),
    ];
    let plan = api().plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches[0].entries.len(), 2);
    assert_eq!(plan.warnings.len(), 1);
    let PlanWarning::CombinedShipment { orders, entries, .. } = &plan.warnings[0] else {
        panic!()
    };
    assert_eq!(orders.len(), 2);
    assert_eq!(ids(entries), ["c1", "c2"]);
    assert!(plan.warnings[0].to_string().contains("valid tracking rate"));
}

#[test]
fn api_mode_needs_tracking_and_lines() {
    let pending = [
        confirm("c1", shipment("s1", "111-1111111-1111111", None, &[("A", 1)])),
        confirm("c2", shipment("s2", "111-2222222-2222222", Some("T"), &[])),
        confirm("c3", shipment("s3", "not-an-order", Some("T"), &[("A", 1)])),
        confirm(
            "c4",
            shipment("s4", "111-4444444-4444444", Some("T4"), &[("A", 0)]),
        ),
    ];
    let plan = api().plan(&OutboundInput::new(&pending, t0()));
    assert!(plan.batches.is_empty());
    assert!(refused(&plan, "c1").to_string().contains("no tracking number"));
    assert!(refused(&plan, "c2")
        .to_string()
        .contains("shipment_with_order_lines"));
    assert!(refused(&plan, "c3")
        .to_string()
        .contains("not an Amazon order id"));
    assert!(refused(&plan, "c4").to_string().contains("quantity 0"));
    // The feed accepts untracked packages and whole-order confirmations.
    let plan = feed().plan(&OutboundInput::new(&pending[..2], t0()));
    assert!(plan.refusals.is_empty(), "{plan:#?}");
    assert_eq!(plan.batches[0].entries.len(), 2);
}

#[test]
fn the_feed_is_typed_xml_and_throttled() {
    let mut odd = shipment(
        "s2",
        "111-2222222-2222222",
        Some("TRK<&>2"),
        &[("10000000000002", 3)],
    );
    odd.carrier = "Speedy & Sons".into();
    odd.service = None;
    let pending = [
        confirm(
            "c1",
            shipment(
                "s1",
                "111-1111111-1111111",
                Some("1Z999"),
                &[("10000000000001", 1)],
            ),
        ),
        confirm("c2", odd),
    ];
    let plan = feed().plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches.len(), 1);
    let batch = &plan.batches[0];
    assert_eq!(batch.kind, BatchKind::Feed(OutboundFeedType::OrderFulfillment));
    assert_eq!(batch.marketplace_ids, vec![MarketplaceId::new(US)]);
    let doc = body(batch);
    insta::assert_snapshot!("order_fulfillment_feed", doc);
    assert!(doc.contains("<CarrierCode>Other</CarrierCode>"));
    assert!(doc.contains("<CarrierName>Speedy &amp; Sons</CarrierName>"));

    // Another feed of the type ten minutes later waits for the 20-minute slot.
    let recent = [record(
        "f1",
        "POST_ORDER_FULFILLMENT_DATA",
        t0() - Duration::minutes(10),
        &[],
    )];
    let plan = feed().plan(&OutboundInput::new(&pending, t0()).recent(&recent));
    assert!(plan.batches.is_empty());
    assert!(plan
        .deferred
        .iter()
        .all(|d| d.reason == DeferReason::FeedThrottled));
    assert_eq!(plan.next_check_at, Some(t0() + Duration::minutes(10)));
}

#[test]
fn carriers_come_from_the_configured_resolver() {
    let cfg = PlannerConfig {
        carriers: Arc::new(|name: &str, _: &MarketplaceId| {
            if name.eq_ignore_ascii_case("ups") {
                Carrier::code("UPS")
            } else {
                Carrier::other(format!("{name} (coerced)"))
            }
        }),
        ..PlannerConfig::default()
    };
    let mut s = shipment("s1", "111-1111111-1111111", Some("T"), &[("A", 1)]);
    s.carrier = "Hermes".into();
    let pending = [confirm("c1", s)];
    let plan = FeedPlanner::new(cfg).plan(&OutboundInput::new(&pending, t0()));
    let BatchPayload::ConfirmShipments(calls) = &plan.batches[0].payload else {
        panic!()
    };
    let v: serde_json::Value = serde_json::from_str(&calls[0].body).unwrap();
    assert_eq!(v["packageDetail"]["carrierCode"], "Other");
    assert_eq!(v["packageDetail"]["carrierName"], "Hermes (coerced)");
}

#[test]
fn shipment_lines_can_be_filled_from_the_order() {
    let s = shipment("s1", "111-1111111-1111111", Some("T"), &[]);
    let mut lines = Vec::new();
    for (id, ordered, shipped) in [("A", 2u32, 0u32), ("B", 1, 1), ("C", 3, 1)] {
        let mut l = orderhub_core::OrderLine::new(id, format!("SKU-{id}"), ordered);
        l.quantity_shipped = shipped;
        lines.push(l);
    }
    let filled = orderhub_feeds::shipment_with_order_lines(&s, &lines);
    let got: Vec<(&str, u32)> = filled
        .lines
        .iter()
        .map(|l| (l.order_item_id.as_str(), l.quantity))
        .collect();
    assert_eq!(got, [("A", 2), ("C", 2)]);
    let cancel = orderhub_feeds::cancel_all_lines(&lines, orderhub_core::CancelReason::BuyerCanceled);
    assert_eq!(cancel.len(), 3);
}

#[test]
fn the_planner_is_object_safe_and_debug_is_short() {
    let planner: Box<dyn OutboundPlanner> = Box::new(feed());
    let pending = [confirm(
        "c1",
        shipment("s1", "111-1111111-1111111", Some("1Z999"), &[("A", 1)]),
    )];
    let plan = planner.plan(&OutboundInput::new(&pending, t0()));
    let debug = format!("{:?}", plan.batches[0]);
    // The document's size, not its text.
    assert!(debug.contains("bytes"), "{debug}");
    assert!(!debug.contains("<AmazonEnvelope"), "{debug}");
}
