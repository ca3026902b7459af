//! Orders 2026-01-01: every definition of Amazon's model (`models/orders-api-model/orders_2026-01-01.json`)
//! as lenient serde types.
//!
//! Drafted from the model by a script and then edited by hand; it is meant to be read. Every field is
//! optional (Amazon leaves out fields its model calls required), lists default to empty, numbers and money
//! also decode from strings, timestamps are parsed leniently, and enums keep values they do not know
//! (`Unknown`). Many fields the model documents as strings with "possible values" (programs, channel
//! names, proceeds types) stay `String`s, as the model declares them. Structs holding buyers' personal data
//! print `<redacted>` for it in `Debug`.

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::de;
use crate::error::AmazonError;

pub use crate::orders_v0::{AmazonOrderId, MarketplaceId, OrderItemId};

/// A list of orders.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SearchOrdersResponse {
    /// An array containing all orders that match the search criteria.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "orders",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub orders: Vec<Order>,
    /// Pagination occurs when a request has results that exceed the response limit. This means the results
    /// are divided into individual pages. To retrieve a different page, you must pass the token value as
    /// the `paginationToken` query parameter in the subsequent request.
    #[serde(rename = "pagination", default, skip_serializing_if = "Option::is_none")]
    pub pagination: Option<Pagination>,
    /// Only orders updated before the specified time are returned. The date must be in ISO 8601 format.
    #[serde(
        rename = "lastUpdatedBefore",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_before: Option<DateTime<Utc>>,
    /// Only orders placed before the specified time are returned. The date must be in ISO 8601 format.
    #[serde(
        rename = "createdBefore",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_before: Option<DateTime<Utc>>,
}

/// Pagination occurs when a request has results that exceed the response limit. This means the results
/// are divided into individual pages. To retrieve a different page, you must pass the token value as
/// the `paginationToken` query parameter in the subsequent request.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Pagination {
    /// A token that can be used to fetch the next page of results.
    #[serde(rename = "nextToken", default, skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Order details.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct GetOrderResponse {
    /// All available information about the requested order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "order", default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
}

/// Comprehensive information about a customer order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Order {
    /// An Amazon-defined order identifier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "orderId", default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<AmazonOrderId>,
    /// Alternative identifiers that can be used to reference this order, such as seller-defined order
    /// numbers.
    #[serde(
        rename = "orderAliases",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub order_aliases: Vec<Alias>,
    /// The time when the customer placed the order. In ISO 8601 format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "createdTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_time: Option<DateTime<Utc>>,
    /// The most recent time when any aspect of this order was modified by Amazon or the seller. In ISO 8601
    /// format.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "lastUpdatedTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub last_updated_time: Option<DateTime<Utc>>,
    /// Special programs associated with this order that may affect fulfillment or customer experience.
    #[serde(
        rename = "programs",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub programs: Vec<String>,
    /// Other orders that have a direct relationship to this order, such as replacement or exchange orders.
    #[serde(
        rename = "associatedOrders",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub associated_orders: Vec<AssociatedOrder>,
    /// Information about where this order was placed.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "salesChannel", default, skip_serializing_if = "Option::is_none")]
    pub sales_channel: Option<SalesChannel>,
    /// Information about the customer who purchased this order.
    #[serde(rename = "buyer", default, skip_serializing_if = "Option::is_none")]
    pub buyer: Option<Buyer>,
    /// Information about the person or location where this order should be delivered.
    #[serde(rename = "recipient", default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<Recipient>,
    /// Financial information about this order.
    #[serde(rename = "proceeds", default, skip_serializing_if = "Option::is_none")]
    pub proceeds: Option<OrderProceeds>,
    /// Payment information for the order.
    #[serde(rename = "payment", default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<OrderPayment>,
    /// Tax-related information for the order.
    #[serde(rename = "tax", default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<OrderTax>,
    /// Information about how this order is being processed and shipped.
    #[serde(rename = "fulfillment", default, skip_serializing_if = "Option::is_none")]
    pub fulfillment: Option<OrderFulfillment>,
    /// The list of all order items included in this order.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "orderItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub order_items: Vec<OrderItem>,
    /// Shipping packages created for this order, including tracking information. Note: Only available for
    /// merchant-fulfilled (FBM) orders.
    #[serde(
        rename = "packages",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub packages: Vec<OrderPackage>,
    /// The list of fulfillment orders associated with this customer order. Each entry corresponds to one
    /// fulfillment unit created by Amazon for this order. Note: Only available for EasyShip orders at
    /// present.
    #[serde(
        rename = "fulfillmentOrders",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub fulfillment_orders: Vec<FulfillmentOrder>,
}

/// An alternative identifier that provides a different way to reference the same order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Alias {
    /// The alternative identifier value that can be used to reference this order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "aliasId", default, skip_serializing_if = "Option::is_none")]
    pub alias_id: Option<String>,
    /// The kind of alternative identifier this represents.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "aliasType", default, skip_serializing_if = "Option::is_none")]
    pub alias_type: Option<String>,
}

/// Another order that has a direct business relationship with the current order, such as replacements
/// or exchanges.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AssociatedOrder {
    /// The unique identifier of the related order that is associated with the current order.
    #[serde(rename = "orderId", default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<AmazonOrderId>,
    /// The relationship between the current order and the associated order.
    #[serde(rename = "associationType", default, skip_serializing_if = "Option::is_none")]
    pub association_type: Option<String>,
}

