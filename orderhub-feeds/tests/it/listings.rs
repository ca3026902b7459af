//! Stock and prices: JSON_LISTINGS_FEED documents, item metadata, limits, schema validation.

use std::collections::HashMap;

use chrono::Duration;
use orderhub_core::policy::outbound::{
    BatchKind, DeferReason, OutboundFeedType, OutboundInput, OutboundPlanner, RefusalReason, UnknownSku,
};
use orderhub_core::{keys, Currency, FulfillmentChannel, InventoryItem, MarketplaceId, SellerId};
use orderhub_feeds::{FeedLimits, FeedPlanner, PlannerConfig};
use serde_json::Value;

use crate::support::*;

pub struct Schemas {
    feed: jsonschema::Validator,
    message: jsonschema::Validator,
}

impl Schemas {
    pub fn load() -> Self {
        let load = |name: &str| -> Value {
            let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
        };
        Schemas {
            feed: jsonschema::validator_for(&load("listings-feed-schema-v2.json")).unwrap(),
            message: jsonschema::validator_for(&load("listings-feed-message-schema-v2.json")).unwrap(),
        }
    }

    /// Validates the document against the feed schema and each message against the message schema.
    pub fn check(&self, doc: &str) {
        let v: Value = serde_json::from_str(doc).unwrap();
        let errors: Vec<String> = self
            .feed
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "feed schema: {errors:?}");
        for m in v["messages"].as_array().unwrap() {
            let errors: Vec<String> = self.message.iter_errors(m).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "message schema: {errors:?} in {m}");
        }
    }
}

#[test]
fn validators_accept_the_official_example_and_reject_a_broken_message() {
    let s = Schemas::load();
    let example = include_str!("../data/listings-feed-schema-v2.example.json");
    s.check(example);
    let broken: Value = serde_json::json!({
        "header": {"sellerId": "A", "version": "2.0"},
        "messages": [{"messageId": 1, "sku": "X", "operationType": "PATCH", "productType": "PRODUCT"}]
    });
    assert!(!s.feed.is_valid(&broken), "a PATCH without patches must fail");
    assert!(!s.message.is_valid(&broken["messages"][0]));
}

#[test]
fn stock_and_prices_are_separate_messages_and_validate() {
    let pending = [
        stock("q1", US, "MUG-BLUE", 12),
        price("p1", US, "MUG-BLUE", 1999, Currency::USD),
        stock("q2", US, "MUG \"RED\"", 0),
    ];
    let cfg = PlannerConfig {
        default_handling_time_days: Some(2),
        issue_locale: Some("en_US".into()),
        ..Default::default()
    };
    let plan = FeedPlanner::new(cfg).plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches.len(), 1, "{plan:#?}");
    let batch = &plan.batches[0];
    assert_eq!(batch.kind, BatchKind::Feed(OutboundFeedType::JsonListings));
    assert_eq!(batch.marketplace_ids, vec![MarketplaceId::new(US)]);
    // Quantities first, then prices; message id i + 1 is entries[i].
    assert_eq!(ids(&batch.entries), ["q1", "q2", "p1"]);
    let doc = body(batch);
    Schemas::load().check(doc);
    let v: Value = serde_json::from_str(doc).unwrap();
    assert_eq!(v["messages"][2]["messageId"], 3);
    assert_eq!(
        v["messages"][2]["patches"][0]["path"],
        "/attributes/purchasable_offer"
    );
    assert_eq!(v["messages"][1]["sku"], "MUG \"RED\"");
    insta::assert_json_snapshot!("listings_feed", v);
    insta::assert_snapshot!("listings_feed_raw", doc);
}

#[test]
fn an_entry_larger_than_a_feed_is_refused() {
    let pending = [stock("big", US, &"X".repeat(400), 1)];
    let cfg = PlannerConfig {
        limits: FeedLimits {
            max_bytes: 300,
            ..FeedLimits::AMAZON
        },
        ..Default::default()
    };
    let plan = FeedPlanner::new(cfg).plan(&OutboundInput::new(&pending, t0()));
    assert!(plan.batches.is_empty());
    assert!(matches!(
        refused(&plan, "big"),
        RefusalReason::TooLarge { max: 300, .. }
    ));
}

