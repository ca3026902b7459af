//! Listings Items 2021-08-01: every definition of Amazon's model, as lenient serde types.
//!
//! Generated from Amazon's `models/listings-items-api-model/listingsItems_2021-08-01.json` by `gen_models.py` (see the
//! issue note); the output is committed and meant to be read. Every field is an `Option` because
//! Amazon leaves out fields its own model calls required; booleans, integers, decimals and strings
//! also decode from the other JSON spelling; enums keep unknown values. Fields holding personal
//! data (and presigned URLs) are redacted from `Debug`.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

crate::lenient_enum! {
    /// Indicates the current exemption status for the listed enforcement actions. It can take values
    /// such as `EXEMPT`, signifying permanent exemption, `EXEMPT_UNTIL_EXPIRY_DATE` indicating
    /// temporary exemption until a specified date, or `NOT_EXEMPT` signifying no exemptions, and
    /// enforcement actions were already applied.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum IssueExemptionStatus {
        /// `EXEMPT`
        Exempt = "EXEMPT",
        /// `EXEMPT_UNTIL_EXPIRY_DATE`
        ExemptUntilExpiryDate = "EXEMPT_UNTIL_EXPIRY_DATE",
        /// `NOT_EXEMPT`
        NotExempt = "NOT_EXEMPT",
    }
}

crate::lenient_enum! {
    /// The severity of the issue.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum IssueSeverity {
        /// `ERROR`
        Error = "ERROR",
        /// `WARNING`
        Warning = "WARNING",
        /// `INFO`
        Info = "INFO",
    }
}

crate::lenient_enum! {
    /// The listings item's offer type.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ItemOfferByMarketplaceOfferType {
        /// `B2C`
        B2C = "B2C",
        /// `B2B`
        B2B = "B2B",
    }
}

crate::lenient_enum! {
    /// The type of relationship.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ItemRelationshipType {
        /// `VARIATION`
        Variation = "VARIATION",
        /// `PACKAGE_HIERARCHY`
        PackageHierarchy = "PACKAGE_HIERARCHY",
    }
}

crate::lenient_enum! {
    /// Identifies the condition of the listings item.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ItemSummaryByMarketplaceConditionType {
        /// `new_new`
        NewNew = "new_new",
        /// `new_open_box`
        NewOpenBox = "new_open_box",
        /// `new_oem`
        NewOem = "new_oem",
        /// `refurbished_refurbished`
        RefurbishedRefurbished = "refurbished_refurbished",
        /// `used_like_new`
        UsedLikeNew = "used_like_new",
        /// `used_very_good`
        UsedVeryGood = "used_very_good",
        /// `used_good`
        UsedGood = "used_good",
        /// `used_acceptable`
        UsedAcceptable = "used_acceptable",
        /// `collectible_like_new`
        CollectibleLikeNew = "collectible_like_new",
        /// `collectible_very_good`
        CollectibleVeryGood = "collectible_very_good",
        /// `collectible_good`
        CollectibleGood = "collectible_good",
        /// `collectible_acceptable`
        CollectibleAcceptable = "collectible_acceptable",
        /// `club_club`
        ClubClub = "club_club",
    }
}

crate::lenient_enum! {
    /// `ItemSummaryByMarketplaceStatusItem` in Amazon's model.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ItemSummaryByMarketplaceStatusItem {
        /// `BUYABLE`
        Buyable = "BUYABLE",
        /// `DISCOVERABLE`
        Discoverable = "DISCOVERABLE",
    }
}

crate::lenient_enum! {
    /// The name of the requirements set for the provided data.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ListingsItemPutRequestRequirements {
        /// `LISTING`
        Listing = "LISTING",
        /// `LISTING_PRODUCT_ONLY`
        ListingProductOnly = "LISTING_PRODUCT_ONLY",
        /// `LISTING_OFFER_ONLY`
        ListingOfferOnly = "LISTING_OFFER_ONLY",
    }
}

crate::lenient_enum! {
    /// The status of the listings item submission.
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum ListingsItemSubmissionResponseStatus {
        /// `ACCEPTED`
        Accepted = "ACCEPTED",
        /// `INVALID`
        Invalid = "INVALID",
        /// `VALID`
        Valid = "VALID",
    }
}