/// Information about where the customer placed this order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SalesChannel {
    /// The name of the sales platform or channel where the customer placed this order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "channelName", default, skip_serializing_if = "Option::is_none")]
    pub channel_name: Option<String>,
    /// The unique identifier for the specific marketplace within the sales channel where this order was
    /// placed.
    #[serde(rename = "marketplaceId", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_id: Option<MarketplaceId>,
    /// The human-readable name of the marketplace where this order was placed.
    #[serde(rename = "marketplaceName", default, skip_serializing_if = "Option::is_none")]
    pub marketplace_name: Option<String>,
}

/// Information about the customer who purchased the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Buyer {
    /// The full name of the customer who placed the order.
    #[serde(rename = "buyerName", default, skip_serializing_if = "Option::is_none")]
    pub buyer_name: Option<String>,
    /// The anonymized email address of the buyer. Note: Only available for merchant-fulfilled (FBM) orders.
    #[serde(rename = "buyerEmail", default, skip_serializing_if = "Option::is_none")]
    pub buyer_email: Option<String>,
    /// The name of the company or organization for a business order.
    #[serde(rename = "buyerCompanyName", default, skip_serializing_if = "Option::is_none")]
    pub buyer_company_name: Option<String>,
    /// The purchase order (PO) number entered by the buyer at checkout. Only returned for orders where the
    /// buyer entered a PO number at checkout.
    #[serde(
        rename = "buyerPurchaseOrderNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_purchase_order_number: Option<String>,
}

crate::redacted_debug!(Buyer {  } hide { buyer_name, buyer_email, buyer_company_name, buyer_purchase_order_number });

/// Information about the recipient to whom the order should be delivered.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Recipient {
    /// The address where the order should be delivered to the customer.
    #[serde(rename = "deliveryAddress", default, skip_serializing_if = "Option::is_none")]
    pub delivery_address: Option<CustomerAddress>,
    /// Special instructions and preferences that the customer specifies for how the order should be
    /// delivered.
    #[serde(
        rename = "deliveryPreference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub delivery_preference: Option<DeliveryPreference>,
}

/// The money that the seller receives from the sale of the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderProceeds {
    /// The total amount that the seller receives from the sale of the order.
    #[serde(rename = "grandTotal", default, skip_serializing_if = "Option::is_none")]
    pub grand_total: Option<Money>,
    /// Categorized proceeds for the order. Proceed categories are either aggregated across all order items
    /// (such as `ITEM`, `SHIPPING`, and `TAX`) or applied at the order level (such as `DELIVERY_TIP`).
    #[serde(
        rename = "breakdowns",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub breakdowns: Vec<OrderProceedsBreakdown>,
}

/// An entry detailing proceeds information.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderProceedsBreakdown {
    /// The proceeds category.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// The processing status of the charge. Only present for categories processed separately after
    /// checkout, such as `DELIVERY_TIP`.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// The monetary amount for the proceeds category.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "subtotal", default, skip_serializing_if = "Option::is_none")]
    pub subtotal: Option<Money>,
}

/// Information about how the order is being processed, packed, and shipped to the customer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderFulfillment {
    /// The current status of the order in the fulfillment process, from pending to handover to carrier.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "fulfillmentStatus",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_status: Option<FulfillmentStatus>,
    /// Specifies whether Amazon or the merchant is responsible for fulfilling this order.
    #[serde(rename = "fulfilledBy", default, skip_serializing_if = "Option::is_none")]
    pub fulfilled_by: Option<String>,
    /// The category of the shipping speed option selected by the customer at checkout.
    #[serde(
        rename = "fulfillmentServiceLevel",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_service_level: Option<String>,
    /// The promised time period within which the order must be shipped to meet the customer's delivery
    /// expectations.
    #[serde(rename = "shipByWindow", default, skip_serializing_if = "Option::is_none")]
    pub ship_by_window: Option<DateTimeRange>,
    /// The promised time period within which the order should be delivered to the customer.
    #[serde(rename = "deliverByWindow", default, skip_serializing_if = "Option::is_none")]
    pub deliver_by_window: Option<DateTimeRange>,
    /// The earliest time available to print the shipping label for the order. Printing is available any
    /// time after the earliestDateTime. Response does not include a latestDateTime.
    #[serde(
        rename = "labelPrintingWindow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub label_printing_window: Option<DateTimeRange>,
}

/// Information about a single product within an order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderItem {
    /// A unique identifier for this specific item within the order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "orderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// The number of units of this item that the customer ordered.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "quantityOrdered",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_ordered: Option<u32>,
    /// The unit of measure and value for items sold by weight, volume, or other measurements rather than
    /// simple count.
    #[serde(rename = "measurement", default, skip_serializing_if = "Option::is_none")]
    pub measurement: Option<Measurement>,
    /// A list of order items associated with this item. For example, a value-add service purchased with the
    /// product.
    #[serde(
        rename = "associatedOrderItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub associated_order_items: Vec<AssociatedOrderItem>,
    /// Special programs that apply specifically to this item within the order.
    #[serde(
        rename = "programs",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub programs: Vec<String>,
    /// Information about the product being ordered.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "product", default, skip_serializing_if = "Option::is_none")]
    pub product: Option<ItemProduct>,
    /// The money that the seller receives from the sale of this specific item.
    #[serde(rename = "proceeds", default, skip_serializing_if = "Option::is_none")]
    pub proceeds: Option<ItemProceeds>,
    /// The expense information related to this specific item.
    #[serde(rename = "expense", default, skip_serializing_if = "Option::is_none")]
    pub expense: Option<ItemExpense>,
    /// Details about any discounts, coupons, or promotional offers applied to this item.
    #[serde(rename = "promotion", default, skip_serializing_if = "Option::is_none")]
    pub promotion: Option<ItemPromotion>,
    /// The cancellation information of the order item.
    #[serde(rename = "cancellation", default, skip_serializing_if = "Option::is_none")]
    pub cancellation: Option<ItemCancellation>,
    /// Information about how the order item should be processed, packed, and shipped to the customer.
    #[serde(rename = "fulfillment", default, skip_serializing_if = "Option::is_none")]
    pub fulfillment: Option<ItemFulfillment>,
    /// Tax-related information for this order item.
    #[serde(rename = "tax", default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<ItemTax>,
}

