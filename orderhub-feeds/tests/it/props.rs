//! Property tests: no entry lost or duplicated, every limit holds; report parsers never panic.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use chrono::Duration;
use orderhub_core::policy::outbound::{
    BatchKind, BatchPayload, OutboundInput, OutboundPlan, OutboundPlanner, UnknownSku,
};
use orderhub_core::{
    CancelReason, ConnectionId, Currency, FeedRecord, FeedStatus, MarketplaceId, OutboxEntry, OutboxId,
    OutboxPayload, OutboxStatus, SellerId,
};
use orderhub_feeds::{
    parse_listings_report, parse_processing_report, ConfirmationMode, FeedLimits, FeedPlanner, PlannerConfig,
};
use proptest::prelude::*;
use quick_xml::events::Event;

use crate::listings::Schemas;
use crate::support::sent as sent_entry;
use crate::support::*;

fn schemas() -> &'static Schemas {
    static S: OnceLock<Schemas> = OnceLock::new();
    S.get_or_init(Schemas::load)
}

const REASONS: [CancelReason; 3] = [
    CancelReason::NoInventory,
    CancelReason::BuyerCanceled,
    CancelReason::CustomerExchange,
];

fn order_id(n: u8) -> String {
    format!("111-{:07}-{:07}", n, u32::from(n) * 7)
}

#[derive(Debug, Clone)]
enum Spec {
    Stock {
        market: u8,
        sku: u8,
        qty: u32,
    },
    Price {
        market: u8,
        sku: u8,
        cents: i64,
    },
    Ship {
        order: u8,
        shipment: u8,
        tracking: Option<u8>,
        lines: Vec<(u8, u32)>,
    },
    Cancel {
        order: u8,
        lines: Vec<u8>,
    },
}

fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        4 => (0u8..3, 0u8..30, 0u32..1000).prop_map(|(market, sku, qty)| Spec::Stock { market, sku, qty }),
        2 => (0u8..3, 0u8..30, -100i64..100_000).prop_map(|(market, sku, cents)| Spec::Price { market, sku, cents }),
        3 => (0u8..8, 0u8..12, proptest::option::of(0u8..4), proptest::collection::vec((0u8..3, 0u32..3), 0..3))
            .prop_map(|(order, shipment, tracking, lines)| Spec::Ship { order, shipment, tracking, lines }),
        2 => (0u8..8, proptest::collection::vec(0u8..3, 0..3)).prop_map(|(order, lines)| Spec::Cancel { order, lines }),
    ]
}

#[derive(Debug, Clone)]
struct Gen {
    spec: Spec,
    seller: u8,
    age_min: i64,
    delay_min: i64,
    done: bool,
}

fn gen() -> impl Strategy<Value = Gen> {
    (
        spec(),
        0u8..2,
        0i64..60,
        prop_oneof![3 => Just(0i64), 1 => 0i64..15],
        proptest::bool::weighted(0.05),
    )
        .prop_map(|(spec, seller, age_min, delay_min, done)| Gen {
            spec,
            seller,
            age_min,
            delay_min,
            done,
        })
}

fn market(m: u8) -> &'static str {
    [US, DE, "A1VC38T7YXB528"][usize::from(m % 3)]
}

fn build(i: usize, g: &Gen) -> OutboxEntry {
    let payload = match &g.spec {
        Spec::Stock { market: m, sku, qty } => OutboxPayload::InventoryUpdate {
            marketplace_id: MarketplaceId::new(market(*m)),
            sku: format!("SKU-{sku}"),
            quantity: *qty,
            handling_time_days: (qty % 3 == 0).then_some(2),
        },
        Spec::Price {
            market: m,
            sku,
            cents,
        } => OutboxPayload::PriceUpdate {
            marketplace_id: MarketplaceId::new(market(*m)),
            sku: format!("SKU-{sku}"),
            price: orderhub_core::Money::new(rust_decimal::Decimal::new(*cents, 2), Currency::EUR),
        },
        Spec::Ship {
            order,
            shipment: s,
            tracking,
            lines,
        } => {
            let lines: Vec<(String, u32)> = lines
                .iter()
                .map(|(l, q)| (format!("1000000000000{l}"), *q))
                .collect();
            let refs: Vec<(&str, u32)> = lines.iter().map(|(l, q)| (l.as_str(), *q)).collect();
            let tracking = tracking.map(|t| format!("TRK{t}"));
            OutboxPayload::ShipmentConfirmation {
                marketplace_id: MarketplaceId::new(US),
                shipment: shipment(&format!("shp-{s}"), &order_id(*order), tracking.as_deref(), &refs),
            }
        }
        Spec::Cancel { order, lines } => OutboxPayload::Cancellation {
            order_id: orderhub_core::AmazonOrderId::new(order_id(*order)),
            lines: lines
                .iter()
                .map(|l| orderhub_core::CancelLine {
                    order_item_id: orderhub_core::OrderItemId::new(format!("1000000000000{l}")),
                    reason: REASONS[usize::from(*l % 3)],
                })
                .collect(),
            reason: CancelReason::NoInventory,
        },
    };
    let created = t0() - Duration::minutes(g.age_min);
    let mut e = entry(&format!("ob-{i:04}"), payload, created);
    e.seller_id = SellerId::new(format!("SELLER{}", g.seller));
    e.connection_id = ConnectionId::new(format!("conn-{}", g.seller));
    e.not_before = created + Duration::minutes(g.delay_min);
    if g.done {
        e.status = OutboxStatus::Done;
    }
    e
}