crate::lenient_enum! {
    /// Type of JSON Patch operation. Supported JSON Patch operations include `add`, `replace`, `merge`
    /// and `delete`. Refer to .
    ///
    /// Lenient: a value Amazon adds later is kept in `Unknown` instead of failing the decode.
    pub enum PatchOperationOp {
        /// `add`
        Add = "add",
        /// `replace`
        Replace = "replace",
        /// `merge`
        Merge = "merge",
        /// `delete`
        Delete = "delete",
    }
}

/// Error response returned when the request is unsuccessful.
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
    /// A message that describes the error condition.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// Additional details that can help the caller understand or fix the issue.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub details: Option<String>,
}

/// A list of error responses returned when a request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ErrorList {
    /// A list of error responses.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<Error>>,
}

/// Selling partner listings items and search related metadata.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemSearchResults {
    /// The total number of selling partner listings items found for the search criteria (only results
    /// up to the page count limit is returned per request regardless of the number found).
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "numberOfResults",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub number_of_results: Option<i64>,
    /// If available, the `nextToken` and/or `previousToken` values required to return paginated
    /// results.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// A list of listings items.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
}

/// A listings item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Item {
    /// A selling partner-provided identifier for an Amazon listing.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub sku: Option<String>,
    /// Summary details for a listings item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summaries: Option<Vec<ItemSummaryByMarketplace>>,
    /// JSON object containing structured listings item attribute data keyed by attribute name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<serde_json::Value>,
    /// Issues associated with the listings item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<Issue>>,
    /// The listings item's offer details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers: Option<Vec<ItemOfferByMarketplace>>,
    /// The listings item's fulfillment availability.
    #[serde(
        rename = "fulfillmentAvailability",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_availability: Option<Vec<FulfillmentAvailability>>,
    /// The listings item's vendor procurement information.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procurement: Option<Vec<ItemProcurement>>,
    /// Relationships for a listing item, by Amazon store (for example, variations).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationships: Option<Vec<ItemRelationshipsByMarketplace>>,
    /// Product types for a listing item, by Amazon store.
    #[serde(rename = "productTypes", default, skip_serializing_if = "Option::is_none")]
    pub product_types: Option<Vec<ItemProductTypeByMarketplace>>,
}

/// Summary details for a listings item for an Amazon store.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemSummaryByMarketplace {
    /// A marketplace identifier. Identifies the listings item's Amazon store.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The ASIN of the listings item.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub asin: Option<String>,
    /// The listings item's Amazon product type.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "productType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub product_type: Option<String>,
    /// Identifies the condition of the listings item.
    #[serde(rename = "conditionType", default, skip_serializing_if = "Option::is_none")]
    pub condition_type: Option<ItemSummaryByMarketplaceConditionType>,
    /// Statuses that apply to the listings item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Vec<ItemSummaryByMarketplaceStatusItem>>,
    /// Fulfillment network stock keeping unit is an identifier used by Amazon fulfillment centers to
    /// identify each unique item.
    #[serde(
        rename = "fnSku",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fn_sku: Option<String>,
    /// Name, or title, associated with an Amazon catalog item.
    #[serde(
        rename = "itemName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub item_name: Option<String>,
    /// Date the listings item was created, in ISO 8601 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "createdDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub created_date: Option<DateTime<Utc>>,
    /// Date the listings item was last updated, in ISO 8601 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "lastUpdatedDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub last_updated_date: Option<DateTime<Utc>>,
    /// The listings item's main image.
    #[serde(rename = "mainImage", default, skip_serializing_if = "Option::is_none")]
    pub main_image: Option<ItemImage>,
}

/// The listings item's image.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemImage {
    /// The image's link or URL.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub link: Option<String>,
    /// The image's height, in pixels.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub height: Option<i64>,
    /// The image's width, in pixels.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub width: Option<i64>,
}

/// An issue with a listings item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Issue {
    /// An issue code that identifies the type of issue.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub code: Option<String>,
    /// A message that describes the issue.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub message: Option<String>,
    /// The severity of the issue.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<IssueSeverity>,
    /// Names of the attributes that are associated with the issue, if applicable.
    #[serde(rename = "attributeNames", default, skip_serializing_if = "Option::is_none")]
    pub attribute_names: Option<Vec<String>>,
    /// List of issue categories.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub categories: Option<Vec<String>>,
    /// Provides information about the enforcement actions taken by Amazon that affect the publishing or
    /// status of a listing. It also includes details about any associated exemptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enforcements: Option<IssueEnforcements>,
    /// List of Amazon store identifiers.
    #[serde(rename = "marketplaceIds", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_ids: Option<Vec<String>>,
}