/// Information about a physical shipping package, including tracking details. Note: Only available for
/// merchant-fulfilled (FBM) orders.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderPackage {
    /// A unique identifier for this package within the context of the order.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "packageReferenceId",
        default,
        deserialize_with = "de::opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub package_reference_id: Option<String>,
    /// The exact time when this shipping package was created and prepared for shipment. In ISO 8601 format.
    #[serde(
        rename = "createdTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_time: Option<DateTime<Utc>>,
    /// The current status of this package.
    #[serde(rename = "packageStatus", default, skip_serializing_if = "Option::is_none")]
    pub package_status: Option<PackageStatus>,
    /// The carrier responsible for transporting this package to the customer.
    #[serde(rename = "carrier", default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// The exact time when this package was handed over to the carrier and began its journey to the
    /// customer. In ISO 8601 format.
    #[serde(
        rename = "shipTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub ship_time: Option<DateTime<Utc>>,
    /// The specific shipping method or service used for delivering this package.
    #[serde(rename = "shippingService", default, skip_serializing_if = "Option::is_none")]
    pub shipping_service: Option<String>,
    /// The carrier-provided tracking number that customers can use to monitor the package's delivery
    /// progress.
    #[serde(rename = "trackingNumber", default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// The physical address from which this package was shipped, typically the merchant's warehouse or
    /// fulfillment center.
    #[serde(rename = "shipFromAddress", default, skip_serializing_if = "Option::is_none")]
    pub ship_from_address: Option<MerchantAddress>,
    /// A list of all order items included in this specific package.
    #[serde(
        rename = "packageItems",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub package_items: Vec<PackageItem>,
}

/// Contains all delivery instructions that the customer provides for the shipping address.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DeliveryPreference {
    /// The drop-off location selected by the customer.
    #[serde(rename = "dropOffLocation", default, skip_serializing_if = "Option::is_none")]
    pub drop_off_location: Option<String>,
    /// Building instructions, nearby landmark, or navigation instructions.
    #[serde(
        rename = "addressInstruction",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub address_instruction: Option<String>,
    /// Business hours and days when the delivery is preferred.
    #[serde(rename = "deliveryTime", default, skip_serializing_if = "Option::is_none")]
    pub delivery_time: Option<PreferredDeliveryTime>,
    /// A list of miscellaneous delivery capabilities associated with the shipping address.
    #[serde(
        rename = "deliveryCapabilities",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub delivery_capabilities: Vec<String>,
}

crate::redacted_debug!(DeliveryPreference { delivery_time, delivery_capabilities } hide { drop_off_location, address_instruction });

/// The physical address of the customer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerAddress {
    /// The full name of the person who will receive the delivery at this address.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The name of the business or organization at this address.
    #[serde(rename = "companyName", default, skip_serializing_if = "Option::is_none")]
    pub company_name: Option<String>,
    /// The primary street address.
    #[serde(rename = "addressLine1", default, skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    /// Additional address information.
    #[serde(rename = "addressLine2", default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional address information.
    #[serde(rename = "addressLine3", default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// The city of the address.
    #[serde(rename = "city", default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The district or county of the address.
    #[serde(rename = "districtOrCounty", default, skip_serializing_if = "Option::is_none")]
    pub district_or_county: Option<String>,
    /// The state, province, or region of the address.
    #[serde(rename = "stateOrRegion", default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// The municipality of the address.
    #[serde(rename = "municipality", default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// The postal code, ZIP code, or equivalent mailing code of the address.
    #[serde(rename = "postalCode", default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// The two-letter country code identifying the country of the address, in ISO 3166-1 format.
    #[serde(rename = "countryCode", default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
    /// The contact phone number for delivery coordination and customer communication.
    #[serde(rename = "phone", default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Additional address components specific to certain countries that provide more detailed location
    /// information.
    #[serde(rename = "extendedFields", default, skip_serializing_if = "Option::is_none")]
    pub extended_fields: Option<AddressExtendedFields>,
    /// The type of location.
    #[serde(rename = "addressType", default, skip_serializing_if = "Option::is_none")]
    pub address_type: Option<String>,
}

crate::redacted_debug!(CustomerAddress { city, state_or_region, country_code, address_type } hide { name, company_name, address_line1, address_line2, address_line3, district_or_county, municipality, postal_code, phone, extended_fields });

/// Additional address components that provide more detailed location information, helping with precise
/// delivery routing.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressExtendedFields {
    /// The name of the street.
    #[serde(rename = "streetName", default, skip_serializing_if = "Option::is_none")]
    pub street_name: Option<String>,
    /// The house, building, or property number associated with the location's street address.
    #[serde(rename = "streetNumber", default, skip_serializing_if = "Option::is_none")]
    pub street_number: Option<String>,
    /// The floor number / unit number.
    #[serde(rename = "complement", default, skip_serializing_if = "Option::is_none")]
    pub complement: Option<String>,
    /// The neighborhood. This value is only used in some countries (such as Brazil).
    #[serde(rename = "neighborhood", default, skip_serializing_if = "Option::is_none")]
    pub neighborhood: Option<String>,
}

crate::redacted_debug!(AddressExtendedFields {  } hide { street_name, street_number, complement, neighborhood });

