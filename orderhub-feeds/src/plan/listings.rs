//! Stock, handling time and prices: `JSON_LISTINGS_FEED` `PATCH` messages, one feed per seller and interval
//! (for one marketplace at a time), split at the message and byte limits.

use std::collections::{BTreeMap, HashMap};

use crate::hash::FastMap;

use chrono::{DateTime, Utc};
use orderhub_core::policy::outbound::{
    BatchKind, BatchPayload, DeferReason, FeedDocument, OutboundBatch, OutboundFeedType, OutboundInput,
    RefusalReason, UnknownSku,
};
use orderhub_core::{
    keys, ConnectionId, FulfillmentChannel, MarketplaceId, OutboxEntry, OutboxPayload, SellerId,
};
use rust_decimal::Decimal;

use super::{PlanOut, Throttle};
use crate::config::PlannerConfig;
use crate::listings::{ListingsFeedWriter, ListingsMessage, ListingsPatch, DEFAULT_CHANNEL};

/// Quantities go before prices in a feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Kind {
    Quantity,
    Price,
}

/// An entry turned into the patch to send.
struct Update<'a> {
    entry: &'a OutboxEntry,
    /// Position in the input, the tie-breaker that keeps plans deterministic.
    order: usize,
    marketplace_id: &'a MarketplaceId,
    sku: &'a str,
    kind: Kind,
    patch: ListingsPatch<'a>,
}

/// The updates of one connection, seller and marketplace, newest per SKU and kind.
struct Group<'a> {
    conn: &'a ConnectionId,
    seller: &'a SellerId,
    market: &'a MarketplaceId,
    updates: Vec<Update<'a>>,
    by_sku: FastMap<(&'a str, Kind), usize>,
}

fn is_unknown(
    unknown: &HashMap<(&SellerId, &str), Vec<Option<&MarketplaceId>>>,
    e: &OutboxEntry,
    m: &MarketplaceId,
    sku: &str,
) -> bool {
    !unknown.is_empty()
        && unknown
            .get(&(&e.seller_id, sku))
            .is_some_and(|ms| ms.iter().any(|u| u.is_none_or(|u| u == m)))
}

/// Decides what to send for one entry, or why not.
fn update_for<'a>(
    cfg: &'a PlannerConfig,
    input: &OutboundInput<'_>,
    e: &'a OutboxEntry,
    order: usize,
) -> Result<Update<'a>, RefusalReason> {
    let not_listing = || RefusalReason::InvalidListingUpdate {
        sku: String::new(),
        detail: "not a stock or price update".to_owned(),
    };
    let (marketplace_id, sku) = match &e.payload {
        OutboxPayload::InventoryUpdate {
            marketplace_id, sku, ..
        }
        | OutboxPayload::PriceUpdate {
            marketplace_id, sku, ..
        } => (marketplace_id, sku.as_str()),
        _ => return Err(not_listing()),
    };
    if sku.trim().is_empty() {
        return Err(RefusalReason::InvalidListingUpdate {
            sku: sku.to_owned(),
            detail: "the SKU is empty".to_owned(),
        });
    }
    let item = input.inventory.and_then(|inv| inv.item(&e.seller_id, sku));
    if item.is_some_and(|i| i.skip_amazon()) {
        return Err(RefusalReason::AmazonSkip { sku: sku.to_owned() });
    }
    match &e.payload {
        OutboxPayload::InventoryUpdate {
            quantity,
            handling_time_days,
            ..
        } => {
            let latency = item
                .and_then(|i| i.metadata.get(keys::FULFILLMENT_LATENCY))
                .and_then(|v| v.trim().parse::<u32>().ok());
            let lead_time = latency
                .or(*handling_time_days)
                .or(item.and_then(|i| i.handling_time_days))
                .or(cfg.default_handling_time_days);
            let switch = item.and_then(|i| i.switch_fulfillment_to());
            let channel = item.map(|i| i.channel).unwrap_or(FulfillmentChannel::Merchant);
            let patch = match (switch, channel) {
                (Some(FulfillmentChannel::Amazon), _) => {
                    let Some(code) = cfg.afn_channel_codes.get(marketplace_id) else {
                        return Err(RefusalReason::InvalidListingUpdate {
                            sku: sku.to_owned(),
                            detail: format!(
                                "SwitchFulfillmentTo is AFN but no Amazon fulfillment channel code is known for \
                                 marketplace {marketplace_id}; add it to PlannerConfig::afn_channel_codes"
                            ),
                        });
                    };
                    ListingsPatch::FulfillmentAvailability {
                        channel_code: code.as_str(),
                        quantity: None,
                        lead_time_to_ship_max_days: None,
                    }
                }
                (None, FulfillmentChannel::Amazon) => {
                    return Err(RefusalReason::AmazonFulfilled { sku: sku.to_owned() })
                }
                (Some(FulfillmentChannel::Merchant), _) | (None, FulfillmentChannel::Merchant) => {
                    ListingsPatch::FulfillmentAvailability {
                        channel_code: DEFAULT_CHANNEL,
                        quantity: Some(*quantity),
                        lead_time_to_ship_max_days: lead_time,
                    }
                }
            };
            Ok(Update {
                entry: e,
                order,
                marketplace_id,
                sku,
                kind: Kind::Quantity,
                patch,
            })
        }
        OutboxPayload::PriceUpdate { price, .. } => {
            if price.amount <= Decimal::ZERO {
                return Err(RefusalReason::InvalidListingUpdate {
                    sku: sku.to_owned(),
                    detail: format!("the price {} {} is not positive", price.amount, price.currency),
                });
            }
            let patch = ListingsPatch::PurchasableOffer {
                marketplace_id,
                price: *price,
            };
            Ok(Update {
                entry: e,
                order,
                marketplace_id,
                sku,
                kind: Kind::Price,
                patch,
            })
        }
        _ => Err(not_listing()),
    }
}

