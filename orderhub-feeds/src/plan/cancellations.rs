//! Cancellations: `POST_ORDER_ACKNOWLEDGEMENT_DATA` with `StatusCode` `Failure` and a `CancelReason` per
//! item, held for a debounce window (five minutes from the first pending cancellation by default) so
//! cancellations made close together share one feed.

use std::collections::{BTreeMap, BTreeSet};

use orderhub_core::policy::outbound::{
    BatchKind, BatchPayload, DeferReason, FeedDocument, OutboundBatch, OutboundFeedType, OutboundInput,
    RefusalReason,
};
use orderhub_core::{
    AmazonOrderId, CancelLine, CancelReason, ConnectionId, OutboxEntry, OutboxId, OutboxPayload,
    OutboxStatus, SellerId,
};

use super::{by_age, is_amazon_order_id, PlanOut, Throttle};
use crate::config::PlannerConfig;
use crate::hash::FastMap;
use crate::xml::{
    render_message, AckItem, AckStatus, EnvelopeWriter, MessageType, OrderAcknowledgement, XmlMessage,
};

fn cancellation_of(e: &OutboxEntry) -> Option<(&AmazonOrderId, &[CancelLine], CancelReason)> {
    match &e.payload {
        OutboxPayload::Cancellation {
            order_id,
            lines,
            reason,
        } => Some((order_id, lines, *reason)),
        _ => None,
    }
}

fn invalid(order_id: &AmazonOrderId, lines: &[CancelLine]) -> Option<String> {
    if !is_amazon_order_id(order_id.as_str()) {
        return Some(format!(
            "`{order_id}` is not an Amazon order id (three, seven and seven letters or digits)"
        ));
    }
    let mut seen = BTreeSet::new();
    for l in lines {
        if l.order_item_id.as_str().trim().is_empty() {
            return Some("a line has an empty order item id".to_owned());
        }
        if !seen.insert(&l.order_item_id) {
            return Some(format!("line {} is listed twice", l.order_item_id));
        }
    }
    None
}

/// Renders the acknowledgement message of a cancellation.
pub(crate) fn cancel_message(message_id: u64, order_id: &AmazonOrderId, lines: &[CancelLine]) -> String {
    let msg = XmlMessage::Acknowledgement(OrderAcknowledgement {
        amazon_order_id: order_id.as_str(),
        status: AckStatus::Failure,
        items: lines
            .iter()
            .map(|l| AckItem {
                amazon_order_item_code: l.order_item_id.as_str(),
                cancel_reason: Some(l.reason),
            })
            .collect(),
    });
    render_message(message_id, &msg)
}

pub(super) fn plan<'a>(
    cfg: &PlannerConfig,
    input: &OutboundInput<'a>,
    throttle: &Throttle,
    mut due: Vec<&'a OutboxEntry>,
    out: &mut PlanOut,
) {
    if due.is_empty() {
        return;
    }
    due.sort_by(|a, b| by_age(a, b));

    // The debounce window opens with the first pending cancellation of each seller, due or not.
    let mut window_start: FastMap<(&ConnectionId, &SellerId), chrono::DateTime<chrono::Utc>> =
        FastMap::default();
    for e in input
        .pending
        .iter()
        .filter(|e| e.status == OutboxStatus::Pending && cancellation_of(e).is_some())
    {
        let slot = window_start
            .entry((&e.connection_id, &e.seller_id))
            .or_insert(e.created_at);
        if e.created_at < *slot {
            *slot = e.created_at;
        }
    }

    // Orders Amazon was told shipped cannot be canceled.
    let mut shipped: FastMap<(&SellerId, &AmazonOrderId), ()> = FastMap::default();
    for e in input.sent {
        if matches!(e.status, OutboxStatus::Submitted { .. } | OutboxStatus::Done) {
            if let OutboxPayload::ShipmentConfirmation { shipment, .. } = &e.payload {
                shipped.insert((&e.seller_id, &shipment.order_id), ());
            }
        }
    }

    let mut per_seller: BTreeMap<(&ConnectionId, &SellerId), Vec<&'a OutboxEntry>> = BTreeMap::new();
    for e in due {
        per_seller
            .entry((&e.connection_id, &e.seller_id))
            .or_default()
            .push(e);
    }

    for ((conn, seller), entries) in per_seller {
        let opened = window_start.get(&(conn, seller)).copied().unwrap_or(input.now);
        let closes = opened + cfg.cancel_debounce;
        if input.now < closes {
            for e in entries {
                out.defer(&e.id, DeferReason::Debounce, Some(closes));
            }
            continue;
        }
        let feed_type = OutboundFeedType::OrderAcknowledgement;
        if let Some(until) = throttle.blocked_until(conn, seller, feed_type, input.now) {
            for e in entries {
                out.defer(&e.id, DeferReason::FeedThrottled, Some(until));
            }
            continue;
        }
        let next = throttle.next_slot(input.now);
        let mut env = EnvelopeWriter::new(seller.as_str(), MessageType::OrderAcknowledgement);
        let mut carried: Vec<OutboxId> = Vec::new();
        let mut in_feed: FastMap<&AmazonOrderId, &OutboxEntry> = FastMap::default();
        let mut full = false;
        for e in entries {
            let Some((order_id, lines, _reason)) = cancellation_of(e) else {
                continue;
            };
            if shipped.contains_key(&(seller, order_id)) {
                out.refuse(
                    &e.id,
                    RefusalReason::CancelAfterShipment {
                        order_id: order_id.clone(),
                    },
                );
                continue;
            }
            if let Some(detail) = invalid(order_id, lines) {
                out.refuse(
                    &e.id,
                    RefusalReason::InvalidCancellation {
                        order_id: order_id.clone(),
                        detail,
                    },
                );
                continue;
            }
            if let Some(first) = in_feed.get(order_id) {
                if first.payload == e.payload {
                    out.refuse(&e.id, RefusalReason::Superseded { by: first.id.clone() });
                } else {
                    out.defer(&e.id, DeferReason::SameOrderInFeed, Some(next));
                }
                continue;
            }
            if full {
                out.defer(&e.id, DeferReason::BatchFull, Some(next));
                continue;
            }
            let xml = cancel_message((carried.len() + 1) as u64, order_id, lines);
            let fits = carried.len() < cfg.limits.max_messages.max(1)
                && env.size_with(xml.len()) <= cfg.limits.max_bytes;
            if fits {
                env.push_rendered(&xml);
                carried.push(e.id.clone());
                in_feed.insert(order_id, e);
            } else if carried.is_empty() {
                let bytes = env.size_with(xml.len());
                out.refuse(
                    &e.id,
                    RefusalReason::TooLarge {
                        bytes,
                        max: cfg.limits.max_bytes,
                    },
                );
            } else {
                full = true;
                out.defer(&e.id, DeferReason::BatchFull, Some(next));
            }
        }
        if carried.is_empty() {
            continue;
        }
        out.plan.batches.push(OutboundBatch {
            connection_id: conn.clone(),
            seller_id: seller.clone(),
            kind: BatchKind::Feed(feed_type),
            // Cancellation payloads carry no marketplace: the engine submits with the connection's.
            marketplace_ids: Vec::new(),
            entries: carried,
            payload: BatchPayload::Feed(FeedDocument {
                feed_type,
                content_type: feed_type.content_type(),
                body: env.finish(),
            }),
        });
    }
}