const FEED_TYPES: [&str; 4] = [
    "POST_ORDER_FULFILLMENT_DATA",
    "POST_ORDER_ACKNOWLEDGEMENT_DATA",
    "JSON_LISTINGS_FEED",
    "API:confirmShipment",
];

fn recent() -> impl Strategy<Value = Vec<FeedRecord>> {
    proptest::collection::vec((0usize..4, 0u8..2, 0i64..45), 0..4).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (t, seller, ago))| {
                let mut r = record(
                    &format!("f{i}"),
                    FEED_TYPES[t],
                    t0() - Duration::minutes(ago),
                    &[],
                );
                r.seller_id = SellerId::new(format!("SELLER{seller}"));
                r.connection_id = ConnectionId::new(format!("conn-{seller}"));
                r
            })
            .collect()
    })
}

fn config() -> impl Strategy<Value = PlannerConfig> {
    (
        proptest::bool::ANY,
        1usize..20,
        500usize..6000,
        1usize..6,
        1usize..3,
    )
        .prop_map(
            |(feed, max_messages, max_bytes, max_calls, split)| PlannerConfig {
                confirmation_mode: if feed {
                    ConfirmationMode::Feed
                } else {
                    ConfirmationMode::Api
                },
                limits: FeedLimits {
                    max_messages,
                    max_bytes,
                    max_calls,
                },
                max_packages_per_line: split,
                ..PlannerConfig::default()
            },
        )
}