pub(super) fn plan<'a>(
    cfg: &'a PlannerConfig,
    input: &OutboundInput<'a>,
    throttle: &Throttle,
    due: Vec<&'a OutboxEntry>,
    out: &mut PlanOut,
) {
    if due.is_empty() {
        return;
    }
    let mut unknown: HashMap<(&SellerId, &str), Vec<Option<&MarketplaceId>>> = HashMap::new();
    for UnknownSku {
        seller_id,
        marketplace_id,
        sku,
    } in input.unknown_skus
    {
        unknown
            .entry((seller_id, sku.as_str()))
            .or_default()
            .push(marketplace_id.as_ref());
    }

    // Decide per entry; keep only the newest update per SKU, marketplace and kind. Groups keep input order.
    let total = due.len();
    let mut groups: Vec<Group<'a>> = Vec::new();
    let mut group_of: FastMap<(&ConnectionId, &SellerId, &MarketplaceId), usize> = FastMap::default();
    let mut last: Option<usize> = None;
    for (order, e) in due.into_iter().enumerate() {
        let update = match update_for(cfg, input, e, order) {
            Ok(u) => u,
            Err(reason) => {
                out.refuse(&e.id, reason);
                continue;
            }
        };
        if is_unknown(&unknown, e, update.marketplace_id, update.sku) {
            let reason = RefusalReason::UnknownSku {
                sku: update.sku.to_owned(),
                marketplace_id: update.marketplace_id.clone(),
            };
            out.refuse(&e.id, reason);
            continue;
        }
        // Consecutive entries usually share their group: check the last one before hashing.
        let same_as_last = last.and_then(|i| groups.get(i)).is_some_and(|g| {
            g.market == update.marketplace_id && g.seller == &e.seller_id && g.conn == &e.connection_id
        });
        let gi = match (same_as_last, last) {
            (true, Some(i)) => i,
            _ => *group_of
                .entry((&e.connection_id, &e.seller_id, update.marketplace_id))
                .or_insert_with(|| {
                    groups.push(Group {
                        conn: &e.connection_id,
                        seller: &e.seller_id,
                        market: update.marketplace_id,
                        // The first group usually holds almost everything; later ones start small.
                        updates: Vec::with_capacity(if groups.is_empty() { total - order } else { 16 }),
                        by_sku: FastMap::with_capacity_and_hasher(
                            if groups.is_empty() { total - order } else { 16 },
                            Default::default(),
                        ),
                    });
                    groups.len() - 1
                }),
        };
        last = Some(gi);
        let Some(g) = groups.get_mut(gi) else { continue };
        match g.by_sku.get(&(update.sku, update.kind)).copied() {
            None => {
                g.by_sku.insert((update.sku, update.kind), g.updates.len());
                g.updates.push(update);
            }
            Some(pos) => {
                let Some(current) = g.updates.get_mut(pos) else {
                    continue;
                };
                let newer = (e.created_at, &e.id) > (current.entry.created_at, &current.entry.id);
                if newer {
                    let old = std::mem::replace(current, update);
                    out.refuse(&old.entry.id, RefusalReason::Superseded { by: e.id.clone() });
                } else {
                    out.refuse(
                        &e.id,
                        RefusalReason::Superseded {
                            by: current.entry.id.clone(),
                        },
                    );
                }
            }
        }
    }

    // Per seller: one feed per interval, for the marketplace that has waited longest.
    let mut per_seller: BTreeMap<(&ConnectionId, &SellerId), Vec<Group<'a>>> = BTreeMap::new();
    for g in groups {
        per_seller.entry((g.conn, g.seller)).or_default().push(g);
    }
    let feed_type = OutboundFeedType::JsonListings;
    for ((conn, seller), mut markets) in per_seller {
        if let Some(until) = throttle.blocked_until(conn, seller, feed_type, input.now) {
            for u in markets.iter().flat_map(|g| &g.updates) {
                out.defer(&u.entry.id, DeferReason::FeedThrottled, Some(until));
            }
            continue;
        }
        let next = throttle.next_slot(input.now);
        let oldest = |g: &Group<'_>| g.updates.iter().map(|u| u.entry.created_at).min();
        let chosen = markets
            .iter()
            .enumerate()
            .min_by_key(|(_, g)| (oldest(g), g.market))
            .map(|(i, _)| i);
        let Some(chosen) = chosen else { continue };
        let group = markets.swap_remove(chosen);
        for u in markets.iter().flat_map(|g| &g.updates) {
            out.defer(&u.entry.id, DeferReason::FeedThrottled, Some(next));
        }
        feed_for_market(cfg, conn, seller, group.market, group.updates, next, out);
    }
}

