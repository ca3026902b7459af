//! FBA Inventory v1: every definition of Amazon's model, as lenient serde types.
//!
//! Generated from Amazon's `models/fba-inventory-api-model/fbaInventory.json` by `gen_models.py` (see the
//! issue note); the output is committed and meant to be read. Every field is an `Option` because
//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings
//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal
//! data (and presigned URLs) are redacted from `Debug`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::lenient_enum! {
    /// The duration of the research.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ResearchingQuantityEntryName {
        /// `researchingQuantityInShortTerm`
        ResearchingQuantityInShortTerm = "researchingQuantityInShortTerm",
        /// `researchingQuantityInMidTerm`
        ResearchingQuantityInMidTerm = "researchingQuantityInMidTerm",
        /// `researchingQuantityInLongTerm`
        ResearchingQuantityInLongTerm = "researchingQuantityInLongTerm",
    }
}

/// An item to be created in the inventory.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateInventoryItemRequest {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The marketplaceId.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The name of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "productName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub product_name: Option<String>,
}

impl CreateInventoryItemRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_sku.is_none() {
            out.push(format!("{prefix}sellerSku"));
        }
        if self.marketplace_id.is_none() {
            out.push(format!("{prefix}marketplaceId"));
        }
        if self.product_name.is_none() {
            out.push(format!("{prefix}productName"));
        }
    }
}

/// The object with the list of Inventory to be added
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AddInventoryRequest {
    /// List of Inventory to be added
    #[serde(rename = "inventoryItems", default, skip_serializing_if = "Option::is_none")]
    pub inventory_items: Option<Vec<InventoryItem>>,
}

impl AddInventoryRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        for (i, v) in self.inventory_items.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}inventoryItems[{i}]."), out);
        }
    }
}

/// An item in the list of inventory to be added.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct InventoryItem {
    /// The seller SKU of the item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The marketplaceId.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The quantity of item to add.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
}

impl InventoryItem {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.seller_sku.is_none() {
            out.push(format!("{prefix}sellerSku"));
        }
        if self.marketplace_id.is_none() {
            out.push(format!("{prefix}marketplaceId"));
        }
        if self.quantity.is_none() {
            out.push(format!("{prefix}quantity"));
        }
    }
}

/// The response schema for the CreateInventoryItem operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct CreateInventoryItemResponse {
    /// One or more unexpected errors occurred during the CreateInventoryItem operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The response schema for the DeleteInventoryItem operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DeleteInventoryItemResponse {
    /// One or more unexpected errors occurred during the DeleteInventoryItem operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// The response schema for the AddInventory operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AddInventoryResponse {
    /// One or more unexpected errors occurred during the AddInventory operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Describes a granularity at which inventory data can be aggregated. For example, if you use
/// Marketplace granularity, the fulfillable quantity will reflect inventory that could be fulfilled in
/// the given marketplace.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Granularity {
    /// The granularity type for the inventory aggregation level.
    #[serde(
        rename = "granularityType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub granularity_type: Option<String>,
    /// The granularity ID for the specified granularity type. When granularityType is Marketplace,
    /// specify the marketplaceId.
    #[serde(
        rename = "granularityId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub granularity_id: Option<String>,
}

/// The quantity of reserved inventory.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ReservedQuantity {
    /// The total number of units in Amazon's fulfillment network that are currently being picked,
    /// packed, and shipped; or are sidelined for measurement, sampling, or other internal processes.
    #[serde(
        rename = "totalReservedQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub total_reserved_quantity: Option<i64>,
    /// The number of units reserved for customer orders.
    #[serde(
        rename = "pendingCustomerOrderQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub pending_customer_order_quantity: Option<i64>,
    /// The number of units being transferred from one fulfillment center to another.
    #[serde(
        rename = "pendingTransshipmentQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub pending_transshipment_quantity: Option<i64>,
    /// The number of units that have been sidelined at the fulfillment center for additional
    /// processing.
    #[serde(
        rename = "fcProcessingQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub fc_processing_quantity: Option<i64>,
}

/// The misplaced or warehouse damaged inventory that is actively being confirmed at our fulfillment
/// centers.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ResearchingQuantityEntry {
    /// The duration of the research.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ResearchingQuantityEntryName>,
    /// The number of units.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
}

/// The number of misplaced or warehouse damaged units that are actively being confirmed at our
/// fulfillment centers.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ResearchingQuantity {
    /// The total number of units currently being researched in Amazon's fulfillment network.
    #[serde(
        rename = "totalResearchingQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub total_researching_quantity: Option<i64>,
    /// A list of quantity details for items currently being researched.
    #[serde(
        rename = "researchingQuantityBreakdown",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub researching_quantity_breakdown: Option<Vec<ResearchingQuantityEntry>>,
}