/// Provides information about the enforcement actions taken by Amazon that affect the publishing or
/// status of a listing. It also includes details about any associated exemptions.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct IssueEnforcements {
    /// List of enforcement actions taken by Amazon that affect the publishing or status of a listing.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actions: Option<Vec<IssueEnforcementAction>>,
    /// The `exemption` field serves to convey the status of enforcement actions by Amazon.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption: Option<IssueExemption>,
}

/// The enforcement action taken by Amazon that affect the publishing or status of a listing
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct IssueEnforcementAction {
    /// The enforcement action name.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub action: Option<String>,
}

/// Conveying the status of the listed enforcement actions and, if applicable, provides information
/// about the exemption's expiry date.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct IssueExemption {
    /// Indicates the current exemption status for the listed enforcement actions. It can take values
    /// such as `EXEMPT`, signifying permanent exemption, `EXEMPT_UNTIL_EXPIRY_DATE` indicating
    /// temporary exemption until a specified date, or `NOT_EXEMPT` signifying no exemptions, and
    /// enforcement actions were already applied.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<IssueExemptionStatus>,
    /// Represents the timestamp, in ISO 8601 format, that specifies the date when the temporary
    /// exemptions expires, and Amazon begins enforcing the listed actions.
    #[serde(
        rename = "expiryDate",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_datetime",
        serialize_with = "wire::opt_datetime_millis"
    )]
    pub expiry_date: Option<DateTime<Utc>>,
}

/// Offer details for a listings item for the specified Amazon store.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemOfferByMarketplace {
    /// Amazon store identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The listings item's offer type.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "offerType", default, skip_serializing_if = "Option::is_none")]
    pub offer_type: Option<ItemOfferByMarketplaceOfferType>,
    /// Purchase price of the listings item
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
    /// The number of Amazon Points offered with the purchase of an item, and their monetary value. Note
    /// that the `Points` element is only returned in Japan (JP).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Points>,
    /// Buyer segment or program this offer is applicable to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
}

/// The listings item's vendor procurement information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemProcurement {
    /// The price (numeric value) that you want Amazon to pay you for this product.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(rename = "costPrice", default, skip_serializing_if = "Option::is_none")]
    pub cost_price: Option<Money>,
}

/// Relationship details for the listing item in the specified Amazon store.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemRelationshipsByMarketplace {
    /// Amazon store identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// Relationships for the listing item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationships: Option<Vec<ItemRelationship>>,
}

/// The relationship details for a listing item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemRelationship {
    /// Identifiers (SKUs) of the related items that are children of this listing item.
    #[serde(rename = "childSkus", default, skip_serializing_if = "Option::is_none")]
    pub child_skus: Option<Vec<String>>,
    /// Identifiers (SKUs) of the related items that are parents of this listing item.
    #[serde(rename = "parentSkus", default, skip_serializing_if = "Option::is_none")]
    pub parent_skus: Option<Vec<String>>,
    /// For `VARIATION` relationships, the variation theme is the combination of listing item attributes
    /// that define the variation family.
    #[serde(rename = "variationTheme", default, skip_serializing_if = "Option::is_none")]
    pub variation_theme: Option<ItemVariationTheme>,
    /// The type of relationship.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<ItemRelationshipType>,
}

/// A variation theme that indicates the combination of listing item attributes that define the
/// variation family.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemVariationTheme {
    /// The names of the listing item attributes that are associated with the variation theme.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<String>>,
    /// The variation theme that indicates the combination of listing item attributes that define the
    /// variation family.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub theme: Option<String>,
}

/// Product types that are associated with the listing item for the specified Amazon store.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemProductTypeByMarketplace {
    /// Amazon store identifier.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The name of the product type that is submitted by the Selling Partner.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "productType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub product_type: Option<String>,
}

/// The listings item's fulfillment availability details.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentAvailability {
    /// Designates which fulfillment network is used.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "fulfillmentChannelCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub fulfillment_channel_code: Option<String>,
    /// The item quantity that you're making available for sale.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub quantity: Option<i64>,
}

/// The currency type and the amount.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Money {
    /// Three-digit currency code. In ISO 4217 format.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "currencyCode",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub currency_code: Option<String>,
    /// The currency amount.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_decimal"
    )]
    pub amount: Option<Decimal>,
}