/// Checks every invariant of a plan; returns a description of the first violation.
fn check(cfg: &PlannerConfig, input: &OutboundInput<'_>, plan: &OutboundPlan) -> Result<(), TestCaseError> {
    let by_id: HashMap<&OutboxId, &OutboxEntry> = input.pending.iter().map(|e| (&e.id, e)).collect();
    // 1. Every entry exactly once.
    let mut seen: BTreeMap<&OutboxId, usize> = BTreeMap::new();
    for id in plan
        .batches
        .iter()
        .flat_map(|b| b.entries.iter())
        .chain(plan.refusals.iter().map(|r| &r.entry))
        .chain(plan.deferred.iter().map(|d| &d.entry))
    {
        *seen.entry(id).or_default() += 1;
    }
    for e in input.pending {
        prop_assert_eq!(
            seen.get(&e.id).copied(),
            Some(1),
            "entry {} placed {:?} times",
            e.id,
            seen.get(&e.id)
        );
    }
    prop_assert_eq!(seen.len(), input.pending.len(), "unknown ids in the plan");

    // 2. Limits, one feed per type per seller, throttling, message ids.
    let interval = cfg.min_feed_interval;
    let mut feeds_per_key: BTreeSet<(String, String, &str)> = BTreeSet::new();
    let mut shipments_sent = BTreeSet::new();
    let mut orders_sent = BTreeSet::new();
    let sent_orders: BTreeSet<(String, String)> = input
        .sent
        .iter()
        .filter_map(|e| match &e.payload {
            OutboxPayload::ShipmentConfirmation { shipment, .. } => {
                Some((e.seller_id.to_string(), shipment.order_id.to_string()))
            }
            _ => None,
        })
        .collect();
    for b in &plan.batches {
        prop_assert!(!b.entries.is_empty());
        for id in &b.entries {
            let e = by_id[id];
            prop_assert_eq!(e.status.clone(), OutboxStatus::Pending);
            prop_assert!(e.not_before <= input.now);
            prop_assert_eq!(&e.seller_id, &b.seller_id);
        }
        match (&b.kind, &b.payload) {
            (BatchKind::ConfirmShipmentCalls, BatchPayload::ConfirmShipments(calls)) => {
                prop_assert!(calls.len() <= cfg.limits.max_calls);
                prop_assert_eq!(calls.len(), b.entries.len());
                for c in calls {
                    let v: serde_json::Value =
                        serde_json::from_str(&c.body).map_err(|e| TestCaseError::fail(e.to_string()))?;
                    prop_assert!(v["packageDetail"]["trackingNumber"].is_string());
                    let r: u64 = v["packageDetail"]["packageReferenceId"]
                        .as_str()
                        .unwrap_or("0")
                        .parse()
                        .unwrap_or(0);
                    prop_assert!(r >= 1);
                }
            }
            (BatchKind::Feed(t), BatchPayload::Feed(doc)) => {
                prop_assert!(b.entries.len() <= cfg.limits.max_messages);
                prop_assert!(
                    doc.body.len() <= cfg.limits.max_bytes,
                    "{} > {}",
                    doc.body.len(),
                    cfg.limits.max_bytes
                );
                prop_assert!(
                    feeds_per_key.insert((b.connection_id.to_string(), b.seller_id.to_string(), t.as_str())),
                    "two feeds of {} for one seller in one plan",
                    t
                );
                for r in input.recent.iter().filter(|r| {
                    r.feed_type == t.as_str()
                        && r.seller_id == b.seller_id
                        && r.connection_id == b.connection_id
                }) {
                    prop_assert!(
                        r.submitted_at + interval <= input.now,
                        "feed {} sent inside the interval",
                        t
                    );
                }
                check_document(b, doc.body.as_str(), &by_id)?;
            }
            _ => prop_assert!(false, "kind and payload disagree"),
        }
        for id in &b.entries {
            if let OutboxPayload::ShipmentConfirmation { shipment, .. } = &by_id[id].payload {
                prop_assert!(
                    shipments_sent.insert(shipment.id.clone()),
                    "shipment {} twice",
                    shipment.id
                );
                let key = (b.seller_id.to_string(), shipment.order_id.to_string());
                prop_assert!(
                    !sent_orders.contains(&key),
                    "order {} confirmed again",
                    shipment.order_id
                );
                orders_sent.insert(shipment.order_id.clone());
            }
        }
    }
    // 3. next_check_at.
    let min_until = plan.deferred.iter().filter_map(|d| d.until).min();
    prop_assert_eq!(plan.next_check_at, min_until);
    for d in &plan.deferred {
        if let Some(u) = d.until {
            prop_assert!(
                u > input.now || by_id[&d.entry].not_before > input.now,
                "deferred to the past: {:?}",
                d
            );
        }
    }
    Ok(())
}