/// The physical address of the merchant.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct MerchantAddress {
    /// The name of the business or facility at this address.
    #[serde(rename = "name", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The primary street address of the merchant's location.
    #[serde(rename = "addressLine1", default, skip_serializing_if = "Option::is_none")]
    pub address_line1: Option<String>,
    /// Additional address information.
    #[serde(rename = "addressLine2", default, skip_serializing_if = "Option::is_none")]
    pub address_line2: Option<String>,
    /// Additional address information.
    #[serde(rename = "addressLine3", default, skip_serializing_if = "Option::is_none")]
    pub address_line3: Option<String>,
    /// The city of the address.
    #[serde(rename = "city", default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The district or county of the address.
    #[serde(rename = "districtOrCounty", default, skip_serializing_if = "Option::is_none")]
    pub district_or_county: Option<String>,
    /// The state, province, or region of the address.
    #[serde(rename = "stateOrRegion", default, skip_serializing_if = "Option::is_none")]
    pub state_or_region: Option<String>,
    /// The municipality of the address.
    #[serde(rename = "municipality", default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// The postal code or ZIP code of the address.
    #[serde(rename = "postalCode", default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// The two-letter country code for the address, in ISO 3166-1 format.
    #[serde(rename = "countryCode", default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

/// Specifies the unit of measure and quantity for items that are sold by weight, volume, length, or
/// other measurements rather than simple count.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Measurement {
    /// The specific unit of measurement used to quantify this item.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "unit", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<MeasurementUnit>,
    /// The numerical quantity or amount being measured in the specified unit.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "value",
        default,
        deserialize_with = "de::opt_f64",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<f64>,
}

/// Product information for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemProduct {
    /// The Amazon Standard Identification Number (ASIN) of the item.
    #[serde(rename = "asin", default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// The product name or title as displayed to customers in the marketplace.
    #[serde(rename = "title", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The item's seller stock keeping unit (SKU).
    #[serde(rename = "sellerSku", default, skip_serializing_if = "Option::is_none")]
    pub seller_sku: Option<String>,
    /// Information about the physical condition and quality of the item being sold.
    #[serde(rename = "condition", default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<ItemCondition>,
    /// Pricing information for this product.
    #[serde(rename = "price", default, skip_serializing_if = "Option::is_none")]
    pub price: Option<ItemPrice>,
    /// Unique serial numbers for products that require individual tracking, typically provided for FBA
    /// orders.
    #[serde(
        rename = "serialNumbers",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub serial_numbers: Vec<String>,
    /// Information about any personalization or customization applied to this product.
    #[serde(rename = "customization", default, skip_serializing_if = "Option::is_none")]
    pub customization: Option<ItemCustomization>,
}

/// The money that the seller receives from the sale of this specific item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemProceeds {
    /// The total monetary amount for this order item.
    #[serde(rename = "proceedsTotal", default, skip_serializing_if = "Option::is_none")]
    pub proceeds_total: Option<Money>,
    /// The breakdown of proceeds.
    #[serde(
        rename = "breakdowns",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub breakdowns: Vec<ItemProceedsBreakdown>,
}

/// The expense information related to this specific item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemExpense {
    /// The cost of points.
    #[serde(rename = "pointsCost", default, skip_serializing_if = "Option::is_none")]
    pub points_cost: Option<ItemPointsCost>,
}

/// Details about any discounts, coupons, or promotional offers applied to this item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemPromotion {
    /// A list of promotions applied to the order item.
    #[serde(
        rename = "breakdowns",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub breakdowns: Vec<ItemPromotionBreakdown>,
}

/// The cancellation information of the order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemCancellation {
    /// Details of the cancellation request submitted for this order item.
    #[serde(
        rename = "cancellationRequest",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cancellation_request: Option<ItemCancellationRequest>,
    /// Details of how the cancellation was executed for this order item.
    #[serde(
        rename = "cancellationExecution",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cancellation_execution: Option<ItemCancellationExecution>,
}

/// Information about how the order item should be processed, packed, and shipped to the customer.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemFulfillment {
    /// The number of units of this item that have been successfully processed and shipped.
    #[serde(
        rename = "quantityFulfilled",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_fulfilled: Option<u32>,
    /// The number of units of this item that remain to be processed and shipped.
    #[serde(
        rename = "quantityUnfulfilled",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_unfulfilled: Option<u32>,
    /// Information related to the warehouse picking process for this item.
    #[serde(rename = "picking", default, skip_serializing_if = "Option::is_none")]
    pub picking: Option<ItemPicking>,
    /// Information related to the packaging process for this item.
    #[serde(rename = "packing", default, skip_serializing_if = "Option::is_none")]
    pub packing: Option<ItemPacking>,
    /// Information related to the shipping and delivery process for this item.
    #[serde(rename = "shipping", default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ItemShipping>,
}

/// Customer-specified time preferences for when deliveries should be attempted at the destination
/// address.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PreferredDeliveryTime {
    /// Business hours when the business is open for deliveries.
    #[serde(
        rename = "businessHours",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub business_hours: Vec<BusinessHour>,
    /// Specific dates within the next 30 days when normal business hours do not apply.
    #[serde(
        rename = "exceptionDates",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub exception_dates: Vec<ExceptionDate>,
}

/// Business days and hours when the destination is open for deliveries.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct BusinessHour {
    /// Specific day of the week for which operating hours are being defined.
    #[serde(rename = "dayOfWeek", default, skip_serializing_if = "Option::is_none")]
    pub day_of_week: Option<DayOfWeek>,
    /// Collection of time windows during which the location is available for deliveries on the specified
    /// day.
    #[serde(
        rename = "timeWindows",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub time_windows: Vec<TimeWindow>,
}