/// The quantity of unfulfillable inventory.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct UnfulfillableQuantity {
    /// The total number of units in Amazon's fulfillment network in unsellable condition.
    #[serde(
        rename = "totalUnfulfillableQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub total_unfulfillable_quantity: Option<i64>,
    /// The number of units in customer damaged disposition.
    #[serde(
        rename = "customerDamagedQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub customer_damaged_quantity: Option<i64>,
    /// The number of units in warehouse damaged disposition.
    #[serde(
        rename = "warehouseDamagedQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub warehouse_damaged_quantity: Option<i64>,
    /// The number of units in distributor damaged disposition.
    #[serde(
        rename = "distributorDamagedQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub distributor_damaged_quantity: Option<i64>,
    /// The number of units in carrier damaged disposition.
    #[serde(
        rename = "carrierDamagedQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub carrier_damaged_quantity: Option<i64>,
    /// The number of units in defective disposition.
    #[serde(
        rename = "defectiveQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub defective_quantity: Option<i64>,
    /// The number of units in expired disposition.
    #[serde(
        rename = "expiredQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub expired_quantity: Option<i64>,
}

/// Summarized inventory details. This object will not appear if the details parameter in the request is
/// false.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct InventoryDetails {
    /// The item quantity that can be picked, packed, and shipped.
    #[serde(
        rename = "fulfillableQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub fulfillable_quantity: Option<i64>,
    /// The number of units in an inbound shipment for which you have notified Amazon.
    #[serde(
        rename = "inboundWorkingQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub inbound_working_quantity: Option<i64>,
    /// The number of units in an inbound shipment that you have notified Amazon about and have provided
    /// a tracking number.
    #[serde(
        rename = "inboundShippedQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub inbound_shipped_quantity: Option<i64>,
    /// The number of units that have not yet been received at an Amazon fulfillment center for
    /// processing, but are part of an inbound shipment with some units that have already been received
    /// and processed.
    #[serde(
        rename = "inboundReceivingQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub inbound_receiving_quantity: Option<i64>,
    /// The quantity of reserved inventory.
    #[serde(rename = "reservedQuantity", default, skip_serializing_if = "Option::is_none")]
    pub reserved_quantity: Option<ReservedQuantity>,
    /// The number of misplaced or warehouse damaged units that are actively being confirmed at our
    /// fulfillment centers.
    #[serde(
        rename = "researchingQuantity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub researching_quantity: Option<ResearchingQuantity>,
    /// The quantity of unfulfillable inventory.
    #[serde(
        rename = "unfulfillableQuantity",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub unfulfillable_quantity: Option<UnfulfillableQuantity>,
}

/// Inventory summary for a specific item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct InventorySummary {
    /// The Amazon Standard Identification Number (ASIN) of an item.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub asin: Option<String>,
    /// Amazon's fulfillment network SKU identifier.
    #[serde(
        rename = "fnSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fn_sku: Option<String>,
    /// The seller SKU of the item.
    #[serde(
        rename = "sellerSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub seller_sku: Option<String>,
    /// The condition of the item as described by the seller (for example, New Item).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub condition: Option<String>,
    /// Summarized inventory details. This object will not appear if the details parameter in the
    /// request is false.
    #[serde(rename = "inventoryDetails", default, skip_serializing_if = "Option::is_none")]
    pub inventory_details: Option<InventoryDetails>,
    /// The date and time that any quantity was last updated.
    #[serde(
        rename = "lastUpdatedTime",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub last_updated_time: Option<DateTime<Utc>>,
    /// The localized language product title of the item within the specific marketplace.
    #[serde(
        rename = "productName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub product_name: Option<String>,
    /// The total number of units in an inbound shipment or in Amazon fulfillment centers.
    #[serde(
        rename = "totalQuantity",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub total_quantity: Option<i64>,
    /// A list of seller-enrolled stores that apply to this seller SKU.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stores: Option<Vec<String>>,
}

/// The process of returning the results to a request in batches of a defined size called pages. This is
/// done to exercise some control over result size and overall throughput. It's a form of traffic
/// management.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Pagination {
    /// A generated string used to retrieve the next page of the result. If nextToken is returned, pass
    /// the value of nextToken to the next request. If nextToken is not returned, there are no more
    /// items to return.
    #[serde(
        rename = "nextToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub next_token: Option<String>,
}

/// The payload schema for the getInventorySummaries operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetInventorySummariesResult {
    /// Describes a granularity at which inventory data can be aggregated. For example, if you use
    /// Marketplace granularity, the fulfillable quantity will reflect inventory that could be fulfilled
    /// in the given marketplace.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granularity: Option<Granularity>,
    /// A list of inventory summaries.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "inventorySummaries",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub inventory_summaries: Option<Vec<InventorySummary>>,
}

/// The Response schema.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetInventorySummariesResponse {
    /// The payload for the getInventorySummaries operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payload: Option<GetInventorySummariesResult>,
    /// The process of returning the results to a request in batches of a defined size called pages.
    /// This is done to exercise some control over result size and overall throughput. It's a form of
    /// traffic management.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// One or more unexpected errors occurred during the getInventorySummaries operation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// An error response returned when the request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Error {
    /// An error code that identifies the type of error that occurred.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub code: Option<String>,
    /// A message that describes the error condition in a human-readable form.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// Additional information that can help the caller understand or fix the issue.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub details: Option<String>,
}

/// Serializers for request bodies: Amazon's `number` fields as JSON numbers (not the string form
/// `rust_decimal` uses by default) and timestamps in the millisecond ISO 8601 form of Amazon's examples.
mod wire {

    pub(super) fn opt_datetime_millis<S: serde::Serializer>(
        v: &Option<chrono::DateTime<chrono::Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            None => s.serialize_none(),
            Some(t) => s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)),
        }
    }
}
