//! Shipment confirmations: one per package, never twice for a shipment, one update per order, lines not
//! split further than Amazon accepts, combined shipments flagged; rendered as `confirmShipment` bodies or
//! one `POST_ORDER_FULFILLMENT_DATA` feed per seller and interval.

use std::collections::{BTreeMap, BTreeSet};

use orderhub_core::policy::outbound::{
    BatchKind, BatchPayload, ConfirmShipmentCall, DeferReason, FeedDocument, OutboundBatch, OutboundFeedType,
    OutboundInput, PlanWarning, RefusalReason,
};
use orderhub_core::{
    AmazonOrderId, ConnectionId, MarketplaceId, OrderItemId, OutboxEntry, OutboxId, OutboxPayload,
    OutboxStatus, SellerId, Shipment, ShipmentId,
};

use super::{by_age, is_amazon_order_id, PlanOut, Throttle};
use crate::carrier::Carrier;
use crate::config::{ConfirmationMode, PlannerConfig};
use crate::confirm::ConfirmShipmentRequest;
use crate::hash::FastMap;
use crate::xml::{
    render_message, EnvelopeWriter, FulfillmentItem, MessageType, OrderFulfillment, XmlMessage,
};

/// One package ready to go.
struct Package<'a> {
    entry: &'a OutboxEntry,
    marketplace_id: &'a MarketplaceId,
    shipment: &'a Shipment,
}

/// All packages of one order in this plan (sent together: Amazon accepts one update per order).
struct OrderGroup<'a> {
    connection_id: &'a ConnectionId,
    seller_id: &'a SellerId,
    order_id: &'a AmazonOrderId,
    packages: Vec<Package<'a>>,
}

fn shipment_of(e: &OutboxEntry) -> Option<(&MarketplaceId, &Shipment)> {
    match &e.payload {
        OutboxPayload::ShipmentConfirmation {
            marketplace_id,
            shipment,
        } => Some((marketplace_id, shipment)),
        _ => None,
    }
}

fn was_sent(status: &OutboxStatus) -> bool {
    matches!(status, OutboxStatus::Submitted { .. } | OutboxStatus::Done)
}