/// Special dates when normal business hours are modified or suspended, requiring different delivery
/// scheduling.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ExceptionDate {
    /// Specific calendar date when normal operating hours do not apply. In ISO 8601 format at day
    /// granularity.
    #[serde(
        rename = "exceptionDate",
        default,
        deserialize_with = "de::opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub exception_date: Option<NaiveDate>,
    /// Operational status of the business on the specified exception date.
    #[serde(
        rename = "exceptionDateType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub exception_date_type: Option<ExceptionDateType>,
    /// Alternative operating hours that apply specifically to this exception date.
    #[serde(
        rename = "timeWindows",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub time_windows: Vec<TimeWindow>,
}

/// Specific time interval defining the start and end times.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TimeWindow {
    /// The beginning of the time window.
    #[serde(rename = "startTime", default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<HourMinute>,
    /// The end of the time window.
    #[serde(rename = "endTime", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<HourMinute>,
}

/// The time when the business opens or closes.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct HourMinute {
    /// The hour when the business opens or closes, in 24-hour format (0-23).
    #[serde(
        rename = "hour",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub hour: Option<u32>,
    /// The minute when the business opens or closes.
    #[serde(
        rename = "minute",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub minute: Option<u32>,
}

/// Detailed information about the physical condition and quality state of the item being sold.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemCondition {
    /// The primary condition category that broadly describes the item's state.
    #[serde(rename = "conditionType", default, skip_serializing_if = "Option::is_none")]
    pub condition_type: Option<String>,
    /// A more specific condition classification that provides additional detail about the item's quality
    /// within the main condition type.
    #[serde(rename = "conditionSubtype", default, skip_serializing_if = "Option::is_none")]
    pub condition_subtype: Option<String>,
    /// Additional details provided by the seller to describe the specific condition of this particular
    /// item.
    #[serde(rename = "conditionNote", default, skip_serializing_if = "Option::is_none")]
    pub condition_note: Option<String>,
}

/// Pricing information for the order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemPrice {
    /// The price charged for a single unit of this product, before any quantity-based calculations.
    #[serde(rename = "unitPrice", default, skip_serializing_if = "Option::is_none")]
    pub unit_price: Option<Money>,
    /// Indicates that the selling price is a special price that is only available for Amazon Business
    /// orders. For more information about the Amazon Business Seller Program, refer to the Amazon Business
    /// website.
    #[serde(rename = "priceDesignation", default, skip_serializing_if = "Option::is_none")]
    pub price_designation: Option<String>,
}

/// Information about any personalization, customization, or special modifications applied to this order
/// item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ItemCustomization {
    /// The URL of the customized data for custom orders from the Amazon Custom program.
    #[serde(rename = "customizedUrl", default, skip_serializing_if = "Option::is_none")]
    pub customized_url: Option<String>,
}

crate::redacted_debug!(ItemCustomization {  } hide { customized_url });

/// Detailed proceeds breakdown for a specific order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemProceedsBreakdown {
    /// Category classification of the proceeds breakdown.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub type_: Option<String>,
    /// Monetary amount for the proceeds breakdown.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "subtotal", default, skip_serializing_if = "Option::is_none")]
    pub subtotal: Option<Money>,
    /// Further granular breakdown of the subtotal.
    #[serde(
        rename = "detailedBreakdowns",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub detailed_breakdowns: Vec<ItemProceedsDetailedBreakdown>,
}

/// Further granular breakdown of the subtotal of the proceeds breakdown, only available for TAX and
/// DISCOUNT proceeds types.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemProceedsDetailedBreakdown {
    /// Specific classification of the further granular breakdown.
    #[serde(rename = "subtype", default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Monetary amount for the further granular breakdown.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
}

/// Information about Amazon Points granted with the purchase of an item, including both quantity and
/// monetary equivalent value.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemPointsCost {
    /// Details of the Amazon Points granted, including count and monetary value.
    #[serde(rename = "pointsGranted", default, skip_serializing_if = "Option::is_none")]
    pub points_granted: Option<PointsGranted>,
}

/// Information about Amazon Points awarded with an item purchase.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PointsGranted {
    /// Total number of Amazon Points granted to the customer's account for this item purchase.
    #[serde(
        rename = "pointsNumber",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub points_number: Option<u32>,
    /// Cash equivalent value of the awarded Amazon Points.
    #[serde(
        rename = "pointsMonetaryValue",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub points_monetary_value: Option<Money>,
}

/// Detailed information about a specific promotional offer applied to an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemPromotionBreakdown {
    /// Unique identifier for the promotion applied to this item.
    #[serde(rename = "promotionId", default, skip_serializing_if = "Option::is_none")]
    pub promotion_id: Option<String>,
}

/// Detailed information about a cancellation request submitted for a specific order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemCancellationRequest {
    /// Entity that initiated the cancellation request for this item.
    #[serde(rename = "requester", default, skip_serializing_if = "Option::is_none")]
    pub requester: Option<String>,
    /// Explanation provided for why the cancellation was requested.
    #[serde(rename = "cancelReason", default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
}

/// Details of how the cancellation was executed for a specific order item, including who performed the
/// cancellation and the reason.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemCancellationExecution {
    /// Entity that executed the cancellation for this item.
    #[serde(rename = "cancelledBy", default, skip_serializing_if = "Option::is_none")]
    pub cancelled_by: Option<String>,
    /// Explanation provided for why the cancellation was executed.
    #[serde(rename = "cancelReason", default, skip_serializing_if = "Option::is_none")]
    pub cancel_reason: Option<String>,
}

/// Information related to the warehouse picking process for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemPicking {
    /// Substitution preference for an order item when it becomes unavailable during fulfillment.
    #[serde(
        rename = "substitutionPreference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub substitution_preference: Option<ItemSubstitutionPreference>,
}

