//! Inventory items: what the hub knows about stock per SKU.

use serde::{Deserialize, Serialize};

use super::metadata::{keys, Metadata};
use super::money::Money;
use super::order::FulfillmentChannel;

/// Stock of one SKU at one location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InventoryItem {
    /// The seller's SKU.
    pub sku: String,
    /// The ASIN, when known.
    pub asin: Option<String>,
    /// Quantity available to sell (never negative when sent to Amazon).
    pub quantity: i64,
    /// Warehouse or bin location, used by the inventory-location import filter.
    pub location: Option<String>,
    /// Who fulfills this SKU; Amazon-fulfilled stock is never pushed to Amazon.
    pub channel: FulfillmentChannel,
    /// Price, sent separately from quantity when set.
    pub price: Option<Money>,
    /// Handling time in days, when the item sets its own.
    pub handling_time_days: Option<u32>,
    /// Metadata: `amazon_skip`, `SwitchFulfillmentTo`, `FulfillmentLatency` ...
    pub metadata: Metadata,
}

impl InventoryItem {
    /// A merchant-fulfilled item with a quantity and nothing else.
    pub fn new(sku: impl Into<String>, quantity: i64) -> Self {
        InventoryItem {
            sku: sku.into(),
            asin: None,
            quantity,
            location: None,
            channel: FulfillmentChannel::Merchant,
            price: None,
            handling_time_days: None,
            metadata: Metadata::new(),
        }
    }

    /// Whether the item is marked `amazon_skip` = 1.
    pub fn skip_amazon(&self) -> bool {
        self.metadata.flag(keys::AMAZON_SKIP)
    }

    /// Whether the item's stock goes to the connection `connection_id`: its `amazon_connections` metadata
    /// (comma-separated connection ids) names it, or is absent or blank (every connection).
    pub fn listed_on(&self, connection_id: &str) -> bool {
        match self.metadata.get(keys::AMAZON_CONNECTIONS) {
            None => true,
            Some(list) if list.trim().is_empty() => true,
            Some(list) => list.split(',').any(|c| c.trim() == connection_id),
        }
    }

    /// The handling time to send: `FulfillmentLatency` metadata, else the item's own, else `None`.
    pub fn effective_handling_time(&self) -> Option<u32> {
        self.metadata
            .get(keys::FULFILLMENT_LATENCY)
            .and_then(|v| v.trim().parse().ok())
            .or(self.handling_time_days)
    }

    /// The fulfillment channel to switch the listing to, from `SwitchFulfillmentTo` (`AFN`/`MFN`).
    pub fn switch_fulfillment_to(&self) -> Option<FulfillmentChannel> {
        match self
            .metadata
            .get(keys::SWITCH_FULFILLMENT_TO)?
            .trim()
            .to_ascii_uppercase()
            .as_str()
        {
            "AFN" | "FBA" | "AMAZON" => Some(FulfillmentChannel::Amazon),
            "MFN" | "FBM" | "MERCHANT" => Some(FulfillmentChannel::Merchant),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amazon_connections_scope_the_item() {
        let mut item = InventoryItem::new("SKU-1", 5);
        assert!(item.listed_on("na"), "no scope: every connection");
        item.metadata.set(keys::AMAZON_CONNECTIONS, "  ");
        assert!(item.listed_on("na"), "blank: every connection");
        item.metadata.set(keys::AMAZON_CONNECTIONS, "eu, uk");
        assert!(!item.listed_on("na"));
        assert!(item.listed_on("eu"));
        assert!(item.listed_on("uk"));
        assert!(!item.listed_on("e"), "exact match only");
    }

    #[test]
    fn metadata_helpers() {
        let mut item = InventoryItem::new("SKU-1", 5);
        assert!(!item.skip_amazon());
        item.metadata.set(keys::AMAZON_SKIP, "1");
        item.metadata.set(keys::FULFILLMENT_LATENCY, " 4 ");
        item.metadata.set(keys::SWITCH_FULFILLMENT_TO, "afn");
        item.handling_time_days = Some(2);
        assert!(item.skip_amazon());
        assert_eq!(item.effective_handling_time(), Some(4));
        assert_eq!(item.switch_fulfillment_to(), Some(FulfillmentChannel::Amazon));
    }
}