fn check_document(
    b: &orderhub_core::policy::outbound::OutboundBatch,
    body: &str,
    by_id: &HashMap<&OutboxId, &OutboxEntry>,
) -> Result<(), TestCaseError> {
    if body.starts_with('{') {
        schemas().check(body);
        let v: serde_json::Value =
            serde_json::from_str(body).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let messages = v["messages"].as_array().cloned().unwrap_or_default();
        prop_assert_eq!(messages.len(), b.entries.len());
        for (i, (m, id)) in messages.iter().zip(&b.entries).enumerate() {
            prop_assert_eq!(m["messageId"].as_u64(), Some(i as u64 + 1));
            let sku = match &by_id[id].payload {
                OutboxPayload::InventoryUpdate { sku, .. } | OutboxPayload::PriceUpdate { sku, .. } => {
                    sku.clone()
                }
                _ => String::new(),
            };
            prop_assert_eq!(m["sku"].as_str(), Some(sku.as_str()));
        }
    } else {
        // Well-formed XML whose i-th message carries entries[i]'s order.
        let mut reader = quick_xml::Reader::from_str(body);
        let mut path: Vec<String> = Vec::new();
        let mut message_ids = Vec::new();
        let mut orders = Vec::new();
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => path.push(String::from_utf8_lossy(e.name().as_ref()).into_owned()),
                Ok(Event::End(_)) => {
                    path.pop();
                }
                Ok(Event::Text(t)) => {
                    let text = t
                        .unescape()
                        .map_err(|e| TestCaseError::fail(e.to_string()))?
                        .into_owned();
                    match path.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                        [.., "Message", "MessageID"] => message_ids.push(text),
                        [.., "AmazonOrderID"] => orders.push(text),
                        _ => {}
                    }
                }
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(e) => return Err(TestCaseError::fail(format!("bad XML: {e}"))),
            }
        }
        let expected: Vec<String> = (1..=b.entries.len()).map(|i| i.to_string()).collect();
        prop_assert_eq!(message_ids, expected);
        let expected_orders: Vec<String> = b
            .entries
            .iter()
            .map(|id| match &by_id[id].payload {
                OutboxPayload::ShipmentConfirmation { shipment, .. } => shipment.order_id.to_string(),
                OutboxPayload::Cancellation { order_id, .. } => order_id.to_string(),
                _ => String::new(),
            })
            .collect();
        prop_assert_eq!(orders, expected_orders);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn no_entry_is_lost_or_duplicated_and_limits_hold(
        gens in proptest::collection::vec(gen(), 0..60),
        sent_gens in proptest::collection::vec((0u8..8, 0u8..12), 0..3),
        recent in recent(),
        cfg in config(),
        now_offset in 0i64..30,
        unknown in proptest::collection::vec(0u8..30, 0..3),
    ) {
        let pending: Vec<OutboxEntry> = gens.iter().enumerate().map(|(i, g)| build(i, g)).collect();
        let sent: Vec<OutboxEntry> = sent_gens
            .iter()
            .enumerate()
            .map(|(i, (o, s))| {
                let mut e = sent_entry(confirm(&format!("sent-{i}"), shipment(&format!("shp-{s}"), &order_id(*o), Some("OLD"), &[("10000000000000", 1)])));
                e.seller_id = SellerId::new("SELLER0");
                e.connection_id = ConnectionId::new("conn-0");
                e
            })
            .collect();
        let unknown: Vec<UnknownSku> = unknown
            .iter()
            .map(|s| UnknownSku { seller_id: SellerId::new("SELLER1"), marketplace_id: None, sku: format!("SKU-{s}") })
            .collect();
        let now = t0() + Duration::minutes(now_offset);
        let input = OutboundInput::new(&pending, now).sent(&sent).recent(&recent).unknown_skus(&unknown);
        let planner = FeedPlanner::new(cfg.clone());
        let plan = planner.plan(&input);
        check(&cfg, &input, &plan)?;
        // Pure: the same input gives the same plan.
        prop_assert_eq!(plan, planner.plan(&input));
    }

    #[test]
    fn parsers_never_panic_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_processing_report(&bytes);
        let _ = parse_listings_report(&bytes);
    }

    #[test]
    fn parsers_never_panic_on_mutated_reports(
        which in 0usize..2,
        cuts in proptest::collection::vec((0usize..2000, 0usize..20, "[<>&;/\"{}\\[\\]:,0-9a-zA-Z ]{0,6}"), 0..6),
        entries in 0usize..8,
    ) {
        let base = if which == 0 {
            include_str!("../data/listings-feed-processing-report-schema-v2.example.json").to_owned()
        } else {
            VALID_XML.to_owned()
        };
        let mut doc = base;
        for (at, len, insert) in cuts {
            let at = floor_char_boundary(&doc, at.min(doc.len()));
            let end = floor_char_boundary(&doc, (at + len).min(doc.len()));
            doc.replace_range(at..end, &insert);
        }
        let _ = parse_processing_report(doc.as_bytes());
        let _ = parse_listings_report(doc.as_bytes());
        // And through the planner, tied back to a record of any size.
        let carried: Vec<OutboxEntry> = (0..entries).map(|i| stock(&format!("m{i}"), US, "S", 1)).collect();
        let ids: Vec<&OutboxId> = carried.iter().map(|e| &e.id).collect();
        for feed_type in ["JSON_LISTINGS_FEED", "POST_ORDER_FULFILLMENT_DATA"] {
            let mut rec = record("f", feed_type, t0(), &ids);
            rec.status = FeedStatus::Submitted;
            if let Ok(out) = FeedPlanner::default().read_report(&rec, &carried, doc.as_bytes()) {
                prop_assert_eq!(out.entries.len(), entries);
            }
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const VALID_XML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">
  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>A1</MerchantIdentifier></Header>
  <MessageType>ProcessingReport</MessageType>
  <Message><MessageID>1</MessageID>
    <ProcessingReport>
      <DocumentTransactionID>1</DocumentTransactionID>
      <StatusCode>Complete</StatusCode>
      <ProcessingSummary><MessagesProcessed>3</MessagesProcessed><MessagesSuccessful>2</MessagesSuccessful>
        <MessagesWithError>1</MessagesWithError><MessagesWithWarning>1</MessagesWithWarning></ProcessingSummary>
      <Result><MessageID>2</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>18028</ResultMessageCode>
        <ResultDescription><![CDATA[bad <data>]]></ResultDescription>
        <AdditionalInfo><SKU>S</SKU><AmazonOrderID>111-2222222-3333333</AmazonOrderID></AdditionalInfo></Result>
      <Result><MessageID>3</MessageID><ResultCode>Warning</ResultCode><ResultDescription>w &amp; x</ResultDescription></Result>
    </ProcessingReport>
  </Message>
</AmazonEnvelope>"#;