/// Information related to the packaging process for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemPacking {
    /// Gift wrapping and messaging specified for this item.
    #[serde(rename = "giftOption", default, skip_serializing_if = "Option::is_none")]
    pub gift_option: Option<GiftOption>,
    /// Whether serial numbers must be provided for this line item.
    #[serde(
        rename = "serialNumberRequirement",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub serial_number_requirement: Option<SerialNumberRequirement>,
}

/// Information related to the shipping and delivery process for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemShipping {
    /// When this item is expected to be delivered to the customer.
    #[serde(
        rename = "scheduledDeliveryWindow",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub scheduled_delivery_window: Option<DateTimeRange>,
    /// Special shipping requirements and restrictions that apply to this item.
    #[serde(
        rename = "shippingConstraints",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub shipping_constraints: Option<ItemShippingConstraints>,
    /// Additional information needed for cross-border delivery of this item.
    #[serde(
        rename = "internationalShipping",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub international_shipping: Option<ItemInternationalShipping>,
}

/// Gift wrapping and personalization options selected by the customer for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GiftOption {
    /// Personal message from the buyer to be included with the gift-wrapped item.
    #[serde(rename = "giftMessage", default, skip_serializing_if = "Option::is_none")]
    pub gift_message: Option<String>,
    /// Type or quality level of gift wrapping service selected by the customer.
    #[serde(rename = "giftWrapLevel", default, skip_serializing_if = "Option::is_none")]
    pub gift_wrap_level: Option<String>,
}

crate::redacted_debug!(GiftOption { gift_wrap_level } hide { gift_message });

/// Whether serial numbers must be provided for this line item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct SerialNumberRequirement {
    /// The requirement type for this request.
    #[serde(rename = "requirementType", default, skip_serializing_if = "Option::is_none")]
    pub requirement_type: Option<String>,
}

/// Substitution preference for an order item when it becomes unavailable during fulfillment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemSubstitutionPreference {
    /// Source and nature of the substitution preferences for this item.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "substitutionType", default, skip_serializing_if = "Option::is_none")]
    pub substitution_type: Option<SubstitutionType>,
    /// List of alternative products that can be substituted for the original item if it becomes
    /// unavailable.
    #[serde(
        rename = "substitutionOptions",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub substitution_options: Vec<ItemSubstitutionOption>,
}

/// Alternative product that can be substituted for an original order item when it becomes unavailable
/// during fulfillment.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemSubstitutionOption {
    /// Amazon Standard Identification Number of the substitute product.
    #[serde(rename = "asin", default, skip_serializing_if = "Option::is_none")]
    pub asin: Option<String>,
    /// Number of units of the substitute item to be selected if substitution occurs.
    #[serde(
        rename = "quantityOrdered",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity_ordered: Option<u32>,
    /// The item's seller stock keeping unit (SKU).
    #[serde(rename = "sellerSku", default, skip_serializing_if = "Option::is_none")]
    pub seller_sku: Option<String>,
    /// Product name or title of the substitute item as displayed to customers.
    #[serde(rename = "title", default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Unit of measure and quantity specifications for the substitute product.
    #[serde(rename = "measurement", default, skip_serializing_if = "Option::is_none")]
    pub measurement: Option<Measurement>,
}

/// Special shipping requirements and restrictions that must be observed when shipping an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemShippingConstraints {
    /// The line item must be delivered by pallet.
    #[serde(rename = "palletDelivery", default, skip_serializing_if = "Option::is_none")]
    pub pallet_delivery: Option<ConstraintType>,
    /// Payment must be collected from the customer at the time of delivery.
    #[serde(rename = "cashOnDelivery", default, skip_serializing_if = "Option::is_none")]
    pub cash_on_delivery: Option<ConstraintType>,
    /// The recipient of the line item must sign to confirm its delivery.
    #[serde(
        rename = "signatureConfirmation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub signature_confirmation: Option<ConstraintType>,
    /// The person receiving the line item must be the same as the intended recipient of the order.
    #[serde(
        rename = "recipientIdentityVerification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recipient_identity_verification: Option<ConstraintType>,
    /// The carrier must confirm that the recipient is of the legal age to receive the line item upon
    /// delivery.
    #[serde(
        rename = "recipientAgeVerification",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub recipient_age_verification: Option<ConstraintType>,
}

/// Additional requirements needed for cross-border shipping of an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemInternationalShipping {
    /// Import One-Stop Shop registration number required for EU VAT compliance when shipping from outside
    /// the European Union. Sellers shipping to the EU from outside the EU must provide this IOSS number to
    /// their carrier when Amazon has collected the VAT on the sale.
    #[serde(rename = "iossNumber", default, skip_serializing_if = "Option::is_none")]
    pub ioss_number: Option<String>,
}

/// Current status and detailed tracking information for a shipping package throughout the delivery
/// process.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PackageStatus {
    /// Primary status classification of the package in the shipping workflow.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "status", default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PackageStatusCode>,
    /// Granular status information providing specific details about the package's current location and
    /// handling stage.
    #[serde(rename = "detailedStatus", default, skip_serializing_if = "Option::is_none")]
    pub detailed_status: Option<String>,
}

/// Individual order item contained within a shipping package.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PackageItem {
    /// Unique identifier of the order item included in this package.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "orderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// Number of units of this item included in the package shipment.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "quantity",
        default,
        deserialize_with = "de::opt_int",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<u32>,
    /// The transparency codes associated with this item for product authentication.
    #[serde(
        rename = "transparencyCodes",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub transparency_codes: Vec<String>,
}

/// Payment information about the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderPayment {
    /// A list of payment executions for the order.
    #[serde(
        rename = "paymentExecutions",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub payment_executions: Vec<PaymentExecution>,
}