/// Kind (1 bit), creation time (seconds offset by 2^42, 43 bits; nanoseconds, 30 bits), input order (32 bits).
fn sort_key(u: &Update<'_>) -> u128 {
    let kind = match u.kind {
        Kind::Quantity => 0u128,
        Kind::Price => 1,
    };
    let secs = (u.entry.created_at.timestamp() + (1 << 42)).clamp(0, (1 << 43) - 1) as u128;
    let nanos = u128::from(u.entry.created_at.timestamp_subsec_nanos() & ((1 << 30) - 1));
    let order = u128::from(u32::try_from(u.order).unwrap_or(u32::MAX));
    (kind << 105) | (secs << 62) | (nanos << 32) | order
}

fn feed_for_market(
    cfg: &PlannerConfig,
    conn: &ConnectionId,
    seller: &SellerId,
    market: &MarketplaceId,
    updates: Vec<Update<'_>>,
    next: DateTime<Utc>,
    out: &mut PlanOut,
) {
    // Sort compact keys, not the updates: quantities first, then oldest first, then input order.
    let mut keys: Vec<(u128, u32)> = updates
        .iter()
        .enumerate()
        .map(|(i, u)| (sort_key(u), u32::try_from(i).unwrap_or(u32::MAX)))
        .collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<Update<'_>>> = updates.into_iter().map(Some).collect();
    let max_messages = cfg.limits.max_messages.max(1);
    let mut writer = ListingsFeedWriter::new(seller.as_str(), cfg.issue_locale.as_deref());
    writer.reserve(cfg.limits.max_bytes.min(slots.len().saturating_mul(256)));
    let mut entries = Vec::with_capacity(slots.len().min(max_messages));
    let mut full = false;
    for (_, i) in keys {
        let Some(u) = slots.get_mut(i as usize).and_then(Option::take) else {
            continue;
        };
        if full {
            out.defer(&u.entry.id, DeferReason::BatchFull, Some(next));
            continue;
        }
        let message = ListingsMessage {
            message_id: (entries.len() + 1) as u64,
            sku: u.sku,
            product_type: &cfg.product_type,
            patch: u.patch,
        };
        if entries.len() < max_messages && writer.push_within(&message, cfg.limits.max_bytes) {
            entries.push(u.entry.id.clone());
        } else if entries.is_empty() {
            let bytes = writer.size_with(message.to_json().len());
            out.refuse(
                &u.entry.id,
                RefusalReason::TooLarge {
                    bytes,
                    max: cfg.limits.max_bytes,
                },
            );
        } else {
            full = true;
            out.defer(&u.entry.id, DeferReason::BatchFull, Some(next));
        }
    }
    if entries.is_empty() {
        return;
    }
    let feed_type = OutboundFeedType::JsonListings;
    out.plan.batches.push(OutboundBatch {
        connection_id: conn.clone(),
        seller_id: seller.clone(),
        kind: BatchKind::Feed(feed_type),
        marketplace_ids: vec![market.clone()],
        entries,
        payload: BatchPayload::Feed(FeedDocument {
            feed_type,
            content_type: feed_type.content_type(),
            body: writer.finish(),
        }),
    });
}