/// The number of Amazon Points offered with the purchase of an item, and their monetary value. Note
/// that the `Points` element is only returned in Japan (JP).
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Points {
    /// The number of Amazon Points offered with the purchase of an item, and their monetary value.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "pointsNumber",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_int"
    )]
    pub points_number: Option<i64>,
}

/// Buyer segment or program this offer is applicable to.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Audience {
    /// Name of the audience an offer is applicable to.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub value: Option<String>,
    /// Localized display name for the audience.
    #[serde(
        rename = "displayName",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub display_name: Option<String>,
}

/// Individual JSON Patch operation for an HTTP PATCH request.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PatchOperation {
    /// Type of JSON Patch operation. Supported JSON Patch operations include `add`, `replace`, `merge`
    /// and `delete`. Refer to .
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub op: Option<PatchOperationOp>,
    /// JSON Pointer path of the element to patch. Refer to JavaScript Object Notation (JSON) Patch for
    /// more information.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub path: Option<String>,
    /// JSON value to `add`, `replace`, `merge` or `delete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Vec<serde_json::Value>>,
}

impl PatchOperation {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.op.is_none() {
            out.push(format!("{prefix}op"));
        }
        if self.path.is_none() {
            out.push(format!("{prefix}path"));
        }
    }
}

/// The request body schema for the `patchListingsItem` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListingsItemPatchRequest {
    /// The Amazon product type of the listings item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "productType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub product_type: Option<String>,
    /// One or more JSON Patch operations to perform on the listings item.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patches: Option<Vec<PatchOperation>>,
}

impl ListingsItemPatchRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.product_type.is_none() {
            out.push(format!("{prefix}productType"));
        }
        if self.patches.is_none() {
            out.push(format!("{prefix}patches"));
        }
        for (i, v) in self.patches.iter().flatten().enumerate() {
            v.collect_missing(&format!("{prefix}patches[{i}]."), out);
        }
    }
}

/// The request body schema for the `putListingsItem` operation.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListingsItemPutRequest {
    /// The listings item's Amazon product type.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "productType",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub product_type: Option<String>,
    /// The name of the requirements set for the provided data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirements: Option<ListingsItemPutRequestRequirements>,
    /// JSON object containing structured listings item attribute data keyed by attribute name.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributes: Option<serde_json::Value>,
}

impl ListingsItemPutRequest {
    /// Appends the JSON path of every required field that is absent (recursively) to `out`.
    pub fn collect_missing(&self, prefix: &str, out: &mut Vec<String>) {
        if self.product_type.is_none() {
            out.push(format!("{prefix}productType"));
        }
        if self.attributes.is_none() {
            out.push(format!("{prefix}attributes"));
        }
    }
}

/// Response containing the results of a submission to the Selling Partner API for Listings Items.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ListingsItemSubmissionResponse {
    /// A selling partner-provided identifier for an Amazon listing.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub sku: Option<String>,
    /// The status of the listings item submission.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ListingsItemSubmissionResponseStatus>,
    /// The unique identifier of the listings item submission.
    ///
    /// Required by Amazon's model (absent when Amazon leaves it out).
    #[serde(
        rename = "submissionId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub submission_id: Option<String>,
    /// Listings item issues related to the listings item submission.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<Issue>>,
    /// Identity attributes associated with the item in the Amazon catalog, such as the ASIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifiers: Option<Vec<ItemIdentifiersByMarketplace>>,
}

/// Identity attributes associated with the item in the Amazon catalog for the indicated Amazon store.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemIdentifiersByMarketplace {
    /// Amazon store identifier. Identifies the listings item's Amazon store.
    #[serde(
        rename = "marketplaceId",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub marketplace_id: Option<String>,
    /// The ASIN of the listings item.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub asin: Option<String>,
}

/// When a request produces a response that exceeds the `pageSize`, pagination occurs. This means the
/// response is divided into individual pages. To retrieve the next page or the previous page, you must
/// pass the `nextToken` value or the `previousToken` value as the `pageToken` parameter in the next
/// request. When you receive the last page, there is no `nextToken` key in the pagination object.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Pagination {
    /// A token that can be used to fetch the next page.
    #[serde(
        rename = "nextToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub next_token: Option<String>,
    /// A token that can be used to fetch the previous page.
    #[serde(
        rename = "previousToken",
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::de::opt_string"
    )]
    pub previous_token: Option<String>,
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