/// What is wrong with a shipment as it stands, if anything.
fn invalid(mode: ConfirmationMode, s: &Shipment) -> Option<String> {
    if !is_amazon_order_id(s.order_id.as_str()) {
        return Some(format!(
            "`{}` is not an Amazon order id (three, seven and seven letters or digits)",
            s.order_id
        ));
    }
    if s.carrier.trim().is_empty() {
        return Some("no carrier: Amazon requires a carrier code in every marketplace".to_owned());
    }
    for (i, l) in s.lines.iter().enumerate() {
        if l.quantity == 0 {
            return Some(format!(
                "line {} has quantity 0; list only lines in the package",
                l.order_item_id
            ));
        }
        if l.order_item_id.as_str().trim().is_empty() {
            return Some("a line has an empty order item id".to_owned());
        }
        if s.lines[..i]
            .iter()
            .any(|earlier| earlier.order_item_id == l.order_item_id)
        {
            return Some(format!(
                "line {} is listed twice in the package; add the quantities",
                l.order_item_id
            ));
        }
    }
    if mode == ConfirmationMode::Api {
        if s.tracking_number.as_deref().is_none_or(|t| t.trim().is_empty()) {
            return Some(
                "no tracking number: confirmShipment requires one; for untracked services confirm through the \
                 POST_ORDER_FULFILLMENT_DATA feed (ConfirmationMode::Feed)"
                    .to_owned(),
            );
        }
        if s.lines.is_empty() {
            return Some(
                "the shipment lists no lines and confirmShipment needs the order items; fill them from the order \
                 with orderhub_feeds::shipment_with_order_lines"
                    .to_owned(),
            );
        }
    }
    None
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

    // What Amazon was already told.
    let mut sent_shipments: FastMap<&ShipmentId, &OutboxId> = FastMap::default();
    let mut sent_orders: FastMap<(&SellerId, &AmazonOrderId), &OutboxId> = FastMap::default();
    let mut sent_tracking: FastMap<String, BTreeSet<&AmazonOrderId>> = FastMap::default();
    for e in input.sent.iter().filter(|e| was_sent(&e.status)) {
        if let Some((_, s)) = shipment_of(e) {
            sent_shipments.entry(&s.id).or_insert(&e.id);
            sent_orders.entry((&e.seller_id, &s.order_id)).or_insert(&e.id);
            if let Some(t) = tracking_key(s) {
                sent_tracking.entry(t).or_default().insert(&s.order_id);
            }
        }
    }

    // Refuse what must not go; group the rest by order.
    let mut seen: FastMap<&ShipmentId, &OutboxEntry> = FastMap::default();
    let mut groups: Vec<OrderGroup<'a>> = Vec::new();
    let mut group_of: FastMap<(&ConnectionId, &SellerId, &AmazonOrderId), usize> = FastMap::default();
    for e in due {
        let Some((marketplace_id, s)) = shipment_of(e) else {
            continue;
        };
        if let Some(previous) = sent_shipments.get(&s.id) {
            let reason = RefusalReason::ShipmentAlreadyConfirmed {
                shipment_id: s.id.clone(),
                previous: (*previous).clone(),
            };
            out.refuse(&e.id, reason);
            continue;
        }
        if let Some(first) = seen.get(&s.id) {
            let reason = if first.payload == e.payload {
                RefusalReason::Superseded { by: first.id.clone() }
            } else {
                RefusalReason::InvalidShipment {
                    order_id: s.order_id.clone(),
                    detail: format!(
                        "outbox entry {} already confirms shipment {} with other details; a package is \
                         confirmed once",
                        first.id, s.id
                    ),
                }
            };
            out.refuse(&e.id, reason);
            continue;
        }
        seen.insert(&s.id, e);
        if let Some(previous) = sent_orders.get(&(&e.seller_id, &s.order_id)) {
            let reason = RefusalReason::OrderAlreadyConfirmed {
                order_id: s.order_id.clone(),
                previous: (*previous).clone(),
            };
            out.refuse(&e.id, reason);
            continue;
        }
        if let Some(detail) = invalid(cfg.confirmation_mode, s) {
            out.refuse(
                &e.id,
                RefusalReason::InvalidShipment {
                    order_id: s.order_id.clone(),
                    detail,
                },
            );
            continue;
        }
        let key = (&e.connection_id, &e.seller_id, &s.order_id);
        let idx = *group_of.entry(key).or_insert_with(|| {
            groups.push(OrderGroup {
                connection_id: &e.connection_id,
                seller_id: &e.seller_id,
                order_id: &s.order_id,
                packages: Vec::new(),
            });
            groups.len() - 1
        });
        if let Some(g) = groups.get_mut(idx) {
            g.packages.push(Package {
                entry: e,
                marketplace_id,
                shipment: s,
            });
        }
    }

    // Lines split over packages.
    let mut ok_groups = Vec::with_capacity(groups.len());
    for g in groups {
        match split_problem(cfg, &g) {
            Some(reason) => {
                for p in &g.packages {
                    out.refuse(&p.entry.id, reason.clone());
                }
            }
            None => ok_groups.push(g),
        }
    }

    combined_shipment_warnings(&ok_groups, &sent_tracking, out);

    // Batch per connection and seller, keeping each order's packages together.
    let mut per_seller: BTreeMap<(&ConnectionId, &SellerId), Vec<OrderGroup<'a>>> = BTreeMap::new();
    for g in ok_groups {
        per_seller
            .entry((g.connection_id, g.seller_id))
            .or_default()
            .push(g);
    }
    for ((conn, seller), groups) in per_seller {
        match cfg.confirmation_mode {
            ConfirmationMode::Feed => feed_batch(cfg, input, throttle, conn, seller, groups, out),
            ConfirmationMode::Api => api_batches(cfg, conn, seller, groups, out),
        }
    }
}

fn tracking_key(s: &Shipment) -> Option<String> {
    let t = s.tracking_number.as_deref()?.trim();
    (!t.is_empty()).then(|| t.to_ascii_uppercase())
}

fn split_problem(cfg: &PlannerConfig, g: &OrderGroup<'_>) -> Option<RefusalReason> {
    if g.packages.len() < 2 {
        return None;
    }
    if let Some(p) = g.packages.iter().find(|p| p.shipment.lines.is_empty()) {
        return Some(RefusalReason::InvalidShipment {
            order_id: g.order_id.clone(),
            detail: format!(
                "package {} lists no lines (\"everything unshipped\") but the order has {} packages in this \
                 batch; list the lines of each package",
                p.shipment.id,
                g.packages.len()
            ),
        });
    }
    let mut packages_per_line: BTreeMap<&OrderItemId, usize> = BTreeMap::new();
    for p in &g.packages {
        for l in &p.shipment.lines {
            *packages_per_line.entry(&l.order_item_id).or_default() += 1;
        }
    }
    let max = cfg.max_packages_per_line.max(1);
    packages_per_line
        .into_iter()
        .find(|(_, n)| *n > max)
        .map(|(item, n)| RefusalReason::LineSplitTooFar {
            order_id: g.order_id.clone(),
            order_item_id: item.clone(),
            packages: n,
            max,
        })
}