#[test]
fn item_metadata_is_honoured() {
    let mut items: HashMap<String, InventoryItem> = HashMap::new();
    let mut skip = InventoryItem::new("SKIP", 5);
    skip.metadata.set(keys::AMAZON_SKIP, "1");
    let mut fba = InventoryItem::new("FBA", 5);
    fba.channel = FulfillmentChannel::Amazon;
    let mut to_afn = InventoryItem::new("TO-AFN", 5);
    to_afn.metadata.set(keys::SWITCH_FULFILLMENT_TO, "AFN");
    let mut to_mfn = InventoryItem::new("TO-MFN", 5);
    to_mfn.channel = FulfillmentChannel::Amazon;
    to_mfn.metadata.set(keys::SWITCH_FULFILLMENT_TO, "MFN");
    let mut slow = InventoryItem::new("SLOW", 5);
    slow.metadata.set(keys::FULFILLMENT_LATENCY, "7");
    for i in [skip, fba, to_afn, to_mfn, slow] {
        items.insert(i.sku.clone(), i);
    }
    let pending = [
        stock("e1", US, "SKIP", 5),
        stock("e2", US, "FBA", 5),
        stock("e3", US, "TO-AFN", 5),
        stock("e4", US, "TO-MFN", 5),
        stock("e5", US, "SLOW", 5),
        price("e6", US, "FBA", 500, Currency::USD),
    ];
    let plan = FeedPlanner::default().plan(&OutboundInput::new(&pending, t0()).inventory(&items));
    assert!(matches!(refused(&plan, "e1"), RefusalReason::AmazonSkip { .. }));
    assert!(matches!(
        refused(&plan, "e2"),
        RefusalReason::AmazonFulfilled { .. }
    ));
    assert!(!refused(&plan, "e1").is_error());
    let doc = body(&plan.batches[0]);
    Schemas::load().check(doc);
    let v: Value = serde_json::from_str(doc).unwrap();
    let by_sku = |sku: &str| {
        v["messages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["sku"] == sku)
            .unwrap()["patches"][0]["value"][0]
            .clone()
    };
    assert_eq!(
        by_sku("TO-AFN"),
        serde_json::json!({"fulfillment_channel_code": "AMAZON_NA"})
    );
    assert_eq!(
        by_sku("TO-MFN"),
        serde_json::json!({"fulfillment_channel_code": "DEFAULT", "quantity": 5})
    );
    assert_eq!(
        by_sku("SLOW"),
        serde_json::json!({"fulfillment_channel_code": "DEFAULT", "quantity": 5, "lead_time_to_ship_max_days": 7})
    );
    // Prices of Amazon-fulfilled items still go.
    assert_eq!(
        by_sku("FBA")["our_price"][0]["schedule"][0]["value_with_tax"],
        5.0
    );
}

#[test]
fn only_the_newest_update_per_sku_goes() {
    let mut old = stock("old", US, "SKU", 1);
    old.created_at = t0() - Duration::minutes(30);
    let new = stock("new", US, "SKU", 9);
    let plan = FeedPlanner::default().plan(&OutboundInput::new(&[old, new], t0()));
    assert!(matches!(refused(&plan, "old"), RefusalReason::Superseded { by } if by.as_str() == "new"));
    assert_eq!(ids(&plan.batches[0].entries), ["new"]);
}

#[test]
fn unknown_skus_are_refused_not_retried() {
    let unknown = [UnknownSku {
        seller_id: SellerId::new(SELLER),
        marketplace_id: Some(MarketplaceId::new(US)),
        sku: "GHOST".into(),
    }];
    let pending = [stock("g1", US, "GHOST", 3), stock("g2", DE, "GHOST", 3)];
    let plan = FeedPlanner::default().plan(&OutboundInput::new(&pending, t0()).unknown_skus(&unknown));
    let reason = refused(&plan, "g1");
    assert!(matches!(reason, RefusalReason::UnknownSku { .. }));
    assert!(reason.to_string().contains("not sent again"));
    // Known in the other marketplace.
    assert_eq!(ids(&plan.batches[0].entries), ["g2"]);
}

#[test]
fn feeds_split_at_the_message_limit_and_wait_for_the_next_slot() {
    let pending: Vec<_> = (0..10)
        .map(|i| stock(&format!("e{i:02}"), US, &format!("SKU-{i:02}"), i))
        .collect();
    let cfg = PlannerConfig {
        limits: FeedLimits {
            max_messages: 4,
            ..FeedLimits::AMAZON
        },
        ..Default::default()
    };
    let planner = FeedPlanner::new(cfg);
    let plan = planner.plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches.len(), 1, "one feed of a type per interval");
    assert_eq!(plan.batches[0].entries.len(), 4);
    assert_eq!(plan.deferred.len(), 6);
    assert!(plan.deferred.iter().all(|d| d.reason == DeferReason::BatchFull));
    assert_eq!(plan.next_check_at, Some(t0() + Duration::minutes(20)));

    // Twenty minutes later, with the first feed recorded, the next four go.
    let sent_ids: Vec<_> = plan.batches[0].entries.iter().collect();
    let recent = [record("f1", "JSON_LISTINGS_FEED", t0(), &sent_ids)];
    let rest: Vec<_> = pending
        .iter()
        .filter(|e| !plan.batches[0].entries.contains(&e.id))
        .cloned()
        .collect();
    let early = planner.plan(&OutboundInput::new(&rest, t0() + Duration::minutes(19)).recent(&recent));
    assert!(early.batches.is_empty());
    let later = planner.plan(&OutboundInput::new(&rest, t0() + Duration::minutes(20)).recent(&recent));
    assert_eq!(later.batches[0].entries.len(), 4);
}

