//! Stock, handling time and prices: `JSON_LISTINGS_FEED` `PATCH` messages, one feed per seller and interval
//! (for one marketplace at a time), split at the message and byte limits.

use std::collections::{BTreeMap, HashMap};

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
    marketplace_id: &'a MarketplaceId,
    sku: &'a str,
    kind: Kind,
    patch: ListingsPatch,
}

fn is_unknown(
    unknown: &HashMap<(&SellerId, &str), Vec<Option<&MarketplaceId>>>,
    e: &OutboxEntry,
    m: &MarketplaceId,
    sku: &str,
) -> bool {
    unknown
        .get(&(&e.seller_id, sku))
        .is_some_and(|ms| ms.iter().any(|u| u.is_none_or(|u| u == m)))
}

/// Decides what to send for one entry, or why not.
fn update_for<'a>(
    cfg: &PlannerConfig,
    input: &OutboundInput<'_>,
    e: &'a OutboxEntry,
) -> Result<Update<'a>, RefusalReason> {
    let (marketplace_id, sku) = match &e.payload {
        OutboxPayload::InventoryUpdate {
            marketplace_id, sku, ..
        }
        | OutboxPayload::PriceUpdate {
            marketplace_id, sku, ..
        } => (marketplace_id, sku.as_str()),
        _ => {
            return Err(RefusalReason::InvalidListingUpdate {
                sku: String::new(),
                detail: "not a stock or price update".to_owned(),
            })
        }
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
                        channel_code: code.clone(),
                        quantity: None,
                        lead_time_to_ship_max_days: None,
                    }
                }
                (None, FulfillmentChannel::Amazon) => {
                    return Err(RefusalReason::AmazonFulfilled { sku: sku.to_owned() })
                }
                (Some(FulfillmentChannel::Merchant), _) | (None, FulfillmentChannel::Merchant) => {
                    ListingsPatch::FulfillmentAvailability {
                        channel_code: DEFAULT_CHANNEL.to_owned(),
                        quantity: Some(*quantity),
                        lead_time_to_ship_max_days: lead_time,
                    }
                }
            };
            Ok(Update {
                entry: e,
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
                marketplace_id: marketplace_id.clone(),
                price: *price,
            };
            Ok(Update {
                entry: e,
                marketplace_id,
                sku,
                kind: Kind::Price,
                patch,
            })
        }
        _ => Err(RefusalReason::InvalidListingUpdate {
            sku: sku.to_owned(),
            detail: "not a stock or price update".to_owned(),
        }),
    }
}

type MarketKey<'a> = (&'a ConnectionId, &'a SellerId, &'a MarketplaceId);

pub(super) fn plan<'a>(
    cfg: &PlannerConfig,
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

    // Decide per entry; keep only the newest update per SKU, marketplace and kind.
    let mut newest: HashMap<(MarketKey<'a>, &'a str, Kind), Update<'a>> = HashMap::with_capacity(due.len());
    for e in due {
        let update = match update_for(cfg, input, e) {
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
        let key = (
            (&e.connection_id, &e.seller_id, update.marketplace_id),
            update.sku,
            update.kind,
        );
        match newest.get_mut(&key) {
            None => {
                newest.insert(key, update);
            }
            Some(current) => {
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

    // Group per seller, then per marketplace.
    let mut per_seller: BTreeMap<(&ConnectionId, &SellerId), BTreeMap<&MarketplaceId, Vec<Update<'a>>>> =
        BTreeMap::new();
    for (((conn, seller, market), _, _), u) in newest {
        per_seller
            .entry((conn, seller))
            .or_default()
            .entry(market)
            .or_default()
            .push(u);
    }
    // `newest` is a hash map: restore a deterministic order.
    for updates in per_seller.values_mut().flat_map(|m| m.values_mut()) {
        updates.sort_by(|a, b| {
            (a.kind, a.entry.created_at, &a.entry.id).cmp(&(b.kind, b.entry.created_at, &b.entry.id))
        });
    }

    let feed_type = OutboundFeedType::JsonListings;
    for ((conn, seller), markets) in per_seller {
        if let Some(until) = throttle.blocked_until(conn, seller, feed_type, input.now) {
            for u in markets.values().flatten() {
                out.defer(&u.entry.id, DeferReason::FeedThrottled, Some(until));
            }
            continue;
        }
        let next = throttle.next_slot(input.now);
        // One feed per interval: the marketplace that has waited longest goes first.
        let oldest = |us: &Vec<Update<'_>>| us.iter().map(|u| u.entry.created_at).min();
        let chosen = markets
            .iter()
            .min_by_key(|(m, us)| (oldest(us), **m))
            .map(|(m, _)| *m);
        let mut chosen_updates = Vec::new();
        for (market, updates) in markets {
            if Some(market) == chosen {
                chosen_updates = updates;
            } else {
                for u in &updates {
                    out.defer(&u.entry.id, DeferReason::FeedThrottled, Some(next));
                }
            }
        }
        let Some(market) = chosen else { continue };
        feed_for_market(cfg, conn, seller, market, chosen_updates, next, out);
    }
}

fn feed_for_market(
    cfg: &PlannerConfig,
    conn: &ConnectionId,
    seller: &SellerId,
    market: &MarketplaceId,
    mut updates: Vec<Update<'_>>,
    next: DateTime<Utc>,
    out: &mut PlanOut,
) {
    updates.sort_by(|a, b| {
        (a.kind, a.entry.created_at, &a.entry.id).cmp(&(b.kind, b.entry.created_at, &b.entry.id))
    });
    let mut writer = ListingsFeedWriter::new(seller.as_str(), cfg.issue_locale.as_deref());
    let mut entries = Vec::with_capacity(updates.len().min(cfg.limits.max_messages));
    let max_messages = cfg.limits.max_messages.max(1);
    let mut scratch = String::with_capacity(256);
    let mut full = false;
    for u in updates {
        if full {
            out.defer(&u.entry.id, DeferReason::BatchFull, Some(next));
            continue;
        }
        scratch.clear();
        let message = ListingsMessage {
            message_id: (entries.len() + 1) as u64,
            sku: u.sku,
            product_type: &cfg.product_type,
            patch: u.patch,
        };
        message.write_json(&mut scratch);
        let fits = entries.len() < max_messages && writer.size_with(scratch.len()) <= cfg.limits.max_bytes;
        if fits {
            writer.push_rendered(&scratch);
            entries.push(u.entry.id.clone());
        } else if entries.is_empty() {
            let bytes = writer.size_with(scratch.len());
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