fn combined_shipment_warnings(
    groups: &[OrderGroup<'_>],
    sent_tracking: &FastMap<String, BTreeSet<&AmazonOrderId>>,
    out: &mut PlanOut,
) {
    // Most tracking numbers appear once: count first, and build order sets only for the shared ones.
    let mut by_tracking: FastMap<String, (&AmazonOrderId, bool)> = FastMap::default();
    for g in groups {
        for p in &g.packages {
            if let Some(t) = tracking_key(p.shipment) {
                let slot = by_tracking.entry(t).or_insert((g.order_id, false));
                if slot.0 != g.order_id {
                    slot.1 = true;
                }
            }
        }
    }
    let mut shared: BTreeMap<String, (BTreeSet<&AmazonOrderId>, Vec<&OutboxId>)> = BTreeMap::new();
    for g in groups {
        for p in &g.packages {
            let Some(t) = tracking_key(p.shipment) else {
                continue;
            };
            let several = by_tracking.get(&t).is_some_and(|(_, several)| *several);
            if several
                || sent_tracking
                    .get(&t)
                    .is_some_and(|o| o.iter().any(|o| *o != g.order_id))
            {
                let slot = shared.entry(t).or_default();
                slot.0.insert(g.order_id);
                slot.1.push(&p.entry.id);
            }
        }
    }
    for (tracking, (mut orders, entries)) in shared {
        if let Some(earlier) = sent_tracking.get(&tracking) {
            orders.extend(earlier.iter().copied());
        }
        if orders.len() > 1 {
            out.plan.warnings.push(PlanWarning::CombinedShipment {
                tracking_number: tracking,
                orders: orders.into_iter().cloned().collect(),
                entries: entries.into_iter().cloned().collect(),
            });
        }
    }
}

/// Resolves carriers once per name and marketplace in a plan.
struct Carriers<'c, 'a> {
    cfg: &'c PlannerConfig,
    cache: FastMap<(&'a str, &'a MarketplaceId), Carrier>,
}

impl<'c, 'a> Carriers<'c, 'a> {
    fn new(cfg: &'c PlannerConfig) -> Self {
        Carriers {
            cfg,
            cache: FastMap::default(),
        }
    }

    /// The carrier to send for a package.
    fn get(&mut self, p: &Package<'a>) -> &Carrier {
        let cfg = self.cfg;
        let (name, market) = (p.shipment.carrier.as_str(), p.marketplace_id);
        self.cache.entry((name, market)).or_insert_with(|| {
            let mut c = cfg.carriers.resolve(name, market);
            if c.code.trim().is_empty() {
                c = Carrier::other(name.trim());
            }
            if c.is_other() && c.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                c.name = Some(name.trim().to_owned());
            }
            c
        })
    }
}

fn api_batches<'a>(
    cfg: &PlannerConfig,
    conn: &ConnectionId,
    seller: &SellerId,
    groups: Vec<OrderGroup<'a>>,
    out: &mut PlanOut,
) {
    let mut carriers = Carriers::new(cfg);
    let max_calls = cfg.limits.max_calls.max(1);
    let mut calls: Vec<ConfirmShipmentCall> = Vec::new();
    let mut marketplaces: BTreeSet<MarketplaceId> = BTreeSet::new();
    for g in groups {
        if g.packages.len() > max_calls {
            for p in &g.packages {
                let detail = format!(
                    "the order has {} packages in this batch, more than the {max_calls} calls one batch may hold",
                    g.packages.len()
                );
                out.refuse(
                    &p.entry.id,
                    RefusalReason::InvalidShipment {
                        order_id: g.order_id.clone(),
                        detail,
                    },
                );
            }
            continue;
        }
        if calls.len() + g.packages.len() > max_calls {
            push_api_batch(
                conn,
                seller,
                std::mem::take(&mut calls),
                std::mem::take(&mut marketplaces),
                out,
            );
        }
        for (i, p) in g.packages.iter().enumerate() {
            let carrier = carriers.get(p);
            let reference = u32::try_from(i + 1).unwrap_or(u32::MAX);
            let body = ConfirmShipmentRequest::for_shipment(
                p.shipment,
                carrier,
                p.marketplace_id.as_str(),
                reference,
            )
            .map(|r| r.to_json())
            .unwrap_or_default();
            marketplaces.insert(p.marketplace_id.clone());
            calls.push(ConfirmShipmentCall {
                entry: p.entry.id.clone(),
                shipment_id: p.shipment.id.clone(),
                order_id: g.order_id.clone(),
                body,
            });
        }
    }
    if !calls.is_empty() {
        push_api_batch(conn, seller, calls, marketplaces, out);
    }
}

