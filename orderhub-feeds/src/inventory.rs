//! Turning the hub's inventory into stock and price updates for the outbox.

use orderhub_core::{FulfillmentChannel, InventoryItem, MarketplaceId, OutboxPayload};

/// Why an item produced no stock update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SkipReason {
    /// `amazon_skip` = 1.
    AmazonSkip,
    /// Amazon fulfills it and `SwitchFulfillmentTo` does not move it to the merchant.
    AmazonFulfilled,
}

/// The updates for a set of items, and the items left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InventorySelection {
    /// Stock (and price) payloads to write to the outbox.
    pub payloads: Vec<OutboxPayload>,
    /// SKUs left out, with the reason.
    pub skipped: Vec<(String, SkipReason)>,
}

/// Stock updates (and price updates for items with a price) for every item and marketplace, leaving out
/// items marked `amazon_skip` = 1 and Amazon-fulfilled items (unless `SwitchFulfillmentTo` is `MFN`).
/// Quantities below zero go as zero. Items whose `SwitchFulfillmentTo` is `AFN` get a stock update so the
/// planner, given the same items as its inventory lookup, sends the switch to Amazon fulfillment.
/// The handling time is the item's `FulfillmentLatency`, else its own, else `default_handling_time_days`.
pub fn inventory_updates(
    items: &[InventoryItem],
    marketplaces: &[MarketplaceId],
    default_handling_time_days: Option<u32>,
) -> InventorySelection {
    let mut out = InventorySelection::default();
    for item in items {
        if item.skip_amazon() {
            out.skipped.push((item.sku.clone(), SkipReason::AmazonSkip));
            continue;
        }
        let switch = item.switch_fulfillment_to();
        if item.channel == FulfillmentChannel::Amazon && switch.is_none() {
            out.skipped.push((item.sku.clone(), SkipReason::AmazonFulfilled));
            continue;
        }
        let quantity = u32::try_from(item.quantity.max(0)).unwrap_or(u32::MAX);
        let handling = item.effective_handling_time().or(default_handling_time_days);
        for m in marketplaces {
            out.payloads.push(OutboxPayload::InventoryUpdate {
                marketplace_id: m.clone(),
                sku: item.sku.clone(),
                quantity,
                handling_time_days: handling,
            });
            if let Some(price) = item.price {
                out.payloads.push(OutboxPayload::PriceUpdate {
                    marketplace_id: m.clone(),
                    sku: item.sku.clone(),
                    price,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use orderhub_core::keys;

    #[test]
    fn skip_and_channel_rules() {
        let mut skip = InventoryItem::new("SKIP", 3);
        skip.metadata.set(keys::AMAZON_SKIP, "1");
        let mut fba = InventoryItem::new("FBA", 3);
        fba.channel = FulfillmentChannel::Amazon;
        let mut back = InventoryItem::new("BACK", -2);
        back.channel = FulfillmentChannel::Amazon;
        back.metadata.set(keys::SWITCH_FULFILLMENT_TO, "MFN");
        back.metadata.set(keys::FULFILLMENT_LATENCY, "4");
        let plain = InventoryItem::new("PLAIN", 7);
        let us = MarketplaceId::new("ATVPDKIKX0DER");
        let sel = inventory_updates(&[skip, fba, back, plain], std::slice::from_ref(&us), Some(2));
        assert_eq!(
            sel.skipped,
            vec![
                ("SKIP".to_owned(), SkipReason::AmazonSkip),
                ("FBA".to_owned(), SkipReason::AmazonFulfilled)
            ]
        );
        assert_eq!(
            sel.payloads,
            vec![
                OutboxPayload::InventoryUpdate {
                    marketplace_id: us.clone(),
                    sku: "BACK".into(),
                    quantity: 0,
                    handling_time_days: Some(4)
                },
                OutboxPayload::InventoryUpdate {
                    marketplace_id: us,
                    sku: "PLAIN".into(),
                    quantity: 7,
                    handling_time_days: Some(2)
                },
            ]
        );
    }
}
