//! Builders for outbox entries and feed records.

use chrono::{DateTime, Duration, TimeZone, Utc};
use orderhub_core::policy::outbound::{BatchPayload, OutboundBatch, OutboundPlan};
use orderhub_core::{
    AmazonOrderId, CancelLine, CancelReason, ConnectionId, Currency, FeedRecord, FeedStatus, MarketplaceId,
    Money, OrderItemId, OutboxEntry, OutboxId, OutboxPayload, OutboxStatus, SellerId, Shipment, ShipmentId,
    ShipmentLine,
};
use rust_decimal::Decimal;

pub const US: &str = "ATVPDKIKX0DER";
pub const DE: &str = "A1PA6795UKMFR9";
pub const SELLER: &str = "A2I6EXAMPLE";

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap()
}

pub fn entry(id: &str, payload: OutboxPayload, created_at: DateTime<Utc>) -> OutboxEntry {
    OutboxEntry {
        id: OutboxId::new(id),
        connection_id: ConnectionId::new("conn-1"),
        seller_id: SellerId::new(SELLER),
        payload,
        created_at,
        not_before: created_at,
        attempts: 0,
        status: OutboxStatus::Pending,
    }
}

pub fn stock(id: &str, market: &str, sku: &str, quantity: u32) -> OutboxEntry {
    entry(
        id,
        OutboxPayload::InventoryUpdate {
            marketplace_id: MarketplaceId::new(market),
            sku: sku.into(),
            quantity,
            handling_time_days: None,
        },
        t0() - Duration::minutes(1),
    )
}

pub fn price(id: &str, market: &str, sku: &str, cents: i64, currency: Currency) -> OutboxEntry {
    entry(
        id,
        OutboxPayload::PriceUpdate {
            marketplace_id: MarketplaceId::new(market),
            sku: sku.into(),
            price: Money::new(Decimal::new(cents, 2), currency),
        },
        t0() - Duration::minutes(1),
    )
}

pub fn shipment(id: &str, order: &str, tracking: Option<&str>, lines: &[(&str, u32)]) -> Shipment {
    Shipment {
        id: ShipmentId::new(id),
        order_id: AmazonOrderId::new(order),
        carrier: "UPS".into(),
        service: Some("Ground".into()),
        tracking_number: tracking.map(str::to_owned),
        ship_date: Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 0).unwrap(),
        lines: lines
            .iter()
            .map(|(item, q)| ShipmentLine {
                order_item_id: OrderItemId::new(*item),
                quantity: *q,
            })
            .collect(),
        tracked: true,
        label_created_at: None,
        delivered_at: None,
    }
}

pub fn confirm(id: &str, s: Shipment) -> OutboxEntry {
    entry(
        id,
        OutboxPayload::ShipmentConfirmation {
            marketplace_id: MarketplaceId::new(US),
            shipment: s,
        },
        t0() - Duration::minutes(1),
    )
}

pub fn cancel(
    id: &str,
    order: &str,
    lines: &[(&str, CancelReason)],
    created_at: DateTime<Utc>,
) -> OutboxEntry {
    entry(
        id,
        OutboxPayload::Cancellation {
            order_id: AmazonOrderId::new(order),
            lines: lines
                .iter()
                .map(|(item, reason)| CancelLine {
                    order_item_id: OrderItemId::new(*item),
                    reason: *reason,
                })
                .collect(),
            reason: CancelReason::NoInventory,
        },
        created_at,
    )
}

pub fn sent(mut e: OutboxEntry) -> OutboxEntry {
    e.status = OutboxStatus::Done;
    e
}

pub fn record(id: &str, feed_type: &str, submitted_at: DateTime<Utc>, entries: &[&OutboxId]) -> FeedRecord {
    FeedRecord {
        id: id.into(),
        connection_id: ConnectionId::new("conn-1"),
        seller_id: SellerId::new(SELLER),
        feed_type: feed_type.into(),
        amazon_feed_id: Some("50001".into()),
        submitted_at,
        entries: entries.iter().map(|e| (*e).clone()).collect(),
        status: FeedStatus::Submitted,
        summary: None,
        finished_at: None,
    }
}

pub fn body(batch: &OutboundBatch) -> &str {
    match &batch.payload {
        BatchPayload::Feed(doc) => &doc.body,
        other => panic!("not a feed: {other:?}"),
    }
}

pub fn refused<'a>(plan: &'a OutboundPlan, id: &str) -> &'a orderhub_core::policy::outbound::RefusalReason {
    &plan
        .refusals
        .iter()
        .find(|r| r.entry.as_str() == id)
        .unwrap_or_else(|| panic!("{id} not refused: {plan:#?}"))
        .reason
}

pub fn ids(v: &[OutboxId]) -> Vec<&str> {
    v.iter().map(OutboxId::as_str).collect()
}