#[test]
fn feeds_split_at_the_byte_limit() {
    let pending: Vec<_> = (0..50)
        .map(|i| {
            stock(
                &format!("e{i:02}"),
                US,
                &format!("SKU-{i:02}-{}", "x".repeat(40)),
                i,
            )
        })
        .collect();
    let max_bytes = 1500;
    let cfg = PlannerConfig {
        limits: FeedLimits {
            max_bytes,
            ..FeedLimits::AMAZON
        },
        ..Default::default()
    };
    let plan = FeedPlanner::new(cfg).plan(&OutboundInput::new(&pending, t0()));
    let doc = body(&plan.batches[0]);
    assert!(doc.len() <= max_bytes, "{} bytes", doc.len());
    assert!(plan.batches[0].entries.len() > 1);
    assert_eq!(plan.batches[0].entries.len() + plan.deferred.len(), 50);
    Schemas::load().check(doc);
}

#[test]
fn one_marketplace_per_feed() {
    let mut de = stock("d1", DE, "SKU", 1);
    de.created_at = t0() - Duration::minutes(5);
    let pending = [stock("u1", US, "SKU", 1), de];
    let plan = FeedPlanner::default().plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches.len(), 1);
    // The marketplace that waited longest goes first.
    assert_eq!(plan.batches[0].marketplace_ids, vec![MarketplaceId::new(DE)]);
    assert_eq!(plan.deferred[0].entry.as_str(), "u1");
    assert_eq!(plan.deferred[0].reason, DeferReason::FeedThrottled);
}

#[test]
fn amazon_limits_25000_messages_and_10_mib() {
    let planner = FeedPlanner::default();
    // Short SKUs: the message limit bites.
    let pending: Vec<_> = (0..25_001)
        .map(|i| stock(&format!("e{i:05}"), US, &format!("S{i}"), 1))
        .collect();
    let plan = planner.plan(&OutboundInput::new(&pending, t0()));
    assert_eq!(plan.batches[0].entries.len(), 25_000);
    assert_eq!(plan.deferred.len(), 1);
    // Long SKUs: 10 MiB bites first.
    let long = "L".repeat(400);
    let pending: Vec<_> = (0..25_000)
        .map(|i| stock(&format!("e{i:05}"), US, &format!("{long}{i}"), 1))
        .collect();
    let plan = planner.plan(&OutboundInput::new(&pending, t0()));
    let doc = body(&plan.batches[0]);
    assert!(doc.len() <= 10 * 1024 * 1024);
    assert!(
        doc.len() > 10 * 1024 * 1024 - 600,
        "filled up to the limit: {}",
        doc.len()
    );
    assert_eq!(plan.batches[0].entries.len() + plan.deferred.len(), 25_000);
    assert!(!plan.deferred.is_empty());
}