/// Payment execution details for an order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct PaymentExecution {
    /// The payment method used for this payment execution (for example, CashOnDelivery, ConvenienceStore,
    /// CreditCard, Invoice, Pix, and so on).
    #[serde(rename = "paymentMethod", default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    /// The monetary value of the payment execution.
    #[serde(rename = "paymentAmount", default, skip_serializing_if = "Option::is_none")]
    pub payment_amount: Option<Money>,
    /// The unique identifier of the payment processor or acquiring bank that authorizes the payment.
    #[serde(rename = "acquirerId", default, skip_serializing_if = "Option::is_none")]
    pub acquirer_id: Option<String>,
    /// The card network or brand used in the payment transaction (for example, Visa or Mastercard).
    #[serde(rename = "cardBrand", default, skip_serializing_if = "Option::is_none")]
    pub card_brand: Option<String>,
    /// The unique code that confirms the payment authorization.
    #[serde(
        rename = "authorizationCode",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub authorization_code: Option<String>,
}

/// Tax information about the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderTax {
    /// A list of tax registrations associated with the order.
    #[serde(
        rename = "taxRegistrations",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tax_registrations: Vec<OrderTaxRegistration>,
    /// Tax invoicing information for the order.
    #[serde(rename = "taxInvoicing", default, skip_serializing_if = "Option::is_none")]
    pub tax_invoicing: Option<OrderTaxInvoicing>,
}

/// Tax registration information for an entity associated with the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderTaxRegistration {
    /// The type of entity that the tax registration belongs to.
    #[serde(rename = "entityType", default, skip_serializing_if = "Option::is_none")]
    pub entity_type: Option<String>,
    /// The legal name associated with the tax registration.
    #[serde(rename = "legalName", default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// The type of the tax registration number.
    #[serde(
        rename = "taxRegistrationType",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_registration_type: Option<String>,
    /// The tax registration number that identifies the entity for tax purposes.
    #[serde(
        rename = "taxRegistrationNumber",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_registration_number: Option<String>,
    /// The address associated with the tax registration.
    #[serde(
        rename = "taxRegistrationAddress",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub tax_registration_address: Option<CustomerAddress>,
    /// Additional attributes related to the tax registration.
    #[serde(
        rename = "taxRegistrationAttributes",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tax_registration_attributes: Vec<TaxRegistrationAttribute>,
}

crate::redacted_debug!(OrderTaxRegistration { entity_type, tax_registration_type } hide { legal_name, tax_registration_number, tax_registration_address, tax_registration_attributes });

/// An additional attribute associated with a tax registration.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct TaxRegistrationAttribute {
    /// The name of the tax registration attribute.
    #[serde(rename = "key", default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value of the tax registration attribute.
    #[serde(rename = "value", default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Tax invoicing information for the order.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct OrderTaxInvoicing {
    /// The buyer's invoicing preference, which indicates whether the seller should issue an individual or a
    /// business invoice to the buyer.
    #[serde(
        rename = "buyerInvoicePreference",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_invoice_preference: Option<String>,
    /// The status of the invoice. Only available for Easy Ship orders and orders in the Brazil marketplace.
    #[serde(rename = "invoiceStatus", default, skip_serializing_if = "Option::is_none")]
    pub invoice_status: Option<String>,
}

/// An associated order item that a customer has purchased with the product. For example, a tire
/// installation service purchased with tires.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct AssociatedOrderItem {
    /// The order identifier of the associated order item.
    #[serde(rename = "orderId", default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<AmazonOrderId>,
    /// The order item identifier of the associated order item.
    #[serde(rename = "orderItemId", default, skip_serializing_if = "Option::is_none")]
    pub order_item_id: Option<OrderItemId>,
    /// The type of association between the order items.
    #[serde(rename = "associationType", default, skip_serializing_if = "Option::is_none")]
    pub association_type: Option<String>,
}

/// Tax information for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemTax {
    /// A list of tax calculation breakdowns for the order item.
    #[serde(
        rename = "taxCalculationBreakdowns",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tax_calculation_breakdowns: Vec<ItemTaxCalculationBreakdown>,
    /// A list of tax collections for the order item.
    #[serde(
        rename = "taxCollections",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tax_collections: Vec<ItemTaxCollection>,
}

/// Tax calculation breakdowns for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemTaxCalculationBreakdown {
    /// The tax reporting scheme applied to this order item.
    #[serde(rename = "reportingScheme", default, skip_serializing_if = "Option::is_none")]
    pub reporting_scheme: Option<String>,
}

/// Tax collection information for an order item.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ItemTaxCollection {
    /// The tax collection model applied to the item.
    #[serde(rename = "model", default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// The party responsible for withholding the taxes and remitting them to the taxing authority.
    #[serde(rename = "responsibleParty", default, skip_serializing_if = "Option::is_none")]
    pub responsible_party: Option<String>,
}

/// An amount of money, including units in the form of currency.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct Money {
    /// A decimal number with no loss of precision. Follows RFC 7159 for number representation.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "amount",
        default,
        deserialize_with = "de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
    /// The three-letter currency code that identifies the currency type, following ISO 4217 international
    /// standards.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(rename = "currencyCode", default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
}

/// A time period with start and end boundaries.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct DateTimeRange {
    /// The beginning of the time period, in ISO 8601 format.
    #[serde(
        rename = "earliestDateTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub earliest_date_time: Option<DateTime<Utc>>,
    /// The end of the time period, in ISO 8601 format.
    #[serde(
        rename = "latestDateTime",
        default,
        deserialize_with = "de::opt_datetime",
        skip_serializing_if = "Option::is_none"
    )]
    pub latest_date_time: Option<DateTime<Utc>>,
}