fn push_api_batch(
    conn: &ConnectionId,
    seller: &SellerId,
    calls: Vec<ConfirmShipmentCall>,
    marketplaces: BTreeSet<MarketplaceId>,
    out: &mut PlanOut,
) {
    out.plan.batches.push(OutboundBatch {
        connection_id: conn.clone(),
        seller_id: seller.clone(),
        kind: BatchKind::ConfirmShipmentCalls,
        marketplace_ids: marketplaces.into_iter().collect(),
        entries: calls.iter().map(|c| c.entry.clone()).collect(),
        payload: BatchPayload::ConfirmShipments(calls),
    });
}

fn feed_batch<'a>(
    cfg: &PlannerConfig,
    input: &OutboundInput<'_>,
    throttle: &Throttle,
    conn: &ConnectionId,
    seller: &SellerId,
    groups: Vec<OrderGroup<'a>>,
    out: &mut PlanOut,
) {
    let mut carriers = Carriers::new(cfg);
    let feed_type = OutboundFeedType::OrderFulfillment;
    if let Some(until) = throttle.blocked_until(conn, seller, feed_type, input.now) {
        for p in groups.iter().flat_map(|g| &g.packages) {
            out.defer(&p.entry.id, DeferReason::FeedThrottled, Some(until));
        }
        return;
    }
    let next = throttle.next_slot(input.now);
    let mut env = EnvelopeWriter::new(seller.as_str(), MessageType::OrderFulfillment);
    let mut entries: Vec<OutboxId> = Vec::new();
    let mut marketplaces: BTreeSet<MarketplaceId> = BTreeSet::new();
    let mut full = false;
    for g in groups {
        if full {
            for p in &g.packages {
                out.defer(&p.entry.id, DeferReason::BatchFull, Some(next));
            }
            continue;
        }
        // Render the whole order group, then add it only if it fits.
        let mut rendered = Vec::with_capacity(g.packages.len());
        let mut bytes = 0usize;
        for (i, p) in g.packages.iter().enumerate() {
            let carrier = carriers.get(p);
            let message_id = (entries.len() + i + 1) as u64;
            let msg = XmlMessage::Fulfillment(OrderFulfillment {
                amazon_order_id: g.order_id.as_str(),
                fulfillment_date: p.shipment.ship_date,
                carrier: Some(carrier),
                shipping_method: p.shipment.service.as_deref().filter(|s| !s.trim().is_empty()),
                tracking_number: p
                    .shipment
                    .tracking_number
                    .as_deref()
                    .filter(|t| !t.trim().is_empty()),
                items: p
                    .shipment
                    .lines
                    .iter()
                    .map(|l| FulfillmentItem {
                        amazon_order_item_code: l.order_item_id.as_str(),
                        quantity: Some(l.quantity),
                    })
                    .collect(),
            });
            let xml = render_message(message_id, &msg);
            bytes += xml.len();
            rendered.push(xml);
        }
        let fits_count = entries.len() + g.packages.len() <= cfg.limits.max_messages.max(1);
        let fits_bytes = env.size_with(bytes) <= cfg.limits.max_bytes;
        if fits_count && fits_bytes {
            for (p, xml) in g.packages.iter().zip(&rendered) {
                env.push_rendered(xml);
                entries.push(p.entry.id.clone());
                marketplaces.insert(p.marketplace_id.clone());
            }
        } else if entries.is_empty() {
            // Alone in an empty feed and still too large: it can never go.
            let empty = EnvelopeWriter::new(seller.as_str(), MessageType::OrderFulfillment);
            for p in &g.packages {
                let reason = if fits_count {
                    RefusalReason::TooLarge {
                        bytes: empty.size_with(bytes),
                        max: cfg.limits.max_bytes,
                    }
                } else {
                    RefusalReason::InvalidShipment {
                        order_id: g.order_id.clone(),
                        detail: format!(
                            "the order has {} packages, more than the {} messages one feed may hold",
                            g.packages.len(),
                            cfg.limits.max_messages
                        ),
                    }
                };
                out.refuse(&p.entry.id, reason);
            }
        } else {
            full = true;
            for p in &g.packages {
                out.defer(&p.entry.id, DeferReason::BatchFull, Some(next));
            }
        }
    }
    if entries.is_empty() {
        return;
    }
    out.plan.batches.push(OutboundBatch {
        connection_id: conn.clone(),
        seller_id: seller.clone(),
        kind: BatchKind::Feed(feed_type),
        marketplace_ids: marketplaces.into_iter().collect(),
        entries,
        payload: BatchPayload::Feed(FeedDocument {
            feed_type,
            content_type: feed_type.content_type(),
            body: env.finish(),
        }),
    });
}
