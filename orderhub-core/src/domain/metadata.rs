//! Free-form metadata on orders, lines and inventory items, with the well-known keys established hubs use.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Well-known metadata keys.
pub mod keys {
    /// `AFN` or `MFN`: how the order is fulfilled (set on import).
    pub const AMAZON_FULFILLMENT_CHANNEL: &str = "amazon_fulfillment_channel";
    /// The VAT amount included in the order's prices (EU marketplaces), as text.
    pub const VAT_TAX: &str = "vat_tax";
    /// The IOSS number Amazon collected VAT under.
    pub const IOSS_NUMBER: &str = "ioss_number";
    /// `1` on an inventory item: never send its stock to Amazon.
    pub const AMAZON_SKIP: &str = "amazon_skip";
    /// On an inventory item: the connections (hub connection ids, comma-separated) whose Amazon listings
    /// carry this SKU; its stock goes only to them. Absent or blank: every connection.
    pub const AMAZON_CONNECTIONS: &str = "amazon_connections";
    /// On an inventory item: `AFN` or `MFN`, switch the listing's fulfillment channel when syncing.
    pub const SWITCH_FULFILLMENT_TO: &str = "SwitchFulfillmentTo";
    /// On an inventory item: handling time in days sent with the stock.
    pub const FULFILLMENT_LATENCY: &str = "FulfillmentLatency";
    /// Amazon label: the shipping service id to buy.
    pub const SHIPPING_SERVICE_ID: &str = "ShippingServiceID";
    /// Amazon label: package type / predefined package dimensions.
    pub const PACKAGE_TYPE: &str = "PackageType";
    /// Amazon label: package length.
    pub const PACKAGE_LENGTH: &str = "PackageLength";
    /// Amazon label: package width.
    pub const PACKAGE_WIDTH: &str = "PackageWidth";
    /// Amazon label: package height.
    pub const PACKAGE_HEIGHT: &str = "PackageHeight";
    /// Amazon label: package weight.
    pub const PACKAGE_WEIGHT: &str = "PackageWeight";
    /// Amazon label: label format (PNG, PDF, ZPL203 ...).
    pub const LABEL_FORMAT: &str = "LabelFormat";
    /// Amazon label: delivery experience (DeliveryConfirmationWithSignature ...).
    pub const DELIVERY_EXPERIENCE: &str = "DeliveryExperience";
    /// Amazon label: carrier pickup wanted (`1`/`0`).
    pub const CARRIER_PICKUP: &str = "CarrierWillPickUp";
    /// Amazon label: declared value.
    pub const DECLARED_VALUE: &str = "DeclaredValue";
    /// Amazon label: hazmat type.
    pub const HAZMAT_TYPE: &str = "HazmatType";
    /// Amazon label: ship-from name.
    pub const SHIP_FROM_NAME: &str = "ShipFromName";
    /// Amazon label: ship-from street.
    pub const SHIP_FROM_ADDRESS: &str = "ShipFromAddress";
    /// Amazon label: ship-from city.
    pub const SHIP_FROM_CITY: &str = "ShipFromCity";
    /// Amazon label: ship-from state.
    pub const SHIP_FROM_STATE: &str = "ShipFromState";
    /// Amazon label: ship-from postal code.
    pub const SHIP_FROM_ZIP: &str = "ShipFromZip";
    /// Amazon label: ship-from country.
    pub const SHIP_FROM_COUNTRY: &str = "ShipFromCountry";
}

/// A string-to-string map, ordered so documents and snapshots are stable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Metadata(pub BTreeMap<String, String>);

impl Metadata {
    /// An empty map.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    /// Sets `key` to `value`, returning the previous value.
    pub fn set(&mut self, key: impl Into<String>, value: impl Into<String>) -> Option<String> {
        self.0.insert(key.into(), value.into())
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<String> {
        self.0.remove(key)
    }

    /// Whether `key` is set to a truthy value (`1`, `true`, `yes`, case-insensitive).
    pub fn flag(&self, key: &str) -> bool {
        self.get(key)
            .map(|v| matches!(v.trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes"))
            .unwrap_or(false)
    }

    /// Iterates over the entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Metadata {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Metadata(iter.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
    }
}