/// A list of error responses returned when a request is unsuccessful.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct ErrorList {
    /// A list of errors.
    ///
    /// Required by Amazon's model; empty when Amazon leaves it out.
    #[serde(
        rename = "errors",
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub errors: Vec<AmazonError>,
}

/// Information about a fulfillment order associated with a customer order. A fulfillment order
/// represents a unit of fulfillment created by Amazon for the order. Note: Only available for EasyShip
/// orders at present.
#[derive(Clone, Default, PartialEq, Serialize, Deserialize, Debug)]
pub struct FulfillmentOrder {
    /// The Fulfillment Order ID assigned by Amazon after fulfillment planning. This identifier is identical
    /// to the Shipment ID required by External Fulfillment APIs.
    ///
    /// Required by Amazon's model; absent here when Amazon leaves it out.
    #[serde(
        rename = "fulfillmentOrderId",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub fulfillment_order_id: Option<String>,
}

crate::lenient_enum! {
    /// Classification of the enforcement level required for shipping and delivery constraints.
    pub enum ConstraintType {
        /// `MANDATORY`.
        Mandatory = "MANDATORY",
    }
}

crate::lenient_enum! {
    /// Specific day of the week for which operating hours are being defined.
    pub enum DayOfWeek {
        /// `SUN`.
        Sun = "SUN",
        /// `MON`.
        Mon = "MON",
        /// `TUE`.
        Tue = "TUE",
        /// `WED`.
        Wed = "WED",
        /// `THU`.
        Thu = "THU",
        /// `FRI`.
        Fri = "FRI",
        /// `SAT`.
        Sat = "SAT",
    }
}

crate::lenient_enum! {
    /// Operational status of the business on the specified exception date.
    pub enum ExceptionDateType {
        /// `CLOSED`.
        Closed = "CLOSED",
        /// `OPEN`.
        Open = "OPEN",
    }
}

crate::lenient_enum! {
    /// The current fulfillment status of an order, indicating where the order is in the fulfillment process
    /// from placement to handover to carrier.
    pub enum FulfillmentStatus {
        /// `PENDING_AVAILABILITY`.
        PendingAvailability = "PENDING_AVAILABILITY",
        /// `PENDING`.
        Pending = "PENDING",
        /// `UNSHIPPED`.
        Unshipped = "UNSHIPPED",
        /// `PARTIALLY_SHIPPED`.
        PartiallyShipped = "PARTIALLY_SHIPPED",
        /// `SHIPPED`.
        Shipped = "SHIPPED",
        /// `CANCELLED`.
        Cancelled = "CANCELLED",
        /// `UNFULFILLABLE`.
        Unfulfillable = "UNFULFILLABLE",
    }
}

crate::lenient_enum! {
    /// The specific unit of measurement used to quantify this item.
    pub enum MeasurementUnit {
        /// `OUNCES`.
        Ounces = "OUNCES",
        /// `POUNDS`.
        Pounds = "POUNDS",
        /// `KILOGRAMS`.
        Kilograms = "KILOGRAMS",
        /// `GRAMS`.
        Grams = "GRAMS",
        /// `MILLIGRAMS`.
        Milligrams = "MILLIGRAMS",
        /// `INCHES`.
        Inches = "INCHES",
        /// `FEET`.
        Feet = "FEET",
        /// `METERS`.
        Meters = "METERS",
        /// `CENTIMETERS`.
        Centimeters = "CENTIMETERS",
        /// `MILLIMETERS`.
        Millimeters = "MILLIMETERS",
        /// `SQUARE_METERS`.
        SquareMeters = "SQUARE_METERS",
        /// `SQUARE_CENTIMETERS`.
        SquareCentimeters = "SQUARE_CENTIMETERS",
        /// `SQUARE_FEET`.
        SquareFeet = "SQUARE_FEET",
        /// `SQUARE_INCHES`.
        SquareInches = "SQUARE_INCHES",
        /// `GALLONS`.
        Gallons = "GALLONS",
        /// `PINTS`.
        Pints = "PINTS",
        /// `QUARTS`.
        Quarts = "QUARTS",
        /// `FLUID_OUNCES`.
        FluidOunces = "FLUID_OUNCES",
        /// `LITERS`.
        Liters = "LITERS",
        /// `CUBIC_METERS`.
        CubicMeters = "CUBIC_METERS",
        /// `CUBIC_FEET`.
        CubicFeet = "CUBIC_FEET",
        /// `CUBIC_INCHES`.
        CubicInches = "CUBIC_INCHES",
        /// `CUBIC_CENTIMETERS`.
        CubicCentimeters = "CUBIC_CENTIMETERS",
        /// `COUNT`.
        Count = "COUNT",
    }
}

crate::lenient_enum! {
    /// Primary status classification of the package in the shipping workflow.
    pub enum PackageStatusCode {
        /// `PENDING`.
        Pending = "PENDING",
        /// `IN_TRANSIT`.
        InTransit = "IN_TRANSIT",
        /// `SHIPPED`.
        Shipped = "SHIPPED",
        /// `DELIVERED`.
        Delivered = "DELIVERED",
        /// `CANCELLED`.
        Cancelled = "CANCELLED",
        /// `UNDELIVERABLE`.
        Undeliverable = "UNDELIVERABLE",
    }
}

crate::lenient_enum! {
    /// Source and nature of the substitution preferences for this item.
    pub enum SubstitutionType {
        /// `CUSTOMER_PREFERENCE`.
        CustomerPreference = "CUSTOMER_PREFERENCE",
        /// `AMAZON_RECOMMENDED`.
        AmazonRecommended = "AMAZON_RECOMMENDED",
        /// `DO_NOT_SUBSTITUTE`.
        DoNotSubstitute = "DO_NOT_SUBSTITUTE",
    }
}
